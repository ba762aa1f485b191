import Foundation
import SurveyCore
import SurveyDSL
import SurveySimulation
import Testing

@testable import SurveyStatistics

/// The aggregation over the default survey: one pass, split and merged, and the pooled
/// reliability from moments against the row-wise computation (itself checked against psych).
@Suite("Aggregation of the default survey")
struct AggregationTests {
  static let surveyPath = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Surveys/connection.survey").path

  static func responses(_ count: Int) throws -> (Survey, [SimulatedResponse], ResponseSimulator) {
    let survey = try #require(try SurveyCompiler.compile(path: surveyPath).survey)
    let simulator = try ResponseSimulator(
      survey: survey, plan: SimulationPlan(respondents: count, chapters: 4, waves: 2, seed: 11))
    let responses = (1...2).flatMap { wave in
      (0..<count).map { simulator.response(wave: wave, index: $0) }
    }
    return (survey, responses, simulator)
  }

  static func add(
    _ response: SimulatedResponse, to aggregation: inout SurveyAggregation,
    _ simulator: ResponseSimulator
  ) {
    aggregation.add(
      answers: response.answers, chapter: simulator.chapterAnswerName(response.chapter),
      wave: String(response.wave),
      weight: nil, personKey: "p\(response.person)")
  }

  @Test("splitting the responses and merging gives the same estimates as one pass")
  func splitAndMerge() throws {
    let (survey, responses, simulator) = try Self.responses(150)
    var whole = SurveyAggregation(survey: survey)
    var first = SurveyAggregation(survey: survey)
    var second = SurveyAggregation(survey: survey)
    for (index, response) in responses.enumerated() {
      Self.add(response, to: &whole, simulator)
      if index % 3 == 0 {
        Self.add(response, to: &first, simulator)
      } else {
        Self.add(response, to: &second, simulator)
      }
    }
    first.merge(second)
    #expect(Set(whole.groups.keys) == Set(first.groups.keys))
    #expect(whole.groups.count == 10)
    for (key, group) in whole.groups {
      let merged = try #require(first.groups[key])
      #expect(merged.respondents == group.respondents)
      for (a, b) in zip(group.indicators, merged.indicators) {
        #expect(
          a.trueCount == b.trueCount && a.falseCount == b.falseCount && a.unknown == b.unknown)
        #expect(a.values == b.values)
        expectClose(
          b.mean()?.mean, a.mean()?.mean, tolerance: 1e-12, family: "merge mean", "\(key)")
        expectClose(
          b.mean()?.standardDeviation, a.mean()?.standardDeviation, tolerance: 1e-12,
          family: "merge sd", "\(key)")
      }
      #expect(group.items == merged.items)
    }
    for wave in ["1", "2"] {
      let a = whole.correlations(wave: wave)
      let b = first.correlations(wave: wave)
      #expect(a.count == b.count && !a.isEmpty)
      for (x, y) in zip(a, b) {
        #expect(x.index == y.index && x.outcome == y.outcome && x.pairs == y.pairs)
      }
    }
    #expect(whole.panel == first.panel)
    let builder = FindingsBuilder(aggregation: whole)
    let mergedBuilder = FindingsBuilder(aggregation: first)
    for scope in [ReportScope.organization] + whole.chapters(in: "2").map(ReportScope.chapter) {
      let a = builder.findings(scope: scope, wave: "2", previousWave: "1")
      let b = mergedBuilder.findings(scope: scope, wave: "2", previousWave: "1")
      #expect(a.indicators == b.indicators, "\(scope)")
      #expect(a.items == b.items, "\(scope)")
      #expect(a.relations == b.relations, "\(scope)")
      #expect(a.chapterRelations.count == b.chapterRelations.count, "\(scope)")
      #expect(a.chapterRelations == b.chapterRelations, "\(scope)")
      #expect(a.audit == b.audit, "\(scope)")
      #expect(a == b, "\(scope)")
    }
  }

  @Test("alpha from single-pass moments equals alpha from the rows, and merges")
  func reliability() throws {
    let (survey, responses, simulator) = try Self.responses(120)
    let program = survey.program
    var aggregation = SurveyAggregation(survey: survey)
    var halves = [SurveyAggregation(survey: survey), SurveyAggregation(survey: survey)]
    for (index, response) in responses.enumerated() where response.wave == 1 {
      Self.add(response, to: &aggregation, simulator)
      Self.add(response, to: &halves[index % 2], simulator)
    }
    halves[0].merge(halves[1])
    var checked = 0
    for (index, scale) in program.scales.enumerated() where scale.items.count >= 2 {
      let rows = responses.filter { $0.wave == 1 }.map { response in
        scale.items.indices.map { program.itemValue($0, of: scale, response.answers) }
      }.filter { $0.contains { $0 != nil } }
      guard let expected = CronbachAlpha(rows: rows), expected.removedColumns.isEmpty,
        let accumulator = aggregation.reliability(wave: "1")[index]
      else { continue }
      let actual = try #require(CronbachAlpha(accumulator: accumulator))
      let merged = try #require(
        halves[0].reliability(wave: "1")[index].flatMap { CronbachAlpha(accumulator: $0) })
      let label = survey.scales[index].id
      for alpha in [actual, merged] {
        expectClose(alpha.rawAlpha, expected.rawAlpha, family: "alpha moments", label)
        expectClose(
          alpha.standardizedAlpha, expected.standardizedAlpha, family: "alpha moments", label)
        #expect(alpha.rowCount == expected.rowCount)
        for (a, b) in zip(alpha.items, expected.items) {
          expectClose(a.rawAlphaIfDropped, b.rawAlphaIfDropped, family: "alpha drop", label)
          expectClose(a.dropCorrelation, b.dropCorrelation, family: "r.drop", label)
          expectClose(a.rawCorrelation, b.rawCorrelation, tolerance: 1e-8, family: "raw r", label)
        }
      }
      checked += 1
    }
    #expect(checked >= 8)
  }

  @Test("Spearman's rho from pair counts equals rho from the values")
  func spearmanFromCounts() {
    var generator = SplitMix(seed: 5)
    for _ in 0..<20 {
      let n = Int.random(in: 3...60, using: &generator)
      let x = (0..<n).map { _ in Double(Int.random(in: 0...4, using: &generator)) }
      let y = x.map { $0 + Double(Int.random(in: -2...2, using: &generator)) }
      var joint = JointHistogram()
      for (a, b) in zip(x, y) { joint.add(a, b) }
      let direct = SpearmanCorrelation.test(x, y)
      let counted = SpearmanCorrelation.test(joint)
      expectClose(counted?.rho, direct?.rho, tolerance: 1e-12, family: "spearman counts")
      expectClose(counted?.pValue, direct?.pValue, tolerance: 1e-10, family: "spearman counts p")
    }
  }
}
