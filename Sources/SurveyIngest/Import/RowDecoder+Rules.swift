import Foundation
import SurveyCore

extension RowDecoder {
  /// Reads a multiple-choice cell with the question's ``ChoiceTokenizer``: labels (in any
  /// language), names and codes matched whole, joined by `;`, `,`, `|` or spaces. Text that is
  /// not an answer is the "other" answer in Google Forms (which writes it in the same cell) when
  /// the question has one, and an error naming that text otherwise.
  func decodeMultiple(
    _ text: String, _ plan: ColumnPlan, position: Int, into row: inout ImportedRow,
    location: () -> CellLocation
  ) {
    var codes: [Int] = if case .codes(let existing) = row.answers[position] { existing } else { [] }
    let inlineOther = platform == .googleForms
    let reading = plan.tokenizer.read(text, spaceSeparates: !inlineOther)
    for code in reading.codes where !codes.contains(code) { codes.append(code) }
    row.answers[position] = .codes(codes)
    guard let unknown = reading.unknown else { return }
    if inlineOther, plan.hasOther, let rest = reading.rest {
      row.otherTexts[position] = rest.hasPrefix("Other: ") ? String(rest.dropFirst(7)) : rest
    } else if inlineOther {
      fail(
        &row, "ingest.unknownAnswer", IngestMessage.unknownMultipleAnswer(unknown, id(position)),
        position, location())
    } else {
      fail(
        &row, "ingest.unknownAnswer", IngestMessage.unknownAnswer(unknown, id(position)), position,
        location())
    }
  }

  func metadata(
    _ field: MetadataField, _ text: String, zone: TimeZone? = nil, into row: inout ImportedRow,
    location: () -> CellLocation
  ) {
    let value = text.trimmingSpaces()
    guard !value.isEmpty else { return }
    switch field {
    case .responseID: row.responseID = value
    case .submittedAt:
      row.submittedAt =
        if let zone {
          TimestampParser.seconds(value, in: zone)
        } else {
          TimestampParser.seconds(value, defaultOffsetMinutes: options.timeZoneOffsetMinutes ?? 0)
        }
      if row.submittedAt == nil {
        row.problems.append(
          RowProblem(
            severity: .warning, id: "ingest.invalidTimestamp",
            message: "\(quoted: value) is not a timestamp; the submission time is left empty",
            question: nil, location: location()))
      }
    case .startedAt, .ignored, .language: return
    case .rejectID: row.correctsReject = Int64(value)
    case .chapter: if options.chapter == nil { row.chapter = value }
    case .wave: if options.wave == nil { row.wave = value }
    case .status:
      if platform == .qualtrics, !["0", "ip address", "imported"].contains(MatchKey.text(value)) {
        row.problems.append(
          RowProblem(
            severity: .error, id: "ingest.testResponse",
            message:
              "a Qualtrics preview, test or spam response (Status \(value)) is not a member's answer",
            question: nil, location: location()))
      }
    }
  }

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
  func assignRoles(_ row: inout ImportedRow, fields: some FieldSource) {
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
