import Foundation

/// Fisher's exact test for a 2×2 table, two-sided, exactly as `scipy.stats.fisher_exact`.
///
/// Conditional on the margins, `a` is hypergeometric. The p value sums the probabilities of all
/// tables no more likely than the observed one, using scipy's relative tolerance `1 + 10⁻¹⁴`
/// and its search from the mode (R's `fisher.test` uses `1 + 10⁻⁷`; the two differ only for
/// near-ties). The odds ratio is the sample (unconditional) `ad/(bc)`, as scipy reports it, not
/// R's conditional maximum-likelihood estimate.
package enum FisherExactTest {
  /// The result of Fisher's exact test.
  package struct Result: Sendable, Equatable {
    /// The sample odds ratio `ad/(bc)`: `+infinity` when `bc = 0`; nil when a margin is 0.
    package var oddsRatio: Double?
    /// The two-sided p value (1 when a margin is 0).
    package var pValue: Double
  }

  /// Runs the two-sided test.
  ///
  /// - Parameter table: The 2×2 counts.
  /// - Returns: The result; a table with an empty row or column gives p = 1 and no odds ratio.
  /// - Complexity: O(min(row, column totals)) pmf evaluations.
  package static func twoSided(_ table: TwoByTwoTable) -> Result {
    let (a, b, c, d) = (table.a, table.b, table.c, table.d)
    let n1 = a + b
    let n2 = c + d
    let n = a + c
    guard n1 > 0, n2 > 0, n > 0, b + d > 0,
      let distribution = HypergeometricDistribution(population: n1 + n2, successes: n1, draws: n)
    else { return Result(oddsRatio: nil, pValue: 1) }
    let oddsRatio =
      (c > 0 && b > 0) ? Double(a) * Double(d) / (Double(c) * Double(b)) : Double.infinity
    let modeValue = Double(n + 1) * Double(n1 + 1) / Double(n1 + n2 + 2)
    let mode = Int(modeValue)
    let pExact = distribution.pmf(a)
    let pMode = distribution.pmf(mode)
    let epsilon = 1e-14
    let gamma = 1 + epsilon
    var pValue: Double
    if abs(pExact - pMode) / max(pExact, pMode) <= epsilon {
      pValue = 1
    } else if a < mode {
      let lower = distribution.cdf(a)
      if distribution.pmf(n) > pExact * gamma { return Result(oddsRatio: oddsRatio, pValue: lower) }
      let guess = BinomialTest.binarySearch(low: mode, high: n, target: -pExact * gamma) {
        -distribution.pmf($0)
      }
      pValue = lower + distribution.sf(guess)
    } else {
      let upper = distribution.sf(a - 1)
      if distribution.pmf(0) > pExact * gamma { return Result(oddsRatio: oddsRatio, pValue: upper) }
      let guess = BinomialTest.binarySearch(low: 0, high: mode, target: pExact * gamma) {
        distribution.pmf($0)
      }
      pValue = upper + distribution.cdf(guess)
    }
    return Result(oddsRatio: oddsRatio, pValue: min(1, pValue))
  }
}
