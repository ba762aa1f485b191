import Foundation

/// The Wilcoxon signed-rank test for paired data with the normal approximation.
///
/// Follows `scipy.stats.wilcoxon(..., method='approx')` (pinned, since scipy's `'auto'` switches
/// to permutation p values with ties). Absolute differences are ranked with ties averaged;
/// `T⁺` and `T⁻` are the rank sums of positive and negative differences and
/// `z = (T⁺ − n(n+1)/4)/σ` with `σ² = [n(n+1)(2n+1) − Σ(t³−t)/2]/24`.
///
/// * `wilcox` drops zero differences before ranking (R's `wilcox.test(paired = TRUE,
///   exact = FALSE)` does the same).
/// * `pratt` ranks the zeros too but leaves them out of the sums, subtracting
///   `n₀(n₀+1)/4` from the mean and `n₀(n₀+1)(2n₀+1)/24` from the variance; the zeros' own tie
///   group is not part of the tie correction.
///
/// With continuity correction, `z` moves ½/σ towards 0. The p value is `2·Φ(−|z|)`.
package enum WilcoxonSignedRankTest {
  /// How zero differences are treated.
  package enum ZeroMethod: String, Sendable, CaseIterable {
    /// Drop zero differences (scipy's default).
    case wilcox
    /// Rank zero differences, then leave them out of the rank sums.
    case pratt
  }

  /// The result of a signed-rank test.
  package struct Result: Sendable, Equatable {
    /// scipy's two-sided statistic, `min(T⁺, T⁻)`.
    package var statistic: Double
    /// The rank sum of positive differences (R's V).
    package var positiveRankSum: Double
    /// The rank sum of negative differences.
    package var negativeRankSum: Double
    /// The standardized statistic, reported as `−|z|` like scipy.
    package var z: Double
    /// The two-sided p value.
    package var pValue: Double
    /// The number of non-zero differences.
    package var nonZeroCount: Int
  }

  /// Runs the test on paired samples (differences `first − second`).
  ///
  /// - Parameters:
  ///   - first: The first measurement of each pair.
  ///   - second: The second measurement, in the same order.
  ///   - zeroMethod: How zero differences are treated.
  ///   - continuityCorrection: Whether to apply the ½ correction (scipy's default is false).
  /// - Returns: The result, or nil when the lengths differ, a value is not finite, or there is
  ///   no non-zero difference.
  /// - Complexity: O(n log n).
  package static func approximate(
    _ first: [Double], _ second: [Double], zeroMethod: ZeroMethod = .wilcox,
    continuityCorrection: Bool = false
  ) -> Result? {
    guard first.count == second.count else { return nil }
    return approximate(
      differences: zip(first, second).map { $0 - $1 }, zeroMethod: zeroMethod,
      continuityCorrection: continuityCorrection)
  }

  /// Runs the test on differences.
  ///
  /// - Parameters:
  ///   - differences: The paired differences.
  ///   - zeroMethod: How zero differences are treated.
  ///   - continuityCorrection: Whether to apply the ½ correction.
  /// - Returns: The result, or nil when a value is not finite or all differences are 0.
  /// - Complexity: O(n log n).
  package static func approximate(
    differences: [Double], zeroMethod: ZeroMethod = .wilcox, continuityCorrection: Bool = false
  ) -> Result? {
    guard differences.allSatisfy(\.isFinite) else { return nil }
    let zeros = differences.filter { $0 == 0 }.count
    let ranked = zeroMethod == .wilcox ? differences.filter { $0 != 0 } : differences
    let (ranks, tieTerm) = averageRanksOfMagnitudes(ranked)
    var positive = 0.0
    var negative = 0.0
    for (value, rank) in zip(ranked, ranks) {
      if value > 0 { positive += rank } else if value < 0 { negative += rank }
    }
    let n = Double(ranked.count)
    var mean = n * (n + 1) / 4
    var scaledVariance = n * (n + 1) * (2 * n + 1)
    if zeroMethod == .pratt {
      let n0 = Double(zeros)
      mean -= n0 * (n0 + 1) / 4
      scaledVariance -= n0 * (n0 + 1) * (2 * n0 + 1)
    }
    let variance = (scaledVariance - tieTerm / 2) / 24
    guard differences.count > zeros, variance > 0 else { return nil }
    let se = variance.squareRoot()
    var z = (positive - mean) / se
    if continuityCorrection {
      let sign: Double = z > 0 ? 1 : (z < 0 ? -1 : 0)
      z -= sign * 0.5 / se
    }
    let p = min(1, 2 * NormalDistribution.standardCDF(-abs(z)))
    return Result(
      statistic: min(positive, negative), positiveRankSum: positive, negativeRankSum: negative,
      z: -abs(z), pValue: p, nonZeroCount: differences.count - zeros)
  }
}

extension WilcoxonSignedRankTest {
  /// Average ranks of `|d|` and the tie term `Σ(t³ − t)` over the non-zero tie groups.
  fileprivate static func averageRanksOfMagnitudes(_ values: [Double]) -> (
    ranks: [Double], tieTerm: Double
  ) {
    let magnitudes = values.map { abs($0) }
    let order = magnitudes.indices.sorted { magnitudes[$0] < magnitudes[$1] }
    var ranks = Array(repeating: 0.0, count: values.count)
    var tieTerm = 0.0
    var start = 0
    while start < order.count {
      var end = start
      while end + 1 < order.count, magnitudes[order[end + 1]] == magnitudes[order[start]] {
        end += 1
      }
      let rank = Double(start + end + 2) / 2
      for position in start...end { ranks[order[position]] = rank }
      let t = Double(end - start + 1)
      if magnitudes[order[start]] != 0 { tieTerm += t * t * t - t }
      start = end + 1
    }
    return (ranks, tieTerm)
  }
}
