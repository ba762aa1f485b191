import Foundation

/// How much of a group's outcome goes with an exposure: the population attributable excess
/// (`p_all − p_unexposed`) and fraction (`(p_all − p_unexposed) / p_all`) of a cross-sectional
/// 2×2 table, with the intervals R's `epiR::epi.2by2(method = "cross.sectional")` gives them
/// (`PARisk.strata.wald` and `PAFRisk.strata.wald`).
///
/// The table, as epiR takes it: `a` exposed with the outcome, `b` exposed without, `c`
/// unexposed with, `d` unexposed without.
package struct AttributableFraction: Sendable, Equatable {
  /// The share with the outcome among everyone in the table.
  package var shareAll: Double
  /// The share with the outcome among the unexposed.
  package var shareUnexposed: Double
  /// The share with the outcome among the exposed.
  package var shareExposed: Double
  /// The attributable excess, `p_all − p_unexposed` (a proportion), with its Wald interval:
  /// `± z √(M₁(N−M₁)/N³ + c(N₀−c)/N₀³)`.
  package var excess: Double
  package var excessLower: Double
  package var excessUpper: Double
  /// The attributable fraction, `(ad − bc) / ((a+c)(c+d))`, with Jewell's interval:
  /// `1 − exp(log(1 − PAF) ± z √((b + PAF(a+d)) / (N c)))`.
  package var fraction: Double
  package var fractionLower: Double
  package var fractionUpper: Double
  /// The table's total.
  package var total: Double

  /// The measures of a table (counts, or weighted counts).
  ///
  /// - Returns: nil when nobody is exposed or nobody is unexposed (epiR stops with an error
  ///   when nobody is exposed: there is no excess to estimate).
  package init?(a: Double, b: Double, c: Double, d: Double, level: Double = 0.95) {
    let total = a + b + c + d
    let withOutcome = a + c
    let unexposed = c + d
    guard a + b > 0, unexposed > 0 else { return nil }
    let z = NormalDistribution.standardQuantile(lower: (1 + level) / 2, upper: (1 - level) / 2)
    self.total = total
    shareAll = withOutcome / total
    shareUnexposed = c / unexposed
    shareExposed = a / (a + b)
    excess = shareAll - shareUnexposed
    let se = sqrt(
      withOutcome * (total - withOutcome) / (total * total * total)
        + c * (unexposed - c) / (unexposed * unexposed * unexposed))
    excessLower = excess - z * se
    excessUpper = excess + z * se
    fraction = (a * d - b * c) / (withOutcome * unexposed)
    let variance = (b + fraction * (a + d)) / (total * c)
    fractionLower = 1 - exp(log(1 - fraction) + z * sqrt(variance))
    fractionUpper = 1 - exp(log(1 - fraction) - z * sqrt(variance))
  }

  /// The attributable excess of a mean outcome, `mean_all − mean_unexposed`, with a t interval
  /// built as the Wald interval of shares is: the two means' variances added
  /// (`s²_all/n_all + s²₀/n₀`), on Welch–Satterthwaite degrees of freedom.
  package struct MeanExcess: Sendable, Equatable {
    package var meanAll: Double
    package var meanUnexposed: Double
    package var excess: Double
    package var standardError: Double
    package var degreesOfFreedom: Double
    package var lower: Double
    package var upper: Double

    /// The excess from each side's size, mean and sample variance.
    ///
    /// - Returns: nil when either side has fewer than two values.
    package init?(
      all: (count: Double, mean: Double, variance: Double),
      unexposed: (count: Double, mean: Double, variance: Double), level: Double = 0.95
    ) {
      guard all.count >= 2, unexposed.count >= 2 else { return nil }
      let partAll = all.variance / all.count
      let partUnexposed = unexposed.variance / unexposed.count
      let variance = partAll + partUnexposed
      meanAll = all.mean
      meanUnexposed = unexposed.mean
      excess = all.mean - unexposed.mean
      standardError = sqrt(variance)
      degreesOfFreedom =
        variance * variance
        / (partAll * partAll / (all.count - 1)
          + partUnexposed * partUnexposed / (unexposed.count - 1))
      let t =
        StudentTDistribution(degreesOfFreedom: degreesOfFreedom)?.quantile(
          lower: (1 + level) / 2, upper: (1 - level) / 2) ?? .nan
      lower = excess - t * standardError
      upper = excess + t * standardError
    }
  }
}
