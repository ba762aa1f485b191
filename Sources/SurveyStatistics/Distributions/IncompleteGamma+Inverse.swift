import Foundation

extension IncompleteGamma {
  /// Solves `P(a, x) = p` for `x`.
  ///
  /// Starts from the Numerical Recipes guess (Wilson–Hilferty for `a > 1`, a power law
  /// otherwise) and refines it by safeguarded Newton steps on the logarithm of whichever tail
  /// holds the smaller target, in the variable `log x` (``BracketedNewton``).
  ///
  /// - Parameters:
  ///   - a: The shape (> 0).
  ///   - p: The lower-tail target in [0, 1].
  ///   - q: The upper-tail target `1 − p`, supplied separately for precision.
  /// - Returns: The root `x` (0 for `p = 0`, `+infinity` for `q = 0`).
  /// - Complexity: A handful of incomplete-gamma evaluations.
  static func inverse(a: Double, p: Double, q: Double) -> Double {
    if p <= 0 { return 0 }
    if q <= 0 { return .infinity }
    let useLower = p <= q
    let logTarget = log(useLower ? p : q)
    let sign = useLower ? 1.0 : -1.0
    let start = log(initialGuess(a: a, p: p, q: q))
    let root = BracketedNewton.solve(start: start, increasing: useLower) { t in
      let x = exp(t)
      let pair = tails(a: a, x: x)
      let tail = useLower ? pair.lower : pair.upper
      let slope = sign * scaledDensity(a: a, x: x) / tail
      return BracketedNewton.Evaluation(value: log(tail) - logTarget, slope: slope)
    }
    return exp(root)
  }
}

extension IncompleteGamma {
  /// The Numerical Recipes starting value for the inverse incomplete gamma function.
  fileprivate static func initialGuess(a: Double, p: Double, q: Double) -> Double {
    if a > 1 {
      let t = (-2 * log(min(p, q))).squareRoot()
      var z = (2.30753 + t * 0.27061) / (1 + t * (0.99229 + t * 0.04481)) - t
      if p < 0.5 { z = -z }
      let cube = 1 - 1 / (9 * a) - z / (3 * a.squareRoot())
      return max(1e-3, a * cube * cube * cube)
    }
    let t = 1 - a * (0.253 + a * 0.12)
    if p < t {
      return max(1e-300, exp(log(p / t) / a))
    }
    return 1 - log(q / (1 - t))
  }
}
