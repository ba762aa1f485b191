import SurveyCore

/// What the simulator needs to know about one question, worked out once (a class, so that
/// reading it in the per-answer loop does not copy the question).
final class QuestionPlan: Sendable {
  let question: Question
  let role: Role
  let substantive: [Int]
  let missing: [Choice]
  let exclusive: Set<Int>
  let loading: (sign: Double, loading: Double, shift: Double)?
  let tilt: Double
  let hasOther: Bool

  enum Role {
    case chapter
    case wave
    case weight
    case privateField
    case ordinary
  }

  init(
    question: Question, role: Role, set: ChoiceSet?, language: String,
    loading: (sign: Double, loading: Double, shift: Double)?, tilt: Double
  ) {
    self.question = question
    self.role = role
    substantive = set?.substantive.map(\.code) ?? []
    missing = set?.choices.filter { $0.missing != nil } ?? []
    exclusive = Set(
      (set?.substantive ?? []).filter { choice in
        let name = (choice.name ?? "").lowercased()
        return name.hasPrefix("none")
          || choice.label.text(in: language).lowercased().hasPrefix("none")
      }.map(\.code))
    self.loading = loading
    self.tilt = tilt
    hasOther = question.otherLabel != nil
  }
}

/// How synthetic answers are tied to a respondent's latent traits, worked out once per survey.
///
/// Every respondent has a "connection" trait and an "exposure" trait (correlated negatively).
/// Scale items load on connection, signed by the scale's direction (read from the indicators
/// that use it: a scale whose high values an indicator counts as bad, like loneliness, gets a
/// negative sign), so multi-item scales hang together. Each cause is assigned a target exposure
/// from the exposure trait, and the answers its rule reads are drawn until the rule agrees, so
/// exposure relates to the outcomes through the connection trait.
struct LatentModel: Sendable {
  /// One plan per question, in survey order.
  var questions: [QuestionPlan] = []
  /// For each cause: the positions of the questions its rule reads (not scale items).
  var causeItems: [[Int]] = []
  /// For each cause: its base rate on the logit scale.
  var causeBase: [Double] = []
  /// For each question: the positions of questions whose relevance reads it.
  var dependents: [[Int]] = []

  init(survey: Survey, seed: UInt64) {
    var random = RandomSource(seed: seed, stream: [0x51A1])
    let signs = Self.scaleSigns(survey)
    var loadings: [String: (Double, Double, Double)] = [:]
    for scale in survey.scales {
      let sign = signs[scale.id] ?? 1
      for item in scale.items where loadings[item] == nil {
        let loading = 0.72 + 0.14 * random.uniform()
        let reversed = scale.reversed.contains(item) ? -1.0 : 1.0
        loadings[item] = (sign * reversed, loading, (random.uniform() - 0.5) * 0.8)
      }
    }
    let positions = Dictionary(
      survey.questions.enumerated().map { ($0.element.id, $0.offset) },
      uniquingKeysWith: { a, _ in a })
    for cause in survey.causes {
      let referenced = Set(Self.questions(in: cause.rule, survey: survey))
      causeItems.append(
        survey.questions.indices.filter {
          referenced.contains(survey.questions[$0].id) && loadings[survey.questions[$0].id] == nil
        })
      causeBase.append(-1.4 + 1.6 * random.uniform())
    }
    dependents = Array(repeating: [], count: survey.questions.count)
    for (position, question) in survey.questions.enumerated() {
      let tilt = (random.uniform() - 0.5) * 0.8
      questions.append(
        QuestionPlan(
          question: question, role: Self.role(of: question, survey),
          set: survey.choiceSet(of: question),
          language: survey.defaultLanguage, loading: loadings[question.id], tilt: tilt))
      var reads = question.relevance.map { Self.questions(in: $0, survey: survey) } ?? []
      if let relevance = question.section.flatMap(survey.section)?.relevance {
        reads += Self.questions(in: relevance, survey: survey)
      }
      for id in Set(reads) {
        if let source = positions[id] { dependents[source].append(position) }
      }
    }
  }

  private static func role(of question: Question, _ survey: Survey) -> QuestionPlan.Role {
    if question.id == survey.roles.chapter { return .chapter }
    if question.id == survey.roles.wave { return .wave }
    if question.id == survey.roles.weight { return .weight }
    if question.privateMode != nil { return .privateField }
    return .ordinary
  }

  /// The questions an expression reads, through derived values, scales, causes and indexes.
  static func questions(in expression: Expr, survey: Survey, depth: Int = 0) -> [String] {
    guard depth < 32 else { return [] }
    return expression.references.flatMap { reference -> [String] in
      switch reference {
      case .question(let id): [id]
      case .derived(let id):
        survey.derivedValue(id).map {
          questions(in: $0.expression, survey: survey, depth: depth + 1)
        } ?? []
      case .scale(let id): survey.scale(id)?.items ?? []
      case .cause(let id):
        survey.cause(id).map { questions(in: $0.rule, survey: survey, depth: depth + 1) } ?? []
      case .index(let id):
        (survey.index(id)?.causes ?? []).compactMap(survey.cause)
          .flatMap { questions(in: $0.rule, survey: survey, depth: depth + 1) }
      }
    }
  }

  /// +1 when a scale's high values are good news, -1 when an indicator says they are bad.
  static func scaleSigns(_ survey: Survey) -> [String: Double] {
    var signs: [String: Double] = [:]
    for indicator in survey.indicators {
      let good = indicator.better == .higher ? 1.0 : -1.0
      switch indicator.measure {
      case .mean(.scale(let id)): signs[id] = signs[id] ?? good
      case .share(let condition):
        for (id, high) in scaleComparisons(condition) where signs[id] == nil {
          signs[id] = high ? good : -good
        }
      default: break
      }
    }
    return signs
  }

  /// Scales compared with a constant in a condition, and whether high values make it true.
  private static func scaleComparisons(_ expression: Expr) -> [(String, Bool)] {
    switch expression {
    case .comparison(let op, .variable(.scale(let id)), _):
      return [(id, op == .greater || op == .greaterOrEqual)]
    case .comparison(let op, _, .variable(.scale(let id))):
      return [(id, op == .less || op == .lessOrEqual)]
    case .and(let lhs, let rhs), .or(let lhs, let rhs):
      return scaleComparisons(lhs) + scaleComparisons(rhs)
    case .not(let inner): return scaleComparisons(inner).map { ($0.0, !$0.1) }
    default: return []
    }
  }
}
