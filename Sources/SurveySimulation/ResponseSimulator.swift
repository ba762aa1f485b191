import Foundation
import SurveyCore

/// Draws realistic synthetic responses to any survey, one respondent at a time.
///
/// Each response depends only on the seed, the wave and its position, so a bigger run starts with
/// exactly the responses of a smaller one (a "grown export"), and respondents can be drawn in any
/// order or in parallel. Answers honour types, ranges, relevance, required questions, hard checks
/// and missing codes.
package struct ResponseSimulator: Sendable {
  /// The survey.
  package let survey: Survey
  /// The plan.
  package let plan: SimulationPlan
  let model: LatentModel
  let chapterEffects: [(connection: Double, exposure: Double, trend: Double)]
  let chapterAnswers: [Answer]

  /// Prepares a simulation.
  ///
  /// - Throws: ``SimulationError`` when the plan does not fit the survey.
  package init(survey: Survey, plan: SimulationPlan) throws(SimulationError) {
    guard plan.respondents >= 1, plan.respondents <= 100_000_000 else {
      throw .invalidPlan("the number of respondents must be between 1 and 100,000,000")
    }
    guard plan.chapters >= 1, plan.chapters <= 1_000 else {
      throw .invalidPlan("the number of chapters must be between 1 and 1,000")
    }
    guard plan.waves >= 1, plan.waves <= 20 else {
      throw .invalidPlan("the number of waves must be between 1 and 20")
    }
    self.survey = survey
    self.plan = plan
    model = LatentModel(survey: survey, seed: plan.seed)
    var random = RandomSource(seed: plan.seed, stream: [0xC4A9])
    chapterEffects = (0..<plan.chapters).map { _ in
      (
        (random.uniform() - 0.5) * 0.9, (random.uniform() - 0.5) * 0.9,
        -0.1 + 0.45 * random.uniform()
      )
    }
    chapterAnswers = try Self.chapterAnswers(survey, count: plan.chapters)
  }

  /// The chapter names: the chapter question's labels, or "Chapter 1", "Chapter 2", ….
  package func chapterName(_ chapter: Int) -> String {
    switch chapterAnswers.indices.contains(chapter) ? chapterAnswers[chapter] : .blank {
    case .code(let code):
      if let id = survey.roles.chapter, let question = survey.question(id),
        let choice = survey.choiceSet(of: question)?.choice(code: code)
      {
        return choice.label.text(in: survey.defaultLanguage)
      }
      return String(code)
    case .text(let text): return text
    default: return "Chapter \(chapter + 1)"
    }
  }

  /// The response at a position of a wave (both from 1 and 0 respectively).
  package func response(wave: Int, index: Int) -> SimulatedResponse {
    let person = person(wave: wave, index: index)
    var personRandom = RandomSource(seed: plan.seed, stream: [UInt64(person), 1])
    let chapter = personRandom.pick(weights: plan.weights)
    let exposureTrait = personRandom.normal()
    let connectionTrait = 0.8 * personRandom.normal() - 0.45 * exposureTrait
    var random = RandomSource(seed: plan.seed, stream: [UInt64(person), UInt64(wave), 3])
    let effects = chapterEffects[min(chapter, chapterEffects.count - 1)]
    let exposure = exposureTrait + effects.exposure
    let targets = model.causeBase.map { random.chance(logistic($0 + 1.1 * exposure)) }
    let exposed = Double(targets.filter { $0 }.count)
    let meanExposed = Double(survey.causes.count) * 0.4
    let connection =
      connectionTrait + effects.connection + effects.trend * Double(wave - 1)
      - 0.12 * (exposed - meanExposed)
    var drawer = AnswerDrawer(
      simulator: self, person: person, wave: wave, chapter: chapter, connection: connection,
      random: random)
    drawer.drawAll()
    drawer.matchCauses(targets)
    drawer.enforceChecks()
    let (startedAt, submittedAt) = times(wave: wave, index: index, random: &drawer.random)
    return SimulatedResponse(
      person: person, wave: wave, chapter: chapter, startedAt: startedAt, submittedAt: submittedAt,
      answers: drawer.answers, otherTexts: drawer.otherTexts)
  }

  /// Who answers at a position: in later waves, a share of positions keep their person from the
  /// wave before (a panel), the others are newcomers.
  package func person(wave: Int, index: Int) -> Int {
    guard wave > 1 else { return index }
    var random = RandomSource(seed: plan.seed, stream: [UInt64(index), UInt64(wave), 7])
    if random.chance(plan.panelShare) { return person(wave: wave - 1, index: index) }
    return index + plan.respondents * (wave - 1)
  }

  /// Submission times rise with the position and stay within the fieldwork period whatever the
  /// number of respondents (so a bigger run starts with a smaller run's rows, times included):
  /// the k-th response arrives at fieldwork × k / (k + 1500).
  private func times(wave: Int, index: Int, random: inout RandomSource) -> (Int, Int) {
    let start = (plan.firstDay + (wave - 1) * plan.daysBetweenWaves) * 86_400 + 8 * 3600
    let fieldwork = Double(plan.fieldworkDays * 86_400)
    let at = { (k: Double) in fieldwork * k / (k + 1_500) }
    let position = Double(index)
    let submitted =
      start + Int(at(position) + random.uniform() * 0.9 * (at(position + 1) - at(position)))
    let duration = 300 + random.integer(in: 0...1200)
    return (submitted - duration, submitted)
  }

  private static func chapterAnswers(_ survey: Survey, count: Int) throws(SimulationError)
    -> [Answer]
  {
    guard let id = survey.roles.chapter, let question = survey.question(id) else {
      return (0..<count).map { .text("Chapter \($0 + 1)") }
    }
    switch question.type {
    case .single:
      let codes = survey.choiceSet(of: question)?.substantive.map(\.code) ?? []
      guard codes.count >= count else {
        throw .tooManyChapters(asked: count, available: codes.count, question: id)
      }
      return codes.prefix(count).map { .code($0) }
    default:
      return (0..<count).map { .text("Chapter \($0 + 1)") }
    }
  }
}

extension ResponseSimulator {
  /// The chapter as the importer stores it: the chapter answer's name, or its code or text.
  package func chapterAnswerName(_ chapter: Int) -> String {
    switch chapterAnswers.indices.contains(chapter) ? chapterAnswers[chapter] : .blank {
    case .code(let code):
      if let id = survey.roles.chapter, let question = survey.question(id),
        let choice = survey.choiceSet(of: question)?.choice(code: code)
      {
        if let name = choice.name { return name }
        let label = choice.label.text(in: survey.defaultLanguage)
        return label.isEmpty ? String(code) : label
      }
      return String(code)
    case .text(let text): return text
    default: return "Chapter \(chapter + 1)"
    }
  }
}
