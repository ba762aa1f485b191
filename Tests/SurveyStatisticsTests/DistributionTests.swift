import Testing

@testable import SurveyStatistics

/// Distribution functions against scipy and R, grouped by source, family and function.
@Suite struct DistributionTests {
  /// One group of reference cases.
  struct Group: Sendable, CustomTestStringConvertible {
    let source: String
    let key: String
    let cases: [DistributionCase]
    var testDescription: String { "\(source) \(key) (\(cases.count) cases)" }
  }

  static let groups: [Group] = ReferenceData.both.flatMap { source, data in
    Dictionary(grouping: data.distributions) { "\($0.family).\($0.function)" }
      .sorted { $0.key < $1.key }
      .map { Group(source: source, key: $0.key, cases: $0.value) }
  }

  @Test func referencesLoaded() {
    #expect(ReferenceData.scipy.distributions.count > 5000)
    #expect(ReferenceData.r.distributions.count > 500)
  }

  @Test(arguments: groups)
  func matchesReference(_ group: Group) throws {
    for c in group.cases {
      let actual = try #require(Self.evaluate(c), "\(c.family) \(c.function) \(c.params) \(c.x)")
      expectClose(
        actual, c.expected, tolerance: Tolerance.distribution, floor: 1e-300,
        family: "distribution.\(group.key)", "\(group.source) params \(c.params) at \(c.x)")
    }
  }

  @Test func quantilesInvertTheCdf() throws {
    for nu in [0.2, 1, 3.7, 25, 1e6] {
      let t = try #require(StudentTDistribution(degreesOfFreedom: nu))
      for p in [1e-12, 0.01, 0.4, 0.5, 0.93] {
        let x = try #require(t.ppf(p))
        expectClose(t.cdf(x), p, tolerance: 1e-12, family: "roundtrip.t", "ν \(nu) p \(p)")
      }
    }
    for (a, b) in [(0.1, 0.1), (0.5, 30.0), (1e5, 3.0), (2.0, 2.0)] {
      let beta = try #require(BetaDistribution(alpha: a, beta: b))
      for p in [1e-10, 0.3, 0.6] {
        let x = try #require(beta.ppf(p))
        expectClose(beta.cdf(x), p, tolerance: 1e-11, family: "roundtrip.beta", "\(a) \(b) \(p)")
      }
    }
  }

  @Test func invalidParametersGiveNil() {
    #expect(StudentTDistribution(degreesOfFreedom: 0) == nil)
    #expect(StudentTDistribution(degreesOfFreedom: .nan) == nil)
    #expect(ChiSquaredDistribution(degreesOfFreedom: -1) == nil)
    #expect(FDistribution(numeratorDegreesOfFreedom: 1, denominatorDegreesOfFreedom: 0) == nil)
    #expect(BetaDistribution(alpha: 0, beta: 1) == nil)
    #expect(BinomialDistribution(trials: -1, probability: 0.5) == nil)
    #expect(BinomialDistribution(trials: 3, probability: 1.5) == nil)
    #expect(HypergeometricDistribution(population: 5, successes: 6, draws: 1) == nil)
    #expect(NormalDistribution(mean: 0, standardDeviation: 0) == nil)
    #expect(NormalDistribution.standard.ppf(1.5) == nil)
    #expect(NormalDistribution.standard.ppf(.nan) == nil)
  }

  @Test func boundaryValues() throws {
    let normal = NormalDistribution.standard
    #expect(normal.ppf(0) == -.infinity)
    #expect(normal.ppf(1) == .infinity)
    let chi = try #require(ChiSquaredDistribution(degreesOfFreedom: 3))
    #expect(chi.cdf(0) == 0)
    #expect(chi.sf(.infinity) == 0)
    #expect(chi.ppf(0) == 0)
    let beta = try #require(BetaDistribution(alpha: 2, beta: 3))
    #expect(beta.cdf(-1) == 0)
    #expect(beta.cdf(2) == 1)
    #expect(beta.ppf(1) == 1)
    let binomial = try #require(BinomialDistribution(trials: 0, probability: 0.3))
    #expect(binomial.pmf(0) == 1)
    let degenerate = try #require(BinomialDistribution(trials: 4, probability: 1))
    #expect(degenerate.pmf(4) == 1)
    #expect(degenerate.cdf(3) == 0)
  }

  static let binomialCases: [(String, BinomialTestCase)] = ReferenceData.both.flatMap { s, d in
    d.binomialTest.map { (s, $0) }
  }

  @Test func binomialTestMatchesReferences() throws {
    #expect(Self.binomialCases.count >= 20)
    for (source, c) in Self.binomialCases {
      let result = try #require(
        BinomialTest.twoSided(successes: c.k, trials: c.n, probability: c.p))
      expectClose(result.pValue, c.pValue, family: "binomtest", "\(source) \(c.k)/\(c.n) at \(c.p)")
    }
    #expect(BinomialTest.twoSided(successes: 3, trials: 2) == nil)
    #expect(BinomialTest.twoSided(successes: 0, trials: 0) == nil)
  }
}
