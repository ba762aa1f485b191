import Foundation
import SurveyCore
import SurveyDSL
import Testing

/// Each instrument's scoring on hand-worked examples from its source.
@Suite struct InstrumentScoringTests {
  static let survey: Survey? = {
    let path = SurveyFilesTests.surveysDirectory.appendingPathComponent("connection.survey").path
    return try? SurveyCompiler.compile(path: path).survey
  }()

  static func context(_ answers: [String: Answer]) throws -> ResponseContext {
    let survey = try #require(Self.survey)
    var values = Array(repeating: Answer.blank, count: survey.questions.count)
    for (id, answer) in answers {
      let position = try #require(survey.position(ofQuestion: id), "no question \(id)")
      values[position] = answer
    }
    return ResponseContext(survey: survey, answers: values)
  }

  static func ucla(_ a: Answer, _ b: Answer, _ c: Answer) throws -> ResponseContext {
    try context(["ucla_lack_companionship": a, "ucla_left_out": b, "ucla_isolated": c])
  }

  @Test(arguments: [
    ([3, 2, 3], 8.0, "lonely"), ([1, 1, 1], 3.0, "not lonely"), ([2, 2, 1], 5.0, "not lonely"),
    ([2, 2, 2], 6.0, "lonely"),
  ])
  func uclaThreeItemSumAndBand(_ codes: [Int], _ score: Double, _ band: String) throws {
    let survey = try #require(Self.survey)
    let scale = try #require(survey.scale("loneliness"))
    let context = try Self.ucla(.code(codes[0]), .code(codes[1]), .code(codes[2]))
    #expect(context.score(of: scale) == score)
    #expect(scale.band(for: score)?.label.text(in: "en") == band)
  }

  @Test func uclaProratesTwoOfThreeAndIgnoresRefusals() throws {
    let survey = try #require(Self.survey)
    let scale = try #require(survey.scale("loneliness"))
    #expect(try Self.ucla(.code(3), .blank, .code(2)).score(of: scale) == 7.5)
    #expect(try Self.ucla(.code(3), .missing(.refused, code: 9), .code(2)).score(of: scale) == 7.5)
    #expect(try Self.ucla(.code(3), .blank, .missing(.refused, code: 9)).score(of: scale) == nil)
  }

  @Test(arguments: [
    ([2, 2, 2, 2, 2, 1], 11.0, "at risk of isolation"), ([2, 2, 2, 2, 2, 2], 12.0, "not at risk"),
    ([0, 0, 0, 0, 0, 0], 0.0, "at risk of isolation"), ([5, 5, 5, 5, 5, 5], 30.0, "not at risk"),
  ])
  func lubbenBelowTwelveIsAtRisk(_ codes: [Int], _ score: Double, _ band: String) throws {
    let survey = try #require(Self.survey)
    let scale = try #require(survey.scale("network"))
    let items = [
      "lsns_relatives_contact", "lsns_relatives_private", "lsns_relatives_help",
      "lsns_friends_contact",
      "lsns_friends_private", "lsns_friends_help",
    ]
    let context = try Self.context(
      Dictionary(uniqueKeysWithValues: zip(items, codes.map { Answer.code($0) })))
    #expect(context.score(of: scale) == score)
    #expect(scale.band(for: score)?.label.text(in: "en") == band)
    let atRisk = try #require(survey.indicators.first { $0.id == "isolation_risk" })
    guard case .share(let condition) = atRisk.measure else {
      Issue.record("isolation_risk is not a share")
      return
    }
    #expect(condition.evaluate(in: context) == .bool(score < 12))
  }

  @Test func cohesionReversesNegativeItemsFromTheDeclaredBounds() throws {
    let survey = try #require(Self.survey)
    let scale = try #require(survey.scale("cohesion"))
    let agreeAll = try Self.context([
      "cohesion_willing_to_help": .code(5), "cohesion_close_knit": .code(5),
      "cohesion_can_be_trusted": .code(5),
      "cohesion_dont_get_along": .code(1), "cohesion_different_values": .code(1),
    ])
    #expect(agreeAll.score(of: scale) == 5)
    let mixed = try Self.context([
      "cohesion_willing_to_help": .code(4), "cohesion_close_knit": .code(3),
      "cohesion_can_be_trusted": .code(4),
      "cohesion_dont_get_along": .code(2),
      "cohesion_different_values": .missing(.dontKnow, code: 8),
    ])
    #expect(mixed.score(of: scale) == 3.75)
  }

  @Test func causesRelateToLonelinessInSimulatedData() throws {
    let survey = try #require(Self.survey)
    let loneliness = try #require(survey.scale("loneliness"))
    let index = try #require(survey.index("exposure"))
    let simulator = try SimulationFixture.simulator(survey)
    var pairs: [(Double, Double)] = []
    for position in 0..<2_000 {
      let response = simulator(position)
      let context = ResponseContext(survey: survey, answers: response)
      if let exposure = context.score(of: index), let lonely = context.score(of: loneliness) {
        pairs.append((exposure, lonely))
      }
    }
    #expect(pairs.count > 1_500)
    let sorted = pairs.sorted { $0.0 < $1.0 }
    let quarter = sorted.count / 4
    let low = sorted.prefix(quarter).map(\.1).reduce(0, +) / Double(quarter)
    let high = sorted.suffix(quarter).map(\.1).reduce(0, +) / Double(quarter)
    #expect(high - low > 0.5, "loneliness \(low) in the least exposed quarter, \(high) in the most")
  }
}
