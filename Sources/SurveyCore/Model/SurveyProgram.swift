/// An expression compiled against a survey: variables are positions in arrays, not names.
package indirect enum Program: Sendable, Hashable {
  case constant(Value)
  case question(Int)
  case derived(Int)
  case scale(Int)
  case cause(Int)
  case index(Int)
  case negate(Program)
  case not(Program)
  case arithmetic(ArithmeticOperator, Program, Program)
  case comparison(ComparisonOperator, Program, Program)
  case and(Program, Program)
  case or(Program, Program)
  case isAnswered(Program)
  case isMissing(Program, MissingKind?)
  case includes(Program, [Int], all: Bool)
  case isOneOf(Program, [Double])
  case call(ExpressionFunction, [Program])
}

/// How a scale is scored, with its items as question positions.
package struct ScaleProgram: Sendable, Hashable {
  /// The item positions.
  package var items: [Int]
  /// Whether each item is reversed.
  package var reversed: [Bool]
  /// Each item's declared bounds (choice-set codes or numeric range).
  package var bounds: [ClosedRange<Double>?]
  /// Sum, mean or percent.
  package var rule: ScoreRule
  /// The fewest answered items for a score.
  package var minAnswered: Int
}

/// An exposure index with its causes as positions.
package struct IndexProgram: Sendable, Hashable {
  /// The cause positions.
  package var causes: [Int]
  /// The fewest known causes for a value.
  package var minKnown: Int
}

/// Everything needed to evaluate a respondent's answers quickly: relevance, checks, derived
/// values, scales, causes and indexes, compiled once per survey.
///
/// It is immutable and shared (a class, so copies of a ``Survey`` share it).
package final class SurveyProgram: Sendable {
  /// Each question's combined relevance (its section's and its own), `nil` when always shown.
  package let relevance: [Program?]
  /// Each question's checks, hard and soft.
  package let checks: [[(isHard: Bool, condition: Program)]]
  /// Derived values, in ``Survey/derived`` order.
  package let derived: [Program]
  /// Scales, in ``Survey/scales`` order.
  package let scales: [ScaleProgram]
  /// Cause rules, in ``Survey/causes`` order.
  package let causes: [Program]
  /// Indexes, in ``Survey/indexes`` order.
  package let indexes: [IndexProgram]
  let questionPositions: [String: Int]
  let derivedPositions: [String: Int]
  let scalePositions: [String: Int]
  let causePositions: [String: Int]
  let indexPositions: [String: Int]

  /// A program with nothing in it.
  package static let empty = SurveyProgram()

  private init() {
    relevance = []
    checks = []
    derived = []
    scales = []
    causes = []
    indexes = []
    questionPositions = [:]
    derivedPositions = [:]
    scalePositions = [:]
    causePositions = [:]
    indexPositions = [:]
  }

  /// Compiles the survey's expressions.
  package init(survey: Survey) {
    var questions: [String: Int] = [:]
    for (position, question) in survey.questions.enumerated() { questions[question.id] = position }
    let derivedPositions = Self.positions(survey.derived.map(\.id))
    let scalePositions = Self.positions(survey.scales.map(\.id))
    let causePositions = Self.positions(survey.causes.map(\.id))
    let indexPositions = Self.positions(survey.indexes.map(\.id))
    let compile = { (expression: Expr) in
      Self.compile(
        expression, questions, derivedPositions, scalePositions, causePositions, indexPositions)
    }
    let sectionRelevance = Dictionary(
      survey.sections.map { ($0.id, $0.relevance) }, uniquingKeysWith: { first, _ in first })
    relevance = survey.questions.map { question in
      let section = question.section.flatMap { sectionRelevance[$0] } ?? nil
      switch (section, question.relevance) {
      case (let s?, let q?): return compile(.and(s, q))
      case (let s?, nil): return compile(s)
      case (nil, let q?): return compile(q)
      case (nil, nil): return nil
      }
    }
    checks = survey.questions.map { question in
      question.checks.map { ($0.isHard, compile($0.condition)) }
    }
    derived = survey.derived.map { compile($0.expression) }
    causes = survey.causes.map { compile($0.rule) }
    scales = survey.scales.map { scale in
      ScaleProgram(
        items: scale.items.map { questions[$0] ?? -1 },
        reversed: scale.items.map { scale.reversed.contains($0) },
        bounds: scale.items.map { survey.bounds(ofItem: $0) }, rule: scale.rule,
        minAnswered: scale.minAnswered)
    }
    indexes = survey.indexes.map { index in
      IndexProgram(causes: index.causes.compactMap { causePositions[$0] }, minKnown: index.minKnown)
    }
    questionPositions = questions
    self.derivedPositions = derivedPositions
    self.scalePositions = scalePositions
    self.causePositions = causePositions
    self.indexPositions = indexPositions
  }

  /// Compiles any expression of the survey.
  package func compile(_ expression: Expr) -> Program {
    Self.compile(
      expression, questionPositions, derivedPositions, scalePositions, causePositions,
      indexPositions)
  }

  /// The position of a scale, cause, derived value or index by identifier.
  package func position(of reference: VariableRef) -> Int? {
    switch reference {
    case .question(let id): questionPositions[id]
    case .derived(let id): derivedPositions[id]
    case .scale(let id): scalePositions[id]
    case .cause(let id): causePositions[id]
    case .index(let id): indexPositions[id]
    }
  }

  private static func positions(_ ids: [String]) -> [String: Int] {
    var result: [String: Int] = [:]
    for (position, id) in ids.enumerated() where result[id] == nil { result[id] = position }
    return result
  }

  private static func compile(
    _ expression: Expr, _ q: [String: Int], _ d: [String: Int], _ s: [String: Int],
    _ c: [String: Int],
    _ i: [String: Int]
  ) -> Program {
    let recurse = { (inner: Expr) in compile(inner, q, d, s, c, i) }
    switch expression {
    case .number(let value): return .constant(.number(value))
    case .text(let value): return .constant(.text(value))
    case .date(let value): return .constant(.date(value))
    case .bool(let value): return .constant(.bool(value))
    case .code(let code): return .constant(.number(Double(code)))
    case .variable(let reference):
      switch reference {
      case .question(let id): return q[id].map { .question($0) } ?? .constant(.missing(nil))
      case .derived(let id): return d[id].map { .derived($0) } ?? .constant(.missing(nil))
      case .scale(let id): return s[id].map { .scale($0) } ?? .constant(.missing(nil))
      case .cause(let id): return c[id].map { .cause($0) } ?? .constant(.missing(nil))
      case .index(let id): return i[id].map { .index($0) } ?? .constant(.missing(nil))
      }
    case .negate(let inner): return .negate(recurse(inner))
    case .not(let inner): return .not(recurse(inner))
    case .arithmetic(let op, let lhs, let rhs): return .arithmetic(op, recurse(lhs), recurse(rhs))
    case .comparison(let op, let lhs, let rhs): return .comparison(op, recurse(lhs), recurse(rhs))
    case .and(let lhs, let rhs): return .and(recurse(lhs), recurse(rhs))
    case .or(let lhs, let rhs): return .or(recurse(lhs), recurse(rhs))
    case .isAnswered(let inner): return .isAnswered(recurse(inner))
    case .isMissing(let inner, let kind): return .isMissing(recurse(inner), kind)
    case .includes(let inner, let codes, let all): return .includes(recurse(inner), codes, all: all)
    case .isOneOf(let inner, let values): return .isOneOf(recurse(inner), values)
    case .call(let function, let arguments): return .call(function, arguments.map(recurse))
    }
  }
}
