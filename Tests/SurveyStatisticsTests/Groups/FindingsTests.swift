import SurveyCore
import Testing

@testable import SurveyStatistics

/// Findings of the default survey's reports: what they relate, how many tests they adjust, and
/// that released numbers are the raw estimates rounded.
@Suite("Findings of the default survey")
struct FindingsTests {
  static func builder() throws -> (Survey, SurveyAggregation, FindingsBuilder) {
    let (survey, responses, simulator) = try AggregationTests.responses(200)
    var aggregation = SurveyAggregation(survey: survey)
    for response in responses { AggregationTests.add(response, to: &aggregation, simulator) }
    return (survey, aggregation, FindingsBuilder(aggregation: aggregation))
  }

  @Test("outcomes are the connection indicators, never the exposure ones")
  func outcomes() throws {
    let (survey, _, _) = try AggregationTests.responses(1)
    let ids = Set(survey.outcomeIndicators.map { survey.indicators[$0].id })
    for id in [
      "lonely", "chronically_lonely", "isolation_risk", "general_trust", "cohesion_mean",
      "no_confidant",
    ] {
      #expect(ids.contains(id), "\(id)")
    }
    for id in [
      "exposure_mean", "exposure_work_mean", "union_members", "cost_burdened", "commute_mean",
    ] {
      #expect(!ids.contains(id), "\(id)")
    }
  }

  @Test("every shown test is in the report's Benjamini-Hochberg family")
  func family() throws {
    let (_, aggregation, builder) = try Self.builder()
    for scope in [ReportScope.organization] + aggregation.chapters(in: "2").map(ReportScope.chapter)
    {
      let findings = builder.findings(scope: scope, wave: "2", previousWave: "1")
      var comparisons = findings.indicators.flatMap { [$0.versusRest?.value, $0.change?.value] }
        .compactMap { $0 }
      comparisons += findings.items.compactMap { $0.versusRest?.value }
      comparisons += (findings.relations + findings.chapterRelations).map(\.comparison)
      comparisons += findings.chapters.flatMap { $0.versusRest.compactMap { $0?.value } }
      #expect(findings.testCount == comparisons.count + findings.indexRelations.count, "\(scope)")
      #expect(findings.testCount > 0)
      for comparison in comparisons {
        let adjusted = try #require(comparison.adjustedPValue)
        #expect(adjusted >= comparison.pValue - 0.0005)
        #expect(comparison.isSignificant == (adjusted < 0.05) || abs(adjusted - 0.05) < 0.001)
      }
      #expect(findings == builder.findings(scope: scope, wave: "2", previousWave: "1"))
    }
  }

  @Test("released values are the raw estimates, rounded by the policy")
  func rounding() throws {
    let (survey, aggregation, builder) = try Self.builder()
    let findings = builder.findings(scope: .organization, wave: "1")
    let organization = try #require(aggregation.group(.organization("1")))
    let policy = DisclosurePolicy.standard
    var checked = 0
    for finding in findings.indicators {
      let raw = organization.indicators[finding.indicator]
      switch finding.value {
      case .shown(.share(let share)):
        let estimate = try #require(raw.share())
        if case .value(let percent) = share.percent {
          #expect(percent == policy.percent(estimate.proportion, size: estimate.trials))
          checked += 1
        }
      case .shown(.mean(let mean)):
        let estimate = try #require(raw.mean())
        #expect(mean.mean == Releaser.rounded(estimate.mean, decimals: mean.decimals))
        #expect(mean.decimals == 2)
        checked += 1
      case .withheld:
        break
      }
    }
    #expect(checked >= survey.indicators.count - 3)
    #expect(findings.relations.count > 20)
    let ranked = findings.relations.map { abs($0.standardizedDifference) }
    #expect(ranked == ranked.sorted(by: >))
    #expect(findings.reliability.filter { $0.value.value != nil }.count >= 8)
  }
}
