/// Something a condition or computation can refer to.
package enum VariableRef: Sendable, Hashable, CustomStringConvertible {
  /// A question's answer.
  case question(String)
  /// A derived value.
  case derived(String)
  /// A scale score.
  case scale(String)
  /// Whether the respondent is exposed to a cause.
  case cause(String)
  /// An exposure index (a count of causes).
  case index(String)

  /// The referenced declaration's identifier.
  package var id: String {
    switch self {
    case .question(let id), .derived(let id), .scale(let id), .cause(let id), .index(let id): id
    }
  }

  /// The identifier, as written in survey files.
  package var description: String { id }
}

/// Arithmetic operators.
package enum ArithmeticOperator: String, Sendable, Hashable {
  case add = "+"
  case subtract = "-"
  case multiply = "*"
  case divide = "/"
}

/// Comparison operators.
package enum ComparisonOperator: String, Sendable, Hashable {
  case equal = "="
  case notEqual = "!="
  case less = "<"
  case lessOrEqual = "<="
  case greater = ">"
  case greaterOrEqual = ">="
}

/// Functions available in expressions.
package enum ExpressionFunction: String, Sendable, Hashable, CaseIterable {
  /// `count(q)`: options chosen in a multiple-choice answer; `count(a, b, …)`: conditions true.
  case count
  /// `sum(a, b, …)`: the sum of the answered numbers.
  case sum
  /// `mean(a, b, …)`: the mean of the answered numbers.
  case mean
  /// `min(a, b, …)`.
  case min
  /// `max(a, b, …)`.
  case max
  /// `if(condition, then, else)`.
  case `if`
}

/// A resolved expression: references point at declarations, choice names are codes.
///
/// Evaluation uses three-valued logic: an unanswered or missing input makes a comparison unknown,
/// `false and unknown` is false, `true or unknown` is true, and a rule that stays unknown is treated
/// as "not applicable" by whoever evaluates it.
package indirect enum Expr: Sendable, Hashable {
  case number(Double)
  case text(String)
  /// A date as days since 1970-01-01.
  case date(Int)
  case bool(Bool)
  case variable(VariableRef)
  /// A choice code of the question it is compared with.
  case code(Int)
  case negate(Expr)
  case not(Expr)
  case arithmetic(ArithmeticOperator, Expr, Expr)
  case comparison(ComparisonOperator, Expr, Expr)
  case and(Expr, Expr)
  case or(Expr, Expr)
  /// True when the operand has a substantive answer.
  case isAnswered(Expr)
  /// True when the operand is blank or a missing code (of the given kind, if any).
  case isMissing(Expr, MissingKind?)
  /// For a multiple-choice answer: true when any (or all) of the codes were chosen.
  case includes(Expr, [Int], all: Bool)
  /// For a single-choice answer or a number: true when it is one of the values.
  case isOneOf(Expr, [Double])
  case call(ExpressionFunction, [Expr])

  /// Every variable the expression reads.
  package var references: [VariableRef] {
    switch self {
    case .number, .text, .date, .bool, .code: []
    case .variable(let ref): [ref]
    case .negate(let e), .not(let e), .isAnswered(let e), .isMissing(let e, _),
      .includes(let e, _, _), .isOneOf(let e, _):
      e.references
    case .arithmetic(_, let l, let r), .comparison(_, let l, let r), .and(let l, let r),
      .or(let l, let r):
      l.references + r.references
    case .call(_, let args): args.flatMap(\.references)
    }
  }
}
