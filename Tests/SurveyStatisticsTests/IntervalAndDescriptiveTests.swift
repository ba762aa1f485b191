import Testing

@testable import SurveyStatistics

/// Proportion intervals, descriptives and type-7 quantiles against scipy and R.
@Suite struct IntervalAndDescriptiveTests {
  @Test func proportionIntervalsMatchReferences() throws {
    let cases = ReferenceData.both.flatMap { s, d in d.proportionIntervals.map { (s, $0) } }
    #expect(cases.count > 200)
    for (source, c) in cases {
      let method = try #require(ProportionInterval.Method(rawValue: c.method))
      let interval = try #require(
        ProportionInterval.interval(
          successes: c.successes, trials: c.trials, level: c.level, method: method))
      let label = "\(source) \(c.successes)/\(c.trials) at \(c.level)"
      expectClose(interval.lower, c.lower, family: "interval.\(c.method)", label)
      expectClose(interval.upper, c.upper, family: "interval.\(c.method)", label)
    }
  }

  @Test(arguments: [(3, 2), (-1, 5), (0, 0)])
  func invalidCountsGiveNil(_ successes: Int, _ trials: Int) {
    for method in ProportionInterval.Method.allCases {
      #expect(
        ProportionInterval.interval(successes: successes, trials: trials, method: method) == nil)
    }
  }

  @Test func invalidLevelGivesNil() {
    #expect(ProportionInterval.interval(successes: 1, trials: 4, level: 1) == nil)
    #expect(ProportionInterval.interval(successes: 1, trials: 4, level: 0) == nil)
  }

  @Test func descriptivesMatchR() throws {
    for c in ReferenceData.r.descriptives {
      let histogram = CodeHistogram(codes: c.codes)
      for (p, expected) in zip(c.probs, c.quantiles) {
        expectClose(histogram.quantile(p), expected, family: "quantile.type7", "\(c.name) p \(p)")
      }
      let summary = try #require(SampleSummary(c.codes.map(Double.init)))
      expectClose(summary.mean, c.mean, family: "descriptive.mean", c.name)
      expectClose(histogram.mean, c.mean, family: "descriptive.mean", c.name)
      expectClose(summary.standardDeviation, c.sd, family: "descriptive.sd", c.name)
      expectClose(histogram.standardDeviation, c.sd, family: "descriptive.sd", c.name)
      if let lower = c.tLower, let upper = c.tUpper {
        let interval = try #require(summary.meanInterval())
        expectClose(interval.lower, lower, family: "descriptive.tInterval", c.name)
        expectClose(interval.upper, upper, family: "descriptive.tInterval", c.name)
      }
    }
  }

  @Test func degenerateSamples() throws {
    #expect(SampleSummary([]) == nil)
    #expect(SampleSummary([1, .nan]) == nil)
    let single = try #require(SampleSummary([4]))
    #expect(single.variance == nil)
    #expect(single.meanInterval() == nil)
    let constant = try #require(SampleSummary([3, 3, 3]))
    #expect(constant.standardDeviation == 0)
    #expect(constant.meanInterval()?.width == 0)
    let empty = CodeHistogram()
    #expect(empty.median == nil)
    #expect(empty.mean == nil)
    #expect(empty.share(of: 1) == nil)
    #expect(empty.nonresponseRate == nil)
    #expect(CodeHistogram(codes: [2]).quantile(1.5) == nil)
  }

  @Test func nonresponseRate() {
    // statistics.md §6.1: [1,2,97,3,98,4,5,99,2] with 97/98/99 missing.
    let raw = [1, 2, 97, 3, 98, 4, 5, 99, 2]
    let histogram = CodeHistogram(codes: raw.map { $0 >= 97 ? nil : $0 })
    #expect(histogram.count == 6)
    expectClose(histogram.mean, 2.833333333333333, family: "worked.nonresponse", "mean")
    expectClose(histogram.nonresponseRate, 1.0 / 3, family: "worked.nonresponse", "rate")
    #expect(ItemNonresponse.rate(answered: 0, missing: 0) == nil)
    #expect(ItemNonresponse.rate(answered: -1, missing: 2) == nil)
    #expect(ItemNonresponse.rate(answered: 0, missing: 3) == 1)
  }
}
