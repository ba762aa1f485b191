import Foundation

/// The hypergeometric distribution: successes among `draws` items drawn without replacement.
///
/// The population holds `population` items of which `successes` are successes (scipy's
/// `hypergeom(M, n, N)` with `M = population`, `n = successes`, `N = draws`). The pmf is R's
/// `dhyper`, a ratio of three saddle-point binomial terms; the cdf and sf sum the pmf from the
/// nearer end of the support.
package struct HypergeometricDistribution: Sendable, Equatable {
  /// The population size M (≥ 0).
  package let population: Int
  /// The number of successes in the population (0...M).
  package let successes: Int
  /// The number of draws (0...M).
  package let draws: Int

  /// Creates a hypergeometric distribution.
  ///
  /// - Parameters:
  ///   - population: M ≥ 0.
  ///   - successes: The number of successes in the population, 0...M.
  ///   - draws: The number of draws, 0...M.
  /// - Returns: nil when a parameter is out of range.
  package init?(population: Int, successes: Int, draws: Int) {
    guard population >= 0, (0...population).contains(successes),
      (0...population).contains(draws)
    else { return nil }
    self.population = population
    self.successes = successes
    self.draws = draws
  }

  /// The smallest value with positive probability.
  package var minimum: Int { max(0, draws + successes - population) }

  /// The largest value with positive probability.
  package var maximum: Int { min(draws, successes) }

  /// The probability mass function `P(X = k)`.
  ///
  /// - Parameter k: The number of successes drawn.
  /// - Returns: The probability (0 outside the support).
  package func pmf(_ k: Int) -> Double {
    guard k >= minimum, k <= maximum else { return 0 }
    if draws == 0 || draws == population { return 1 }
    let p = Double(draws) / Double(population)
    let q = Double(population - draws) / Double(population)
    let failures = population - successes
    let log1 = SaddlePointTerms.logBinomialTerm(Double(k), Double(successes - k), p: p, q: q)
    let log2 = SaddlePointTerms.logBinomialTerm(
      Double(draws - k), Double(failures - draws + k), p: p, q: q)
    let log3 = SaddlePointTerms.logBinomialTerm(
      Double(draws), Double(population - draws), p: p, q: q)
    return exp(log1 + log2 - log3)
  }

  /// The cumulative distribution function `P(X ≤ k)`.
  ///
  /// - Parameter k: The number of successes drawn.
  /// - Returns: The lower-tail probability.
  /// - Complexity: O(size of the support).
  package func cdf(_ k: Int) -> Double {
    if k < minimum { return 0 }
    if k >= maximum { return 1 }
    if k - minimum <= maximum - k {
      return min(1, (minimum...k).reduce(0.0) { $0 + pmf($1) })
    }
    return max(0, 1 - sf(k))
  }

  /// The survival function `P(X > k)`.
  ///
  /// - Parameter k: The number of successes drawn.
  /// - Returns: The upper-tail probability.
  /// - Complexity: O(size of the support).
  package func sf(_ k: Int) -> Double {
    if k < minimum { return 1 }
    if k >= maximum { return 0 }
    if maximum - k < k - minimum {
      return min(1, ((k + 1)...maximum).reduce(0.0) { $0 + pmf($1) })
    }
    return max(0, 1 - cdf(k))
  }
}
