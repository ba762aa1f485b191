import Foundation
import SurveyCore
import SurveyDSL
import SurveyIngest
import SurveySimulation
import SurveyStore
import Testing

/// Simulated exports of the default survey from every platform store exactly the simulated answers.
@Suite struct StoredAnswersTests {
  static let survey: Survey? = {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Surveys/connection.survey").path
    return try? SurveyCompiler.compile(path: path).survey
  }()

  @Test(arguments: Platform.allCases)
  func storedAnswersEqualTheSimulatedOnes(_ platform: Platform) throws {
    let survey = try #require(Self.survey)
    let simulator = try ResponseSimulator(
      survey: survey, plan: SimulationPlan(respondents: 120, chapters: 5, seed: 99))
    let scratch = try ScratchStore()
    let path = scratch.directory.path("export.csv")
    let writer = SimulationWriter(simulator: simulator, platform: platform, language: nil)
    let csv = try CSVWriter(path: path, options: writer.options)
    try writer.write(waves: 1...1, to: csv)
    try csv.close()
    let summary = try #require(
      try scratch.importFile(path, survey: survey, options: ImportOptions(wave: "2026")).0.summary)
    #expect(summary.accepted == 120)
    #expect(summary.rejected == 0)
    let stored = try scratch.responses(survey)
    #expect(stored.count == 120)
    for (index, response) in stored.enumerated() {
      let expected = simulator.response(wave: 1, index: index)
      for (position, question) in survey.questions.enumerated() where question.privateMode == nil {
        #expect(response.answers[position] == expected.answers[position], "\(index) \(question.id)")
      }
      #expect(response.chapter == simulator.chapterAnswerName(expected.chapter))
      #expect(response.wave == "2026")
    }
  }
}
