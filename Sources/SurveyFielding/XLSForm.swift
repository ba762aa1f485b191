import SurveyCore

/// A survey as an XLSForm, the form format of ODK Collect, KoboToolbox and Enketo, in the CSV
/// shape pyxform reads: each sheet starts with a row holding its name in the first cell, and
/// its rows follow with that cell empty.
///
/// Choice values are the survey's codes, so that answers come back through the KoboToolbox and
/// ODK Central adapters as codes; every declared language gets its own `label::Name (code)`
/// column; sections and grids become groups; `show if` becomes `relevant`; ranges and hard checks
/// become `constraint`; a question with an "other" answer gets an `other` choice and an
/// `ID_other` text question shown when it is picked.
package struct XLSForm: Sendable {
  /// The survey sheet, the choices sheet and the settings sheet, as rows of cells.
  package let sheets: [(name: String, rows: [[String]])]
  /// What the form could not carry, for the user (soft checks, rules on scores).
  package let notes: [String]

  /// The form of a survey.
  package init(survey: Survey) {
    var builder = XLSFormBuilder(survey: survey)
    builder.build()
    sheets = [
      ("survey", [builder.surveyColumns] + builder.surveyRows),
      ("choices", [builder.choiceColumns] + builder.choiceRows),
      ("settings", builder.settings),
    ]
    notes = builder.notes
  }

  /// The rows of the CSV form: a sheet's name alone in the first cell starts the sheet.
  package var csvRows: [[String]] {
    var rows: [[String]] = []
    for (name, sheetRows) in sheets {
      let width = (sheetRows.map(\.count).max() ?? 0) + 1
      rows.append([name] + Array(repeating: "", count: width - 1))
      for row in sheetRows {
        rows.append([""] + row + Array(repeating: "", count: max(0, width - 1 - row.count)))
      }
    }
    return rows
  }
}

/// Builds the sheets.
struct XLSFormBuilder {
  let survey: Survey
  let languages: [Language]
  var surveyRows: [[String]] = []
  var choiceRows: [[String]] = []
  var settings: [[String]] = []
  var notes: [String] = []

  init(survey: Survey) {
    self.survey = survey
    languages =
      survey.languages.isEmpty ? [Language(code: "en", name: "English")] : survey.languages
  }

  func column(_ name: String, _ language: Language) -> String {
    name + "::" + language.name + " (" + language.code + ")"
  }

  var surveyColumns: [String] {
    ["type", "name"] + languages.map { column("label", $0) } + languages.map { column("hint", $0) }
      + ["required", "relevant", "constraint"] + languages.map { column("constraint_message", $0) }
      + ["appearance", "calculation"]
  }

  var choiceColumns: [String] { ["list_name", "name"] + languages.map { column("label", $0) } }

  func texts(_ text: LocalizedText?) -> [String] {
    languages.map { text?.values[$0.code] ?? text?.text(in: survey.defaultLanguage) ?? "" }
  }

  /// One row of the survey sheet.
  func row(
    type: String, name: String, label: LocalizedText?, hint: LocalizedText? = nil,
    required: Bool = false,
    relevant: String = "", constraint: String = "", message: LocalizedText? = nil,
    appearance: String = "",
    calculation: String = ""
  ) -> [String] {
    [type, name] + texts(label) + texts(hint) + [required ? "yes" : "", relevant, constraint]
      + (message == nil ? languages.map { _ in "" } : texts(message)) + [appearance, calculation]
  }

  mutating func build() {
    let writer = XPathWriter(survey: survey)
    for value in survey.derived {
      if let calculation = writer.write(value.expression) {
        surveyRows.append(
          row(type: "calculate", name: value.id, label: nil, calculation: calculation))
      } else {
        notes.append("derived value '\(value.id)' reads a score or a cause and is not in the form")
      }
    }
    var openSection: String?
    var openGrid: String?
    for question in survey.questions {
      if question.grid != openGrid, openGrid != nil {
        surveyRows.append(row(type: "end group", name: "", label: nil))
        openGrid = nil
      }
      if question.section != openSection {
        if openSection != nil { surveyRows.append(row(type: "end group", name: "", label: nil)) }
        openSection = question.section
        if let id = question.section, let section = survey.sections.first(where: { $0.id == id }) {
          let relevant = section.relevance.flatMap { writer.write($0) } ?? ""
          surveyRows.append(
            row(type: "begin group", name: id, label: section.title, relevant: relevant))
        }
      }
      if let id = question.grid, id != openGrid,
        let grid = survey.grids.first(where: { $0.id == id })
      {
        surveyRows.append(
          row(type: "begin group", name: id, label: grid.text, appearance: "field-list"))
        openGrid = id
      }
      add(question)
    }
    if openGrid != nil { surveyRows.append(row(type: "end group", name: "", label: nil)) }
    if openSection != nil { surveyRows.append(row(type: "end group", name: "", label: nil)) }
    for set in usedChoiceSets() {
      for choice in set.choices {
        choiceRows.append([set.id, String(choice.code)] + texts(choice.label))
      }
      if let other = survey.questions.first(where: {
        $0.otherLabel != nil && survey.choiceSet(of: $0)?.id == set.id
      }),
        let label = other.otherLabel
      {
        choiceRows.append([set.id, "other"] + texts(label))
      }
    }
    let title = survey.title.text(in: survey.defaultLanguage)
    let defaultLanguage =
      languages.first { $0.code == survey.defaultLanguage } ?? languages.first
      ?? Language(code: "en", name: "English")
    settings = [
      ["form_title", "form_id", "version", "default_language"],
      [title, survey.id, survey.version, defaultLanguage.name + " (" + defaultLanguage.code + ")"],
    ]
  }

  mutating func add(_ question: Question) {
    var writer = XPathWriter(survey: survey)
    let relevant =
      question.relevance.map { condition -> String in
        guard let text = writer.write(condition) else {
          notes.append(
            "'\(question.id)': its show-if rule reads a score or a cause; the form asks it always")
          return ""
        }
        return text
      } ?? ""
    writer.selfID = question.id
    var constraints: [String] = []
    var message: LocalizedText?
    let type: String
    switch question.type {
    case .single(let id): type = "select_one " + id
    case .multiple(let id): type = "select_multiple " + id
    case .number(let kind, let low, let high):
      type = kind == .integer ? "integer" : "decimal"
      if let low { constraints.append(". >= " + XPathWriter.number(low)) }
      if let high { constraints.append(". <= " + XPathWriter.number(high)) }
    case .text: type = "text"
    case .date(let low, let high):
      type = "date"
      if let low { constraints.append(". >= date('" + CivilDate.iso(low) + "')") }
      if let high { constraints.append(". <= date('" + CivilDate.iso(high) + "')") }
    }
    for check in question.checks {
      guard check.isHard else {
        notes.append(
          "'\(question.id)': a soft check (a warning) has no XLSForm form and is checked at import")
        continue
      }
      if let text = writer.write(check.condition) {
        constraints.append("(" + text + ")")
        message = message ?? check.message
      } else {
        notes.append(
          "'\(question.id)': a check reads a score or a cause and is checked at import only")
      }
    }
    surveyRows.append(
      row(
        type: type, name: question.id, label: question.text, hint: question.hint,
        required: question.isRequired,
        relevant: relevant, constraint: constraints.joined(separator: " and "), message: message))
    if question.otherLabel != nil, let otherID = question.otherID {
      let shown = "selected(${" + question.id + "}, 'other')"
      surveyRows.append(
        row(type: "text", name: otherID, label: question.otherLabel, relevant: shown))
    }
  }

  func usedChoiceSets() -> [ChoiceSet] {
    var seen: Set<String> = []
    var sets: [ChoiceSet] = []
    for question in survey.questions {
      guard let set = survey.choiceSet(of: question), seen.insert(set.id).inserted else { continue }
      sets.append(set)
    }
    return sets
  }
}
