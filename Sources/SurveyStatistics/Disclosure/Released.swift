/// A value that passed disclosure control, or why it did not.
package enum Released<Value: Sendable & Equatable>: Sendable, Equatable {
  /// The value may be shown.
  case shown(Value)
  /// The value is withheld; render the message (e.g. "fewer than 10 responses") instead.
  case withheld(DisclosureRule, message: String)

  /// The shown value, or nil.
  package var value: Value? {
    if case .shown(let value) = self { value } else { nil }
  }
}

/// A percentage as a report may show it.
package enum PercentDisplay: Sendable, Equatable {
  /// A whole percentage, in 5-point steps for small groups.
  case value(Int)
  /// "under N %" (the count is below the cell minimum, or 0 in a small group).
  case below(Int)
  /// "over N %".
  case above(Int)

  /// Whether the value is exact (not a bound).
  package var isExact: Bool {
    if case .value = self { true } else { false }
  }
}

/// A share after disclosure control.
package struct ReleasedShare: Sendable, Equatable {
  /// The percentage, or a bound.
  package var percent: PercentDisplay
  /// The interval in whole percentage points (only for exact percentages).
  package var interval: ClosedRange<Int>?
  /// The respondents behind it, as a band.
  package var size: SizeBand
  /// Whether weights were used.
  package var isWeighted: Bool
  /// Kish's effective n below 30 or an interval wider than 30 points (NCHS).
  package var isLowPrecision: Bool

  /// Creates a released share.
  package init(
    percent: PercentDisplay, interval: ClosedRange<Int>?, size: SizeBand, isWeighted: Bool,
    isLowPrecision: Bool
  ) {
    self.percent = percent
    self.interval = interval
    self.size = size
    self.isWeighted = isWeighted
    self.isLowPrecision = isLowPrecision
  }
}

/// A mean after disclosure control, rounded for its group size. Never a minimum or maximum.
package struct ReleasedMean: Sendable, Equatable {
  /// The mean.
  package var mean: Double
  /// Its interval.
  package var interval: ClosedRange<Double>?
  /// The standard deviation.
  package var standardDeviation: Double?
  /// The median.
  package var median: Double?
  /// The lower quartile.
  package var lowerQuartile: Double?
  /// The upper quartile.
  package var upperQuartile: Double?
  /// The decimals every number was rounded to.
  package var decimals: Int
  /// The respondents behind it, as a band.
  package var size: SizeBand
  /// Whether weights were used.
  package var isWeighted: Bool
  /// Kish's effective n below 30.
  package var isLowPrecision: Bool
}

/// A share or a mean after disclosure control.
package enum ReleasedEstimate: Sendable, Equatable {
  case share(ReleasedShare)
  case mean(ReleasedMean)

  /// The respondents behind it.
  package var size: SizeBand {
    switch self {
    case .share(let share): share.size
    case .mean(let mean): mean.size
    }
  }

  /// Whether the value is exact rather than a bound.
  package var isExact: Bool {
    switch self {
    case .share(let share): share.percent.isExact
    case .mean: true
    }
  }
}

/// A comparison after disclosure control: rounded like the estimates it compares.
package struct ReleasedComparison: Sendable, Equatable {
  /// The test.
  package var test: Comparison.Test
  /// The difference (percentage points for shares, the scale's units for means), rounded.
  package var difference: Double?
  /// Its interval, rounded.
  package var interval: ClosedRange<Double>?
  /// Decimals of the difference and interval.
  package var decimals: Int
  /// Whether the difference is in percentage points.
  package var isPercentagePoints: Bool
  /// The test statistic, rounded to 2 decimals.
  package var statistic: Double
  /// The degrees of freedom, rounded to 1 decimal.
  package var degreesOfFreedom: Double?
  /// The p value, rounded to 3 decimals (0 means "< 0.001").
  package var pValue: Double
  /// The Benjamini–Hochberg adjusted p value, rounded to 3 decimals.
  package var adjustedPValue: Double?
  /// The effect size, rounded to 2 decimals.
  package var effect: Double?
  /// What the effect size is.
  package var effectKind: Comparison.Effect?
  /// Significant at a 5 % false-discovery rate.
  package var isSignificant: Bool
}

/// An item's answer distribution after disclosure control.
package struct ReleasedDistribution: Sendable, Equatable {
  /// One row: an answer (or a band of answers) and its share.
  package struct Row: Sendable, Equatable {
    /// The answer codes the row covers (one code, or several when collapsed).
    package var codes: [Int]
    /// The share of respondents who gave them.
    package var percent: PercentDisplay
  }

  /// The rows, in code order.
  package var rows: [Row]
  /// Whether answers were collapsed into bands to pass the cell rule.
  package var isCollapsed: Bool
  /// The respondents who answered, as a band.
  package var size: SizeBand
}
