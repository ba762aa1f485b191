import Foundation

extension CodeHistogram {
  /// The mean, variance and t interval of the substantive answers.
  ///
  /// Computed exactly from the counts in two passes over the distinct codes.
  ///
  /// - Returns: The summary, or nil when there are no substantive answers.
  /// - Complexity: O(k log k) for k distinct codes.
  package var summary: SampleSummary? {
    let entries = sortedCounts
    let n = entries.reduce(0) { $0 + $1.count }
    guard n > 0 else { return nil }
    let total = entries.reduce(0.0) { $0 + Double($1.code) * Double($1.count) }
    let mean = total / Double(n)
    let squares = entries.reduce(0.0) {
      let deviation = Double($1.code) - mean
      return $0 + deviation * deviation * Double($1.count)
    }
    return SampleSummary(count: n, mean: mean, sumOfSquares: squares)
  }

  /// The mean of the substantive answers; nil when there are none.
  package var mean: Double? { summary?.mean }

  /// The standard deviation (`n − 1` divisor); nil when n < 2.
  package var standardDeviation: Double? { summary?.standardDeviation }

  /// The sample quantile of type 7, R's default (`quantile(x, p)`), also numpy's default.
  ///
  /// With the answers sorted as `x₁ ≤ … ≤ xₙ`, `h = 1 + (n − 1)·p`, and the result is
  /// `(1 − f)·x_⌊h⌋ + f·x_⌊h⌋₊₁` with `f = h − ⌊h⌋`. The order statistics are read from the
  /// cumulative counts, so no list of answers is ever built.
  ///
  /// - Parameter p: The probability in [0, 1].
  /// - Returns: The quantile, or nil when there are no answers or `p` is outside [0, 1].
  /// - Complexity: O(k log k) for k distinct codes.
  package func quantile(_ p: Double) -> Double? {
    guard p >= 0, p <= 1 else { return nil }
    let entries = sortedCounts
    let n = entries.reduce(0) { $0 + $1.count }
    guard n > 0 else { return nil }
    let index = 1 + Double(n - 1) * p
    let low = index.rounded(.down)
    let fraction = index - low
    let lowRank = Int(low)
    guard let lowValue = Self.orderStatistic(lowRank, in: entries) else { return nil }
    guard fraction > 0, let highValue = Self.orderStatistic(lowRank + 1, in: entries),
      highValue != lowValue
    else { return lowValue }
    return (1 - fraction) * lowValue + fraction * highValue
  }

  /// The median (type-7 quantile at ½); nil when there are no answers.
  package var median: Double? { quantile(0.5) }

  /// The lower quartile (type-7 quantile at ¼); nil when there are no answers.
  package var lowerQuartile: Double? { quantile(0.25) }

  /// The upper quartile (type-7 quantile at ¾); nil when there are no answers.
  package var upperQuartile: Double? { quantile(0.75) }

  /// The share of substantive answers with the given code.
  ///
  /// - Parameter code: The answer code.
  /// - Returns: `count(code)/n`, or nil when there are no substantive answers.
  package func share(of code: Int) -> Double? {
    let n = count
    guard n > 0 else { return nil }
    return Double(counts[code] ?? 0) / Double(n)
  }
}

extension CodeHistogram {
  /// The `rank`-th smallest answer (1-based) from sorted counts.
  fileprivate static func orderStatistic(_ rank: Int, in entries: [(code: Int, count: Int)])
    -> Double?
  {
    var seen = 0
    for entry in entries {
      seen += entry.count
      if rank <= seen { return Double(entry.code) }
    }
    return nil
  }
}
