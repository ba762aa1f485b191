import Testing

@testable import SurveyStatistics

/// Mann–Whitney, Kruskal–Wallis and Wilcoxon signed-rank tests against scipy and R.
@Suite struct RankTestTests {
  @Test func mannWhitneyMatchesReferences() throws {
    let cases = ReferenceData.both.flatMap { s, d in d.mannWhitney.map { (s, $0) } }
    #expect(cases.count >= 30)
    for (source, c) in cases {
      let method: MannWhitneyTest.Method = c.method == "exact" ? .exact : .asymptotic
      let label = "\(source) \(c.name) \(c.method) cc \(c.continuity)"
      let r = try #require(
        MannWhitneyTest.test(c.x, c.y, continuityCorrection: c.continuity, method: method),
        "\(label)")
      expectClose(r.u1, c.u1, family: "mannWhitney.\(c.method)", label)
      expectClose(r.pValue, c.pValue, family: "mannWhitney.\(c.method)", label)
      if let rb = c.rankBiserial {
        expectClose(r.rankBiserial, rb, family: "mannWhitney.rankBiserial", label)
      }
      if source == "scipy" {
        let auto = try #require(
          MannWhitneyTest.test(c.x, c.y, continuityCorrection: c.continuity), "\(label)")
        #expect(auto.isExact == (c.method == "exact"), "\(label): automatic choice")
      }
    }
  }

  @Test func mannWhitneyFromHistogramsEqualsSamples() throws {
    let a = [4, 5, 3, 4, 4, 5, 2, 4, 5, 3]
    let b = [2, 3, 3, 1, 4, 2, 3, 2, 3, 3, 2]
    let fromCodes = try #require(
      MannWhitneyTest.test(CodeHistogram(codes: a), CodeHistogram(codes: b)))
    let fromValues = try #require(
      MannWhitneyTest.test(a.map(Double.init), b.map(Double.init)))
    #expect(fromCodes == fromValues)
    expectClose(fromCodes.pValue, 0.0063176669, tolerance: 1e-8, family: "worked.mannWhitney")
    expectClose(fromCodes.rankBiserial, 0.690909, tolerance: 1e-6, family: "worked.mannWhitney")
  }

  @Test func kruskalWallisMatchesReferences() throws {
    let cases = ReferenceData.both.flatMap { s, d in d.kruskalWallis.map { (s, $0) } }
    #expect(cases.count >= 8)
    for (source, c) in cases {
      let r = try #require(KruskalWallisTest.test(c.groups), "\(source) \(c.name)")
      expectClose(r.statistic, c.statistic, family: "kruskalWallis", "\(source) \(c.name)")
      expectClose(Double(r.degreesOfFreedom), c.df, family: "kruskalWallis", c.name)
      expectClose(r.pValue, c.pValue, family: "kruskalWallis", "\(source) \(c.name)")
      if let e = c.epsilonSquared {
        expectClose(r.epsilonSquared, e, family: "kruskalWallis.epsilon", c.name)
      }
      let histograms = c.groups.map { CodeHistogram(codes: $0.map { Int(($0 * 100).rounded()) }) }
      let fromCodes = try #require(KruskalWallisTest.test(histograms))
      expectClose(fromCodes.statistic, c.statistic, family: "kruskalWallis.histogram", c.name)
    }
  }

  @Test func wilcoxonMatchesReferences() throws {
    let cases = ReferenceData.both.flatMap { s, d in d.wilcoxon.map { (s, $0) } }
    #expect(cases.count >= 20)
    for (source, c) in cases {
      let zero = try #require(WilcoxonSignedRankTest.ZeroMethod(rawValue: c.zeroMethod))
      let label = "\(source) \(c.name) \(c.zeroMethod) cc \(c.correction)"
      let r = try #require(
        WilcoxonSignedRankTest.approximate(
          c.x, c.y, zeroMethod: zero, continuityCorrection: c.correction), "\(label)")
      let family = "wilcoxon.\(c.zeroMethod)"
      expectClose(r.pValue, c.pValue, family: family, label)
      if let statistic = c.statistic { expectClose(r.statistic, statistic, family: family, label) }
      if let v = c.positiveRankSum { expectClose(r.positiveRankSum, v, family: family, label) }
      if let z = c.z { expectClose(r.z, z, family: family, label) }
    }
  }

  @Test func degenerateInputGivesNil() {
    #expect(MannWhitneyTest.test([], [1, 2]) == nil)
    #expect(MannWhitneyTest.test([3, 3], [3, 3, 3]) == nil)
    #expect(KruskalWallisTest.test([[1, 2], []]) == nil)
    #expect(KruskalWallisTest.test([[2, 2], [2, 2, 2]]) == nil)
    #expect(WilcoxonSignedRankTest.approximate([1, 2], [1, 2]) == nil)
    #expect(WilcoxonSignedRankTest.approximate([1, 2], [1]) == nil)
    #expect(WilcoxonSignedRankTest.approximate(differences: [0, 0], zeroMethod: .pratt) == nil)
  }
}
