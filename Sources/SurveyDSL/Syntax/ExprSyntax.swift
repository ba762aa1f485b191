import SurveyCore

/// An expression as written, before names are resolved.
package indirect enum ExprSyntax: Sendable, Hashable {
  /// A number, possibly a percentage.
  case number(NumberLiteral)
  /// A date literal.
  case date(Token, SourceRange)
  /// Text in quotes.
  case text(Text)
  /// A name: a question, a choice, `this`, `true` or `false`.
  case name(Name)
  /// `- x` or `not x`.
  case unary(Name, ExprSyntax)
  /// `a OP b` for arithmetic, comparison, `and` and `or`.
  case binary(Name, ExprSyntax, ExprSyntax)
  /// `( x )`.
  case group(ExprSyntax, SourceRange)
  /// `x is [not] answered|missing|refused|dont_know|not_applicable`.
  case isTest(ExprSyntax, negated: Bool, Name)
  /// `x includes y`, `x includes any (…)`, `x includes all (…)`.
  case includes(ExprSyntax, quantifier: Name?, [ExprSyntax])
  /// `x in (a, b)` or `x not in (a, b)`.
  case oneOf(ExprSyntax, negated: Bool, [ExprSyntax])
  /// `f(a, b)`.
  case call(Name, [ExprSyntax], SourceRange)
  /// Where an expression was expected but could not be read (already reported).
  case error(SourceRange)

  /// Whether the expression contains a part that could not be read.
  package var containsError: Bool {
    switch self {
    case .error: true
    case .number, .date, .text, .name: false
    case .unary(_, let operand), .group(let operand, _), .isTest(let operand, _, _):
      operand.containsError
    case .binary(_, let lhs, let rhs): lhs.containsError || rhs.containsError
    case .includes(let operand, _, let items), .oneOf(let operand, _, let items):
      operand.containsError || items.contains(where: \.containsError)
    case .call(_, let arguments, _): arguments.contains(where: \.containsError)
    }
  }

  /// The expression's full extent in the file.
  package var range: SourceRange {
    switch self {
    case .number(let literal): literal.range
    case .date(_, let range), .group(_, let range), .call(_, _, let range), .error(let range):
      range
    case .text(let text): text.range
    case .name(let name): name.range
    case .unary(let op, let operand): op.range.extended(to: operand.range)
    case .binary(_, let lhs, let rhs): lhs.range.extended(to: rhs.range)
    case .isTest(let operand, _, let what): operand.range.extended(to: what.range)
    case .includes(let operand, let quantifier, let items):
      operand.range.extended(to: items.last?.range ?? quantifier?.range ?? operand.range)
    case .oneOf(let operand, _, let items):
      operand.range.extended(to: items.last?.range ?? operand.range)
    }
  }
}
