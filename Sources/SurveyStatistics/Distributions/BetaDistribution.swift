import Foundation

/// The beta distribution on [0, 1].
///
/// `cdf(x) = I_x(a, b)` (``IncompleteBeta``); the quantile inverts it. Matches
/// `scipy.stats.beta` and R's `pbeta`/`qbeta` for shape parameters from 0.01 to 10⁵ and beyond.
package struct BetaDistribution: Sendable, Equatable {
  /// The first shape parameter a (> 0, finite).
  package let alpha: Double
  /// The second shape parameter b (> 0, finite).
  package let beta: Double

  /// Creates a beta distribution.
  ///
  /// - Parameters:
  ///   - alpha: a > 0 and finite.
  ///   - beta: b > 0 and finite.
  /// - Returns: nil when a parameter is out of range.
  package init?(alpha: Double, beta: Double) {
    guard alpha > 0, alpha.isFinite, beta > 0, beta.isFinite else { return nil }
    self.alpha = alpha
    self.beta = beta
  }

  /// The cumulative distribution function `I_x(a, b)`.
  ///
  /// - Parameter x: The point (NaN gives NaN).
  /// - Returns: The lower-tail probability.
  package func cdf(_ x: Double) -> Double { tails(x).lower }

  /// The survival function `1 − I_x(a, b)`, computed directly.
  ///
  /// - Parameter x: The point (NaN gives NaN).
  /// - Returns: The upper-tail probability.
  package func sf(_ x: Double) -> Double { tails(x).upper }

  /// The probability density function.
  ///
  /// - Parameter x: The point.
  /// - Returns: The density (0 outside [0, 1]).
  package func pdf(_ x: Double) -> Double {
    IncompleteBeta.density(a: alpha, b: beta, x: x, y: 1 - x)
  }

  /// The quantile function (inverse cdf).
  ///
  /// - Parameter p: A lower-tail probability in [0, 1].
  /// - Returns: The quantile, or nil when `p` is outside [0, 1] or NaN.
  package func ppf(_ p: Double) -> Double? {
    guard p >= 0, p <= 1 else { return nil }
    return IncompleteBeta.inverse(a: alpha, b: beta, p: p, q: 1 - p).x
  }

  /// The inverse survival function.
  ///
  /// - Parameter q: An upper-tail probability in [0, 1].
  /// - Returns: The point with `P(X > x) = q`, or nil when `q` is outside [0, 1] or NaN.
  package func isf(_ q: Double) -> Double? {
    guard q >= 0, q <= 1 else { return nil }
    return IncompleteBeta.inverse(a: alpha, b: beta, p: 1 - q, q: q).x
  }
}

extension BetaDistribution {
  /// Both tails at `x`.
  ///
  /// - Parameter x: The point.
  /// - Returns: `P(X ≤ x)` and `P(X > x)`.
  func tails(_ x: Double) -> TailPair {
    if x.isNaN { return TailPair(lower: .nan, upper: .nan) }
    return IncompleteBeta.tails(a: alpha, b: beta, x: x, y: 1 - x)
  }
}
