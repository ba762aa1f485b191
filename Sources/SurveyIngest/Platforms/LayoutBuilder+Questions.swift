import SurveyCore

extension LayoutBuilder {
  mutating func add(_ question: Question, number: Int) {
    let set = survey.choiceSet(of: question)
    let isMultiple = if case .multiple = question.type { true } else { false }
    switch platform {
    case .generic:
      columns.append(ExportColumn(headers: [question.id], role: .answer(question.id)))
      if let other = question.otherID {
        columns.append(ExportColumn(headers: [other], role: .other(question.id)))
      }
    case .googleForms:
      columns.append(ExportColumn(headers: [googleHeader(question)], role: .answer(question.id)))
    case .kobo, .odk:
      let separator = platform == .kobo ? "/" : "-"
      let path = groupPath(question).joined(separator: separator)
      let prefix = path.isEmpty ? "" : path + separator
      columns.append(ExportColumn(headers: [prefix + question.id], role: .answer(question.id)))
      if isMultiple, platform == .kobo, let set {
        for choice in set.choices {
          columns.append(
            ExportColumn(
              headers: [prefix + question.id + "/" + (choice.name ?? String(choice.code))],
              role: .option(question.id, code: choice.code)))
        }
      }
      if let other = question.otherID {
        columns.append(ExportColumn(headers: [prefix + other], role: .other(question.id)))
      }
    case .qualtrics:
      addQualtrics(question, number: number)
    case .surveyMonkey:
      addSurveyMonkey(question, set: set, isMultiple: isMultiple)
    case .limeSurvey:
      addLimeSurvey(question, set: set, isMultiple: isMultiple)
    }
  }

  private func googleHeader(_ question: Question) -> String {
    guard let grid = question.grid.flatMap({ id in survey.grids.first { $0.id == id } }) else {
      return text(question.text)
    }
    return text(grid.text) + " [" + text(question.text) + "]"
  }

  private func groupPath(_ question: Question) -> [String] {
    [question.section, question.grid].compactMap { $0 }
  }

  private mutating func addQualtrics(_ question: Question, number: Int) {
    let grid = question.grid.flatMap { id in survey.grids.first { $0.id == id } }
    if let grid, let row = grid.rows.firstIndex(of: question.id) {
      let tag = "\(grid.id)_\(row + 1)"
      columns.append(
        ExportColumn(
          headers: [
            tag, text(grid.text) + " - " + text(question.text),
            "{\"ImportId\":\"QID\(number)_\(row + 1)\"}",
          ],
          role: .answer(question.id)))
      return
    }
    columns.append(
      ExportColumn(
        headers: [question.id, text(question.text), "{\"ImportId\":\"QID\(number)\"}"],
        role: .answer(question.id)))
    if question.otherID != nil {
      columns.append(
        ExportColumn(
          headers: [
            question.id + "_other_TEXT",
            text(question.text) + " - " + text(question.otherLabel) + " - Text",
            "{\"ImportId\":\"QID\(number)_TEXT\"}",
          ],
          role: .other(question.id)))
    }
  }

  private mutating func addSurveyMonkey(_ question: Question, set: ChoiceSet?, isMultiple: Bool) {
    let grid = question.grid.flatMap { id in survey.grids.first { $0.id == id } }
    if let grid {
      let first = grid.rows.first == question.id
      columns.append(
        ExportColumn(
          headers: [first ? text(grid.text) : "", text(question.text)], role: .answer(question.id)))
      return
    }
    if isMultiple, let set {
      for (position, choice) in set.choices.enumerated() {
        columns.append(
          ExportColumn(
            headers: [position == 0 ? text(question.text) : "", text(choice.label)],
            role: .option(question.id, code: choice.code)))
      }
    } else {
      columns.append(
        ExportColumn(headers: [text(question.text), "Response"], role: .answer(question.id)))
    }
    if question.otherID != nil {
      columns.append(
        ExportColumn(headers: ["", "Other (please specify)"], role: .other(question.id)))
    }
  }

  private mutating func addLimeSurvey(_ question: Question, set: ChoiceSet?, isMultiple: Bool) {
    if let grid = question.grid.flatMap({ id in survey.grids.first { $0.id == id } }),
      let row = grid.rows.firstIndex(of: question.id)
    {
      let code = limeCode(grid.id, reserve: row == 0)
      let subquestion =
        "SQ" + String(repeating: "0", count: max(0, 3 - String(row + 1).count)) + String(row + 1)
      columns.append(ExportColumn(headers: ["\(code)[\(subquestion)]"], role: .answer(question.id)))
      return
    }
    let code = limeCode(question.id, reserve: true)
    if isMultiple, let set {
      for choice in set.choices {
        columns.append(
          ExportColumn(
            headers: ["\(code)[\(choice.name ?? String(choice.code))]"],
            role: .option(question.id, code: choice.code)))
      }
    } else {
      columns.append(ExportColumn(headers: [code], role: .answer(question.id)))
    }
    if question.otherID != nil {
      columns.append(ExportColumn(headers: ["\(code)[other]"], role: .other(question.id)))
    }
  }

  /// LimeSurvey codes are letters and digits only; underscores are dropped, and a clash gets a
  /// number.
  private mutating func limeCode(_ id: String, reserve: Bool) -> String {
    let base = LimeSurveyCode.make(id)
    var code = base
    var suffix = 2
    while reserve, usedLimeCodes.contains(code.lowercased()) {
      code = base + String(suffix)
      suffix += 1
    }
    if reserve { usedLimeCodes.insert(code.lowercased()) }
    return code
  }
}

/// LimeSurvey's question codes: `^[a-zA-Z][a-zA-Z0-9]*$`.
package enum LimeSurveyCode {
  /// The code LimeSurvey would accept for an identifier: without `_` and `-`.
  package static func make(_ id: String) -> String {
    let kept = id.filter { $0.isLetter || $0.isNumber }
    guard let first = kept.first, first.isLetter else { return "Q" + kept }
    return kept
  }
}
