import Foundation

/// Confidence intervals for a weighted proportion, as R's `survey::svyciprop` computes them.
///
/// Inputs are the `svymean` of a 0/1 variable and its linearization SE, the number of rows of
/// the (sub)design and the design degrees of freedom (`degf`, n − 1 for `ids = ~1`). Every
/// method uses the t quantile on those degrees of freedom (statistics.md §1.5):
///
/// * `mean`: `p̂ ± t·SE`.
/// * `logit`: `expit(logit p̂ ± t·SE/(p̂(1 − p̂)))`, which is what the quasibinomial `svyglm` Wald
///   interval reduces to for a linearization design (also `xlogit`).
/// * `asin`: `sin²(asin √p̂ ± t·SE/(2√(p̂(1 − p̂))))`.
/// * `beta` (Korn–Graubard): Clopper–Pearson with `n* = p̂(1 − p̂)/SE² · (t_{n−1}/t_df)²` and
///   `x* = n*·p̂`.
/// * `wilson`: the score interval with `n_eff = p̂(1 − p̂)/SE²` (in survey 4.5, not in 4.1;
///   with unit weights `n_eff = n − 1`, so it is not the classical Wilson interval).
///
/// As in R, no method is defined when `p̂` is 0 or 1 (the SE is then 0); these return nil.
package enum SurveyProportionInterval {
  /// An interval method of `svyciprop`.
  package enum Method: String, Sendable, CaseIterable {
    /// Wald interval on the proportion scale.
    case mean
    /// Wald interval on the logit scale (also R's `xlogit`).
    case logit
    /// Wald interval on the arcsine-square-root scale.
    case asin
    /// Korn–Graubard (Clopper–Pearson with the effective sample size).
    case beta
    /// Wilson score interval with the effective sample size.
    case wilson
  }

  /// The interval for a weighted proportion.
  ///
  /// - Parameters:
  ///   - estimate: The `svymean` of the 0/1 variable, with its SE.
  ///   - rowCount: The number of rows of the (sub)design, R's `nrow(design)`.
  ///   - degreesOfFreedom: The design degrees of freedom; defaults to `rowCount − 1`.
  ///   - level: The confidence level in (0, 1).
  ///   - method: The interval method (`beta` by default, per NCHS).
  /// - Returns: The interval, or nil when `p̂` is not strictly between 0 and 1, the SE is 0, or
  ///   the degrees of freedom are not positive.
  /// - Complexity: O(1); `beta` inverts two incomplete beta functions.
  package static func interval(
    estimate: WeightedEstimate, rowCount: Int, degreesOfFreedom: Double? = nil,
    level: Double = 0.95, method: Method = .beta
  ) -> ConfidenceInterval? {
    let p = estimate.estimate
    let se = estimate.standardError
    let df = degreesOfFreedom ?? Double(rowCount - 1)
    guard p > 0, p < 1, se > 0, df > 0, ConfidenceInterval.isValidLevel(level),
      let t = ConfidenceInterval.tCritical(level: level, degreesOfFreedom: df)
    else { return nil }
    let bounds: (Double, Double)?
    switch method {
    case .mean:
      bounds = (p - t * se, p + t * se)
    case .logit:
      let eta = log(p / (1 - p))
      let half = t * se / (p * (1 - p))
      bounds = (expit(eta - half), expit(eta + half))
    case .asin:
      let theta = asin(p.squareRoot())
      let half = t * se / (2 * (p * (1 - p)).squareRoot())
      bounds = (pow(sin(theta - half), 2), pow(sin(theta + half), 2))
    case .wilson:
      bounds = wilson(p: p, effectiveSize: p * (1 - p) / (se * se), t: t)
    case .beta:
      bounds = kornGraubard(p: p, se: se, rows: rowCount, df: df, level: level)
    }
    guard let bounds else { return nil }
    return ConfidenceInterval(lower: bounds.0, upper: bounds.1, level: level)
  }
}

extension WeightedMoments {
  /// `svyciprop` for a 0/1 variable accumulated here (values 1 for "yes", 0 for "no").
  ///
  /// - Parameters:
  ///   - method: The interval method.
  ///   - level: The confidence level in (0, 1).
  ///   - designSize: n for the SE factor; pass the full-sample size for a domain.
  /// - Returns: The interval, or nil when it is undefined (see ``SurveyProportionInterval``).
  /// - Complexity: O(1).
  package func proportionInterval(
    method: SurveyProportionInterval.Method = .beta, level: Double = 0.95,
    designSize: Int? = nil
  ) -> ConfidenceInterval? {
    guard let estimate = meanEstimate(designSize: designSize, designEffect: nil) else {
      return nil
    }
    return SurveyProportionInterval.interval(
      estimate: estimate, rowCount: count, level: level, method: method)
  }
}

extension SurveyProportionInterval {
  fileprivate static func expit(_ x: Double) -> Double { 1 / (1 + exp(-x)) }

  fileprivate static func wilson(p: Double, effectiveSize n: Double, t: Double) -> (Double, Double)
  {
    let denominator = 1 + t * t / n
    let center = p + t * t / (2 * n)
    let half = t / (2 * n) * (4 * n * p * (1 - p) + t * t).squareRoot()
    return ((center - half) / denominator, (center + half) / denominator)
  }

  fileprivate static func kornGraubard(
    p: Double, se: Double, rows: Int, df: Double, level: Double
  ) -> (Double, Double)? {
    let alpha = 1 - level
    guard
      let tRows = ConfidenceInterval.tCritical(level: level, degreesOfFreedom: Double(rows - 1)),
      let tDesign = ConfidenceInterval.tCritical(level: level, degreesOfFreedom: df)
    else { return nil }
    let ratio = tRows / tDesign
    let effective = p * (1 - p) / (se * se) * ratio * ratio
    let x = effective * p
    let low = IncompleteBeta.inverse(
      a: x, b: effective * (1 - p) + 1, p: alpha / 2, q: 1 - alpha / 2)
    let high = IncompleteBeta.inverse(
      a: x + 1, b: effective * (1 - p), p: 1 - alpha / 2, q: alpha / 2)
    return (low.x, high.x)
  }
}
