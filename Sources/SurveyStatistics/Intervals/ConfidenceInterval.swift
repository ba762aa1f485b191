/// A two-sided confidence interval.
package struct ConfidenceInterval: Sendable, Equatable {
  /// The lower bound.
  package var lower: Double
  /// The upper bound.
  package var upper: Double
  /// The confidence level, e.g. 0.95.
  package var level: Double

  /// Creates an interval.
  ///
  /// - Parameters:
  ///   - lower: The lower bound.
  ///   - upper: The upper bound.
  ///   - level: The confidence level in (0, 1).
  package init(lower: Double, upper: Double, level: Double) {
    self.lower = lower
    self.upper = upper
    self.level = level
  }

  /// The width `upper − lower`.
  package var width: Double { upper - lower }
}

extension ConfidenceInterval {
  /// Whether a confidence level lies strictly between 0 and 1.
  ///
  /// - Parameter level: The level to check.
  /// - Returns: true for a usable level.
  static func isValidLevel(_ level: Double) -> Bool { level > 0 && level < 1 }

  /// The two-sided critical value of the standard normal, `Φ⁻¹(1 − α/2)`.
  ///
  /// - Parameter level: The confidence level `1 − α`.
  /// - Returns: The critical value, e.g. 1.959964 for 0.95.
  static func normalCritical(level: Double) -> Double {
    NormalDistribution.standardQuantile(lower: 0.5 + 0.5 * level, upper: 0.5 - 0.5 * level)
  }

  /// The two-sided critical value of Student's t, `t⁻¹(1 − α/2; ν)`.
  ///
  /// - Parameters:
  ///   - level: The confidence level `1 − α`.
  ///   - degreesOfFreedom: ν > 0 (infinity gives the normal value).
  /// - Returns: The critical value, or nil when ν is not positive.
  static func tCritical(level: Double, degreesOfFreedom: Double) -> Double? {
    guard let t = StudentTDistribution(degreesOfFreedom: degreesOfFreedom) else { return nil }
    return t.quantile(lower: 0.5 + 0.5 * level, upper: 0.5 - 0.5 * level)
  }
}
