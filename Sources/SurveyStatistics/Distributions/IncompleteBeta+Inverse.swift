import Foundation

extension IncompleteBeta {
  /// Solves `I_x(a, b) = p` for `x`.
  ///
  /// Starts from the Numerical Recipes guess (Abramowitz & Stegun 26.5.22 for `a, b ≥ 1`, a
  /// power-law tail otherwise) and refines it by safeguarded Newton steps on the logarithm of
  /// whichever tail holds the smaller target, in the variable `log x` (``BracketedNewton``). When
  /// the root lies above ½ the symmetric problem `I_y(b, a) = q` is solved instead, so the smaller
  /// of `x` and `y` always carries full relative precision.
  ///
  /// - Parameters:
  ///   - a: The first shape parameter (> 0).
  ///   - b: The second shape parameter (> 0).
  ///   - p: The lower-tail target in [0, 1].
  ///   - q: The upper-tail target `1 − p`, supplied separately for precision.
  /// - Returns: The root `x` and its complement `y = 1 − x`.
  /// - Complexity: A handful of incomplete-beta evaluations.
  static func inverse(a: Double, b: Double, p: Double, q: Double) -> (x: Double, y: Double) {
    if p <= 0 { return (0, 1) }
    if q <= 0 { return (1, 0) }
    let guess = initialGuess(a: a, b: b, p: p, q: q)
    if guess > 0.5 {
      let y = solve(a: b, b: a, p: q, q: p, guess: 1 - guess)
      return (1 - y, y)
    }
    let x = solve(a: a, b: b, p: p, q: q, guess: guess)
    return (x, 1 - x)
  }
}

extension IncompleteBeta {
  /// Refines a guess for the root of `I_x(a, b) = p` that lies at or below about ½.
  fileprivate static func solve(a: Double, b: Double, p: Double, q: Double, guess: Double) -> Double
  {
    let useLower = p <= q
    let logTarget = log(useLower ? p : q)
    let sign = useLower ? 1.0 : -1.0
    let start = log(min(max(guess, 1e-300), 0.999))
    let root = BracketedNewton.solve(start: start, increasing: useLower, upperBound: 0) { t in
      let x = exp(t)
      let y = -expm1(t)
      let pair = tails(a: a, b: b, x: x, y: y)
      let tail = useLower ? pair.lower : pair.upper
      let slope = sign * exp(SaddlePointTerms.logBetaPrefactor(a, b, x: x, y: y)) / (y * tail)
      return BracketedNewton.Evaluation(value: log(tail) - logTarget, slope: slope)
    }
    return exp(root)
  }

  /// The Numerical Recipes starting value for the inverse incomplete beta function.
  fileprivate static func initialGuess(a: Double, b: Double, p: Double, q: Double) -> Double {
    if a >= 1 && b >= 1 {
      let t = (-2 * log(min(p, q))).squareRoot()
      var z = (2.30753 + t * 0.27061) / (1 + t * (0.99229 + t * 0.04481)) - t
      if p < 0.5 { z = -z }
      let al = (z * z - 3) / 6
      let h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1))
      let w =
        z * (al + h).squareRoot() / h
        - (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (al + 5.0 / 6 - 2 / (3 * h))
      return a / (a + b * exp(2 * w))
    }
    let logA = log(a / (a + b))
    let logB = log(b / (a + b))
    let t = exp(a * logA) / a
    let u = exp(b * logB) / b
    let w = t + u
    if p < t / w {
      return exp(log(a * w * p) / a)
    }
    return -expm1(log(b * w * q) / b)
  }
}
