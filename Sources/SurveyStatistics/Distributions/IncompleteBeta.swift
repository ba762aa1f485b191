import Foundation

/// The regularized incomplete beta function `I_x(a, b)` and its complement.
///
/// Uses the continued fraction of DiDonato & Morris (1992, ACM TOMS 18, Algorithm 708, BFRAC;
/// also Boost's `ibeta_fraction2`), evaluated with the modified Lentz method, on the side of
/// `x = (a+1)/(a+b+2)` where it converges fast (Numerical Recipes §6.4); the other tail comes
/// from the symmetry `I_x(a, b) = 1 − I_{1−x}(b, a)`. The prefactor `xᵃ·yᵇ/B(a, b)` is computed
/// with Loader's saddle-point terms (``SaddlePointTerms``), so it stays accurate for shape
/// parameters up to 10⁵ and beyond, where `lgamma` differences would lose digits.
enum IncompleteBeta {
  /// The largest number of continued-fraction terms evaluated.
  static let maximumIterations = 200_000

  /// Both tails `I_x(a, b)` and `1 − I_x(a, b)`.
  ///
  /// - Parameters:
  ///   - a: The first shape parameter (> 0, finite).
  ///   - b: The second shape parameter (> 0, finite).
  ///   - x: The point, in [0, 1].
  ///   - y: `1 − x`, supplied separately so that callers can form it without cancellation.
  /// - Returns: The lower tail `I_x(a, b)` and the upper tail `1 − I_x(a, b)`.
  /// - Complexity: O(√max(a, b)) continued-fraction terms near the mode, O(1) in the tails.
  static func tails(a: Double, b: Double, x: Double, y: Double) -> TailPair {
    if x <= 0 { return TailPair(lower: 0, upper: 1) }
    if y <= 0 { return TailPair(lower: 1, upper: 0) }
    if (a + 1) * y - (b + 1) * x > 0 {
      let w = fraction(a: a, b: b, x: x, y: y)
      return TailPair(lower: w, upper: 1 - w)
    }
    let w = fraction(a: b, b: a, x: y, y: x)
    return TailPair(lower: 1 - w, upper: w)
  }

  /// The density `x^(a−1)·y^(b−1) / B(a, b)` of the beta distribution.
  ///
  /// - Parameters:
  ///   - a: The first shape parameter (> 0).
  ///   - b: The second shape parameter (> 0).
  ///   - x: The point, in (0, 1).
  ///   - y: `1 − x`.
  /// - Returns: The density, 0 outside (0, 1).
  static func density(a: Double, b: Double, x: Double, y: Double) -> Double {
    if x < 0 || y < 0 { return 0 }
    if x == 0 {
      if a < 1 { return .infinity }
      return a == 1 ? b : 0
    }
    if y == 0 {
      if b < 1 { return .infinity }
      return b == 1 ? a : 0
    }
    return exp(SaddlePointTerms.logBetaPrefactor(a, b, x: x, y: y)) / (x * y)
  }
}

extension IncompleteBeta {
  /// `I_x(a, b)` by the DiDonato–Morris continued fraction (BFRAC), for `x < (a+1)/(a+b+2)`.
  ///
  /// The partial denominators contain `λ = a·y − b·x`, formed from both `x` and `y`, so the
  /// fraction stays accurate when `x` is close to 1 and `a` is huge (the t distribution with
  /// 10¹⁰ degrees of freedom), where the Numerical Recipes form cancels.
  fileprivate static func fraction(a: Double, b: Double, x: Double, y: Double) -> Double {
    let logPrefactor = SaddlePointTerms.logBetaPrefactor(a, b, x: x, y: y)
    let tiny = 1e-300
    let lambdaPlusOne = a * y - b * x + 1
    var f = a * lambdaPlusOne / (a + 1)
    if f == 0 { f = tiny }
    var c = f
    var d = 0.0
    for m in 1...maximumIterations {
      let mm = Double(m)
      let odd = a + 2 * mm - 1
      let aN = (a + mm - 1) * (a + b + mm - 1) * mm * (b - mm) * x * x / (odd * odd)
      let bN =
        mm + mm * (b - mm) * x / odd
        + (a + mm) * (lambdaPlusOne + mm * (2 - x)) / (a + 2 * mm + 1)
      d = bN + aN * d
      if d == 0 { d = tiny }
      c = bN + aN / c
      if c == 0 { c = tiny }
      d = 1 / d
      let delta = c * d
      f *= delta
      if abs(delta - 1) <= 1e-16 { break }
    }
    return min(1, exp(logPrefactor - log(f)))
  }
}
