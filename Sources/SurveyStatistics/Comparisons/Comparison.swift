/// A test of a difference between two groups (or two waves), before and after the adjustment
/// for the many tests one report makes.
package struct Comparison: Sendable, Equatable {
  /// Which test was run.
  package enum Test: String, Sendable, CaseIterable {
    /// Welch's unequal-variance t test (means of scale scores and numbers).
    case welch = "Welch's t test"
    /// Pearson's chi-square test without continuity correction (shares, categorical items).
    case chiSquare = "Pearson's chi-square test"
    /// Fisher's exact test (a 2×2 table with an expected count below 5).
    case fisher = "Fisher's exact test"
    /// The Mann–Whitney U test with tie and continuity correction (single ordinal items).
    case mannWhitney = "Mann-Whitney U test"
    /// The paired t test (the same respondents in two waves).
    case pairedT = "paired t test"
    /// McNemar's exact test (a share, the same respondents in two waves).
    case mcnemar = "McNemar's exact test"
    /// The design-based t test of a weighted survey (R's `svyttest`).
    case designBasedT = "design-based t test"
    /// The second-order Rao–Scott F test of a weighted table (R's `svychisq`).
    case raoScottF = "Rao-Scott F test"
  }

  /// The measure of effect size attached to a comparison.
  package enum Effect: String, Sendable {
    /// Cohen's d with the pooled standard deviation (Welch) or the SD of the differences (paired).
    case cohensD = "Cohen's d"
    /// Cramér's V (|φ| for a 2×2 table).
    case cramersV = "Cramér's V"
    /// The rank-biserial correlation `2U₁/(n₁n₂) − 1`.
    case rankBiserial = "rank-biserial r"
  }

  /// The test.
  package var test: Test
  /// The first group's estimate minus the second's (a share difference as a proportion, a mean
  /// difference in the scale's units); nil for tests of a whole distribution.
  package var difference: Double?
  /// The interval of the difference (Newcombe for shares, Welch or paired t for means).
  package var interval: ConfidenceInterval?
  /// The test statistic (t, X², U₁, or b for McNemar).
  package var statistic: Double
  /// The degrees of freedom, when the statistic has them.
  package var degreesOfFreedom: Double?
  /// The two-sided p value.
  package var pValue: Double
  /// The Benjamini–Hochberg adjusted p value over the tests of one report (set by
  /// ``ComparisonFamily``).
  package var adjustedPValue: Double?
  /// The effect size.
  package var effect: Double?
  /// What the effect size is.
  package var effectKind: Effect?
  /// The respondents in the first group.
  package var firstCount: Int
  /// The respondents in the second group.
  package var secondCount: Int

  /// Whether the difference holds at the 5 % false-discovery rate (the adjusted p value when
  /// there is one, else the raw one).
  package var isSignificant: Bool { (adjustedPValue ?? pValue) < 0.05 }
}

/// The tests one report makes, adjusted together with Benjamini–Hochberg.
package enum ComparisonFamily {
  /// Sets the adjusted p value of every comparison, over all of them at once.
  ///
  /// - Parameter comparisons: Every comparison one report shows, in any order.
  package static func adjust(_ comparisons: inout [Comparison]) {
    guard let adjusted = PValueAdjustment.adjusted(comparisons.map(\.pValue)) else { return }
    for index in comparisons.indices { comparisons[index].adjustedPValue = adjusted[index] }
  }
}
