import Foundation
import SurveyCore

extension ColumnMapper {
  func layoutKey(_ cells: [String]) -> String {
    cells.map(MatchKey.text).joined(separator: "\u{1}")
  }

  /// Private fields that are never stored are not read at all.
  func isDropped(_ role: ColumnRole) -> Bool {
    guard case .answer(let id) = role else { return false }
    return survey.question(id)?.privateMode == .drop
  }

  /// Common names of metadata columns, whatever the platform.
  func metadataAlias(_ header: String, platform: Platform) -> ColumnRole? {
    switch MatchKey.text(header) {
    case "respondent_id", "response_id", "responseid", "respondent id", "id", "_id", "key",
      "instanceid":
      .metadata(.responseID)
    case "submitted_at", "submitted", "timestamp", "submissiondate", "_submission_time",
      "submitdate",
      "recordeddate", "end date":
      .metadata(.submittedAt)
    case "started_at", "startdate", "start date", "start": .metadata(.startedAt)
    case MetadataField.rejectColumn: .metadata(.rejectID)
    case "chapter": survey.roles.chapter == nil ? .metadata(.chapter) : nil
    case "wave": survey.roles.wave == nil ? .metadata(.wave) : nil
    default: nil
    }
  }

  /// Each platform's way of naming group paths, grid rows, split options and "other" answers.
  func decomposed(_ cells: [String], block: String, platform: Platform) -> ColumnRole? {
    let header = cells.first ?? ""
    switch platform {
    case .kobo, .odk:
      let parts = header.split(separator: "/").map(String.init)
      let path =
        parts.count == 1 && platform == .odk ? header.split(separator: "-").map(String.init) : parts
      if path.count >= 2,
        let question = answered(identifiers[MatchKey.identifier(path[path.count - 2])]),
        let code = options[question]?[MatchKey.text(path[path.count - 1])],
        isMultiple(question)
      {
        return .option(question, code: code)
      }
      return path.last.flatMap { identifiers[MatchKey.identifier($0)] }
    case .limeSurvey:
      guard let open = header.firstIndex(of: "["), header.hasSuffix("]") else { return nil }
      let code = String(header[..<open])
      let sub = String(header[header.index(after: open)..<header.index(before: header.endIndex)])
      if let grid = survey.grids.first(where: {
        MatchKey.identifier($0.id) == MatchKey.identifier(code)
      }),
        sub.uppercased().hasPrefix("SQ"), let row = Int(sub.dropFirst(2)), row >= 1,
        row <= grid.rows.count
      {
        return .answer(grid.rows[row - 1])
      }
      guard let question = answered(identifiers[MatchKey.identifier(code)]) else { return nil }
      if sub.lowercased() == "other" { return .other(question) }
      if isMultiple(question), let option = options[question]?[MatchKey.text(sub)] {
        return .option(question, code: option)
      }
      return nil
    case .qualtrics:
      // Metadata by its import id, whatever the language of the row-2 text.
      if cells.count > 2, let importID = QualtricsImportID(cells[2]),
        let field = QualtricsImportID.metadataByImportID[importID.importID]
      {
        return .metadata(field)
      }
      if header.hasSuffix("_TEXT") {
        let base = header.dropLast(5).replacingSuffix("_other")
        if let question = answered(identifiers[MatchKey.identifier(base)]) {
          return .other(question)
        }
      }
      if let underscore = header.lastIndex(of: "_"),
        let row = Int(header[header.index(after: underscore)...]),
        let grid = survey.grids.first(where: {
          MatchKey.identifier($0.id) == MatchKey.identifier(String(header[..<underscore]))
        }),
        row >= 1, row <= grid.rows.count
      {
        return .answer(grid.rows[row - 1])
      }
      return cells.count > 1 ? texts[MatchKey.text(cells[1])] : nil
    case .surveyMonkey:
      let sub = cells.count > 1 ? cells[1] : ""
      guard let question = answered(texts[MatchKey.text(block)]) else {
        if let grid = survey.grids.first(where: {
          $0.text.values.values.contains { MatchKey.text($0) == MatchKey.text(block) }
        }),
          let row = grid.rows.first(where: { id in
            survey.question(id)?.text.values.values.contains {
              MatchKey.text($0) == MatchKey.text(sub)
            } ?? false
          })
        {
          return .answer(row)
        }
        return nil
      }
      switch MatchKey.text(sub) {
      case "response", "open-ended response", "": return .answer(question)
      case "other (please specify)": return .other(question)
      default:
        if isMultiple(question), let code = options[question]?[MatchKey.text(sub)] {
          return .option(question, code: code)
        }
        return nil
      }
    case .generic, .googleForms:
      return nil
    }
  }

  /// By identifier (old names included), then by question text in any language.
  func fallback(_ cells: [String], platform: Platform) -> ColumnRole? {
    let header = cells.first ?? ""
    return identifiers[MatchKey.identifier(header)] ?? texts[MatchKey.text(header)]
  }

  func answered(_ role: ColumnRole?) -> String? {
    if case .answer(let id)? = role { return id }
    return nil
  }

  func isMultiple(_ id: String) -> Bool {
    if case .multiple = survey.question(id)?.type { return true }
    return false
  }

  /// Unknown columns reported one by one; beyond this, one summary line says how many more.
  static let unknownColumnLimit = 50

  func reportUnknown(
    _ header: String, at location: @autoclosure () -> CellLocation?,
    into mapping: inout ColumnMapping
  ) {
    mapping.unknownColumns += 1
    if mapping.unknownColumns == Self.unknownColumnLimit + 1 {
      mapping.diagnostics.append(
        Diagnostic(
          .warning, id: "ingest.manyUnknownColumns",
          "more columns are not in the survey; only the first \(Self.unknownColumnLimit) are listed",
          at: nil))
    }
    guard mapping.unknownColumns <= Self.unknownColumnLimit else { return }
    let location = location()
    let candidates = survey.questions.map(\.id)
    mapping.diagnostics.append(
      Diagnostic(
        .warning, id: "ingest.unknownColumn", IngestMessage.unknownColumn(header),
        at: location?.range(length: header.count),
        label: Suggestion.label(for: header, in: candidates)))
  }

  /// The time zones an export declares for its timestamps (Qualtrics): a name Foundation does
  /// not know is said (its timestamps are then read as if no zone were declared), and so is a
  /// `--timezone` that overrides them.
  func checkTimeZones(
    _ zones: [(column: Int, zone: String)], _ mapping: inout ColumnMapping, header: HeaderRows,
    userOffset: Int?
  ) {
    var unknown: Set<String> = []
    for (column, zone) in zones where TimeZone(identifier: zone) == nil {
      mapping.columns[column]?.timeZone = nil
      guard unknown.insert(zone).inserted else { continue }
      mapping.diagnostics.append(
        Diagnostic(
          .warning, id: "ingest.unknownTimeZone", IngestMessage.unknownTimeZone(zone),
          at: header.location(2, column)?.range()))
    }
    if let userOffset,
      let (column, zone) = zones.first(where: { TimeZone(identifier: $0.zone) != nil })
    {
      mapping.diagnostics.append(
        Diagnostic(
          .warning, id: "ingest.timeZoneOverridden",
          IngestMessage.timeZoneOverridden(zone, userOffset),
          at: header.location(2, column)?.range()))
    }
  }

  /// Two columns for one thing, and questions without a column.
  func checkCoverage(_ mapping: inout ColumnMapping, header: HeaderRows) {
    var seen: [ColumnRole: Int] = [:]
    for (index, column) in mapping.columns.enumerated() {
      guard let column else { continue }
      if let first = seen[column.role] {
        let id: String =
          switch column.role {
          case .answer(let id), .option(let id, _), .other(let id): id
          case .metadata(let field): field.rawValue
          }
        mapping.diagnostics.append(
          Diagnostic(
            .error, id: "ingest.duplicateColumn", IngestMessage.duplicateColumn(column.header, id),
            at: header.location(0, index)?.range(length: column.header.count),
            notes: [
              Diagnostic.Note(
                "the first column for it is here", at: header.location(0, first)?.range())
            ]))
        mapping.columns[index] = nil
        continue
      }
      seen[column.role] = index
    }
    let covered = Set(
      mapping.columns.compactMap { column -> String? in
        switch column?.role {
        case .answer(let id)?, .option(let id, _)?: id
        default: nil
        }
      })
    var optional: [String] = []
    for question in survey.questions
    where !covered.contains(question.id) && question.privateMode != .drop {
      if question.isRequired, question.relevance == nil {
        let unknown = mapping.columns.indices.filter { mapping.columns[$0] == nil }.map {
          header.cell(0, $0)
        }
        mapping.diagnostics.append(
          Diagnostic(
            .error, id: "ingest.missingColumn", IngestMessage.missingColumn(question.id),
            at: header.location(0, 0)?.range(),
            label: Suggestion.closest(to: question.id, in: unknown).map {
              "did you mean the column '\($0)'?"
            }))
      } else {
        optional.append(question.id)
      }
    }
    if !optional.isEmpty {
      mapping.diagnostics.append(
        Diagnostic(
          .warning, id: "ingest.questionsWithoutColumn", IngestMessage.missingColumns(optional),
          at: header.location(0, 0)?.range()))
    }
  }
}

extension Substring {
  fileprivate func replacingSuffix(_ suffix: String) -> String {
    hasSuffix(suffix) ? String(dropLast(suffix.count)) : String(self)
  }
}
