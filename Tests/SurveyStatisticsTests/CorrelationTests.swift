import Testing

@testable import SurveyStatistics

/// Spearman's rho and FDR adjustment against scipy and R.
@Suite struct CorrelationTests {
  @Test func spearmanMatchesReferences() throws {
    let cases = ReferenceData.both.flatMap { s, d in d.spearman.map { (s, $0) } }
    #expect(cases.count >= 8)
    for (source, c) in cases {
      let r = try #require(SpearmanCorrelation.test(c.x, c.y), "\(source) \(c.name)")
      expectClose(r.rho, c.rho, family: "spearman", "\(source) \(c.name)")
      expectClose(r.pValue, c.pValue, family: "spearman", "\(source) \(c.name)")
    }
    #expect(SpearmanCorrelation.test([1, 2], [2, 1]) == nil)
    #expect(SpearmanCorrelation.test([1, 1, 1], [1, 2, 3]) == nil)
  }

  @Test func fdrMatchesReferences() throws {
    let cases = ReferenceData.both.flatMap { s, d in d.fdr.map { (s, $0) } }
    #expect(cases.count >= 8)
    for (source, c) in cases {
      let bh = try #require(PValueAdjustment.adjusted(c.p))
      let by = try #require(PValueAdjustment.adjusted(c.p, method: .benjaminiYekutieli))
      for (value, expected) in zip(bh, c.bh) {
        expectClose(value, expected, family: "fdr.bh", "\(source) \(c.p)")
      }
      for (value, expected) in zip(by, c.by) {
        expectClose(value, expected, family: "fdr.by", "\(source) \(c.p)")
      }
    }
    #expect(PValueAdjustment.adjusted([0.2, 1.2]) == nil)
    #expect(PValueAdjustment.adjusted([.nan]) == nil)
    #expect(PValueAdjustment.adjusted([]) == [])
    #expect(PValueAdjustment.adjusted([0.3]) == [0.3])
  }
}
