import Foundation

/// The two-sided Mann–Whitney U (Wilcoxon rank-sum) test, as `scipy.stats.mannwhitneyu` does it.
///
/// `U₁ = R₁ − n₁(n₁+1)/2` for the first sample. The asymptotic p value uses
/// `z = (max(U₁, U₂) − n₁n₂/2 − ½)/σ` with the tie-corrected
/// `σ² = n₁n₂/12·[(n+1) − Σ(t³−t)/(n(n−1))]` and `p = 2·(1 − Φ(z))`; the ½ is dropped without
/// continuity correction. The exact p value is `2·P(U ≤ min(U₁, U₂))` under the null
/// permutation distribution. `automatic` follows scipy's `method='auto'`: exact when there are no
/// ties and one sample has at most 8 values. R's `wilcox.test(exact = FALSE)` gives the same
/// asymptotic values.
package enum MannWhitneyTest {
  /// How the p value is computed.
  package enum Method: Sendable, Equatable {
    /// scipy's `'auto'`: exact without ties when min(n₁, n₂) ≤ 8, otherwise asymptotic.
    case automatic
    /// The exact null distribution of U (ties are ignored, U is truncated, as in scipy).
    case exact
    /// The normal approximation with tie correction.
    case asymptotic
  }

  /// The result of a Mann–Whitney test.
  package struct Result: Sendable, Equatable {
    /// U for the first sample, `R₁ − n₁(n₁+1)/2` (scipy's statistic, R's W).
    package var u1: Double
    /// U for the second sample, `n₁n₂ − U₁`.
    package var u2: Double
    /// The two-sided p value.
    package var pValue: Double
    /// The standardized statistic `z` (asymptotic method only).
    package var z: Double?
    /// Whether the exact distribution was used.
    package var isExact: Bool
    /// The rank-biserial correlation `2U₁/(n₁n₂) − 1` (positive when the first sample is larger).
    package var rankBiserial: Double
    /// The common-language effect size `U₁/(n₁n₂)`.
    package var commonLanguageEffect: Double
  }

  /// Runs the test on two samples.
  ///
  /// - Parameters:
  ///   - first: The first sample (finite values).
  ///   - second: The second sample (finite values).
  ///   - continuityCorrection: Whether the asymptotic z uses the ½ correction (default true).
  ///   - method: How the p value is computed.
  /// - Returns: The result, or nil when a sample is empty or holds a non-finite value, or when
  ///   every observation is tied (the asymptotic statistic is then undefined).
  /// - Complexity: O(n log n); the exact method adds O(min(n₁, n₂)·U).
  package static func test(
    _ first: [Double], _ second: [Double], continuityCorrection: Bool = true,
    method: Method = .automatic
  ) -> Result? {
    guard (first + second).allSatisfy(\.isFinite) else { return nil }
    return test(RankTable(groups: [first, second]), continuityCorrection, method)
  }

  /// Runs the test on two histograms of integer codes (missing answers are ignored).
  ///
  /// - Parameters:
  ///   - first: The first group's histogram.
  ///   - second: The second group's histogram.
  ///   - continuityCorrection: Whether the asymptotic z uses the ½ correction (default true).
  ///   - method: How the p value is computed.
  /// - Returns: The result, or nil as for the sample form.
  /// - Complexity: O(k log k) for k distinct codes (plus the exact distribution if used).
  package static func test(
    _ first: CodeHistogram, _ second: CodeHistogram, continuityCorrection: Bool = true,
    method: Method = .automatic
  ) -> Result? {
    test(RankTable(histograms: [first, second]), continuityCorrection, method)
  }
}

extension MannWhitneyTest {
  fileprivate static func test(_ table: RankTable, _ continuity: Bool, _ method: Method) -> Result?
  {
    let n1 = table.groupSizes[0]
    let n2 = table.groupSizes[1]
    guard n1 > 0, n2 > 0 else { return nil }
    let product = Double(n1) * Double(n2)
    let u1 = table.rankSum(0) - Double(n1) * Double(n1 + 1) / 2
    let u2 = product - u1
    let big = max(u1, u2)
    let useExact: Bool
    switch method {
    case .automatic: useExact = !table.hasTies && min(n1, n2) <= 8
    case .exact: useExact = true
    case .asymptotic: useExact = false
    }
    var z: Double?
    let p: Double
    if useExact {
      let small = Int(product) - Int(big)
      p = min(1, 2 * exactCDF(small, m: min(n1, n2), n: max(n1, n2)))
    } else {
      let n = Double(n1 + n2)
      let variance = product / 12 * ((n + 1) - table.tieTerm / (n * (n - 1)))
      guard variance > 0 else { return nil }
      let statistic = (big - product / 2 - (continuity ? 0.5 : 0)) / variance.squareRoot()
      z = statistic
      p = min(1, max(0, 2 * NormalDistribution.standardCDF(-statistic)))
    }
    return Result(
      u1: u1, u2: u2, pValue: p, z: z, isExact: useExact, rankBiserial: 2 * u1 / product - 1,
      commonLanguageEffect: u1 / product)
  }
}
