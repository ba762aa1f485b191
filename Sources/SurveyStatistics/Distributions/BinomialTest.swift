import Foundation

/// The exact binomial test of `H₀: P(success) = p`, two-sided as `scipy.stats.binomtest` does it.
///
/// The two-sided p value sums the probabilities of all outcomes no more likely than the observed
/// one, with scipy's relative tolerance `1 + 10⁻⁷`; the outcomes on the far side of the mode are
/// located by scipy's binary search, so ties at the tolerance resolve the same way. R's
/// `binom.test` uses the same rule and agrees except in such near-ties.
package enum BinomialTest {
  /// The result of a binomial test.
  package struct Result: Sendable, Equatable {
    /// The number of successes k.
    package var successes: Int
    /// The number of trials n.
    package var trials: Int
    /// The observed proportion k/n.
    package var proportion: Double
    /// The two-sided p value, capped at 1.
    package var pValue: Double
  }

  /// Runs the two-sided exact binomial test.
  ///
  /// - Parameters:
  ///   - successes: k, in 0...n.
  ///   - trials: n ≥ 1.
  ///   - probability: The hypothesized success probability in [0, 1] (default ½).
  /// - Returns: The result, or nil when an argument is out of range.
  /// - Complexity: O(log n) pmf evaluations plus two incomplete beta functions.
  package static func twoSided(
    successes: Int, trials: Int, probability: Double = 0.5
  ) -> Result? {
    guard trials >= 1, (0...trials).contains(successes),
      let distribution = BinomialDistribution(trials: trials, probability: probability)
    else { return nil }
    let k = successes
    let n = trials
    let p = probability
    let d = distribution.pmf(k)
    let tolerance = 1 + 1e-7
    let expected = p * Double(n)
    var pValue: Double
    if Double(k) == expected {
      pValue = 1
    } else if Double(k) < expected {
      let start = Int(expected.rounded(.up))
      let ix = binarySearch(low: start, high: n, target: -d * tolerance) { -distribution.pmf($0) }
      let onBoundary = d * tolerance == distribution.pmf(ix) ? 1 : 0
      let y = n - ix + onBoundary
      pValue = distribution.cdf(k) + distribution.sf(n - y)
    } else {
      let end = Int(expected.rounded(.down))
      let ix = binarySearch(low: 0, high: end, target: d * tolerance) { distribution.pmf($0) }
      let y = ix + 1
      pValue = distribution.cdf(y - 1) + distribution.sf(k - 1)
    }
    pValue = min(1, pValue)
    return Result(
      successes: k, trials: n, proportion: Double(k) / Double(n), pValue: pValue)
  }
}

extension BinomialTest {
  /// scipy's `_binary_search_for_binom_tst`: the index `i` in `low...high` with
  /// `a(i) ≤ target < a(i+1)` for a function `a` that increases on that range.
  ///
  /// - Parameters:
  ///   - low: The lower end of the range.
  ///   - high: The upper end of the range.
  ///   - target: The value searched for.
  ///   - a: The increasing function.
  /// - Returns: The index, possibly `low − 1` when every value exceeds the target.
  static func binarySearch(low: Int, high: Int, target: Double, _ a: (Int) -> Double) -> Int {
    var lo = low
    var hi = high
    while lo < hi {
      let mid = lo + (hi - lo) / 2
      let value = a(mid)
      if value < target {
        lo = mid + 1
      } else if value > target {
        hi = mid - 1
      } else {
        return mid
      }
    }
    return a(lo) <= target ? lo : lo - 1
  }
}
