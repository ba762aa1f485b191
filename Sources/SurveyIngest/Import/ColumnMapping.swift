import SurveyCore

/// One CSV column matched to what it holds.
package struct MappedColumn: Sendable, Hashable {
  /// What the column holds.
  package var role: ColumnRole
  /// Its header (first header row) as written.
  package var header: String
  /// The time zone the export declares for the column's timestamps (Qualtrics), if any.
  package var timeZone: String? = nil
}

/// How the columns of an export map to the survey, with every header problem found.
package struct ColumnMapping: Sendable {
  /// The platform the export comes from.
  package var platform: Platform
  /// The number of header rows.
  package var headerRowCount: Int
  /// The role of each CSV column, or `nil` for a column that is ignored.
  package var columns: [MappedColumn?]
  /// Header problems: errors block the import, warnings do not.
  package var diagnostics: [Diagnostic]
  /// Columns not in the survey (each ignored; the first ones are listed in the diagnostics).
  package var unknownColumns = 0

  /// The column holding the answer to a question, if any.
  package func column(answering id: String) -> Int? {
    columns.firstIndex { if case .answer(id)? = $0?.role { true } else { false } }
  }

  /// The column holding a metadata field, if any.
  package func column(for field: MetadataField) -> Int? {
    columns.firstIndex { if case .metadata(field)? = $0?.role { true } else { false } }
  }
}

/// Matches export columns to questions: by platform layout, by identifier (also old names from
/// `renamed from`), by question text in any of the survey's languages, and by each platform's
/// way of naming group paths, grid rows, split multiple-choice options and "other" answers.
package struct ColumnMapper: Sendable {
  let survey: Survey
  let identifiers: [String: ColumnRole]
  let texts: [String: ColumnRole]
  let options: [String: [String: Int]]

  /// Prepares the lookup tables for a survey.
  package init(survey: Survey) {
    self.survey = survey
    var identifiers: [String: ColumnRole] = [:]
    var texts: [String: ColumnRole] = [:]
    var options: [String: [String: Int]] = [:]
    let grids = Dictionary(survey.grids.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    for question in survey.questions {
      let answer = ColumnRole.answer(question.id)
      for id in [question.id] + question.renamedFrom {
        identifiers[MatchKey.identifier(id), default: answer] = answer
      }
      if let other = question.otherID {
        identifiers[MatchKey.identifier(other)] = .other(question.id)
      }
      for text in question.text.values.values {
        texts[MatchKey.text(text), default: answer] = answer
      }
      if let grid = question.grid.flatMap({ grids[$0] }) {
        for (language, stem) in grid.text.values {
          let row = question.text.values[language] ?? question.text.text(in: survey.defaultLanguage)
          texts[MatchKey.text(stem + " [" + row + "]")] = answer
          texts[MatchKey.text(stem + " - " + row)] = answer
        }
      }
      if let set = survey.choiceSet(of: question) {
        var table: [String: Int] = [:]
        for choice in set.choices {
          table[MatchKey.text(String(choice.code))] = choice.code
          if let name = choice.name { table[MatchKey.text(name)] = choice.code }
          for label in choice.label.values.values {
            table[MatchKey.text(label), default: choice.code] = choice.code
          }
        }
        options[question.id] = table
      }
    }
    self.identifiers = identifiers
    self.texts = texts
    self.options = options
  }

  /// Maps the columns of an export.
  ///
  /// - Parameters:
  ///   - header: The header rows.
  ///   - platform: The platform whose shape the export has.
  ///   - timeZoneOffsetMinutes: The `--timezone` given at import, if any (it wins over a time
  ///     zone the export declares, with a warning).
  package func map(
    _ header: HeaderRows, platform: Platform, timeZoneOffsetMinutes: Int? = nil
  ) -> ColumnMapping {
    var mapping = ColumnMapping(
      platform: platform, headerRowCount: platform.headerRowCount, columns: [], diagnostics: [])
    let layouts = survey.languages.map {
      ExportLayout(survey: survey, platform: platform, language: $0.code)
    }
    var layoutRoles: [String: ColumnRole] = [:]
    for layout in layouts {
      for column in layout.columns {
        layoutRoles[layoutKey(column.headers), default: column.role] = column.role
      }
    }
    var blockText = ""
    var zones: [(column: Int, zone: String)] = []
    for column in 0..<header.width {
      var cells = (0..<platform.headerRowCount).map { header.cell($0, column) }
      var declaredZone: String?
      if platform == .qualtrics, let importID = QualtricsImportID(cells[2]) {
        cells[2] = importID.canonical
        declaredZone = importID.timeZone
      }
      if platform == .surveyMonkey, !cells[0].isEmpty { blockText = cells[0] }
      var key = cells
      if platform == .surveyMonkey { key[0] = blockText }
      let role =
        layoutRoles[layoutKey(key)] ?? metadataAlias(cells[0], platform: platform)
        ?? decomposed(cells, block: blockText, platform: platform)
        ?? fallback(cells, platform: platform)
      let text = cells.first { !$0.isEmpty } ?? ""
      if let role, !isDropped(role), role != .metadata(.ignored) {
        var mapped = MappedColumn(role: role, header: text)
        if let declaredZone, role == .metadata(.submittedAt) || role == .metadata(.startedAt) {
          mapped.timeZone = declaredZone
          zones.append((column, declaredZone))
        }
        mapping.columns.append(mapped)
      } else {
        mapping.columns.append(nil)
        if role == nil, !text.isEmpty || column < header.width - 1 {
          reportUnknown(text, at: header.location(0, column), into: &mapping)
        }
      }
    }
    checkCoverage(&mapping, header: header)
    checkTimeZones(zones, &mapping, header: header, userOffset: timeZoneOffsetMinutes)
    return mapping
  }
}
