import Foundation

/// The regularized incomplete gamma functions `P(a, x)` and `Q(a, x) = 1 − P(a, x)`.
///
/// Below `x = a + 1` the power series for `P` is used; above it, the Legendre continued fraction
/// for `Q`, evaluated with the modified Lentz method (Numerical Recipes §6.2). For `a < 1` in the
/// series region `Q` comes from a separate series (as in Boost's `tgamma_small_upper_part`) so
/// that a small upper tail keeps its relative precision. The common prefactor
/// `xᵃ·e^(−x)/Γ(a+1)` uses Loader's saddle-point terms, accurate for large `a`.
enum IncompleteGamma {
  /// The largest number of series or continued-fraction terms evaluated.
  static let maximumIterations = 1_000_000

  /// Both tails `P(a, x)` and `Q(a, x)`.
  ///
  /// - Parameters:
  ///   - a: The shape (> 0, finite).
  ///   - x: The point (≥ 0; `+infinity` allowed).
  /// - Returns: The lower tail `P(a, x)` and the upper tail `Q(a, x)`.
  /// - Complexity: O(√a) terms near `x ≈ a`, fewer in the tails.
  static func tails(a: Double, x: Double) -> TailPair {
    if x <= 0 { return TailPair(lower: 0, upper: 1) }
    if x == .infinity { return TailPair(lower: 1, upper: 0) }
    if x < a + 1 {
      let p = lowerSeries(a: a, x: x)
      if a < 1 {
        return TailPair(lower: p, upper: smallShapeUpper(a: a, x: x))
      }
      return TailPair(lower: p, upper: 1 - p)
    }
    let q = upperFraction(a: a, x: x)
    return TailPair(lower: 1 - q, upper: q)
  }

  /// The gamma density `x^(a−1)·e^(−x)/Γ(a)` multiplied by `x`, i.e. `a·xᵃe^(−x)/Γ(a+1)`.
  ///
  /// - Parameters:
  ///   - a: The shape (> 0).
  ///   - x: The point (≥ 0).
  /// - Returns: `x` times the density; 0 at `x = 0` and at infinity.
  static func scaledDensity(a: Double, x: Double) -> Double {
    if x <= 0 || !x.isFinite { return 0 }
    return a * exp(SaddlePointTerms.logPoissonTerm(a, x))
  }
}

extension IncompleteGamma {
  /// `P(a, x)` by its power series (for `x < a + 1`).
  fileprivate static func lowerSeries(a: Double, x: Double) -> Double {
    let logPrefactor = SaddlePointTerms.logPoissonTerm(a, x)
    var term = 1.0
    var sum = 1.0
    var denominator = a
    for _ in 0..<maximumIterations {
      denominator += 1
      term *= x / denominator
      sum += term
      if term < sum * 1e-17 { break }
    }
    return min(1, exp(logPrefactor + log(sum)))
  }

  /// `Q(a, x)` for `a < 1` and `x < a + 1`, free of cancellation.
  ///
  /// `Q = 1 − xᵃ/Γ(a+1) − xᵃ/Γ(a+1) · a·Σ_{n≥1} (−x)ⁿ/(n!·(a+n))`.
  fileprivate static func smallShapeUpper(a: Double, x: Double) -> Double {
    let logPower = a * log(x) - lgamma(1 + a)
    var sum = 0.0
    var term = 1.0
    for n in 1..<200 {
      let nn = Double(n)
      term *= -x / nn
      let next = sum + term / (a + nn)
      if next == sum { break }
      sum = next
    }
    let q = -expm1(logPower) - exp(logPower) * a * sum
    return min(1, max(0, q))
  }

  /// `Q(a, x)` by the Legendre continued fraction (for `x ≥ a + 1`).
  fileprivate static func upperFraction(a: Double, x: Double) -> Double {
    let logPrefactor = log(a) + SaddlePointTerms.logPoissonTerm(a, x)
    let tiny = 1e-300
    var b = x + 1 - a
    var c = 1 / tiny
    var d = 1 / b
    var h = d
    for i in 1...maximumIterations {
      let ii = Double(i)
      let an = -ii * (ii - a)
      b += 2
      d = an * d + b
      if abs(d) < tiny { d = tiny }
      c = b + an / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let delta = d * c
      h *= delta
      if abs(delta - 1) <= 1e-16 { break }
    }
    return min(1, exp(logPrefactor + log(h)))
  }
}
