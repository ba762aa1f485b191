import Testing

@testable import SurveyStatistics

/// Cronbach's alpha against `psych::alpha` 2.2.9.
@Suite struct ReliabilityTests {
  @Test func alphaMatchesPsych() throws {
    #expect(ReferenceData.r.alpha.count >= 8)
    for c in ReferenceData.r.alpha {
      let missing = try #require(CronbachAlpha.MissingData(rawValue: c.use))
      let a = try #require(CronbachAlpha(rows: c.rows, missingData: missing), "\(c.name)")
      expectClose(a.rawAlpha, c.raw, family: "alpha.raw", c.name)
      expectClose(a.standardizedAlpha, c.std, family: "alpha.std", c.name)
      expectClose(a.guttmanLambda6, c.g6, family: "alpha.g6", c.name)
      expectClose(a.averageCorrelation, c.averageR, family: "alpha.averageR", c.name)
      expectClose(a.signalToNoise, c.sn, family: "alpha.sn", c.name)
      expectClose(a.standardError, c.ase, family: "alpha.ase", c.name)
      expectClose(a.mean, c.mean, family: "alpha.mean", c.name)
      expectClose(a.standardDeviation, c.sd, family: "alpha.sd", c.name)
      expectClose(a.feldtInterval?.lower, c.feldtLower, family: "alpha.feldt", c.name)
      expectClose(a.feldtInterval?.upper, c.feldtUpper, family: "alpha.feldt", c.name)
      #expect(a.items.count == c.items.count, "\(c.name)")
      for (item, expected) in zip(a.items, c.items) {
        let label = "\(c.name) item \(item.column)"
        #expect(item.count == expected.n, "\(label)")
        expectClose(item.rawCorrelation, expected.rawR, family: "alpha.item.rawR", label)
        expectClose(item.standardizedCorrelation, expected.stdR, family: "alpha.item.stdR", label)
        expectClose(item.correctedCorrelation, expected.rCor, family: "alpha.item.rCor", label)
        expectClose(item.dropCorrelation, expected.rDrop, family: "alpha.item.rDrop", label)
        expectClose(item.mean, expected.mean, family: "alpha.item.mean", label)
        expectClose(item.standardDeviation, expected.sd, family: "alpha.item.sd", label)
        expectClose(
          item.rawAlphaIfDropped, expected.rawAlphaIfDropped, family: "alpha.drop.raw", label)
        expectClose(
          item.standardizedAlphaIfDropped, expected.stdAlphaIfDropped, family: "alpha.drop.std",
          label)
      }
    }
  }

  @Test func degenerateInputGivesNil() {
    #expect(CronbachAlpha(rows: []) == nil)
    #expect(CronbachAlpha(rows: [[1, 2], [2]]) == nil)
    #expect(CronbachAlpha(rows: [[1], [2]]) == nil)
    #expect(CronbachAlpha(rows: [[1, 2], [1, 3], [1, 4]]) == nil)
    #expect(CronbachAlpha(rows: [[1, nil], [nil, 2], [3, nil]]) == nil)
    #expect(CronbachAlpha(rows: [[1, 2], [2, .infinity]]) == nil)
    #expect(CronbachAlpha(rows: [[1, 2], [2, 3], [nil, nil]], missingData: .listwise) != nil)
  }
}
