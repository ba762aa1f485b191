import SurveyCore

/// Decodes and validates the cells of one row against the survey.
///
/// The column engine (`SurveyEngine`) decides row by row which rows are valid from each cell's
/// ``CellOutcome``, worked out here; this decoder words the problems of the rows that have some
/// (``explain(line:raw:issues:path:)``), so both read every cell the same way.
package struct RowDecoder: Sendable {
  /// The survey.
  package let survey: Survey
  /// The platform whose export is read.
  package let platform: Platform
  /// How each column is decoded.
  package let plans: [ColumnPlan]
  /// The import's settings.
  package let options: ImportOptions
  let decimalComma: Bool
  /// The number of columns of the header.
  package let headerWidth: Int
  /// The file's delimiter.
  package let delimiter: CSVDelimiter
  /// Columns whose cells are blanked in the kept copy of a rejected row: private fields,
  /// unknown columns and platform metadata such as IP addresses and names.
  let redacted: Set<Int>
  /// The first column feeding each question position (the same for every row).
  package let cellColumn: [Int: Int]
  /// What validation needs of each question, read once (copying a question per cell is costly).
  package let questionInfo: [QuestionInfo]

  /// What validation needs of one question.
  package struct QuestionInfo: Sendable {
    /// The question's id.
    package var id: String
    /// Whether it must be answered when shown.
    package var isRequired: Bool
    /// Whether it is a private field that is never read.
    package var isDropped: Bool
    var checkMessages: [String]
  }

  /// The decoding of an export whose header was mapped as `mapping`.
  ///
  /// Decimal commas are accepted in `;`-separated files (where `,` cannot be the delimiter)
  /// and when asked for; a decimal point is always accepted.
  init(
    survey: Survey, platform: Platform, mapping: ColumnMapping, options: ImportOptions,
    headerWidth: Int, delimiter: CSVDelimiter
  ) {
    self.survey = survey
    self.platform = platform
    let plans = mapping.columns.map { ColumnPlan($0, survey: survey) }
    self.plans = plans
    self.options = options
    self.decimalComma = options.decimalComma ?? (delimiter == .semicolon)
    self.headerWidth = headerWidth
    self.delimiter = delimiter
    var redacted: Set<Int> = []
    var cellColumn: [Int: Int] = [:]
    for (index, plan) in plans.enumerated() {
      switch plan.kind {
      case .ignored, .metadata(.ignored): redacted.insert(index)
      default:
        if let position = plan.position, survey.questions[position].privateMode != nil {
          redacted.insert(index)
        }
      }
      if let position = plan.position, cellColumn[position] == nil { cellColumn[position] = index }
    }
    self.redacted = redacted
    self.cellColumn = cellColumn
    questionInfo = survey.questions.map { question in
      QuestionInfo(
        id: question.id, isRequired: question.isRequired, isDropped: question.privateMode == .drop,
        checkMessages: question.checks.map { $0.message.text(in: survey.defaultLanguage) })
    }
  }

  /// The rejected row standing for a record over the reader's limits: nothing of it was read,
  /// so it keeps no text, only its line and the reason.
  package func tooLarge(line: Int, issues: [CSVIssue], path: String) -> ImportedRow {
    var row = ImportedRow(
      line: line, raw: [], answers: Array(repeating: .blank, count: survey.questions.count),
      otherTexts: [:], responseID: nil, submittedAt: nil, chapter: options.chapter,
      wave: options.wave, weight: nil, personValue: nil, problems: [])
    row.isTooLarge = true
    row.problems = issues.map { problem(for: $0, path: path, line: line, raw: []) }
    if !row.problems.contains(where: { $0.id == "csv.recordTooLarge" }) {
      row.problems.append(
        RowProblem(
          severity: .error, id: "csv.recordTooLarge",
          message:
            "the record starting at line \(line) is over the reader's limits and cannot be read",
          question: nil,
          location: CellLocation(
            path: path, recordLine: line, rawText: "", position: CSVPosition(line: line, column: 1))
        ))
    }
    return row
  }

  /// The row of a record's text, decoded and validated as its cells say, with every problem
  /// worded and placed: what the column engine uses for the rows it finds problems in.
  ///
  /// - Parameters:
  ///   - line: The physical line the record starts on.
  ///   - raw: The record's text.
  ///   - issues: The CSV reader's issues in the record.
  ///   - path: The file, for diagnostics.
  package func explain(line: Int, raw: [UInt8], issues: [CSVIssue], path: String) -> ImportedRow {
    let reader = CSVReader(bytes: raw, options: CSVReaderOptions(delimiter: delimiter))
    guard (try? reader.nextRecord()) == true else {
      return decode(SavedRecord.empty(line: line, path: path), line: line, raw: raw, issues: issues)
    }
    var saved = SavedRecord(reader.record, path: path, issues: issues)
    saved.line = line
    return decode(saved, line: line, raw: raw, issues: issues)
  }

  /// A row the column engine found no problem in (no CSV issue, no problem in any cell, no
  /// broken rule), assembled from its cells' outcomes as ``decode(_:line:raw:issues:)``
  /// assembles a row, without checking it again.
  ///
  /// - Parameters:
  ///   - line: The physical line the record starts on.
  ///   - raw: The record's text.
  ///   - outcome: Each column's cell outcome (``outcome(_:_:)`` of the cell).
  package func assemble(line: Int, raw: [UInt8], outcome: (_ column: Int) -> CellOutcome)
    -> ImportedRow
  {
    var row = emptyRow(line: line, raw: raw)
    for (index, plan) in plans.enumerated() { apply(outcome(index), plan, to: &row) }
    finish(&row)
    return row
  }

  private func emptyRow(line: Int, raw: [UInt8]) -> ImportedRow {
    ImportedRow(
      line: line, raw: raw, answers: Array(repeating: .blank, count: survey.questions.count),
      otherTexts: [:],
      responseID: nil, submittedAt: nil, chapter: options.chapter, wave: options.wave, weight: nil,
      personValue: nil, problems: [])
  }

  /// A multiple-choice answer with no option ticked is no answer; then the roles are read.
  private func finish(_ row: inout ImportedRow) {
    for position in row.answers.indices {
      if case .codes(let codes) = row.answers[position], codes.isEmpty {
        row.answers[position] = .blank
      }
    }
    assignRoles(&row)
  }

  func decode(_ fields: some FieldSource, line: Int, raw: [UInt8], issues: [CSVIssue])
    -> ImportedRow
  {
    var row = emptyRow(line: line, raw: raw)
    if !issues.isEmpty {
      let path = fields.location(0).path
      for issue in issues {
        row.problems.append(problem(for: issue, path: path, line: line, raw: raw))
      }
    }
    if fields.fieldCount != headerWidth {
      row.problems.append(
        RowProblem(
          severity: .error, id: "ingest.raggedRow",
          message: IngestMessage.raggedRow(fields.fieldCount, headerWidth),
          question: nil, location: fields.location(min(fields.fieldCount, headerWidth))))
      return row
    }
    for (index, plan) in plans.enumerated() {
      let outcome = fields.withField(index) { bytes in self.outcome(plan, bytes) }
      apply(outcome, plan, to: &row)
      if let problem = outcome.problem {
        row.problems.append(rowProblem(problem, at: fields.location(index)))
      }
    }
    for position in row.answers.indices {
      if case .codes(let codes) = row.answers[position], codes.isEmpty {
        row.answers[position] = .blank
      }
    }
    validate(&row, fields: fields)
    assignRoles(&row)
    if row.isRejected { row.raw = redact(fields, raw: raw) }
    return row
  }

  /// A row's text with private and unread cells blanked (see ``redact(_:raw:)``); text that is
  /// not one record is kept as it is only if nothing in it needs blanking.
  func redact(raw: [UInt8]) -> [UInt8] {
    guard !redacted.isEmpty else { return raw }
    let reader = CSVReader(bytes: raw, options: CSVReaderOptions(delimiter: delimiter))
    guard (try? reader.nextRecord()) == true, reader.record.count > 0 else { return [] }
    let saved = SavedRecord(reader.record, path: "", issues: [])
    return redact(saved, raw: raw)
  }

  /// The row as written, with private and unread cells blanked, so a rejected row kept for
  /// fixing never stores an e-mail address, a name or an IP address in clear.
  func redact(_ fields: some FieldSource, raw: [UInt8]) -> [UInt8] {
    let needsRedaction = redacted.contains { index in
      index < fields.fieldCount && fields.withField(index) { !$0.isEmpty }
    }
    guard needsRedaction else { return raw }
    let writer = CSVWriter(
      options: CSVWriterOptions(delimiter: delimiter, lineEnding: .lf, masksFormulas: false))
    for index in 0..<fields.fieldCount {
      if redacted.contains(index) {
        try? writer.writeField("")
      } else {
        fields.withField(index) { bytes in _ = try? writer.writeField(bytes: bytes) }
      }
    }
    try? writer.endRecord()
    var bytes = writer.bytes
    if bytes.last == 0x0A { bytes.removeLast() }
    return bytes
  }
}

extension RowDecoder {
  /// A cell holding a plain whole number that is one of the column's codes, read without
  /// making a string (the common case for code exports).
  func fastCode(_ bytes: UnsafeRawBufferPointer, _ plan: ColumnPlan) -> Int? {
    guard bytes.count <= 9, let first = bytes.first, (0x30...0x39).contains(first) || first == 0x2D
    else { return nil }
    guard let value = CSVNumberParser.int(bytes), plan.codes.contains(value) else { return nil }
    return value
  }

  func nonEmpty(_ bytes: UnsafeRawBufferPointer) -> String? {
    let ascii = Self.trimmed(bytes)
    guard !ascii.isEmpty else { return nil }
    var text = String(decoding: ascii, as: UTF8.self)
    // Only a cell that starts or ends with a non-ASCII byte can hold other white space
    // (such as a no-break space) at its ends.
    if let first = ascii.first, let last = ascii.last, first >= 0x80 || last >= 0x80 {
      text = text.trimmingSpaces()
      if text.isEmpty { return nil }
    }
    return platform == .qualtrics && text == "-99" ? nil : text
  }

  /// Whether a free-text cell holds an answer (see ``asWritten(_:)``); cheap for the usual
  /// cell, which starts and ends with an ASCII character that is not white space.
  package func hasText(_ bytes: UnsafeRawBufferPointer) -> Bool {
    let trimmed = Self.trimmed(bytes)
    guard let first = trimmed.first, let last = trimmed.last else { return false }
    if first < 0x80, last < 0x80 {
      return platform != .qualtrics || !trimmed.elementsEqual("-99".utf8)
    }
    return asWritten(bytes) != nil
  }

  /// The time zone a timestamp column is read in, when it is not UTC or `--timezone`.
  package func timeZoneOverride(of plan: ColumnPlan) -> Bool {
    options.timeZoneOffsetMinutes == nil && plan.timeZone != nil
  }

  /// Free text exactly as written, or `nil` for a cell of white space only (no answer) and for
  /// Qualtrics' "seen but not answered" `-99`.
  func asWritten(_ bytes: UnsafeRawBufferPointer) -> String? {
    guard nonEmpty(bytes) != nil else { return nil }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The bytes without ASCII white space (space, tab, CR, LF) at either end.
  package static func trimmed(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
    var start = 0
    var end = bytes.count
    while start < end, [0x20, 0x09, 0x0D, 0x0A].contains(bytes[start]) { start += 1 }
    while end > start, [0x20, 0x09, 0x0D, 0x0A].contains(bytes[end - 1]) { end -= 1 }
    return UnsafeRawBufferPointer(rebasing: bytes[start..<end])
  }

  func id(_ position: Int) -> String { questionInfo[position].id }

  /// A CSV reader's issue as a problem of the row, located in the row's text (so the excerpt
  /// shows it); invalid UTF-8 is worded for the import, with what to do.
  private func problem(for issue: CSVIssue, path: String, line: Int, raw: [UInt8]) -> RowProblem {
    let severity: Severity = issue.severity == .warning ? .warning : .error
    let location = CellLocation(
      path: path, recordLine: line, rawText: String(decoding: raw, as: UTF8.self),
      position: issue.position)
    let message =
      issue.kind == .invalidUTF8 ? IngestMessage.invalidUTF8(issue.position) : issue.message
    return RowProblem(
      severity: severity, id: "csv." + issue.kind.rawValue, message: message, question: nil,
      location: location)
  }
}
