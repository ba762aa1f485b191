/// A design-based point estimate with its linearization standard error.
package struct WeightedEstimate: Sendable, Equatable {
  /// The point estimate (a mean, proportion or total).
  package var estimate: Double
  /// The linearization (Taylor) standard error.
  package var standardError: Double
  /// The design effect `V_design / V_srs`, when it was requested and is defined.
  package var designEffect: Double?

  /// Creates an estimate.
  ///
  /// - Parameters:
  ///   - estimate: The point estimate.
  ///   - standardError: Its standard error (≥ 0).
  ///   - designEffect: The design effect, if any.
  package init(estimate: Double, standardError: Double, designEffect: Double? = nil) {
    self.estimate = estimate
    self.standardError = standardError
    self.designEffect = designEffect
  }

  /// The variance `SE²`.
  package var variance: Double { standardError * standardError }

  /// A Wald interval `estimate ± q·SE` (R's `confint` on a `svystat`).
  ///
  /// R's default for `svymean`/`svytotal`/`svyby` is the normal quantile (`df = Inf`); pass the
  /// design degrees of freedom (n − 1) for a t quantile.
  ///
  /// - Parameters:
  ///   - level: The confidence level in (0, 1).
  ///   - degreesOfFreedom: ν for a t quantile, `.infinity` (default) for the normal.
  /// - Returns: The interval, or nil when the level or ν is invalid.
  /// - Complexity: O(1).
  package func confidenceInterval(
    level: Double = 0.95, degreesOfFreedom: Double = .infinity
  ) -> ConfidenceInterval? {
    guard ConfidenceInterval.isValidLevel(level),
      let q = ConfidenceInterval.tCritical(level: level, degreesOfFreedom: degreesOfFreedom)
    else { return nil }
    let half = q * standardError
    return ConfidenceInterval(lower: estimate - half, upper: estimate + half, level: level)
  }
}
