/// A safeguarded Newton iteration for monotone functions of one variable.
///
/// The inverse distribution functions solve `log T(eᵗ) = log target` in `t = log x`, where `T` is
/// whichever tail of the distribution holds the smaller target. In those coordinates a power-law
/// tail `T ≈ C·xᵃ` is a straight line, so Newton converges in a few steps even for `a = 0.01` or a
/// target of 1e-15. A bracket is kept throughout; a Newton step that leaves it is replaced by
/// bisection, or by a doubling step while one side of the bracket is still open.
enum BracketedNewton {
  /// The value and slope of the function at a point.
  struct Evaluation: Sendable {
    /// The function value.
    var value: Double
    /// The derivative at the same point.
    var slope: Double
  }

  /// Finds the root of a monotone function.
  ///
  /// - Parameters:
  ///   - start: The initial guess.
  ///   - increasing: Whether the function increases with its argument.
  ///   - lowerBound: A known lower end of the bracket, or nil when unbounded.
  ///   - upperBound: A known upper end of the bracket, or nil when unbounded.
  ///   - maximumIterations: The iteration limit.
  ///   - function: Evaluates the function and its slope.
  /// - Returns: The root, to about one unit in the last place of the argument.
  static func solve(
    start: Double,
    increasing: Bool,
    lowerBound: Double? = nil,
    upperBound: Double? = nil,
    maximumIterations: Int = 300,
    function: (Double) -> Evaluation
  ) -> Double {
    var low = lowerBound
    var high = upperBound
    var t = start
    for _ in 0..<maximumIterations {
      let evaluation = function(t)
      let value = evaluation.value
      if value == 0 { return t }
      if value.isNaN { break }
      if (value < 0) == increasing {
        low = t
      } else {
        high = t
      }
      var next = t - value / evaluation.slope
      if !next.isFinite || !inside(next, low, high) {
        next = fallback(low: low, high: high, from: t)
      }
      let scale = max(1, abs(t))
      if abs(next - t) <= 4e-16 * scale { return next }
      if let low, let high, high - low <= 4e-16 * scale { return next }
      t = next
    }
    return t
  }
}

extension BracketedNewton {
  /// Whether a point lies strictly inside the (possibly open-ended) bracket.
  fileprivate static func inside(_ t: Double, _ low: Double?, _ high: Double?) -> Bool {
    if let low, t <= low { return false }
    if let high, t >= high { return false }
    return true
  }

  /// Bisection when the bracket is closed, a doubling step away from the open side otherwise.
  fileprivate static func fallback(low: Double?, high: Double?, from t: Double) -> Double {
    switch (low, high) {
    case (let low?, let high?):
      return low + (high - low) / 2
    case (let low?, nil):
      return low + max(1, abs(low))
    case (nil, let high?):
      return high - max(1, abs(high))
    case (nil, nil):
      return t
    }
  }
}
