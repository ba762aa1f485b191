import Foundation

/// Spearman's rank correlation with its t-based p value.
///
/// ρ is Pearson's r of the average ranks; the p value refers `t = ρ·√((n−2)/(1−ρ²))` to Student's
/// t on n − 2 degrees of freedom (`scipy.stats.spearmanr`, and R's `cor.test(method =
/// "spearman", exact = FALSE)`). With |ρ| = 1 the statistic is infinite and p = 0.
package enum SpearmanCorrelation {
  /// The result of a Spearman correlation test.
  package struct Result: Sendable, Equatable {
    /// Spearman's ρ.
    package var rho: Double
    /// The t statistic (±infinity when |ρ| = 1).
    package var statistic: Double
    /// The degrees of freedom n − 2.
    package var degreesOfFreedom: Int
    /// The two-sided p value.
    package var pValue: Double
  }

  /// Computes ρ and its p value.
  ///
  /// - Parameters:
  ///   - x: The first variable.
  ///   - y: The second variable, paired with `x`.
  /// - Returns: The result, or nil when the lengths differ, n < 3, a value is not finite, or
  ///   either variable is constant.
  /// - Complexity: O(n log n).
  package static func test(_ x: [Double], _ y: [Double]) -> Result? {
    guard x.count == y.count, x.count >= 3, (x + y).allSatisfy(\.isFinite) else { return nil }
    let rx = averageRanks(x)
    let ry = averageRanks(y)
    let mean = Double(x.count + 1) / 2
    var sxy = 0.0
    var sxx = 0.0
    var syy = 0.0
    for (a, b) in zip(rx, ry) {
      sxy += (a - mean) * (b - mean)
      sxx += (a - mean) * (a - mean)
      syy += (b - mean) * (b - mean)
    }
    return result(sxy: sxy, sxx: sxx, syy: syy, count: x.count)
  }

  /// Computes ρ and its p value from counts of value pairs (average ranks for ties), so a
  /// correlation over any number of respondents needs memory only for the distinct pairs.
  ///
  /// - Parameter joint: The pair counts.
  /// - Returns: The result, or nil as for the sample form.
  /// - Complexity: O(k log k) for k distinct pairs.
  package static func test(_ joint: JointHistogram) -> Result? {
    let n = joint.count
    guard n >= 3 else { return nil }
    var xCounts: [Double: Int] = [:]
    var yCounts: [Double: Int] = [:]
    for (pair, count) in joint.counts {
      xCounts[pair.x, default: 0] += count
      yCounts[pair.y, default: 0] += count
    }
    let xRanks = averageRanks(counts: xCounts)
    let yRanks = averageRanks(counts: yCounts)
    let mean = Double(n + 1) / 2
    var sxy = 0.0
    var sxx = 0.0
    var syy = 0.0
    // Sorted, so the sums do not depend on the dictionary's order (reports are deterministic).
    let pairs = joint.counts.sorted { ($0.key.x, $0.key.y) < ($1.key.x, $1.key.y) }
    for (pair, count) in pairs {
      guard let a = xRanks[pair.x], let b = yRanks[pair.y] else { continue }
      let weight = Double(count)
      sxy += weight * (a - mean) * (b - mean)
      sxx += weight * (a - mean) * (a - mean)
      syy += weight * (b - mean) * (b - mean)
    }
    return result(sxy: sxy, sxx: sxx, syy: syy, count: n)
  }

  fileprivate static func result(sxy: Double, sxx: Double, syy: Double, count: Int) -> Result? {
    guard sxx > 0, syy > 0 else { return nil }
    let rho = max(-1, min(1, sxy / (sxx * syy).squareRoot()))
    let df = count - 2
    guard let t = StudentTDistribution(degreesOfFreedom: Double(df)) else { return nil }
    let denominator = (1 - rho) * (1 + rho)
    if denominator <= 0 {
      return Result(
        rho: rho, statistic: rho > 0 ? .infinity : -.infinity, degreesOfFreedom: df, pValue: 0)
    }
    let statistic = rho * (Double(df) / denominator).squareRoot()
    let p = min(1, 2 * t.tails(-abs(statistic)).lower)
    return Result(rho: rho, statistic: statistic, degreesOfFreedom: df, pValue: p)
  }
}

extension SpearmanCorrelation {
  fileprivate static func averageRanks(counts: [Double: Int]) -> [Double: Double] {
    var ranks: [Double: Double] = [:]
    var below = 0
    for (value, count) in counts.sorted(by: { $0.key < $1.key }) {
      ranks[value] = Double(below) + Double(count + 1) / 2
      below += count
    }
    return ranks
  }

  fileprivate static func averageRanks(_ values: [Double]) -> [Double] {
    let order = values.indices.sorted { values[$0] < values[$1] }
    var ranks = Array(repeating: 0.0, count: values.count)
    var start = 0
    while start < order.count {
      var end = start
      while end + 1 < order.count, values[order[end + 1]] == values[order[start]] { end += 1 }
      let rank = Double(start + end + 2) / 2
      for position in start...end { ranks[order[position]] = rank }
      start = end + 1
    }
    return ranks
  }
}
