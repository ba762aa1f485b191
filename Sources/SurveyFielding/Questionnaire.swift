import Foundation
import SurveyCore

/// A paper questionnaire in one language: numbered questions, boxes to tick, blanks to fill,
/// and the skip instructions written out in words, as HTML to print or as plain text.
package struct Questionnaire: Sendable {
  /// The survey.
  package let survey: Survey
  /// The language of this copy.
  package let language: String
  let words: QuestionnaireWords
  /// Each question's number, by position.
  let numbers: [Int]

  /// A copy in a language (the survey's first when nil or not declared).
  package init(survey: Survey, language: String?) {
    self.survey = survey
    let codes = survey.languages.map(\.code)
    self.language = language.flatMap { codes.contains($0) ? $0 : nil } ?? survey.defaultLanguage
    words = QuestionnaireWords(language: self.language)
    numbers = Array(1...max(1, survey.questions.count)).prefix(survey.questions.count).map { $0 }
  }

  func text(_ value: LocalizedText?) -> String {
    value?.text(in: language, fallback: survey.defaultLanguage) ?? ""
  }

  /// The choices of a question, in order.
  func choices(_ question: Question) -> [Choice] { survey.choiceSet(of: question)?.choices ?? [] }

  /// A question's number as printed.
  func number(of id: String) -> String? {
    survey.questions.firstIndex { $0.id == id }.map { String(numbers[$0]) }
  }

  /// The instruction for a question's (or section's) show-if rule, in words.
  func instruction(_ condition: Expr?) -> String? {
    guard let condition else { return nil }
    return words.onlyIf + " " + describe(condition) + "."
  }

  /// A condition in words: answers by their labels and questions by their numbers; anything
  /// unusual falls back to the rule as written in the survey file.
  func describe(_ condition: Expr) -> String {
    switch condition {
    case .and(let a, let b): return describe(a) + " " + words.and + " " + describe(b)
    case .or(let a, let b): return describe(a) + " " + words.or + " " + describe(b)
    case .not(let inner): return words.not + " (" + describe(inner) + ")"
    case .comparison(let op, .variable(.question(let id)), .code(let code)):
      let label = "“" + choiceLabel(id, code) + "”"
      return op == .notEqual
        ? words.didNotAnswer(label, question(id)) : words.answered(label, question(id))
    case .isOneOf(.variable(.question(let id)), let values) where isChoice(id):
      let labels = values.map {
        "“" + (Int(exactly: $0).map { choiceLabel(id, $0) } ?? JSONValue.format($0)) + "”"
      }.joined(
        separator: " " + words.or + " ")
      return words.answered(labels, question(id))
    case .includes(.variable(.question(let id)), let codes, let all):
      let labels = codes.map { "“" + choiceLabel(id, $0) + "”" }.joined(
        separator: " " + (all ? words.and : words.or) + " ")
      return words.chose(labels, question(id))
    case .comparison(let op, .variable(.question(let id)), .number(let value)):
      return words.compare(op, XPathWriter.number(value), question(id))
    case .isAnswered(.variable(.question(let id))):
      return words.answeredQuestion(question(id))
    default:
      return "“" + survey.text(of: condition) + "”"
    }
  }

  func question(_ id: String) -> String { number(of: id).map { words.question + " " + $0 } ?? id }

  func isChoice(_ id: String) -> Bool {
    guard let question = survey.question(id) else { return false }
    if case .single = question.type { return true }
    return false
  }

  func choiceLabel(_ id: String, _ code: Int) -> String {
    guard let question = survey.question(id),
      let choice = choices(question).first(where: { $0.code == code })
    else {
      return String(code)
    }
    return text(choice.label)
  }
}

/// The questionnaire's own words.
struct QuestionnaireWords {
  let language: String
  var isSpanish: Bool { language.hasPrefix("es") }

  var onlyIf: String { isSpanish ? "Responda solo" : "Answer only" }
  var and: String { isSpanish ? "y" : "and" }
  var or: String { isSpanish ? "o" : "or" }
  var not: String { isSpanish ? "no" : "not" }
  var question: String { isSpanish ? "la pregunta" : "question" }
  var tickOne: String { isSpanish ? "Marque una casilla." : "Tick one box." }
  var tickAll: String { isSpanish ? "Marque todas las que correspondan." : "Tick all that apply." }
  var writeIn: String { isSpanish ? "Escriba su respuesta." : "Write your answer." }
  var number: String { isSpanish ? "Escriba un número" : "Write a number" }
  var date: String {
    isSpanish ? "Escriba la fecha (año-mes-día)" : "Write the date (year-month-day)"
  }
  var required: String { isSpanish ? "obligatoria" : "required" }
  var page: String { isSpanish ? "Gracias por responder." : "Thank you for answering." }
  var office: String { isSpanish ? "Para la sección" : "Office use" }
  var from: String { isSpanish ? "entre" : "from" }
  var to: String { isSpanish ? "y" : "to" }

  func answered(_ labels: String, _ question: String) -> String {
    isSpanish ? "si respondió \(labels) en \(question)" : "if you answered \(labels) to \(question)"
  }

  func didNotAnswer(_ label: String, _ question: String) -> String {
    isSpanish
      ? "si no respondió \(label) en \(question)" : "if you did not answer \(label) to \(question)"
  }

  func chose(_ labels: String, _ question: String) -> String {
    isSpanish ? "si marcó \(labels) en \(question)" : "if you ticked \(labels) at \(question)"
  }

  func answeredQuestion(_ question: String) -> String {
    isSpanish ? "si respondió \(question)" : "if you answered \(question)"
  }

  func compare(_ op: ComparisonOperator, _ value: String, _ question: String) -> String {
    let relation: String
    switch op {
    case .equal: relation = isSpanish ? "es \(value)" : "is \(value)"
    case .notEqual: relation = isSpanish ? "no es \(value)" : "is not \(value)"
    case .less: relation = isSpanish ? "es menor que \(value)" : "is less than \(value)"
    case .lessOrEqual: relation = isSpanish ? "es como mucho \(value)" : "is at most \(value)"
    case .greater: relation = isSpanish ? "es mayor que \(value)" : "is more than \(value)"
    case .greaterOrEqual: relation = isSpanish ? "es al menos \(value)" : "is at least \(value)"
    }
    return isSpanish
      ? "si su respuesta a \(question) \(relation)" : "if your answer to \(question) \(relation)"
  }
}
