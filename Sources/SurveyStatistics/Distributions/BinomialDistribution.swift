import Foundation

/// The binomial distribution of the number of successes in `n` independent trials.
///
/// The pmf is Loader's saddle-point form (R's `dbinom`); the cdf and sf are incomplete beta
/// functions, `P(X ≤ k) = I_{1−p}(n−k, k+1)`, each computed directly. Matches
/// `scipy.stats.binom` and R's `dbinom`/`pbinom`.
package struct BinomialDistribution: Sendable, Equatable {
  /// The number of trials n (≥ 0).
  package let trials: Int
  /// The success probability p in [0, 1].
  package let probability: Double

  /// Creates a binomial distribution.
  ///
  /// - Parameters:
  ///   - trials: n ≥ 0.
  ///   - probability: p in [0, 1].
  /// - Returns: nil when a parameter is out of range.
  package init?(trials: Int, probability: Double) {
    guard trials >= 0, probability >= 0, probability <= 1 else { return nil }
    self.trials = trials
    self.probability = probability
  }

  /// The probability mass function `P(X = k)`.
  ///
  /// - Parameter k: The number of successes (any integer; 0 outside 0...n).
  /// - Returns: The probability.
  package func pmf(_ k: Int) -> Double {
    guard k >= 0, k <= trials else { return 0 }
    let p = probability
    return exp(
      SaddlePointTerms.logBinomialTerm(
        Double(k), Double(trials - k), p: p, q: 1 - p))
  }

  /// The cumulative distribution function `P(X ≤ k)`.
  ///
  /// - Parameter k: The number of successes.
  /// - Returns: The lower-tail probability.
  package func cdf(_ k: Int) -> Double { tails(k).lower }

  /// The survival function `P(X > k)`.
  ///
  /// - Parameter k: The number of successes.
  /// - Returns: The upper-tail probability.
  package func sf(_ k: Int) -> Double { tails(k).upper }
}

extension BinomialDistribution {
  /// Both tails at `k`.
  ///
  /// - Parameter k: The number of successes.
  /// - Returns: `P(X ≤ k)` and `P(X > k)`.
  func tails(_ k: Int) -> TailPair {
    if k < 0 { return TailPair(lower: 0, upper: 1) }
    if k >= trials { return TailPair(lower: 1, upper: 0) }
    let p = probability
    // P(X > k) = I_p(k+1, n−k).
    return IncompleteBeta.tails(
      a: Double(k + 1), b: Double(trials - k), x: p, y: 1 - p
    ).swapped
  }
}
