import Foundation

/// Student's t distribution with any positive, possibly non-integer, degrees of freedom.
///
/// The cdf is `½·I_{ν/(ν+t²)}(ν/2, ½)` with both `ν/(ν+t²)` and `t²/(ν+t²)` formed without
/// cancellation; the quantile inverts the incomplete beta function and then polishes the result
/// by Newton steps on the log tail in `t` itself. Matches `scipy.stats.t` and R's `pt`/`qt`,
/// including the non-integer degrees of freedom of the Welch–Satterthwaite approximation.
package struct StudentTDistribution: Sendable, Equatable {
  /// The degrees of freedom ν (> 0; `+infinity` gives the standard normal).
  package let degreesOfFreedom: Double

  /// Creates a t distribution.
  ///
  /// - Parameter degreesOfFreedom: ν > 0 (`+infinity` is allowed and gives the normal).
  /// - Returns: nil when ν is not positive or is NaN.
  package init?(degreesOfFreedom: Double) {
    guard degreesOfFreedom > 0 else { return nil }
    self.degreesOfFreedom = degreesOfFreedom
  }

  /// The cumulative distribution function `P(T ≤ t)`.
  ///
  /// - Parameter t: The point (NaN gives NaN).
  /// - Returns: The lower-tail probability.
  package func cdf(_ t: Double) -> Double { tails(t).lower }

  /// The survival function `P(T > t)`.
  ///
  /// - Parameter t: The point (NaN gives NaN).
  /// - Returns: The upper-tail probability.
  package func sf(_ t: Double) -> Double { tails(t).upper }

  /// The probability density function.
  ///
  /// - Parameter t: The point.
  /// - Returns: The density.
  package func pdf(_ t: Double) -> Double {
    let nu = degreesOfFreedom
    if nu == .infinity { return NormalDistribution.standard.pdf(t) }
    let a = abs(t)
    let logKernel =
      a > 1e100 ? 2 * log(a) - log(nu) : log1p((a / nu) * a)
    let logDensity =
      SaddlePointTerms.logInverseBeta(nu / 2, 0.5) - 0.5 * log(nu) - (nu + 1) / 2 * logKernel
    return exp(logDensity)
  }

  /// The quantile function (inverse cdf).
  ///
  /// - Parameter p: A lower-tail probability in [0, 1].
  /// - Returns: The quantile (±infinity at 0 and 1), or nil when `p` is outside [0, 1] or NaN.
  package func ppf(_ p: Double) -> Double? {
    guard p >= 0, p <= 1 else { return nil }
    return quantile(lower: p, upper: 1 - p)
  }

  /// The inverse survival function.
  ///
  /// - Parameter q: An upper-tail probability in [0, 1].
  /// - Returns: The point with `P(T > t) = q`, or nil when `q` is outside [0, 1] or NaN.
  package func isf(_ q: Double) -> Double? {
    guard q >= 0, q <= 1 else { return nil }
    return quantile(lower: 1 - q, upper: q)
  }
}

extension StudentTDistribution {
  /// Both tails at `t`.
  ///
  /// - Parameter t: The point.
  /// - Returns: `P(T ≤ t)` and `P(T > t)`.
  func tails(_ t: Double) -> TailPair {
    if t.isNaN { return TailPair(lower: .nan, upper: .nan) }
    let nu = degreesOfFreedom
    if nu == .infinity {
      return TailPair(
        lower: NormalDistribution.standardCDF(t), upper: NormalDistribution.standardCDF(-t))
    }
    if t == 0 { return TailPair(lower: 0.5, upper: 0.5) }
    let (x, y) = betaArguments(t)
    let half = 0.5 * IncompleteBeta.tails(a: nu / 2, b: 0.5, x: x, y: y).lower
    return t < 0 ? TailPair(lower: half, upper: 1 - half) : TailPair(lower: 1 - half, upper: half)
  }

  /// The quantile from both tail targets (`lower + upper = 1`).
  ///
  /// - Parameters:
  ///   - lower: The lower-tail target.
  ///   - upper: The upper-tail target.
  /// - Returns: The quantile.
  func quantile(lower: Double, upper: Double) -> Double {
    if lower <= 0 { return -.infinity }
    if upper <= 0 { return .infinity }
    if lower == upper { return 0 }
    let nu = degreesOfFreedom
    if nu == .infinity { return NormalDistribution.standardQuantile(lower: lower, upper: upper) }
    let isLower = lower < upper
    let tail = min(lower, upper)
    // The smaller tail p solves I_x(ν/2, ½) = 2p with x = ν/(ν+t²).
    let root = IncompleteBeta.inverse(a: nu / 2, b: 0.5, p: 2 * tail, q: 1 - 2 * tail)
    var magnitude = (nu * root.y / root.x).squareRoot()
    if magnitude.isFinite && magnitude > 0 {
      magnitude = polish(magnitude, tail: tail)
    }
    return isLower ? -magnitude : magnitude
  }
}

extension StudentTDistribution {
  /// `x = ν/(ν+t²)` and `y = t²/(ν+t²)` without overflow or cancellation.
  fileprivate func betaArguments(_ t: Double) -> (x: Double, y: Double) {
    let nu = degreesOfFreedom
    let a = abs(t)
    if a > nu.squareRoot() {
      let r = (nu / a) / a
      return (r / (1 + r), 1 / (1 + r))
    }
    let r = (a / nu) * a
    return (1 / (1 + r), r / (1 + r))
  }

  /// Newton steps on `log sf(t) = log tail` for `t > 0`.
  fileprivate func polish(_ start: Double, tail: Double) -> Double {
    var t = start
    let logTail = log(tail)
    for _ in 0..<4 {
      let upper = tails(t).upper
      let density = pdf(t)
      guard upper > 0, density > 0 else { break }
      let step = (log(upper) - logTail) * upper / density
      let next = t + step
      guard next.isFinite, next > 0 else { break }
      if abs(next - t) <= 2e-16 * t { return next }
      t = next
    }
    return t
  }
}
