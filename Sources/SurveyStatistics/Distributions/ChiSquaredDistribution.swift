import Foundation

/// The chi-square distribution with any positive degrees of freedom.
///
/// `cdf(x) = P(k/2, x/2)`, the regularized lower incomplete gamma function
/// (``IncompleteGamma``); the quantile inverts it. Matches `scipy.stats.chi2` and R's
/// `pchisq`/`qchisq`.
package struct ChiSquaredDistribution: Sendable, Equatable {
  /// The degrees of freedom k (> 0, finite).
  package let degreesOfFreedom: Double

  /// Creates a chi-square distribution.
  ///
  /// - Parameter degreesOfFreedom: k > 0 and finite.
  /// - Returns: nil when k is out of range.
  package init?(degreesOfFreedom: Double) {
    guard degreesOfFreedom > 0, degreesOfFreedom.isFinite else { return nil }
    self.degreesOfFreedom = degreesOfFreedom
  }

  /// The cumulative distribution function `P(X ≤ x)`.
  ///
  /// - Parameter x: The point (NaN gives NaN).
  /// - Returns: The lower-tail probability.
  package func cdf(_ x: Double) -> Double { tails(x).lower }

  /// The survival function `P(X > x)`.
  ///
  /// - Parameter x: The point (NaN gives NaN).
  /// - Returns: The upper-tail probability.
  package func sf(_ x: Double) -> Double { tails(x).upper }

  /// The probability density function.
  ///
  /// - Parameter x: The point.
  /// - Returns: The density (0 for negative x).
  package func pdf(_ x: Double) -> Double {
    let k = degreesOfFreedom
    if x < 0 { return 0 }
    if x == 0 { return k < 2 ? .infinity : (k == 2 ? 0.5 : 0) }
    return IncompleteGamma.scaledDensity(a: k / 2, x: x / 2) / x
  }

  /// The quantile function (inverse cdf).
  ///
  /// - Parameter p: A lower-tail probability in [0, 1].
  /// - Returns: The quantile (`+infinity` at 1), or nil when `p` is outside [0, 1] or NaN.
  package func ppf(_ p: Double) -> Double? {
    guard p >= 0, p <= 1 else { return nil }
    return 2 * IncompleteGamma.inverse(a: degreesOfFreedom / 2, p: p, q: 1 - p)
  }

  /// The inverse survival function.
  ///
  /// - Parameter q: An upper-tail probability in [0, 1].
  /// - Returns: The point with `P(X > x) = q`, or nil when `q` is outside [0, 1] or NaN.
  package func isf(_ q: Double) -> Double? {
    guard q >= 0, q <= 1 else { return nil }
    return 2 * IncompleteGamma.inverse(a: degreesOfFreedom / 2, p: 1 - q, q: q)
  }
}

extension ChiSquaredDistribution {
  /// Both tails at `x`.
  ///
  /// - Parameter x: The point.
  /// - Returns: `P(X ≤ x)` and `P(X > x)`.
  func tails(_ x: Double) -> TailPair {
    if x.isNaN { return TailPair(lower: .nan, upper: .nan) }
    return IncompleteGamma.tails(a: degreesOfFreedom / 2, x: x / 2)
  }
}
