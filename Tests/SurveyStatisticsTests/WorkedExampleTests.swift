import Testing

@testable import SurveyStatistics

/// The worked examples printed in statistics.md, to the six decimals shown there.
///
/// Printed values are rounded, so values below 1 are compared with an absolute tolerance of
/// 5e-6 and larger ones with that relative tolerance (`floor: 1`).
@Suite struct WorkedExampleTests {
  static let printed = 5e-6

  @Test func kigyoDesignEffects() throws {
    let y: [Double?] = [15, 143, 21, 51, 337, 50, 274, 145, 15, 86]
    let pps = try #require(
      WeightedMoments(values: y, weights: [20, 200, 11, 25, 550, 30, 250, 100, 10, 55]))
    let mean = try #require(pps.meanEstimate())
    expectClose(
      mean.estimate, 243.913669, tolerance: Self.printed, floor: 1, family: "worked.svymean")
    expectClose(
      mean.standardError, 48.752161, tolerance: Self.printed, floor: 1, family: "worked.svymean")
    expectClose(
      mean.designEffect, 1.974067, tolerance: Self.printed, floor: 1, family: "worked.deff")
    let total = try #require(pps.totalEstimate())
    expectClose(
      total.standardError, 184964.558, tolerance: Self.printed, floor: 1, family: "worked.total")
    expectClose(
      total.designEffect, 18.156687, tolerance: Self.printed, floor: 1, family: "worked.deff")
    expectClose(
      pps.kishEffectiveSize, 3.724676, tolerance: Self.printed, floor: 1, family: "worked.kish")
    expectClose(
      pps.kishDesignEffect, 2.684797, tolerance: Self.printed, floor: 1, family: "worked.kish")
  }

  @Test func surveyProportionIntervals() throws {
    let y: [Double?] = [1, 0, 1, 1, 0, 0, 1, 0, 1, 1, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0]
    let w = [
      1.2, 0.8, 1.5, 1.0, 0.6, 0.9, 2.0, 1.1, 0.7, 1.3, 1.0, 0.8, 1.4, 0.9, 1.6, 1.0, 0.7,
      1.2, 0.9, 1.4,
    ]
    let moments = try #require(WeightedMoments(values: y, weights: w))
    let expected: [(SurveyProportionInterval.Method, Double, Double)] = [
      (.mean, 0.263176, 0.764097), (.logit, 0.279282, 0.742145), (.asin, 0.271851, 0.752069),
      (.wilson, 0.286964, 0.734835), (.beta, 0.267941, 0.754568),
    ]
    for (method, lower, upper) in expected {
      let interval = try #require(moments.proportionInterval(method: method))
      expectClose(
        interval.lower, lower, tolerance: Self.printed, floor: 1, family: "worked.svyciprop")
      expectClose(
        interval.upper, upper, tolerance: Self.printed, floor: 1, family: "worked.svyciprop")
    }
  }

  @Test func reliabilityExample() throws {
    let x: [[Double?]] = [
      [4, 4, 3, 4], [3, 4, 4, 3], [5, 4, 4, 5], [2, 3, 2, 2], [4, 5, 3, 3], [3, 2, 3, 3],
      [4, 3, 5, 4], [2, 3, 2, 1], [5, 4, 4, 4], [3, 3, 4, 2],
    ]
    let alpha = try #require(CronbachAlpha(rows: x))
    expectClose(alpha.rawAlpha, 0.835122, tolerance: Self.printed, floor: 1, family: "worked.alpha")
    expectClose(
      alpha.guttmanLambda6, 0.866328, tolerance: Self.printed, floor: 1, family: "worked.alpha")
    expectClose(
      alpha.feldtInterval?.lower, 0.566230, tolerance: Self.printed, floor: 1,
      family: "worked.alpha")
    var missing = x
    missing[1][2] = nil
    missing[5][0] = nil
    let pairwise = try #require(CronbachAlpha(rows: missing))
    expectClose(
      pairwise.rawAlpha, 0.853622, tolerance: Self.printed, floor: 1, family: "worked.alpha")
    let listwise = try #require(CronbachAlpha(rows: missing, missingData: .listwise))
    expectClose(
      listwise.rawAlpha, 0.851658, tolerance: Self.printed, floor: 1, family: "worked.alpha")
  }

  @Test func groupComparisons() throws {
    let a: [Double] = [4, 5, 3, 4, 4, 5, 2, 4, 5, 3]
    let b: [Double] = [2, 3, 3, 1, 4, 2, 3, 2, 3, 3, 2]
    let c: [Double] = [3, 4, 4, 3, 5, 4, 3, 4]
    let kw = try #require(KruskalWallisTest.test([a, b, c]))
    expectClose(
      kw.statistic, 10.659269, tolerance: Self.printed, floor: 1, family: "worked.kruskal")
    expectClose(
      kw.epsilonSquared, 0.380688, tolerance: Self.printed, floor: 1, family: "worked.kruskal")
    let welch = try #require(TTest.welch(a, b))
    expectClose(
      welch.degreesOfFreedom, 17.537403, tolerance: Self.printed, floor: 1, family: "worked.welch")
    let table = try #require(ContingencyTable([[7, 2, 1], [1, 5, 5], [5, 3, 0]]))
    let chi = try #require(ChiSquareTest.pearson(table))
    expectClose(
      chi.cramersV, 0.446950, tolerance: Self.printed, floor: 1, family: "worked.chiSquare")
    let fisher = FisherExactTest.twoSided(TwoByTwoTable(a: 8, b: 2, c: 3, d: 8))
    expectClose(fisher.pValue, 0.029973, tolerance: Self.printed, floor: 1, family: "worked.fisher")
    expectClose(fisher.oddsRatio, 10.6667, tolerance: 5e-5, family: "worked.fisher")
  }

  @Test func waves() throws {
    let newcombe = try #require(
      TwoProportionTest.newcombeInterval(
        successes1: 27, trials1: 45, successes2: 18, trials2: 40))
    expectClose(
      newcombe.lower, -0.060192, tolerance: Self.printed, floor: 1, family: "worked.newcombe")
    expectClose(
      newcombe.upper, 0.343052, tolerance: Self.printed, floor: 1, family: "worked.newcombe")
    let panel = TwoByTwoTable(a: 10, b: 3, c: 10, d: 12)
    expectClose(
      McNemarTest.exact(panel)?.pValue, 0.092285, tolerance: Self.printed, floor: 1,
      family: "worked.mcnemar")
    let w1: [Double] = [3, 2, 4, 3, 2, 3, 1, 4, 2, 3, 3, 2]
    let w2: [Double] = [4, 4, 4, 5, 3, 2, 3, 5, 3, 4, 3, 4]
    let plain = try #require(WilcoxonSignedRankTest.approximate(w2, w1))
    expectClose(
      plain.pValue, 0.011699, tolerance: Self.printed, floor: 1, family: "worked.wilcoxon")
    let pratt = try #require(WilcoxonSignedRankTest.approximate(w2, w1, zeroMethod: .pratt))
    expectClose(pratt.statistic, 5.5, family: "worked.wilcoxon")
    expectClose(
      pratt.pValue, 0.010314, tolerance: Self.printed, floor: 1, family: "worked.wilcoxon")
  }
}
