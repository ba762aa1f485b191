/// A respondent's raw answer to one question, as validated at import.
package enum Answer: Sendable, Hashable {
  /// Not answered, or not shown.
  case blank
  /// A substantive single-choice code.
  case code(Int)
  /// The codes chosen in a multiple-choice question (possibly none), in the set's order.
  case codes([Int])
  /// A number.
  case number(Double)
  /// Free text.
  case text(String)
  /// A date as days since 1970-01-01.
  case date(Int)
  /// A typed missing answer with its code.
  case missing(MissingKind, code: Int)

  /// Whether the answer is substantive (counts as answered).
  package var isSubstantive: Bool {
    switch self {
    case .blank, .missing: false
    case .codes(let codes): !codes.isEmpty
    case .text(let text): !text.isEmpty
    case .code, .number, .date: true
    }
  }

  /// The value an expression sees for this answer.
  package var value: Value {
    switch self {
    case .blank: .missing(nil)
    case .code(let code): .number(Double(code))
    case .codes(let codes): .codes(codes)
    case .number(let number): .number(number)
    case .text(let text): text.isEmpty ? .missing(nil) : .text(text)
    case .date(let days): .date(days)
    case .missing(let kind, _): .missing(kind)
    }
  }
}

/// A value during expression evaluation. `missing` doubles as "unknown" in three-valued logic.
package enum Value: Sendable, Hashable {
  /// Unknown: blank (`nil`) or a typed missing answer.
  case missing(MissingKind?)
  case number(Double)
  case bool(Bool)
  case text(String)
  case codes([Int])
  case date(Int)

  /// The value as a number, if it is one (booleans count 1 and 0; dates count days).
  package var number: Double? {
    switch self {
    case .number(let number): number
    case .bool(let flag): flag ? 1 : 0
    case .date(let days): Double(days)
    default: nil
    }
  }

  /// The value as a truth value, if it is one.
  package var truth: Bool? {
    if case .bool(let flag) = self { return flag }
    return nil
  }

  /// Whether the value is unknown.
  package var isMissing: Bool {
    if case .missing = self { return true }
    return false
  }
}
