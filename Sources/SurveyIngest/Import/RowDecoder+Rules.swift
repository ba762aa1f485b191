import Foundation
import SurveyCore

extension RowDecoder {
  /// Required answers, answers to hidden questions, and hard and soft checks.
  func validate(_ row: inout ImportedRow, fields: some FieldSource) {
    let program = survey.program
    for position in questionInfo.indices {
      let question = questionInfo[position]
      let location = { cellColumn[position].map(fields.location) ?? fields.location(0) }
      let shown = program.isShown(position, row.answers)
      let answer = row.answers[position]
      if !shown {
        if answer != .blank || row.otherTexts[position] != nil {
          row.problems.append(
            RowProblem(
              severity: .error, id: "ingest.answerToHiddenQuestion",
              message: IngestMessage.answerToHiddenQuestion(question.id),
              question: question.id, location: location()))
        }
        continue
      }
      if question.isRequired, answer == .blank, row.otherTexts[position] == nil,
        !question.isDropped,
        cellColumn[position] != nil, !row.problems.contains(where: { $0.question == question.id })
      {
        row.problems.append(
          RowProblem(
            severity: .error, id: "ingest.requiredMissing",
            message: IngestMessage.requiredMissing(question.id),
            question: question.id, location: location()))
      }
      guard answer.isSubstantive else { continue }
      for (index, check) in program.checks[position].enumerated()
      where program.evaluate(check.condition, row.answers) == .bool(false) {
        let message = index < question.checkMessages.count ? question.checkMessages[index] : ""
        row.problems.append(
          RowProblem(
            severity: check.isHard ? .error : .warning,
            id: check.isHard ? "ingest.checkFailed" : "ingest.checkWarning",
            message: IngestMessage.checkFailed(question.id, message), question: question.id,
            location: location()))
      }
    }
  }

  /// The chapter, wave, weight and person key from their questions.
  func assignRoles(_ row: inout ImportedRow) {
    if let id = survey.roles.chapter, let position = survey.position(ofQuestion: id) {
      row.chapter = roleText(row.answers[position], position: position, labelled: true)
    }
    if let id = survey.roles.wave, let position = survey.position(ofQuestion: id) {
      row.wave = roleText(row.answers[position], position: position) ?? row.wave
    }
    if let id = survey.roles.weight, let position = survey.position(ofQuestion: id),
      case .number(let weight) = row.answers[position]
    {
      row.weight = weight
    }
    for (position, question) in survey.questions.enumerated() where question.privateMode == .hashed
    {
      if case .text(let value) = row.answers[position], row.personValue == nil {
        row.personValue = MatchKey.text(value)
      }
    }
  }

  /// The chapter or wave an answer stands for: a choice's name; for a choice without a name, its
  /// label in the survey's default language (`labelled`, for chapters) or its code (for waves,
  /// which sort by number).
  private func roleText(_ answer: Answer, position: Int, labelled: Bool = false) -> String? {
    switch answer {
    case .code(let code):
      let question = survey.questions[position]
      guard let choice = survey.choiceSet(of: question)?.choice(code: code) else {
        return String(code)
      }
      if let name = choice.name { return name }
      let label = choice.label.text(in: survey.defaultLanguage)
      return labelled && !label.isEmpty ? label : String(code)
    case .number(let value): return JSONValue.format(value)
    case .text(let text): return text
    default: return nil
    }
  }
}
