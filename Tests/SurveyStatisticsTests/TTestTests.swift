import Testing

@testable import SurveyStatistics

/// Welch, Student and paired t tests against R's `t.test` and scipy.
@Suite struct TTestTests {
  @Test func matchesReferences() throws {
    let cases = ReferenceData.both.flatMap { s, d in d.tTests.map { (s, $0) } }
    #expect(cases.count >= 40)
    for (source, c) in cases {
      let result: TTest.Result?
      switch c.kind {
      case "welch": result = TTest.welch(c.x, c.y)
      case "student": result = TTest.student(c.x, c.y)
      default: result = TTest.paired(c.x, c.y)
      }
      let r = try #require(result, "\(source) \(c.kind) \(c.name)")
      let label = "\(source) \(c.kind) \(c.name)"
      expectClose(r.statistic, c.statistic, family: "ttest.\(c.kind)", label)
      expectClose(r.degreesOfFreedom, c.df, family: "ttest.\(c.kind)", label)
      expectClose(r.pValue, c.pValue, family: "ttest.\(c.kind)", label)
      if let lower = c.lower, let upper = c.upper {
        expectClose(r.confidenceInterval.lower, lower, family: "ttest.\(c.kind).ci", label)
        expectClose(r.confidenceInterval.upper, upper, family: "ttest.\(c.kind).ci", label)
      }
    }
  }

  @Test func degenerateInputGivesNil() {
    #expect(TTest.welch([1], [2, 3]) == nil)
    #expect(TTest.welch([2, 2], [3, 3, 3]) == nil)
    #expect(TTest.student([1], [2]) == nil)
    #expect(TTest.paired([1, 2], [1]) == nil)
    #expect(TTest.paired([1, 2, 3], [0, 1, 2]) == nil)
    #expect(TTest.welch([1, 2, .infinity], [1, 2]) == nil)
  }
}
