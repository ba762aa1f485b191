import Foundation

/// The Kruskal–Wallis H test for k independent groups, with the ε² effect size.
///
/// `H = 12/(N(N+1))·Σ nᵢ(R̄ᵢ − (N+1)/2)²`, divided by the tie correction
/// `1 − Σ(t³−t)/(N³−N)`, referred to χ² on k − 1 degrees of freedom (`scipy.stats.kruskal`,
/// R's `kruskal.test`). The centered form avoids the cancellation of the textbook
/// `ΣRᵢ²/nᵢ − 3(N+1)` version. `ε² = H/(N − 1)`.
package enum KruskalWallisTest {
  /// The result of a Kruskal–Wallis test.
  package struct Result: Sendable, Equatable {
    /// The tie-corrected statistic H.
    package var statistic: Double
    /// The degrees of freedom, k − 1 over non-empty groups.
    package var degreesOfFreedom: Int
    /// The p value from χ²(k − 1).
    package var pValue: Double
    /// The effect size `ε² = H/(N − 1)`.
    package var epsilonSquared: Double
  }

  /// Runs the test on raw samples; empty groups are left out.
  ///
  /// - Parameter groups: The samples (finite values).
  /// - Returns: The result, or nil when fewer than two groups are non-empty, a value is not
  ///   finite, or every observation is tied.
  /// - Complexity: O(N log N).
  package static func test(_ groups: [[Double]]) -> Result? {
    guard groups.allSatisfy({ $0.allSatisfy(\.isFinite) }) else { return nil }
    return test(RankTable(groups: groups.filter { !$0.isEmpty }))
  }

  /// Runs the test on histograms of integer codes; empty groups are left out.
  ///
  /// - Parameter groups: One histogram per group (missing answers are ignored).
  /// - Returns: The result, or nil as for the sample form.
  /// - Complexity: O(k·c) for c distinct codes.
  package static func test(_ groups: [CodeHistogram]) -> Result? {
    test(RankTable(histograms: groups.filter { $0.count > 0 }))
  }
}

extension KruskalWallisTest {
  fileprivate static func test(_ table: RankTable) -> Result? {
    let k = table.groupSizes.count
    let total = Double(table.total)
    guard k >= 2, total > 1 else { return nil }
    let correction = 1 - table.tieTerm / (total * total * total - total)
    guard correction > 0 else { return nil }
    let center = (total + 1) / 2
    var sum = 0.0
    for group in 0..<k {
      let size = Double(table.groupSizes[group])
      let deviation = table.rankSum(group) / size - center
      sum += size * deviation * deviation
    }
    let h = 12 / (total * (total + 1)) * sum / correction
    guard let chi = ChiSquaredDistribution(degreesOfFreedom: Double(k - 1)) else { return nil }
    return Result(
      statistic: h, degreesOfFreedom: k - 1, pValue: chi.sf(h), epsilonSquared: h / (total - 1))
  }
}
