import Foundation

extension Comparison {
  /// Compares two groups' shares: the difference with Newcombe's hybrid score interval, and
  /// Pearson's chi-square test, or Fisher's exact test when an expected count is below 5; the
  /// effect size is Cramér's V (|φ|) either way.
  ///
  /// - Parameters:
  ///   - first: The first group's indicator.
  ///   - second: The second group's indicator.
  ///   - level: The confidence level of the interval.
  /// - Returns: The comparison, or nil when a group has no known value.
  package static func shares(
    _ first: IndicatorAccumulator, _ second: IndicatorAccumulator, level: Double = 0.95
  ) -> Comparison? {
    let (k1, n1) = (first.trueCount, first.trueCount + first.falseCount)
    let (k2, n2) = (second.trueCount, second.trueCount + second.falseCount)
    guard n1 > 0, n2 > 0 else { return nil }
    let table = TwoByTwoTable(a: k1, b: n1 - k1, c: k2, d: n2 - k2)
    let interval = TwoProportionTest.newcombeInterval(
      successes1: k1, trials1: n1, successes2: k2, trials2: n2, level: level)
    let p1 = Double(k1) / Double(n1)
    let p2 = Double(k2) / Double(n2)
    let chi = table.contingencyTable.flatMap(ChiSquareTest.pearson)
    if let chi, chi.minimumExpected >= 5 {
      return Comparison(
        test: .chiSquare, difference: p1 - p2, interval: interval, statistic: chi.statistic,
        degreesOfFreedom: Double(chi.degreesOfFreedom), pValue: chi.pValue,
        effect: chi.cramersV, effectKind: .cramersV, firstCount: n1, secondCount: n2)
    }
    let fisher = FisherExactTest.twoSided(table)
    return Comparison(
      test: .fisher, difference: p1 - p2, interval: interval, statistic: fisher.oddsRatio ?? .nan,
      degreesOfFreedom: nil, pValue: fisher.pValue, effect: chi?.cramersV, effectKind: .cramersV,
      firstCount: n1, secondCount: n2)
  }

  /// Compares two groups' means with Welch's t test; the effect size is Cohen's d with the
  /// pooled standard deviation.
  ///
  /// - Parameters:
  ///   - first: The first group's indicator.
  ///   - second: The second group's indicator.
  ///   - level: The confidence level of the interval.
  /// - Returns: The comparison, or nil when a group has fewer than 2 values or neither varies.
  package static func means(
    _ first: IndicatorAccumulator, _ second: IndicatorAccumulator, level: Double = 0.95
  ) -> Comparison? {
    guard let a = first.sampleSummary, let b = second.sampleSummary,
      let result = TTest.welch(a, b, level: level)
    else { return nil }
    let pooled = (a.sumOfSquares + b.sumOfSquares) / Double(a.count + b.count - 2)
    return Comparison(
      test: .welch, difference: result.estimate, interval: result.confidenceInterval,
      statistic: result.statistic, degreesOfFreedom: result.degreesOfFreedom,
      pValue: result.pValue, effect: pooled > 0 ? result.estimate / pooled.squareRoot() : nil,
      effectKind: .cohensD, firstCount: a.count, secondCount: b.count)
  }

  /// Compares two groups' answers to a single ordinal item with the Mann–Whitney U test
  /// (normal approximation with tie and continuity correction, as `wilcox.test(exact = FALSE)`).
  ///
  /// - Parameters:
  ///   - first: The first group's answer codes.
  ///   - second: The second group's answer codes.
  /// - Returns: The comparison, or nil when a group is empty or every answer is the same.
  package static func ordinal(_ first: CodeHistogram, _ second: CodeHistogram) -> Comparison? {
    guard
      let result = MannWhitneyTest.test(
        first, second, continuityCorrection: true, method: .asymptotic)
    else { return nil }
    return Comparison(
      test: .mannWhitney, difference: nil, interval: nil, statistic: result.u1,
      degreesOfFreedom: nil, pValue: result.pValue, effect: result.rankBiserial,
      effectKind: .rankBiserial, firstCount: first.count, secondCount: second.count)
  }

  /// Compares the distributions of a categorical item across groups with Pearson's
  /// chi-square test and Cramér's V.
  ///
  /// - Parameter groups: Each group's answer codes.
  /// - Returns: The comparison, or nil when fewer than two groups or two codes have answers.
  package static func categorical(_ groups: [CodeHistogram]) -> Comparison? {
    guard let result = ChiSquareTest.pearson(groups: groups) else { return nil }
    return Comparison(
      test: .chiSquare, difference: nil, interval: nil, statistic: result.statistic,
      degreesOfFreedom: Double(result.degreesOfFreedom), pValue: result.pValue,
      effect: result.cramersV, effectKind: .cramersV, firstCount: groups.first?.count ?? 0,
      secondCount: groups.dropFirst().reduce(0) { $0 + $1.count })
  }
}
