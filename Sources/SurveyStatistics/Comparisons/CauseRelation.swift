import Foundation

/// How an outcome differs between the respondents exposed to a cause and those not exposed.
///
/// This is an association in a cross-section, never evidence that the cause produced the
/// difference: reports must say so.
package struct CauseRelation: Sendable, Equatable {
  /// The cause's position in the survey.
  package var cause: Int
  /// The outcome indicator's position in the survey.
  package var outcome: Int
  /// Exposed minus unexposed: Newcombe's interval and chi-square (or Fisher) for a share,
  /// Welch's interval and test for a mean.
  package var comparison: Comparison
  /// A scale-free size for ranking: Cohen's h for a share, Cohen's d for a mean.
  package var standardizedDifference: Double

  /// The relation between a cause and an outcome in one group, or nil when either side has too
  /// few known values for the test.
  ///
  /// - Parameter weighted: Compare with the design-based tests of a weighted survey (the
  ///   standardized difference stays that of the respondents, for ranking).
  package static func relation(
    cause: Int, outcome: Int, accumulator: CauseAccumulator, isShare: Bool, level: Double = 0.95,
    weighted: Bool = false
  ) -> CauseRelation? {
    guard cause >= 0, outcome >= 0, outcome < accumulator.exposed.count else { return nil }
    let exposed = accumulator.exposed[outcome]
    let unexposed = accumulator.unexposed[outcome]
    if isShare {
      guard let plain = Comparison.shares(exposed, unexposed, level: level),
        let comparison = weighted
          ? Comparison.weighted(exposed, unexposed, isShare: true, level: level) : plain
      else { return nil }
      let p1 = Double(exposed.trueCount) / Double(plain.firstCount)
      let p2 = Double(unexposed.trueCount) / Double(plain.secondCount)
      let h = 2 * asin(p1.squareRoot()) - 2 * asin(p2.squareRoot())
      return CauseRelation(
        cause: cause, outcome: outcome, comparison: comparison, standardizedDifference: h)
    }
    guard let plain = Comparison.means(exposed, unexposed, level: level),
      let d = plain.effect,
      let comparison = weighted
        ? Comparison.weighted(exposed, unexposed, isShare: false, level: level) : plain
    else { return nil }
    return CauseRelation(
      cause: cause, outcome: outcome, comparison: comparison, standardizedDifference: d)
  }
}

/// Spearman's ρ between an exposure index and an outcome indicator in one group.
package struct IndexRelation: Sendable, Equatable {
  /// The index's position in the survey.
  package var index: Int
  /// The outcome indicator's position in the survey.
  package var outcome: Int
  /// Respondents with both values.
  package var count: Int
  /// ρ and its t-approximation p value.
  package var correlation: SpearmanCorrelation.Result
  /// The Benjamini–Hochberg adjusted p value, set with the report's other tests.
  package var adjustedPValue: Double?
}
