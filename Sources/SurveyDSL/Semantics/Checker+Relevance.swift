import SurveyCore

extension Resolver {
  /// Reports sections and questions whose conditions can never hold.
  ///
  /// The analysis tries every combination of representative answers for the questions a
  /// condition reads (each answer code, the missing codes and "blank" for choices; values at and
  /// around every number the condition mentions, within the question's range, for numbers). It
  /// only judges conditions built from comparisons of questions with constants; conditions with
  /// arithmetic, functions or derived values are assumed satisfiable.
  mutating func checkRelevance() {
    var neverShown: Set<String> = []
    var deadSections: Set<String> = []
    for section in sections {
      guard let relevance = section.relevance,
        RelevanceAnalysis(survey: self, neverShown: neverShown).canBeTrue(relevance) == false
      else { continue }
      deadSections.insert(section.id)
      report(
        .error, "check.neverShown", DSLMessage.sectionNeverShown(section.id),
        at: symbol(section.id)?.range)
    }
    for question in questions {
      if let section = question.section, deadSections.contains(section) {
        neverShown.insert(question.id)
        continue
      }
      guard let relevance = question.relevance else { continue }
      let sectionRelevance = question.section.flatMap { id in
        sections.first { $0.id == id }?.relevance
      }
      let combined = sectionRelevance.map { Expr.and($0, relevance) } ?? relevance
      guard RelevanceAnalysis(survey: self, neverShown: neverShown).canBeTrue(combined) == false
      else {
        continue
      }
      neverShown.insert(question.id)
      report(
        .error, "check.neverShown", DSLMessage.neverShown(question.id),
        at: questionRanges[question.id],
        label: "its 'show if' condition can never be true")
    }
  }

  /// Warns about items that need written permission before they are fielded.
  mutating func checkLicences() {
    for question in questions where question.provenance.licence == .permissionRequired {
      report(
        .warning, "check.permissionRequired", DSLMessage.permissionRequired(question.id),
        at: questionRanges[question.id])
    }
  }
}

/// Brute-force satisfiability of simple conditions over representative answers.
struct RelevanceAnalysis {
  var types: [String: QuestionType]
  var choiceSets: [String: ChoiceSet]
  var neverShown: Set<String>

  init(survey resolver: Resolver, neverShown: Set<String>) {
    types = resolver.questionTypes
    var sets = resolver.choiceSets
    if sets[ChoiceSet.builtInYesNo.id] == nil { sets[ChoiceSet.builtInYesNo.id] = .builtInYesNo }
    choiceSets = sets
    self.neverShown = neverShown
  }

  /// `false` when no combination makes the condition true; `nil` when the analysis does not apply.
  func canBeTrue(_ condition: Expr) -> Bool? {
    guard Self.isSimple(condition) else { return nil }
    let references = Array(Set(condition.references.map(\.id))).sorted()
    var candidates: [[Value]] = []
    var combinations = 1
    for id in references {
      guard let values = candidateValues(for: id, in: condition) else { return nil }
      candidates.append(values)
      combinations *= max(1, values.count)
      if combinations > 50_000 { return nil }
    }
    var assignment = [Int](repeating: 0, count: references.count)
    while true {
      var context = FixedContext()
      for (position, id) in references.enumerated() {
        context.values[id] = candidates[position][assignment[position]]
      }
      if condition.evaluate(in: context) == .bool(true) { return true }
      var position = 0
      while position < assignment.count {
        assignment[position] += 1
        if assignment[position] < candidates[position].count { break }
        assignment[position] = 0
        position += 1
      }
      if position == assignment.count { return false }
    }
  }

  private func candidateValues(for id: String, in condition: Expr) -> [Value]? {
    if neverShown.contains(id) { return [.missing(nil)] }
    guard let type = types[id] else { return nil }
    let constants = Self.constants(in: condition)
    switch type {
    case .single(let set):
      guard let set = choiceSets[set] else { return nil }
      return set.choices.map { $0.missing.map { Value.missing($0) } ?? .number(Double($0.code)) }
        + [.missing(nil)]
    case .multiple(let set):
      let mentioned = Array(Set(Self.includedCodes(in: condition))).sorted()
      guard mentioned.count <= 10, choiceSets[set] != nil else { return nil }
      var values: [Value] = [.missing(nil)]
      for mask in 0..<(1 << mentioned.count) {
        values.append(
          .codes(mentioned.enumerated().filter { mask & (1 << $0.offset) != 0 }.map(\.element)))
      }
      return values
    case .number(let kind, let low, let high):
      var points = Set<Double>()
      for constant in constants {
        points.formUnion([constant, constant - 0.5, constant + 0.5])
        if kind == .integer { points.formUnion([constant - 1, constant + 1]) }
      }
      if let low { points.insert(low) }
      if let high { points.insert(high) }
      if points.isEmpty { points.insert(0) }
      let inRange = points.filter { ($0 >= (low ?? -.infinity)) && ($0 <= (high ?? .infinity)) }
        .filter { kind == .decimal || $0.rounded() == $0 }
      return inRange.sorted().map { Value.number($0) } + [.missing(nil)]
    case .date(let low, let high):
      var points = Set<Int>()
      for constant in constants {
        guard let day = Int(exactly: constant.rounded()), abs(day) < 1 << 40 else { continue }
        points.formUnion([day - 1, day, day + 1])
      }
      if let low { points.insert(low) }
      if let high { points.insert(high) }
      if points.isEmpty { points.insert(0) }
      return points.filter { $0 >= (low ?? .min) && $0 <= (high ?? .max) }.sorted().map {
        .date($0)
      }
        + [.missing(nil)]
    case .text:
      return Self.texts(in: condition).map { Value.text($0) } + [
        .text("\u{1}other"), .missing(nil),
      ]
    }
  }

  private static func isSimple(_ expression: Expr) -> Bool {
    switch expression {
    case .number, .text, .date, .bool, .code: true
    case .variable(let reference): if case .question = reference { true } else { false }
    case .not(let inner), .isAnswered(let inner), .isMissing(let inner, _),
      .includes(let inner, _, _),
      .isOneOf(let inner, _):
      isSimple(inner)
    case .comparison(_, let lhs, let rhs), .and(let lhs, let rhs), .or(let lhs, let rhs):
      isSimple(lhs) && isSimple(rhs)
    case .negate(.number): true
    case .negate, .arithmetic, .call: false
    }
  }

  private static func constants(in expression: Expr) -> [Double] {
    switch expression {
    case .number(let value): [value]
    case .date(let days): [Double(days)]
    case .code(let code): [Double(code)]
    case .negate(let inner): constants(in: inner).map { -$0 }
    case .isOneOf(let inner, let values): constants(in: inner) + values
    case .not(let inner), .isAnswered(let inner), .isMissing(let inner, _),
      .includes(let inner, _, _):
      constants(in: inner)
    case .comparison(_, let lhs, let rhs), .and(let lhs, let rhs), .or(let lhs, let rhs),
      .arithmetic(_, let lhs, let rhs):
      constants(in: lhs) + constants(in: rhs)
    case .call(_, let arguments): arguments.flatMap(constants)
    case .text, .bool, .variable: []
    }
  }

  private static func includedCodes(in expression: Expr) -> [Int] {
    switch expression {
    case .includes(_, let codes, _): codes
    case .not(let inner), .isAnswered(let inner), .isMissing(let inner, _), .isOneOf(let inner, _),
      .negate(let inner):
      includedCodes(in: inner)
    case .comparison(_, let lhs, let rhs), .and(let lhs, let rhs), .or(let lhs, let rhs),
      .arithmetic(_, let lhs, let rhs):
      includedCodes(in: lhs) + includedCodes(in: rhs)
    case .call(_, let arguments): arguments.flatMap(includedCodes)
    default: []
    }
  }

  private static func texts(in expression: Expr) -> [String] {
    switch expression {
    case .text(let text): [text]
    case .not(let inner), .isAnswered(let inner), .isMissing(let inner, _): texts(in: inner)
    case .comparison(_, let lhs, let rhs), .and(let lhs, let rhs), .or(let lhs, let rhs):
      texts(in: lhs) + texts(in: rhs)
    default: []
    }
  }
}

/// An evaluation context with fixed values (used by the relevance analysis).
struct FixedContext: EvaluationContext {
  var values: [String: Value] = [:]

  func value(of reference: VariableRef) -> Value { values[reference.id] ?? .missing(nil) }
}
