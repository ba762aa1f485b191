import Foundation

extension Comparison {
  /// Compares two groups of a weighted survey as R's `survey` package does, treating the two
  /// groups' respondents with a value as one design `svydesign(ids = ~1, weights = ~w)`.
  ///
  /// - Means: `svyttest(y ~ group)`: the difference of the Hájek means, its linearization SE
  ///   (each group's influence sums to zero, so the groups' variances add, each with the
  ///   factor `N/(N − 1)` of the whole design), t on `N − 2` degrees of freedom and the interval
  ///   `difference ± t · SE`.
  /// - Shares: the same difference, SE and interval, and the second-order Rao–Scott test of the
  ///   2 × 2 table `svychisq(~ y + group)` (the default `statistic = "F"`): Pearson's X² of the
  ///   weighted table scaled to N, divided by the design effect of the table's one contrast, on
  ///   F(1, N − 1).
  ///
  /// - Returns: nil when a group has no value, the design has fewer than 3 rows, or the variance
  ///   is 0.
  package static func weighted(
    _ first: IndicatorAccumulator, _ second: IndicatorAccumulator, isShare: Bool,
    level: Double = 0.95
  ) -> Comparison? {
    let a = first.moments
    let b = second.moments
    let n = a.count + b.count
    guard a.count > 0, b.count > 0, n >= 3, a.weightSum > 0, b.weightSum > 0 else { return nil }
    let factor = Double(n) / Double(n - 1)
    let variance =
      factor
      * (a.squaredWeightDeviations / (a.weightSum * a.weightSum)
        + b.squaredWeightDeviations / (b.weightSum * b.weightSum))
    guard variance > 0, variance.isFinite else { return nil }
    let difference = a.mean - b.mean
    let se = variance.squareRoot()
    let df = Double(n - 2)
    guard let t = StudentTDistribution(degreesOfFreedom: df),
      let quantile = t.ppf(1 - (1 - level) / 2)
    else { return nil }
    let interval = ConfidenceInterval(
      lower: difference - quantile * se, upper: difference + quantile * se, level: level)
    let statistic = difference / se
    if !isShare {
      return Comparison(
        test: .designBasedT, difference: difference, interval: interval, statistic: statistic,
        degreesOfFreedom: df, pValue: min(1, 2 * t.sf(abs(statistic))), effect: nil,
        effectKind: nil, firstCount: a.count, secondCount: b.count)
    }
    guard let (f, p) = raoScott(a, b, designSize: n) else { return nil }
    return Comparison(
      test: .raoScottF, difference: difference, interval: interval, statistic: f,
      degreesOfFreedom: Double(n - 1), pValue: p, effect: nil, effectKind: nil,
      firstCount: a.count, secondCount: b.count)
  }

  /// The second-order Rao–Scott F of a group × 0/1 table (for one contrast, the same as the
  /// first order), and its p value on F(1, N − 1), as `svychisq(statistic = "F")`.
  static func raoScott(_ a: WeightedMoments, _ b: WeightedMoments, designSize n: Int)
    -> (statistic: Double, p: Double)?
  {
    let total = a.weightSum + b.weightSum
    let squares = a.squaredWeightSum + b.squaredWeightSum
    // Cells (group 1, yes), (group 2, yes), (group 1, no), (group 2, no): their weighted
    // totals and sums of squared weights, from each group's w- and w²-weighted means of y.
    let yes = { (m: WeightedMoments) in m.weightSum * m.mean }
    let yesSquares = { (m: WeightedMoments) in
      m.squaredWeightSum * (m.shift + m.shiftedSquaredWeightMean)
    }
    let totals = [yes(a), yes(b), a.weightSum - yes(a), b.weightSum - yes(b)]
    let sums = [
      yesSquares(a), yesSquares(b), a.squaredWeightSum - yesSquares(a),
      b.squaredWeightSum - yesSquares(b),
    ]
    let p = totals.map { $0 / total }
    let contrast = [1.0, -1, -1, 1]
    let scaled = contrast.indices.map { p[$0] > 0 ? contrast[$0] / p[$0] : 0 }
    // c′D⁻¹VD⁻¹c with V = N/(N − 1) · Σ zz′, z = w(I − p)/W.
    let s = zip(scaled, sums).reduce(0) { $0 + $1.0 * $1.1 }
    let m = zip(scaled, p).reduce(0) { $0 + $1.0 * $1.1 }
    let quadratic = zip(scaled, sums).reduce(0) { $0 + $1.0 * $1.0 * $1.1 }
    let numerator =
      Double(n) / Double(n - 1) / (total * total) * (quadratic - 2 * s * m + squares * m * m)
    let denominator =
      contrast.indices.reduce(0.0) {
        $0 + (p[$1] > 0 ? contrast[$1] * contrast[$1] / p[$1] : 0)
      } / Double(n)
    guard denominator > 0, numerator > 0 else { return nil }
    let delta = numerator / denominator
    // Pearson's X² of the table scaled to N rows.
    let rows = [p[0] + p[2], p[1] + p[3]]
    let columns = [p[0] + p[1], p[2] + p[3]]
    var x2 = 0.0
    for (index, cell) in p.enumerated() {
      let expected = rows[index % 2] * columns[index / 2]
      guard expected > 0 else { continue }
      x2 += (cell - expected) * (cell - expected) / expected
    }
    x2 *= Double(n)
    let statistic = x2 / delta
    guard statistic.isFinite,
      let distribution = FDistribution(
        numeratorDegreesOfFreedom: 1, denominatorDegreesOfFreedom: Double(n - 1))
    else { return nil }
    return (statistic, distribution.sf(statistic))
  }

  /// A change between two waves: over the people in both, when at least `minimumPairs` are
  /// (paired tests), else between the two waves' respondents (``groups(_:_:isShare:weighted:level:)``).
  package static func change(
    _ later: IndicatorAccumulator, _ earlier: IndicatorAccumulator, paired: PairedAccumulator,
    isShare: Bool, weighted: Bool, minimumPairs: Int, level: Double = 0.95
  ) -> Comparison? {
    if paired.count >= minimumPairs {
      return Comparison.paired(paired, isShare: isShare, level: level)
    }
    return groups(later, earlier, isShare: isShare, weighted: weighted, level: level)
  }

  /// Compares two groups as the survey's weighting says: with weights, as R's `survey` package
  /// (``weighted(_:_:isShare:level:)``); without, with the unweighted tests.
  package static func groups(
    _ first: IndicatorAccumulator, _ second: IndicatorAccumulator, isShare: Bool,
    weighted: Bool, level: Double = 0.95
  ) -> Comparison? {
    if weighted { return Comparison.weighted(first, second, isShare: isShare, level: level) }
    return isShare
      ? Comparison.shares(first, second, level: level)
      : Comparison.means(first, second, level: level)
  }
}
