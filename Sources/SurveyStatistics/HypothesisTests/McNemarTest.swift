import Foundation

/// McNemar's test for paired binary data, from the discordant pairs of a 2×2 table.
///
/// With `b` = yes→no and `c` = no→yes (the off-diagonal cells of ``TwoByTwoTable``):
/// the exact p value is the two-sided binomial test of b out of b + c at ½
/// (``BinomialTest``, as `scipy.stats.binomtest`); the chi-square form is `(b − c)²/(b + c)`,
/// or `(|b − c| − 1)²/(b + c)` with continuity correction, on 1 degree of freedom (R's
/// `mcnemar.test`, which skips the correction when `b = c`, giving 0 rather than `1/(b + c)`).
package enum McNemarTest {
  /// The result of McNemar's test.
  package struct Result: Sendable, Equatable {
    /// The chi-square statistic, or b for the exact test.
    package var statistic: Double
    /// The two-sided p value.
    package var pValue: Double
  }

  /// The exact (binomial) McNemar test.
  ///
  /// - Parameter table: The paired table; only `b` and `c` are used.
  /// - Returns: The result, or nil when there are no discordant pairs.
  /// - Complexity: O(log(b + c)).
  package static func exact(_ table: TwoByTwoTable) -> Result? {
    guard let test = BinomialTest.twoSided(successes: table.b, trials: table.b + table.c)
    else { return nil }
    return Result(statistic: Double(table.b), pValue: test.pValue)
  }

  /// The chi-square McNemar test on 1 degree of freedom.
  ///
  /// - Parameters:
  ///   - table: The paired table; only `b` and `c` are used.
  ///   - continuityCorrection: Whether to subtract 1 from `|b − c| > 0` (R's default is true).
  /// - Returns: The result, or nil when there are no discordant pairs.
  /// - Complexity: O(1).
  package static func chiSquare(_ table: TwoByTwoTable, continuityCorrection: Bool) -> Result? {
    let discordant = Double(table.b + table.c)
    guard discordant > 0, let chi = ChiSquaredDistribution(degreesOfFreedom: 1) else {
      return nil
    }
    var difference = abs(Double(table.b - table.c))
    if continuityCorrection && difference > 0 { difference -= 1 }
    let statistic = difference * difference / discordant
    return Result(statistic: statistic, pValue: chi.sf(statistic))
  }
}
