import Foundation

/// Comparison of two independent proportions: the pooled z test and Newcombe's interval.
///
/// The pooled z test equals the uncorrected 2×2 chi-square (`prop.test(correct = FALSE)`,
/// `z² = X²`). The interval for the difference is Newcombe's (1998) hybrid score interval,
/// method 10, built from the two Wilson intervals `(l₁, u₁)` and `(l₂, u₂)`:
/// `[Δ − √((p₁ − l₁)² + (u₂ − p₂)²), Δ + √((u₁ − p₁)² + (p₂ − l₂)²)]` for `Δ = p₁ − p₂`.
package enum TwoProportionTest {
  /// The result of a pooled two-proportion z test.
  package struct Result: Sendable, Equatable {
    /// The first proportion x₁/n₁.
    package var proportion1: Double
    /// The second proportion x₂/n₂.
    package var proportion2: Double
    /// The difference `p₁ − p₂`.
    package var difference: Double
    /// The pooled z statistic.
    package var z: Double
    /// The two-sided p value.
    package var pValue: Double
  }

  /// The pooled z test of `p₁ = p₂`.
  ///
  /// - Parameters:
  ///   - successes1: x₁ in 0...n₁.
  ///   - trials1: n₁ ≥ 1.
  ///   - successes2: x₂ in 0...n₂.
  ///   - trials2: n₂ ≥ 1.
  /// - Returns: The result, or nil when a count is out of range or the pooled proportion is 0 or
  ///   1 (no variation at all).
  /// - Complexity: O(1).
  package static func pooledZ(
    successes1: Int, trials1: Int, successes2: Int, trials2: Int
  ) -> Result? {
    guard valid(successes1, trials1), valid(successes2, trials2) else { return nil }
    let n1 = Double(trials1)
    let n2 = Double(trials2)
    let p1 = Double(successes1) / n1
    let p2 = Double(successes2) / n2
    let pooled = Double(successes1 + successes2) / (n1 + n2)
    let variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2)
    guard variance > 0 else { return nil }
    let z = (p1 - p2) / variance.squareRoot()
    let p = min(1, 2 * NormalDistribution.standardCDF(-abs(z)))
    return Result(proportion1: p1, proportion2: p2, difference: p1 - p2, z: z, pValue: p)
  }

  /// Newcombe's hybrid score interval (method 10) for `p₁ − p₂`.
  ///
  /// - Parameters:
  ///   - successes1: x₁ in 0...n₁.
  ///   - trials1: n₁ ≥ 1.
  ///   - successes2: x₂ in 0...n₂.
  ///   - trials2: n₂ ≥ 1.
  ///   - level: The confidence level in (0, 1).
  /// - Returns: The interval, or nil when a count or the level is out of range.
  /// - Complexity: O(1).
  package static func newcombeInterval(
    successes1: Int, trials1: Int, successes2: Int, trials2: Int, level: Double = 0.95
  ) -> ConfidenceInterval? {
    guard
      let w1 = ProportionInterval.interval(
        successes: successes1, trials: trials1, level: level, method: .wilson),
      let w2 = ProportionInterval.interval(
        successes: successes2, trials: trials2, level: level, method: .wilson)
    else { return nil }
    let p1 = Double(successes1) / Double(trials1)
    let p2 = Double(successes2) / Double(trials2)
    let delta = p1 - p2
    let lowerGap = ((p1 - w1.lower) * (p1 - w1.lower) + (w2.upper - p2) * (w2.upper - p2))
    let upperGap = ((w1.upper - p1) * (w1.upper - p1) + (p2 - w2.lower) * (p2 - w2.lower))
    return ConfidenceInterval(
      lower: delta - lowerGap.squareRoot(), upper: delta + upperGap.squareRoot(), level: level)
  }
}

extension TwoProportionTest {
  fileprivate static func valid(_ successes: Int, _ trials: Int) -> Bool {
    trials >= 1 && (0...trials).contains(successes)
  }
}
