import Foundation

/// Confidence intervals for a binomial proportion from unweighted counts.
///
/// The default is the Wilson score interval (Brown, Cai & DasGupta 2001). Formulas follow
/// `scipy.stats.binomtest(...).proportion_ci` for Wilson, Wilson with continuity correction and
/// Clopper–Pearson, statsmodels for Agresti–Coull (clipped to [0, 1]), and Brown et al. for
/// Jeffreys (lower bound 0 when x = 0, upper bound 1 when x = n; `scipy.stats.beta.interval`
/// has no such boundary rule).
package enum ProportionInterval {
  /// An interval method.
  package enum Method: String, Sendable, CaseIterable {
    /// Wilson score interval (the default).
    case wilson
    /// Wilson score interval with continuity correction (Newcombe 1998, method 4).
    case wilsonContinuityCorrected
    /// Clopper–Pearson "exact" interval from beta quantiles.
    case clopperPearson
    /// Agresti–Coull interval, clipped to [0, 1].
    case agrestiCoull
    /// Jeffreys equal-tailed interval with Brown et al.'s boundary rule.
    case jeffreys
  }

  /// A confidence interval for `x` successes in `n` trials.
  ///
  /// - Parameters:
  ///   - successes: x, in 0...n.
  ///   - trials: n ≥ 1.
  ///   - level: The confidence level in (0, 1), 0.95 by default.
  ///   - method: The interval method, Wilson by default.
  /// - Returns: The interval, or nil when an argument is out of range.
  /// - Complexity: O(1) (Clopper–Pearson and Jeffreys invert two incomplete beta functions).
  package static func interval(
    successes: Int, trials: Int, level: Double = 0.95, method: Method = .wilson
  ) -> ConfidenceInterval? {
    guard trials >= 1, (0...trials).contains(successes),
      ConfidenceInterval.isValidLevel(level)
    else { return nil }
    let bounds: (Double, Double)
    switch method {
    case .wilson:
      bounds = wilson(successes, trials, level, corrected: false)
    case .wilsonContinuityCorrected:
      bounds = wilson(successes, trials, level, corrected: true)
    case .clopperPearson:
      bounds = betaBounds(successes, trials, level, offset: 0)
    case .agrestiCoull:
      bounds = agrestiCoull(successes, trials, level)
    case .jeffreys:
      bounds = betaBounds(successes, trials, level, offset: 0.5)
    }
    return ConfidenceInterval(lower: bounds.0, upper: bounds.1, level: level)
  }
}

extension ProportionInterval {
  fileprivate static func wilson(_ k: Int, _ n: Int, _ level: Double, corrected: Bool) -> (
    Double, Double
  ) {
    let z = ConfidenceInterval.normalCritical(level: level)
    let nn = Double(n)
    let p = Double(k) / nn
    let q = 1 - p
    let denominator = 2 * (nn + z * z)
    let center = (2 * nn * p + z * z) / denominator
    var low = 0.0
    var high = 1.0
    if corrected {
      if k > 0 {
        let root = max(0, z * z - 2 - 1 / nn + 4 * p * (nn * q + 1)).squareRoot()
        low = max(0, center - (1 + z * root) / denominator)
      }
      if k < n {
        let root = max(0, z * z + 2 - 1 / nn + 4 * p * (nn * q - 1)).squareRoot()
        high = min(1, center + (1 + z * root) / denominator)
      }
    } else {
      let delta = z / denominator * (4 * nn * p * q + z * z).squareRoot()
      if k > 0 { low = center - delta }
      if k < n { high = center + delta }
    }
    return (low, high)
  }

  fileprivate static func agrestiCoull(_ k: Int, _ n: Int, _ level: Double) -> (Double, Double) {
    let z = ConfidenceInterval.normalCritical(level: level)
    let tildeN = Double(n) + z * z
    let tildeP = (Double(k) + z * z / 2) / tildeN
    let half = z * (tildeP * (1 - tildeP) / tildeN).squareRoot()
    return (max(0, tildeP - half), min(1, tildeP + half))
  }

  /// Clopper–Pearson (`offset` 0) or Jeffreys (`offset` ½) bounds from beta quantiles.
  fileprivate static func betaBounds(_ k: Int, _ n: Int, _ level: Double, offset: Double) -> (
    Double, Double
  ) {
    let tail = (1 - level) / 2
    let x = Double(k)
    let failures = Double(n - k)
    var low = 0.0
    var high = 1.0
    if k > 0 {
      let a = x + offset
      let b = failures + (offset == 0 ? 1 : offset)
      low = IncompleteBeta.inverse(a: a, b: b, p: tail, q: 1 - tail).x
    }
    if k < n {
      let a = x + (offset == 0 ? 1 : offset)
      let b = failures + offset
      high = IncompleteBeta.inverse(a: a, b: b, p: 1 - tail, q: tail).x
    }
    return (low, high)
  }
}
