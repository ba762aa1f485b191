/// One indicator for the respondents who answered in both of two waves: the 2×2 table of a
/// share's condition (earlier wave in rows, later in columns) and the moments of the change in
/// a mean (later minus earlier).
package struct PairedAccumulator: Sendable, Equatable {
  /// Earlier true/false against later true/false, for McNemar's test.
  package var table = TwoByTwoTable()
  /// Pairs with a known change in value.
  package private(set) var count = 0
  private var mean = 0.0
  private var squares = 0.0

  /// Creates an empty accumulator.
  package init() {}

  /// Records one respondent's values in the earlier and the later wave.
  package mutating func add(earlier: Double?, later: Double?, isShare: Bool) {
    guard let earlier, let later, earlier.isFinite, later.isFinite else { return }
    if isShare { table.add(first: earlier == 1, second: later == 1) }
    count += 1
    let change = later - earlier
    let delta = change - mean
    mean += delta / Double(count)
    squares += delta * (change - mean)
  }

  /// The changes' count, mean and sum of squares.
  package var changes: SampleSummary? {
    count > 0 ? SampleSummary(count: count, mean: mean, sumOfSquares: squares) : nil
  }
}

extension Comparison {
  /// Compares the same respondents across two waves: McNemar's exact test for a share, the
  /// paired t test for a mean. The difference is later minus earlier.
  ///
  /// - Parameters:
  ///   - pairs: The indicator's paired values.
  ///   - isShare: Whether the indicator is a share.
  ///   - level: The confidence level of the interval (paired t only).
  /// - Returns: The comparison, or nil when the test is undefined (no discordant pairs, fewer
  ///   than 2 pairs, or every change equal).
  package static func paired(
    _ pairs: PairedAccumulator, isShare: Bool, level: Double = 0.95
  ) -> Comparison? {
    if isShare {
      let table = pairs.table
      guard let result = McNemarTest.exact(table), table.total > 0 else { return nil }
      let total = Double(table.total)
      return Comparison(
        test: .mcnemar, difference: Double(table.c - table.b) / total, interval: nil,
        statistic: result.statistic, degreesOfFreedom: nil, pValue: result.pValue, effect: nil,
        effectKind: nil, firstCount: table.total, secondCount: table.total)
    }
    guard let changes = pairs.changes, let result = TTest.oneSample(changes, level: level),
      let sd = changes.standardDeviation
    else { return nil }
    return Comparison(
      test: .pairedT, difference: result.estimate, interval: result.confidenceInterval,
      statistic: result.statistic, degreesOfFreedom: result.degreesOfFreedom,
      pValue: result.pValue, effect: sd > 0 ? result.estimate / sd : nil, effectKind: .cohensD,
      firstCount: changes.count, secondCount: changes.count)
  }
}
