import Foundation
import SurveyCore
import SurveyDSL
import SurveySimulation
import Testing

@Suite struct ResponseSimulatorTests {
  static let surveysDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Surveys")

  static func example() throws -> Survey {
    let path = surveysDirectory.appendingPathComponent("examples/tenants-union.survey").path
    return try #require(try SurveyCompiler.compile(path: path).survey)
  }

  @Test func sameSeedSameAnswersAndPrefixStability() throws {
    let survey = try Self.example()
    let small = try ResponseSimulator(
      survey: survey, plan: SimulationPlan(respondents: 50, chapters: 3, seed: 7))
    let again = try ResponseSimulator(
      survey: survey, plan: SimulationPlan(respondents: 50, chapters: 3, seed: 7))
    let other = try ResponseSimulator(
      survey: survey, plan: SimulationPlan(respondents: 50, chapters: 3, seed: 8))
    for index in 0..<50 {
      #expect(
        small.response(wave: 1, index: index).answers
          == again.response(wave: 1, index: index).answers)
    }
    let differing = (0..<50).filter {
      small.response(wave: 1, index: $0).answers != other.response(wave: 1, index: $0).answers
    }
    #expect(differing.count > 40)
  }

  @Test func answersRespectTypesRangesRelevanceRequiredAndChecks() throws {
    let survey = try Self.example()
    let simulator = try ResponseSimulator(
      survey: survey, plan: SimulationPlan(respondents: 400, chapters: 3, seed: 3))
    var shownAndAnswered = 0
    for index in 0..<400 {
      let response = simulator.response(wave: 1, index: index)
      let context = ResponseContext(survey: survey, answers: response.answers)
      for (position, question) in survey.questions.enumerated() {
        let answer = response.answers[position]
        if !context.isShown(question) {
          #expect(answer == .blank, "\(question.id) is hidden but answered")
          continue
        }
        if question.isRequired { #expect(answer.isSubstantive, "\(question.id) is required") }
        for check in question.checks where check.isHard {
          #expect(
            check.condition.evaluate(in: context) != .bool(false), "\(question.id) fails a check")
        }
        switch (question.type, answer) {
        case (.single, .code(let code)), (.single, .missing(_, let code)):
          #expect(survey.choiceSet(of: question)?.choice(code: code) != nil)
          shownAndAnswered += 1
        case (.multiple, .codes(let codes)):
          #expect(codes.allSatisfy { survey.choiceSet(of: question)?.choice(code: $0) != nil })
        case (.number(let kind, let low, let high), .number(let value)):
          #expect(value >= (low ?? -.infinity) && value <= (high ?? .infinity))
          if kind == .integer { #expect(value.rounded() == value) }
        case (.date(let low, let high), .date(let days)):
          #expect(days >= (low ?? .min) && days <= (high ?? .max))
        case (_, .blank), (.text, .text): break
        default: Issue.record("answer \(answer) does not fit \(question.id)")
        }
      }
    }
    #expect(shownAndAnswered > 1_000)
  }

  @Test func chaptersAndPanelsAreStable() throws {
    let survey = try Self.example()
    let simulator = try ResponseSimulator(
      survey: survey, plan: SimulationPlan(respondents: 300, chapters: 3, waves: 2, seed: 5))
    let first = (0..<300).map { simulator.response(wave: 1, index: $0) }
    let second = (0..<300).map { simulator.response(wave: 2, index: $0) }
    let stayers = zip(first, second).filter { $0.person == $1.person }
    #expect(stayers.count > 120 && stayers.count < 240)
    for (a, b) in stayers { #expect(a.chapter == b.chapter) }
    let chapters = Set(first.map(\.chapter))
    #expect(chapters == [0, 1, 2])
    #expect(second.allSatisfy { $0.submittedAt > first.map(\.submittedAt).max() ?? 0 })
  }

  @Test func tooManyChaptersIsAClearError() throws {
    let survey = try Self.example()
    #expect(throws: SimulationError.tooManyChapters(asked: 5, available: 3, question: "building")) {
      try ResponseSimulator(
        survey: survey, plan: SimulationPlan(respondents: 10, chapters: 5, seed: 1))
    }
  }
}
