extension SurveyProgram {
  /// Evaluates a compiled expression on one respondent's answers (same semantics as
  /// ``Expr/evaluate(in:)``).
  package func evaluate(_ program: Program, _ answers: [Answer]) -> Value {
    switch program {
    case .constant(let value): return value
    case .question(let position):
      return position < answers.count ? answers[position].value : .missing(nil)
    case .derived(let position):
      return position < derived.count ? evaluate(derived[position], answers) : .missing(nil)
    case .scale(let position):
      return score(scale: position, answers).map { .number($0) } ?? .missing(nil)
    case .cause(let position):
      return exposure(cause: position, answers).map { .bool($0) } ?? .missing(nil)
    case .index(let position):
      return score(index: position, answers).map { .number($0) } ?? .missing(nil)
    case .negate(let inner):
      return evaluate(inner, answers).number.map { .number(-$0) } ?? .missing(nil)
    case .not(let inner):
      return evaluate(inner, answers).truth.map { .bool(!$0) } ?? .missing(nil)
    case .arithmetic(let op, let lhs, let rhs):
      return Semantics.arithmetic(op, evaluate(lhs, answers), evaluate(rhs, answers))
    case .comparison(let op, let lhs, let rhs):
      return Semantics.compare(op, evaluate(lhs, answers), evaluate(rhs, answers))
    case .and(let lhs, let rhs):
      return Semantics.and(evaluate(lhs, answers).truth) { evaluate(rhs, answers).truth }
    case .or(let lhs, let rhs):
      return Semantics.or(evaluate(lhs, answers).truth) { evaluate(rhs, answers).truth }
    case .isAnswered(let inner): return .bool(!evaluate(inner, answers).isMissing)
    case .isMissing(let inner, let kind): return Semantics.isMissing(evaluate(inner, answers), kind)
    case .includes(let inner, let codes, let all):
      return Semantics.includes(evaluate(inner, answers), codes, all: all)
    case .isOneOf(let inner, let values): return Semantics.isOneOf(evaluate(inner, answers), values)
    case .call(let function, let arguments):
      return Semantics.call(function, arguments.map { evaluate($0, answers) })
    }
  }

  /// Whether the question at a position is shown (unknown hides it).
  package func isShown(_ position: Int, _ answers: [Answer]) -> Bool {
    guard position < relevance.count, let condition = relevance[position] else { return true }
    return evaluate(condition, answers) == .bool(true)
  }

  /// Whether the respondent is exposed to the cause at a position; `nil` when unknown.
  package func exposure(cause position: Int, _ answers: [Answer]) -> Bool? {
    guard position < causes.count else { return nil }
    return evaluate(causes[position], answers).truth
  }

  /// The value an item contributes to a scale, or `nil` when not substantively answered.
  package func itemValue(_ item: Int, of scale: ScaleProgram, _ answers: [Answer]) -> Double? {
    let position = scale.items[item]
    guard position >= 0, position < answers.count else { return nil }
    let raw: Double
    switch answers[position] {
    case .code(let code): raw = Double(code)
    case .number(let number): raw = number
    default: return nil
    }
    guard let bounds = scale.bounds[item] else { return scale.rule == .percent ? nil : raw }
    let value = scale.reversed[item] ? bounds.lowerBound + bounds.upperBound - raw : raw
    guard scale.rule == .percent else { return value }
    let width = bounds.upperBound - bounds.lowerBound
    return width > 0 ? (value - bounds.lowerBound) / width * 100 : nil
  }

  /// A scale's score: sum (prorated when items are missing), mean, or mean of 0–100 items;
  /// `nil` when fewer than the minimum of items are answered.
  package func score(scale position: Int, _ answers: [Answer]) -> Double? {
    guard position < scales.count else { return nil }
    let scale = scales[position]
    var total = 0.0
    var answered = 0
    for item in scale.items.indices {
      guard let value = itemValue(item, of: scale, answers) else { continue }
      total += value
      answered += 1
    }
    guard answered > 0, answered >= scale.minAnswered else { return nil }
    let mean = total / Double(answered)
    switch scale.rule {
    case .sum: return answered == scale.items.count ? total : mean * Double(scale.items.count)
    case .mean, .percent: return mean
    }
  }

  /// An index: causes exposed to, scaled up to all of its causes when only some are known.
  package func score(index position: Int, _ answers: [Answer]) -> Double? {
    guard position < indexes.count else { return nil }
    let index = indexes[position]
    var known = 0
    var exposed = 0
    for cause in index.causes {
      guard let flag = exposure(cause: cause, answers) else { continue }
      known += 1
      if flag { exposed += 1 }
    }
    guard known > 0, known >= index.minKnown else { return nil }
    return Double(exposed) * Double(index.causes.count) / Double(known)
  }
}
