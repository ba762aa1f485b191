import Foundation

/// Loader's saddle-point terms for accurate binomial, Poisson and beta densities.
///
/// Catherine Loader (2000), "Fast and Accurate Computation of Binomial Probabilities", is the
/// method behind R's `dbinom` and `dpois`. Writing a density as
/// `exp(stirlingError − deviance) / √(2π·…)` avoids the cancellation of `lgamma` differences,
/// which would cost about `log10(a)` digits when a shape parameter `a` is large (10⁵ and up).
/// All functions take real (non-integer) arguments.
enum SaddlePointTerms {
  /// The constant `log(2π)`.
  static let logTwoPi = 1.837_877_066_409_345_483_560_659_472_811_2

  /// Stirling's error `log Γ(n+1) − [(n+½)·log n − n + ½·log 2π]` for real `n > 0`.
  ///
  /// Uses the asymptotic series above 15 and the `lgamma` definition below, where the absolute
  /// error stays near 1e-15 (only absolute error matters, since the term is exponentiated).
  ///
  /// - Parameter n: A positive real number.
  /// - Returns: The Stirling error of `n`.
  static func stirlingError(_ n: Double) -> Double {
    if n <= 15 {
      return lgamma(n + 1) - (n + 0.5) * log(n) + n - 0.5 * logTwoPi
    }
    let s0 = 1.0 / 12
    let s1 = 1.0 / 360
    let s2 = 1.0 / 1260
    let s3 = 1.0 / 1680
    let s4 = 1.0 / 1188
    let nn = n * n
    if n > 500 { return (s0 - s1 / nn) / n }
    if n > 80 { return (s0 - (s1 - s2 / nn) / nn) / n }
    if n > 35 { return (s0 - (s1 - (s2 - s3 / nn) / nn) / nn) / n }
    return (s0 - (s1 - (s2 - (s3 - s4 / nn) / nn) / nn) / nn) / n
  }

  /// The deviance term `x·log(x/m) + m − x`, free of cancellation when `x ≈ m`.
  ///
  /// - Parameters:
  ///   - x: A non-negative real number.
  ///   - m: A positive real number (a mean).
  /// - Returns: The non-negative deviance.
  static func deviance(_ x: Double, _ m: Double) -> Double {
    if x == 0 { return m }
    if abs(x - m) < 0.1 * (x + m) {
      var v = (x - m) / (x + m)
      var s = (x - m) * v
      if abs(s) < Double.leastNormalMagnitude { return s }
      var ej = 2 * x * v
      v *= v
      for j in 1..<1000 {
        ej *= v
        let next = s + ej / Double(2 * j + 1)
        if next == s { return next }
        s = next
      }
      return s
    }
    return x * log(x / m) + m - x
  }

  /// The logarithm of `Γ(a+b+1) / (Γ(a+1)·Γ(b+1)) · pᵃ · qᵇ` for real `a, b ≥ 0`.
  ///
  /// This is Loader's `dbinom_raw` with `a` successes and `b` failures, generalized to real
  /// arguments. `a` and `b` are passed separately so that `b` keeps full precision when
  /// `a ≫ b`; `q` is passed separately from `p` for the same reason.
  ///
  /// - Parameters:
  ///   - a: The number of successes (real, ≥ 0).
  ///   - b: The number of failures (real, ≥ 0).
  ///   - p: The success probability.
  ///   - q: The failure probability `1 − p`.
  /// - Returns: The log density, `-infinity` when it is zero.
  static func logBinomialTerm(_ a: Double, _ b: Double, p: Double, q: Double) -> Double {
    let n = a + b
    if p == 0 { return a == 0 ? 0 : -.infinity }
    if q == 0 { return b == 0 ? 0 : -.infinity }
    if a == 0 {
      if b == 0 { return 0 }
      return p < 0.1 ? -deviance(b, b * q) - b * p : b * log(q)
    }
    if b == 0 {
      return q < 0.1 ? -deviance(a, a * p) - a * q : a * log(p)
    }
    let lc =
      stirlingError(n) - stirlingError(a) - stirlingError(b)
      - deviance(a, n * p) - deviance(b, n * q)
    let lf = logTwoPi + log(a) + log(b) - log(n)
    return lc - 0.5 * lf
  }

  /// The logarithm of `xᵃ·yᵇ / B(a, b)`, the prefactor of the incomplete beta function.
  ///
  /// - Parameters:
  ///   - a: The first shape parameter (> 0).
  ///   - b: The second shape parameter (> 0).
  ///   - x: A point in [0, 1].
  ///   - y: Its complement `1 − x`, supplied separately for precision.
  /// - Returns: The log prefactor.
  static func logBetaPrefactor(_ a: Double, _ b: Double, x: Double, y: Double) -> Double {
    log(a) + log(b) - log(a + b) + logBinomialTerm(a, b, p: x, q: y)
  }

  /// The logarithm of the Poisson-type term `λᵃ·e^(−λ) / Γ(a+1)` for real `a > 0`.
  ///
  /// - Parameters:
  ///   - a: A positive real number (the "count").
  ///   - lambda: A non-negative mean.
  /// - Returns: The log term, `-infinity` when `lambda` is 0.
  static func logPoissonTerm(_ a: Double, _ lambda: Double) -> Double {
    if lambda == 0 { return -.infinity }
    if !lambda.isFinite { return -.infinity }
    return -stirlingError(a) - deviance(a, lambda) - 0.5 * (logTwoPi + log(a))
  }

  /// The logarithm of `1/B(a, b)`, accurate for large and very unequal shape parameters.
  ///
  /// Evaluates the saddle-point prefactor at `x = a/(a+b)`, where both deviance terms vanish,
  /// and removes `xᵃ·yᵇ` using the same rounded `x` and `y`, so no `a·ε` error creeps in.
  ///
  /// - Parameters:
  ///   - a: The first shape parameter (> 0).
  ///   - b: The second shape parameter (> 0).
  /// - Returns: `−log B(a, b)`.
  static func logInverseBeta(_ a: Double, _ b: Double) -> Double {
    let n = a + b
    let x = a / n
    let y = b / n
    return logBetaPrefactor(a, b, x: x, y: y) - a * log(x) - b * log(y)
  }
}
