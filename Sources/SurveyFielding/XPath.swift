import Foundation
import SurveyCore

/// Survey expressions written as ODK XPath, for XLSForm relevance, constraints and calculations.
///
/// Question answers are `${id}` (`.` for the question a constraint belongs to); choice codes are
/// compared as the strings the form stores (`${q} = '2'`); `includes` becomes `selected()`.
/// Expressions that read a scale, a cause or an index have no XPath form and give nil.
struct XPathWriter {
  let survey: Survey
  /// The question written as `.` (in its own constraint).
  var selfID: String?

  func write(_ expression: Expr) -> String? {
    switch expression {
    case .number(let value): return Self.number(value)
    case .text(let text):
      return text.contains("'")
        ? "\"" + text.replacingOccurrences(of: "\"", with: "") + "\"" : "'" + text + "'"
    case .date(let days): return "date('" + CivilDate.iso(days) + "')"
    case .bool(let value): return value ? "true()" : "false()"
    case .code(let code): return "'" + String(code) + "'"
    case .variable(let reference): return variable(reference)
    case .negate(let operand): return write(operand).map { "-(" + $0 + ")" }
    case .not(let operand): return write(operand).map { "not(" + $0 + ")" }
    case .arithmetic(let op, let left, let right):
      guard let l = write(left), let r = write(right) else { return nil }
      let symbol = op == .divide ? "div" : op.rawValue
      return "(" + l + " " + symbol + " " + r + ")"
    case .comparison(let op, let left, let right):
      guard let l = write(left), let r = write(right) else { return nil }
      return l + " " + op.rawValue + " " + r
    case .and(let left, let right):
      guard let l = write(left), let r = write(right) else { return nil }
      return "(" + l + " and " + r + ")"
    case .or(let left, let right):
      guard let l = write(left), let r = write(right) else { return nil }
      return "(" + l + " or " + r + ")"
    case .isAnswered(let operand):
      return write(operand).map { "string-length(string(" + $0 + ")) > 0" }
    case .isMissing(let operand, let kind):
      guard let value = write(operand) else { return nil }
      let codes = missingCodes(operand, kind)
      let blank = "string-length(string(" + value + ")) = 0"
      return codes.isEmpty
        ? blank
        : "("
          + ([blank] + codes.map { value + " = '" + String($0) + "'" }).joined(separator: " or ")
          + ")"
    case .includes(let operand, let codes, let all):
      guard let value = write(operand), !codes.isEmpty else { return nil }
      return "("
        + codes.map { "selected(" + value + ", '" + String($0) + "')" }.joined(
          separator: all ? " and " : " or ") + ")"
    case .isOneOf(let operand, let values):
      guard let value = write(operand), !values.isEmpty else { return nil }
      let isChoice = Self.isChoice(operand, survey)
      return "("
        + values.map { value + " = " + (isChoice ? "'" + Self.number($0) + "'" : Self.number($0)) }
        .joined(separator: " or ") + ")"
    case .call(let function, let arguments):
      let written = arguments.compactMap(write)
      guard written.count == arguments.count, !written.isEmpty else { return nil }
      switch function {
      case .count:
        if arguments.count == 1, Self.isMultiple(arguments[0], survey) {
          return "count-selected(" + written[0] + ")"
        }
        return "(" + written.map { "if(" + $0 + ", 1, 0)" }.joined(separator: " + ") + ")"
      case .sum: return "(" + written.joined(separator: " + ") + ")"
      case .mean:
        return "((" + written.joined(separator: " + ") + ") div " + String(written.count) + ")"
      case .min: return "min(" + written.joined(separator: ", ") + ")"
      case .max: return "max(" + written.joined(separator: ", ") + ")"
      case .if: return written.count == 3 ? "if(" + written.joined(separator: ", ") + ")" : nil
      }
    }
  }

  func variable(_ reference: VariableRef) -> String? {
    switch reference {
    case .question(let id): id == selfID ? "." : "${" + id + "}"
    case .derived(let id): "${" + id + "}"
    case .scale, .cause, .index: nil
    }
  }

  func missingCodes(_ operand: Expr, _ kind: MissingKind?) -> [Int] {
    guard case .variable(.question(let id)) = operand, let question = survey.question(id),
      let set = survey.choiceSet(of: question)
    else { return [] }
    return set.choices.filter { $0.missing != nil && (kind == nil || $0.missing == kind) }.map(
      \.code)
  }

  static func isChoice(_ operand: Expr, _ survey: Survey) -> Bool {
    guard case .variable(.question(let id)) = operand, let question = survey.question(id) else {
      return false
    }
    if case .single = question.type { return true }
    return false
  }

  static func isMultiple(_ operand: Expr, _ survey: Survey) -> Bool {
    guard case .variable(.question(let id)) = operand, let question = survey.question(id) else {
      return false
    }
    if case .multiple = question.type { return true }
    return false
  }

  /// A number without a needless ".0".
  static func number(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
  }
}
