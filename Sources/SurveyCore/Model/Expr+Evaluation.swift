/// Supplies the values of variables while an expression is evaluated.
package protocol EvaluationContext {
  /// The current value of a variable (`.missing(nil)` when unknown).
  func value(of reference: VariableRef) -> Value
}

extension Expr {
  /// Evaluates the expression with three-valued logic.
  ///
  /// Unknown inputs (blank or missing answers) propagate: arithmetic and comparisons on them are
  /// unknown, `false and unknown` is false and `true or unknown` is true. Division by zero is
  /// unknown. `count`, `sum`, `mean`, `min` and `max` skip unknown arguments and are unknown only
  /// when every argument is.
  ///
  /// - Parameter context: Supplies variable values.
  /// - Returns: The value, `.missing(nil)` when unknown.
  package func evaluate(in context: some EvaluationContext) -> Value {
    switch self {
    case .number(let number): return .number(number)
    case .text(let text): return .text(text)
    case .date(let days): return .date(days)
    case .bool(let flag): return .bool(flag)
    case .code(let code): return .number(Double(code))
    case .variable(let reference): return context.value(of: reference)
    case .negate(let operand):
      guard let number = operand.evaluate(in: context).number else { return .missing(nil) }
      return .number(-number)
    case .not(let operand):
      guard let truth = operand.evaluate(in: context).truth else { return .missing(nil) }
      return .bool(!truth)
    case .arithmetic(let op, let lhs, let rhs):
      return Semantics.arithmetic(op, lhs.evaluate(in: context), rhs.evaluate(in: context))
    case .comparison(let op, let lhs, let rhs):
      return Semantics.compare(op, lhs.evaluate(in: context), rhs.evaluate(in: context))
    case .and(let lhs, let rhs):
      return Semantics.and(lhs.evaluate(in: context).truth) { rhs.evaluate(in: context).truth }
    case .or(let lhs, let rhs):
      return Semantics.or(lhs.evaluate(in: context).truth) { rhs.evaluate(in: context).truth }
    case .isAnswered(let operand):
      return .bool(!operand.evaluate(in: context).isMissing)
    case .isMissing(let operand, let kind):
      return Semantics.isMissing(operand.evaluate(in: context), kind)
    case .includes(let operand, let codes, let all):
      return Semantics.includes(operand.evaluate(in: context), codes, all: all)
    case .isOneOf(let operand, let values):
      return Semantics.isOneOf(operand.evaluate(in: context), values)
    case .call(let function, let arguments):
      return Semantics.call(function, arguments.map { $0.evaluate(in: context) })
    }
  }
}

/// The meaning of operators and functions, shared by ``Expr`` and ``Program`` evaluation.
enum Semantics {
  static func and(_ left: Bool?, _ right: () -> Bool?) -> Value {
    if left == false { return .bool(false) }
    let rightValue = right()
    if rightValue == false { return .bool(false) }
    if left == true, rightValue == true { return .bool(true) }
    return .missing(nil)
  }

  static func or(_ left: Bool?, _ right: () -> Bool?) -> Value {
    if left == true { return .bool(true) }
    let rightValue = right()
    if rightValue == true { return .bool(true) }
    if left == false, rightValue == false { return .bool(false) }
    return .missing(nil)
  }

  static func isMissing(_ value: Value, _ kind: MissingKind?) -> Value {
    guard case .missing(let actual) = value else { return .bool(false) }
    return .bool(kind == nil || actual == kind)
  }

  static func includes(_ value: Value, _ codes: [Int], all: Bool) -> Value {
    guard case .codes(let chosen) = value else { return .missing(nil) }
    return .bool(all ? codes.allSatisfy(chosen.contains) : codes.contains(where: chosen.contains))
  }

  static func isOneOf(_ value: Value, _ values: [Double]) -> Value {
    guard let number = value.number else { return .missing(nil) }
    return .bool(values.contains(number))
  }

  static func arithmetic(_ op: ArithmeticOperator, _ lhs: Value, _ rhs: Value) -> Value {
    guard let left = lhs.number, let right = rhs.number else { return .missing(nil) }
    switch op {
    case .add: return .number(left + right)
    case .subtract: return .number(left - right)
    case .multiply: return .number(left * right)
    case .divide: return right == 0 ? .missing(nil) : .number(left / right)
    }
  }

  static func compare(_ op: ComparisonOperator, _ lhs: Value, _ rhs: Value) -> Value {
    if case .text(let left) = lhs, case .text(let right) = rhs {
      switch op {
      case .equal: return .bool(left == right)
      case .notEqual: return .bool(left != right)
      case .less: return .bool(left < right)
      case .lessOrEqual: return .bool(left <= right)
      case .greater: return .bool(left > right)
      case .greaterOrEqual: return .bool(left >= right)
      }
    }
    guard let left = lhs.number, let right = rhs.number else { return .missing(nil) }
    switch op {
    case .equal: return .bool(left == right)
    case .notEqual: return .bool(left != right)
    case .less: return .bool(left < right)
    case .lessOrEqual: return .bool(left <= right)
    case .greater: return .bool(left > right)
    case .greaterOrEqual: return .bool(left >= right)
    }
  }

  static func call(_ function: ExpressionFunction, _ values: [Value]) -> Value {
    switch function {
    case .count:
      if values.count == 1, case .codes(let codes) = values[0] {
        return .number(Double(codes.count))
      }
      let known = values.compactMap(\.truth)
      return known.isEmpty ? .missing(nil) : .number(Double(known.filter { $0 }.count))
    case .sum, .mean, .min, .max:
      let numbers = values.compactMap(\.number)
      guard let first = numbers.first else { return .missing(nil) }
      switch function {
      case .sum: return .number(numbers.reduce(0, +))
      case .mean: return .number(numbers.reduce(0, +) / Double(numbers.count))
      case .min: return .number(numbers.reduce(first, Swift.min))
      default: return .number(numbers.reduce(first, Swift.max))
      }
    case .if:
      guard values.count == 3, let condition = values[0].truth else { return .missing(nil) }
      return condition ? values[1] : values[2]
    }
  }
}
