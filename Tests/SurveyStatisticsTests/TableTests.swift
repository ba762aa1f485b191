import Testing

@testable import SurveyStatistics

/// Chi-square, Fisher, McNemar and two-proportion comparisons against scipy and R.
@Suite struct TableTests {
  @Test func chiSquareMatchesReferences() throws {
    let cases = ReferenceData.both.flatMap { s, d in d.chiSquare.map { (s, $0) } }
    #expect(cases.count >= 12)
    for (source, c) in cases {
      let table = try #require(ContingencyTable(c.table))
      let r = try #require(ChiSquareTest.pearson(table), "\(source) \(c.name)")
      let label = "\(source) \(c.name)"
      expectClose(r.statistic, c.statistic, family: "chiSquare", label)
      expectClose(Double(r.degreesOfFreedom), c.df, family: "chiSquare", label)
      expectClose(r.pValue, c.pValue, family: "chiSquare", label)
      for (row, expectedRow) in zip(r.expected, c.expected) {
        for (value, expected) in zip(row, expectedRow) {
          expectClose(value, expected, family: "chiSquare.expected", label)
        }
      }
      if let v = c.cramersV { expectClose(r.cramersV, v, family: "chiSquare.cramersV", label) }
    }
  }

  @Test func cochranRuleAndEmptyLines() throws {
    let bands = try #require(ContingencyTable([[7, 2, 1], [1, 5, 5], [5, 3, 0]]))
    let r = try #require(ChiSquareTest.pearson(bands))
    #expect(!r.satisfiesCochranRule)
    #expect(r.shareExpectedBelowFive == 1)
    let large = try #require(ContingencyTable([[120, 80, 45, 30], [60, 95, 70, 52]]))
    #expect(try #require(ChiSquareTest.pearson(large)).satisfiesCochranRule)
    let withEmpty = try #require(ContingencyTable([[3, 0, 5], [0, 0, 0], [4, 0, 1]]))
    let reduced = try #require(ChiSquareTest.pearson(withEmpty))
    #expect(reduced.removedRows == [1])
    #expect(reduced.removedColumns == [1])
    #expect(reduced.degreesOfFreedom == 1)
    #expect(ChiSquareTest.pearson(try #require(ContingencyTable([[3, 4]]))) == nil)
    #expect(ContingencyTable([[1, 2], [3]]) == nil)
    #expect(ContingencyTable([[1, -2]]) == nil)
  }

  @Test func fisherMatchesReferences() {
    let cases = ReferenceData.both.flatMap { s, d in d.fisher.map { (s, $0) } }
    #expect(cases.count >= 20)
    for (source, c) in cases where c.table.count == 4 {
      let table = TwoByTwoTable(a: c.table[0], b: c.table[1], c: c.table[2], d: c.table[3])
      let r = FisherExactTest.twoSided(table)
      let label = "\(source) \(c.table)"
      expectClose(r.pValue, c.pValue, family: "fisher", label)
      if source == "scipy" {
        if let ratio = c.oddsRatio {
          expectClose(r.oddsRatio, ratio, family: "fisher.oddsRatio", label)
        } else {
          #expect(r.oddsRatio == nil, "\(label)")
        }
      }
    }
  }

  @Test func mcnemarMatchesReferences() throws {
    let cases = ReferenceData.both.flatMap { s, d in d.mcnemar.map { (s, $0) } }
    for (source, c) in cases {
      let table = TwoByTwoTable(a: 20, b: c.b, c: c.c, d: 15)
      let label = "\(source) b \(c.b) c \(c.c)"
      expectClose(McNemarTest.exact(table)?.pValue, c.exactP, family: "mcnemar.exact", label)
      let plain = try #require(McNemarTest.chiSquare(table, continuityCorrection: false))
      expectClose(plain.statistic, c.chiSquare, family: "mcnemar.chiSquare", label)
      expectClose(plain.pValue, c.chiSquareP, family: "mcnemar.chiSquare", label)
      if let corrected = c.corrected, let p = c.correctedP {
        let r = try #require(McNemarTest.chiSquare(table, continuityCorrection: true))
        expectClose(r.statistic, corrected, family: "mcnemar.corrected", label)
        expectClose(r.pValue, p, family: "mcnemar.corrected", label)
      }
    }
    #expect(McNemarTest.exact(TwoByTwoTable(a: 4, d: 5)) == nil)
    #expect(McNemarTest.chiSquare(TwoByTwoTable(a: 4, d: 5), continuityCorrection: true) == nil)
  }

  @Test func twoProportionMatchesReferences() throws {
    let cases = ReferenceData.both.flatMap { s, d in d.twoProportion.map { (s, $0) } }
    for (source, c) in cases {
      let label = "\(source) \(c.successes1)/\(c.trials1) vs \(c.successes2)/\(c.trials2)"
      let r = try #require(
        TwoProportionTest.pooledZ(
          successes1: c.successes1, trials1: c.trials1, successes2: c.successes2,
          trials2: c.trials2), "\(label)")
      expectClose(r.z * r.z, c.chiSquare, family: "twoProportion", label)
      expectClose(r.pValue, c.pValue, family: "twoProportion", label)
      if let z = c.z { expectClose(r.z, z, family: "twoProportion", label) }
      if let lower = c.newcombeLower, let upper = c.newcombeUpper {
        let interval = try #require(
          TwoProportionTest.newcombeInterval(
            successes1: c.successes1, trials1: c.trials1, successes2: c.successes2,
            trials2: c.trials2))
        expectClose(interval.lower, lower, family: "newcombe", label)
        expectClose(interval.upper, upper, family: "newcombe", label)
      }
    }
    #expect(TwoProportionTest.pooledZ(successes1: 0, trials1: 5, successes2: 0, trials2: 4) == nil)
    #expect(TwoProportionTest.pooledZ(successes1: 1, trials1: 0, successes2: 0, trials2: 4) == nil)
    #expect(
      TwoProportionTest.newcombeInterval(successes1: 0, trials1: 5, successes2: 0, trials2: 4)
        != nil)
  }
}
