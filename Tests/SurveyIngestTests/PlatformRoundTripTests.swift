import Foundation
import SurveyCore
import SurveyDSL
import SurveyIngest
import SurveySimulation
import Testing

/// Simulated exports of the default survey, in every platform's shape, read back with zero
/// rejects and exactly the answers that were simulated.
@Suite struct PlatformRoundTripTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()

  static func survey(_ name: String = "connection.survey") throws -> Survey {
    try #require(
      try SurveyCompiler.compile(path: root.appendingPathComponent("Surveys/" + name).path).survey)
  }

  static func write(
    _ simulator: ResponseSimulator, _ platform: Platform, to path: String, language: String? = nil
  ) throws {
    let writer = SimulationWriter(simulator: simulator, platform: platform, language: language)
    let csv = try CSVWriter(path: path, options: writer.options)
    try writer.write(waves: 1...1, to: csv)
    try csv.close()
  }

  @Test(arguments: Platform.allCases)
  func readsBackEveryAnswer(_ platform: Platform) throws {
    let survey = try Self.survey()
    let simulator = try ResponseSimulator(
      survey: survey, plan: SimulationPlan(respondents: 300, chapters: 4, seed: 21))
    let path = NSTemporaryDirectory() + "roundtrip-\(platform.rawValue)-\(UUID().uuidString).csv"
    defer { try? FileManager.default.removeItem(atPath: path) }
    try Self.write(simulator, platform, to: path)
    let reader = try ResponseReader(path: path, survey: survey, options: ImportOptions())
    #expect(reader.mapping.platform == platform)
    #expect(!reader.hasHeaderErrors, "\(DiagnosticRenderer().render(reader.fileDiagnostics))")
    #expect(
      reader.fileDiagnostics.isEmpty, "\(DiagnosticRenderer().render(reader.fileDiagnostics))")
    var index = 0
    while let row = try reader.next() {
      let expected = simulator.response(wave: 1, index: index)
      #expect(!row.isRejected, "line \(row.line): \(row.problems.map(\.message))")
      for (position, question) in survey.questions.enumerated() where question.privateMode != .drop
      {
        #expect(
          row.answers[position] == expected.answers[position], "line \(row.line) \(question.id)")
      }
      for (id, text) in expected.otherTexts {
        let position = try #require(survey.position(ofQuestion: id))
        #expect(row.otherTexts[position] == text, "line \(row.line) \(id)_other")
      }
      #expect(row.chapter == simulator.chapterAnswerName(expected.chapter))
      if platform != .googleForms { #expect(row.responseID?.isEmpty == false) }
      #expect(row.submittedAt == expected.submittedAt)
      index += 1
    }
    #expect(index == 300)
  }

  @Test func labelsInAnotherLanguageImportToo() throws {
    let survey = try Self.survey()
    let simulator = try ResponseSimulator(
      survey: survey, plan: SimulationPlan(respondents: 80, chapters: 3, seed: 4))
    let path = NSTemporaryDirectory() + "roundtrip-es-\(UUID().uuidString).csv"
    defer { try? FileManager.default.removeItem(atPath: path) }
    try Self.write(simulator, .googleForms, to: path, language: "es")
    let reader = try ResponseReader(path: path, survey: survey, options: ImportOptions())
    #expect(!reader.hasHeaderErrors, "\(DiagnosticRenderer().render(reader.fileDiagnostics))")
    var rows = 0
    while let row = try reader.next() {
      #expect(!row.isRejected, "line \(row.line): \(row.problems.map(\.message))")
      rows += 1
    }
    #expect(rows == 80)
  }
}
