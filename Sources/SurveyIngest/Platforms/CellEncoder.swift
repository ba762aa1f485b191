import SurveyCore

/// Writes answers and metadata in a platform's cell format.
package struct CellEncoder: Sendable {
  /// The survey.
  package let survey: Survey
  /// The export layout.
  package let layout: ExportLayout

  /// The question and answer options behind each column, looked up once.
  private let columnSets: [ChoiceSet?]
  private let columnQuestions: [Question?]

  /// Creates an encoder.
  package init(survey: Survey, layout: ExportLayout) {
    self.survey = survey
    self.layout = layout
    let questions = layout.columns.map { column -> Question? in
      switch column.role {
      case .answer(let id), .option(let id, _), .other(let id): survey.question(id)
      case .metadata: nil
      }
    }
    columnQuestions = questions
    columnSets = questions.map { $0.flatMap(survey.choiceSet(of:)) }
  }

  /// The cell for the column at a position (faster than ``cell(for:answer:other:)``).
  package func cell(column: Int, answer: Answer, other: String?) -> String {
    guard column < layout.columns.count else { return "" }
    let role = layout.columns[column].role
    switch role {
    case .metadata: return ""
    case .other: return platform == .googleForms ? "" : other ?? ""
    case .option(_, let code):
      let chosen = if case .codes(let codes) = answer { codes.contains(code) } else { false }
      switch platform {
      case .kobo: return chosen ? "1" : "0"
      case .limeSurvey: return chosen ? "Y" : ""
      default:
        guard chosen, let choice = columnSets[column]?.choice(code: code) else { return "" }
        return label(choice)
      }
    case .answer:
      guard let question = columnQuestions[column] else { return "" }
      return value(answer, of: question, set: columnSets[column], other: other)
    }
  }

  private var platform: Platform { layout.platform }

  /// The cell for a column, given a respondent's answer to the column's question and the text
  /// of their "other" answer.
  package func cell(for role: ColumnRole, answer: Answer, other: String?) -> String {
    switch role {
    case .metadata: return ""
    case .other: return platform == .googleForms ? "" : other ?? ""
    case .option(_, let code):
      let chosen = if case .codes(let codes) = answer { codes.contains(code) } else { false }
      switch platform {
      case .kobo: return chosen ? "1" : "0"
      case .limeSurvey: return chosen ? "Y" : ""
      default:
        guard chosen, let question = questionOf(role),
          let choice = survey.choiceSet(of: question)?.choice(code: code)
        else { return "" }
        return label(choice)
      }
    case .answer(let id):
      guard let question = survey.question(id) else { return "" }
      return value(answer, of: question, set: survey.choiceSet(of: question), other: other)
    }
  }

  /// A timestamp in the platform's format (written in UTC).
  package func timestamp(_ seconds: Int) -> String {
    let time = CivilTime(seconds: seconds)
    switch platform {
    case .generic: return time.date + "T" + time.time + "Z"
    case .googleForms:
      return time.date.replacingDashes() + " " + time.time12 + " UTC+0"
    case .kobo: return time.date + "T" + time.time
    case .odk: return time.date + "T" + time.time + ".000Z"
    case .qualtrics, .limeSurvey: return time.date + " " + time.time
    case .surveyMonkey:
      return CivilTime.pad(time.month) + "/" + CivilTime.pad(time.day) + "/\(time.year) "
        + time.time12
    }
  }

  private func questionOf(_ role: ColumnRole) -> Question? {
    switch role {
    case .answer(let id), .option(let id, _), .other(let id): survey.question(id)
    case .metadata: nil
    }
  }

  private func value(_ answer: Answer, of question: Question, set: ChoiceSet?, other: String?)
    -> String
  {
    switch answer {
    case .blank:
      return platform == .googleForms ? other ?? "" : ""
    case .code(let code), .missing(_, let code):
      guard let choice = set?.choice(code: code) else { return String(code) }
      return choiceText(choice)
    case .codes(let codes):
      let choices = codes.compactMap { set?.choice(code: $0) }
      switch platform {
      case .generic: return codes.map(String.init).joined(separator: ";")
      case .qualtrics: return codes.map(String.init).joined(separator: ",")
      case .kobo, .odk: return choices.map(choiceText).joined(separator: " ")
      case .googleForms:
        return (choices.map(label) + [other].compactMap { $0 }.filter { !$0.isEmpty }).joined(
          separator: ", ")
      case .surveyMonkey, .limeSurvey: return ""
      }
    case .number(let number): return JSONValue.format(number)
    case .text(let text): return text
    case .date(let days):
      let date = CivilDate.iso(days)
      switch platform {
      case .surveyMonkey:
        let (year, month, day) = CivilDate.components(ofDays: days)
        return CivilTime.pad(month) + "/" + CivilTime.pad(day) + "/\(year)"
      case .limeSurvey: return date + " 00:00:00"
      default: return date
      }
    }
  }

  private func choiceText(_ choice: Choice) -> String {
    switch platform {
    case .generic, .qualtrics, .limeSurvey: String(choice.code)
    case .kobo, .odk: choice.name ?? String(choice.code)
    case .googleForms, .surveyMonkey: label(choice)
    }
  }

  private func label(_ choice: Choice) -> String {
    choice.label.text(in: layout.language, fallback: survey.defaultLanguage)
  }
}

extension String {
  fileprivate func replacingDashes() -> String { String(map { $0 == "-" ? "/" : $0 }) }
}
