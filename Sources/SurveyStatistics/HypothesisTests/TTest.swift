import Foundation

/// Student's, Welch's and the paired t test for a difference in means.
///
/// Two-sided p values come from ``StudentTDistribution`` (any real degrees of freedom, as the
/// Welch–Satterthwaite approximation needs); intervals are `estimate ± t(1 − α/2; ν)·SE`. These
/// match R's `t.test` and `scipy.stats.ttest_ind`/`ttest_rel`.
package enum TTest {
  /// The result of a t test.
  package struct Result: Sendable, Equatable {
    /// The estimated difference (first mean minus second, or the mean difference).
    package var estimate: Double
    /// The standard error of the estimate.
    package var standardError: Double
    /// The t statistic `estimate/SE`.
    package var statistic: Double
    /// The degrees of freedom (non-integer for Welch).
    package var degreesOfFreedom: Double
    /// The two-sided p value.
    package var pValue: Double
    /// The confidence interval for the difference.
    package var confidenceInterval: ConfidenceInterval
  }

  /// Welch's unequal-variance t test, with Welch–Satterthwaite degrees of freedom.
  ///
  /// `ν = (v₁ + v₂)²/(v₁²/(n₁−1) + v₂²/(n₂−1))` with `vᵢ = sᵢ²/nᵢ`.
  ///
  /// - Parameters:
  ///   - first: The first sample's summary (n ≥ 2).
  ///   - second: The second sample's summary (n ≥ 2).
  ///   - level: The confidence level for the interval.
  /// - Returns: The result, or nil when a sample has fewer than 2 values, both variances are 0,
  ///   or the level is invalid.
  /// - Complexity: O(1).
  package static func welch(
    _ first: SampleSummary, _ second: SampleSummary, level: Double = 0.95
  ) -> Result? {
    guard let s1 = first.variance, let s2 = second.variance else { return nil }
    let v1 = s1 / Double(first.count)
    let v2 = s2 / Double(second.count)
    let denominator =
      v1 * v1 / Double(first.count - 1) + v2 * v2 / Double(second.count - 1)
    guard denominator > 0 else { return nil }
    let df = (v1 + v2) * (v1 + v2) / denominator
    return make(first.mean - second.mean, (v1 + v2).squareRoot(), df, level)
  }

  /// Welch's t test on two samples.
  ///
  /// - Parameters:
  ///   - first: The first sample.
  ///   - second: The second sample.
  ///   - level: The confidence level for the interval.
  /// - Returns: The result, or nil as for the summary form.
  /// - Complexity: O(n).
  package static func welch(_ first: [Double], _ second: [Double], level: Double = 0.95) -> Result?
  {
    guard let a = SampleSummary(first), let b = SampleSummary(second) else { return nil }
    return welch(a, b, level: level)
  }

  /// Student's pooled-variance t test on `n₁ + n₂ − 2` degrees of freedom.
  ///
  /// - Parameters:
  ///   - first: The first sample's summary.
  ///   - second: The second sample's summary.
  ///   - level: The confidence level for the interval.
  /// - Returns: The result, or nil when `n₁ + n₂ < 3`, the pooled variance is 0, or the level is
  ///   invalid.
  /// - Complexity: O(1).
  package static func student(
    _ first: SampleSummary, _ second: SampleSummary, level: Double = 0.95
  ) -> Result? {
    let df = first.count + second.count - 2
    guard df >= 1 else { return nil }
    let pooled = (first.sumOfSquares + second.sumOfSquares) / Double(df)
    let se = (pooled * (1 / Double(first.count) + 1 / Double(second.count))).squareRoot()
    return make(first.mean - second.mean, se, Double(df), level)
  }

  /// Student's pooled-variance t test on two samples.
  ///
  /// - Parameters:
  ///   - first: The first sample.
  ///   - second: The second sample.
  ///   - level: The confidence level for the interval.
  /// - Returns: The result, or nil as for the summary form.
  /// - Complexity: O(n).
  package static func student(_ first: [Double], _ second: [Double], level: Double = 0.95)
    -> Result?
  {
    guard let a = SampleSummary(first), let b = SampleSummary(second) else { return nil }
    return student(a, b, level: level)
  }

  /// The one-sample t test of `H₀: mean = μ₀`.
  ///
  /// - Parameters:
  ///   - sample: The sample's summary (n ≥ 2).
  ///   - hypothesizedMean: μ₀.
  ///   - level: The confidence level for the interval (of the mean minus μ₀).
  /// - Returns: The result, or nil when n < 2, the variance is 0 or the level is invalid.
  /// - Complexity: O(1).
  package static func oneSample(
    _ sample: SampleSummary, hypothesizedMean: Double = 0, level: Double = 0.95
  ) -> Result? {
    guard let se = sample.standardError else { return nil }
    return make(sample.mean - hypothesizedMean, se, Double(sample.count - 1), level)
  }

  /// The paired t test: a one-sample test on the differences `first − second`.
  ///
  /// - Parameters:
  ///   - first: The first measurement of each pair.
  ///   - second: The second measurement, in the same order.
  ///   - level: The confidence level for the interval of the mean difference.
  /// - Returns: The result, or nil when the lengths differ, there are fewer than 2 pairs, or all
  ///   differences are equal.
  /// - Complexity: O(n).
  package static func paired(_ first: [Double], _ second: [Double], level: Double = 0.95)
    -> Result?
  {
    guard first.count == second.count,
      let differences = SampleSummary(zip(first, second).map { $0 - $1 })
    else { return nil }
    return oneSample(differences, level: level)
  }
}

extension TTest {
  fileprivate static func make(_ estimate: Double, _ se: Double, _ df: Double, _ level: Double)
    -> Result?
  {
    guard se > 0, se.isFinite, ConfidenceInterval.isValidLevel(level),
      let distribution = StudentTDistribution(degreesOfFreedom: df),
      let critical = ConfidenceInterval.tCritical(level: level, degreesOfFreedom: df)
    else { return nil }
    let t = estimate / se
    let p = min(1, 2 * distribution.tails(-abs(t)).lower)
    let interval = ConfidenceInterval(
      lower: estimate - critical * se, upper: estimate + critical * se, level: level)
    return Result(
      estimate: estimate, standardError: se, statistic: t, degreesOfFreedom: df, pValue: p,
      confidenceInterval: interval)
  }
}
