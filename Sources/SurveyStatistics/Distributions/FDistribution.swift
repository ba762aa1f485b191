import Foundation

/// The F (variance-ratio) distribution.
///
/// `cdf(f) = I_x(d₁/2, d₂/2)` with `x = d₁f/(d₁f + d₂)`, and `1 − x` formed separately; the
/// quantile inverts the incomplete beta function and keeps the smaller of `x` and `1 − x` exact.
/// Matches `scipy.stats.f` and R's `pf`/`qf`.
package struct FDistribution: Sendable, Equatable {
  /// The numerator degrees of freedom d₁ (> 0, finite).
  package let numeratorDegreesOfFreedom: Double
  /// The denominator degrees of freedom d₂ (> 0, finite).
  package let denominatorDegreesOfFreedom: Double

  /// Creates an F distribution.
  ///
  /// - Parameters:
  ///   - numeratorDegreesOfFreedom: d₁ > 0 and finite.
  ///   - denominatorDegreesOfFreedom: d₂ > 0 and finite.
  /// - Returns: nil when a parameter is out of range.
  package init?(numeratorDegreesOfFreedom: Double, denominatorDegreesOfFreedom: Double) {
    guard numeratorDegreesOfFreedom > 0, numeratorDegreesOfFreedom.isFinite,
      denominatorDegreesOfFreedom > 0, denominatorDegreesOfFreedom.isFinite
    else { return nil }
    self.numeratorDegreesOfFreedom = numeratorDegreesOfFreedom
    self.denominatorDegreesOfFreedom = denominatorDegreesOfFreedom
  }

  /// The cumulative distribution function `P(F ≤ f)`.
  ///
  /// - Parameter f: The point (NaN gives NaN).
  /// - Returns: The lower-tail probability.
  package func cdf(_ f: Double) -> Double { tails(f).lower }

  /// The survival function `P(F > f)`.
  ///
  /// - Parameter f: The point (NaN gives NaN).
  /// - Returns: The upper-tail probability.
  package func sf(_ f: Double) -> Double { tails(f).upper }

  /// The probability density function.
  ///
  /// - Parameter f: The point.
  /// - Returns: The density (0 for negative f).
  package func pdf(_ f: Double) -> Double {
    if f == 0 { return half1 < 1 ? .infinity : (half1 == 1 ? 1 : 0) }
    if f < 0 || !f.isFinite { return 0 }
    let (x, y) = betaArguments(f)
    // dx/df = d₁d₂/(d₁f + d₂)² = x·y/f.
    return IncompleteBeta.density(a: half1, b: half2, x: x, y: y) * x * y / f
  }

  /// The quantile function (inverse cdf).
  ///
  /// - Parameter p: A lower-tail probability in [0, 1].
  /// - Returns: The quantile (`+infinity` at 1), or nil when `p` is outside [0, 1] or NaN.
  package func ppf(_ p: Double) -> Double? {
    guard p >= 0, p <= 1 else { return nil }
    return quantile(lower: p, upper: 1 - p)
  }

  /// The inverse survival function.
  ///
  /// - Parameter q: An upper-tail probability in [0, 1].
  /// - Returns: The point with `P(F > f) = q`, or nil when `q` is outside [0, 1] or NaN.
  package func isf(_ q: Double) -> Double? {
    guard q >= 0, q <= 1 else { return nil }
    return quantile(lower: 1 - q, upper: q)
  }
}

extension FDistribution {
  /// Both tails at `f`.
  ///
  /// - Parameter f: The point.
  /// - Returns: `P(F ≤ f)` and `P(F > f)`.
  func tails(_ f: Double) -> TailPair {
    if f.isNaN { return TailPair(lower: .nan, upper: .nan) }
    if f <= 0 { return TailPair(lower: 0, upper: 1) }
    if f == .infinity { return TailPair(lower: 1, upper: 0) }
    let (x, y) = betaArguments(f)
    return IncompleteBeta.tails(a: half1, b: half2, x: x, y: y)
  }

  /// The quantile from both tail targets.
  ///
  /// - Parameters:
  ///   - lower: The lower-tail target.
  ///   - upper: The upper-tail target.
  /// - Returns: `(d₂/d₁)·x/(1 − x)` for the beta root `x`.
  func quantile(lower: Double, upper: Double) -> Double {
    if lower <= 0 { return 0 }
    if upper <= 0 { return .infinity }
    let root = IncompleteBeta.inverse(a: half1, b: half2, p: lower, q: upper)
    return denominatorDegreesOfFreedom / numeratorDegreesOfFreedom * root.x / root.y
  }
}

extension FDistribution {
  fileprivate var half1: Double { numeratorDegreesOfFreedom / 2 }
  fileprivate var half2: Double { denominatorDegreesOfFreedom / 2 }

  /// `x = d₁f/(d₁f + d₂)` and `y = d₂/(d₁f + d₂)`.
  fileprivate func betaArguments(_ f: Double) -> (x: Double, y: Double) {
    let r = numeratorDegreesOfFreedom * f / denominatorDegreesOfFreedom
    if r > 1 {
      let s = 1 / r
      return (1 / (1 + s), s / (1 + s))
    }
    return (r / (1 + r), 1 / (1 + r))
  }
}
