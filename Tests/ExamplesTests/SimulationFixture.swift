import SurveyCore
import SurveySimulation

/// The default survey simulated as the acceptance check describes: 2,000 respondents, 8 chapters.
enum SimulationFixture {
  static func simulator(_ survey: Survey) throws -> (Int) -> [Answer] {
    let simulator = try ResponseSimulator(
      survey: survey, plan: SimulationPlan(respondents: 2_000, chapters: 8, seed: 1))
    return { simulator.response(wave: 1, index: $0).answers }
  }
}
