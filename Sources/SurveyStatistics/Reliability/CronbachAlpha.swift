import Foundation

/// Cronbach's alpha and the item statistics of `psych::alpha` (psych 2.2.9, R/alpha.R).
///
/// From the item covariance matrix C (pairwise-complete by default, as psych's
/// `use = "pairwise"`, or listwise) and R = `cov2cor(C)`:
///
/// * raw α = `k/(k−1)·(1 − tr C/ΣC)`; standardized α = `k/(k−1)·(1 − k/ΣR)`;
/// * average r = `(ΣR − k)/(k(k−1))`, S/N = `k·r̄/(1 − r̄)`;
/// * G6(smc) = `1 − (k − Σsmc)/ΣR`, `smc = 1 − 1/diag(R⁺)` clipped to [0, 1];
/// * ase = `√(Q/n)` with Duhachek & Iacobucci's Q, n = all rows;
/// * Feldt interval `1 − (1 − α)·F⁻¹(1 − p/2 | p/2; n−1, (n−1)(k−1))`;
/// * per item: α if dropped (raw and standardized; psych's special values when k = 2), raw.r =
///   cor(total, item) with total = the row mean of the answered items, std.r = `colSums(R)/√ΣR`,
///   r.cor (same with smc on the diagonal), r.drop = `(ΣC[,i] − C_ii)/√(C_ii·ΣC[−i,−i])`.
///
/// Items with zero variance (or fewer than two answers) are removed, as psych does; psych then
/// still adds the removed items' first-row values to the total score, which is replicated.
/// Reverse keying is the caller's job, with declared scale bounds.
package struct CronbachAlpha: Sendable, Equatable {
  /// How missing answers are handled.
  package enum MissingData: String, Sendable, CaseIterable {
    /// Each covariance from its own pairwise-complete rows (psych's default).
    case pairwise
    /// Only rows that answer every item.
    case listwise
  }

  /// Statistics of one retained item.
  package struct Item: Sendable, Equatable {
    /// The item's column in the input.
    package var column: Int
    /// The number of answers.
    package var count: Int
    /// The item mean.
    package var mean: Double
    /// The item standard deviation (`n − 1`).
    package var standardDeviation: Double
    /// Raw α of the scale without this item.
    package var rawAlphaIfDropped: Double
    /// Standardized α of the scale without this item.
    package var standardizedAlphaIfDropped: Double
    /// psych's `raw.r`: the correlation of the item with the total score.
    package var rawCorrelation: Double
    /// psych's `std.r`: the item–total correlation from R.
    package var standardizedCorrelation: Double
    /// psych's `r.cor`: `std.r` corrected for item overlap and reliability (smc diagonal).
    package var correctedCorrelation: Double
    /// psych's `r.drop`: the corrected item–total correlation (total without the item).
    package var dropCorrelation: Double
  }

  /// Raw alpha (Guttman's λ3).
  package let rawAlpha: Double
  /// Standardized alpha, from the correlation matrix.
  package let standardizedAlpha: Double
  /// Guttman's λ6 from squared multiple correlations, psych's `G6(smc)`.
  package let guttmanLambda6: Double
  /// The average inter-item correlation.
  package let averageCorrelation: Double
  /// The signal-to-noise ratio `k·r̄/(1 − r̄)`.
  package let signalToNoise: Double
  /// psych's `ase`, the asymptotic standard error of raw alpha.
  package let standardError: Double
  /// The mean of the total score (the row mean of answered items).
  package let mean: Double
  /// The standard deviation of the total score.
  package let standardDeviation: Double
  /// Feldt's confidence interval for raw alpha; nil with fewer than two rows.
  package let feldtInterval: ConfidenceInterval?
  /// The retained items.
  package let items: [Item]
  /// The number of rows n used for ase and the Feldt interval.
  package let rowCount: Int
  /// The columns removed for zero variance or fewer than two answers.
  package let removedColumns: [Int]

  /// Computes alpha from a data matrix.
  ///
  /// - Parameters:
  ///   - rows: One array per respondent, one entry per item; nil is a missing answer.
  ///   - missingData: Pairwise (default, as psych) or listwise deletion.
  ///   - level: The confidence level of the Feldt interval.
  /// - Returns: The statistics, or nil when the rows are empty or ragged, a value is not finite,
  ///   fewer than two items have variance, some pair of items has fewer than two rows in
  ///   common, or a variance of the total is zero.
  /// - Complexity: O(n·k²) plus O(k³) for the squared multiple correlations.
  package init?(
    rows: [[Double?]], missingData: MissingData = .pairwise, level: Double = 0.95
  ) {
    guard let input = Self.prepare(rows, missingData) else { return nil }
    guard let core = Self.compute(input, level: level) else { return nil }
    self = core
  }
}

extension CronbachAlpha {
  /// The memberwise initializer used by the computation.
  init(
    totals: (raw: Double, std: Double, g6: Double, averageR: Double, sn: Double, ase: Double),
    score: (mean: Double, sd: Double), feldt: ConfidenceInterval?, items: [Item],
    rowCount: Int, removed: [Int]
  ) {
    rawAlpha = totals.raw
    standardizedAlpha = totals.std
    guttmanLambda6 = totals.g6
    averageCorrelation = totals.averageR
    signalToNoise = totals.sn
    standardError = totals.ase
    mean = score.mean
    standardDeviation = score.sd
    feldtInterval = feldt
    self.items = items
    self.rowCount = rowCount
    removedColumns = removed
  }
}
