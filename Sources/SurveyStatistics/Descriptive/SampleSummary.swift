import Foundation

/// Count, mean and variance of an unweighted sample, with the t interval for its mean.
///
/// The variance uses the `n − 1` divisor (R's `var`, `numpy.var(ddof=1)`) and is computed in two
/// passes around the mean, so it carries no cancellation error.
package struct SampleSummary: Sendable, Equatable {
  /// The number of observations n.
  package let count: Int
  /// The arithmetic mean.
  package let mean: Double
  /// The sum of squared deviations from the mean, `Σ(x − x̄)²`.
  package let sumOfSquares: Double

  /// Summarizes a sample.
  ///
  /// - Parameter values: The observations (all finite).
  /// - Returns: nil when `values` is empty or holds a non-finite number.
  /// - Complexity: O(n).
  package init?(_ values: [Double]) {
    guard !values.isEmpty, values.allSatisfy(\.isFinite) else { return nil }
    let n = Double(values.count)
    let first = values.reduce(0, +) / n
    // A second pass corrects the mean for rounding in the first sum.
    let mean = first + values.reduce(0) { $0 + ($1 - first) } / n
    self.count = values.count
    self.mean = mean
    self.sumOfSquares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
  }

  /// Creates a summary from its parts.
  ///
  /// - Parameters:
  ///   - count: n ≥ 1.
  ///   - mean: The mean.
  ///   - sumOfSquares: `Σ(x − x̄)² ≥ 0`.
  package init(count: Int, mean: Double, sumOfSquares: Double) {
    self.count = count
    self.mean = mean
    self.sumOfSquares = sumOfSquares
  }

  /// The sample variance with the `n − 1` divisor; nil when n < 2.
  package var variance: Double? {
    count >= 2 ? sumOfSquares / Double(count - 1) : nil
  }

  /// The sample standard deviation (`n − 1` divisor); nil when n < 2.
  package var standardDeviation: Double? { variance?.squareRoot() }

  /// The standard error of the mean, `s/√n`; nil when n < 2.
  package var standardError: Double? {
    variance.map { ($0 / Double(count)).squareRoot() }
  }

  /// The t confidence interval for the mean, `x̄ ± t(1 − α/2; n − 1)·s/√n` (R's `t.test`).
  ///
  /// A sample with zero variance gives the degenerate interval `[x̄, x̄]`.
  ///
  /// - Parameter level: The confidence level in (0, 1).
  /// - Returns: The interval, or nil when n < 2 or the level is invalid.
  /// - Complexity: O(1).
  package func meanInterval(level: Double = 0.95) -> ConfidenceInterval? {
    guard ConfidenceInterval.isValidLevel(level), let se = standardError,
      let t = ConfidenceInterval.tCritical(level: level, degreesOfFreedom: Double(count - 1))
    else { return nil }
    return ConfidenceInterval(lower: mean - t * se, upper: mean + t * se, level: level)
  }
}
