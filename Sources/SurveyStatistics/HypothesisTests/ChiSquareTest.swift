import Foundation

/// Pearson's chi-square test of independence for an r×c table, without Yates' correction.
///
/// `X² = Σ(O − E)²/E` with `E = rowTotal·columnTotal/N`, on `(r−1)(c−1)` degrees of freedom:
/// R's `chisq.test(correct = FALSE)` and `scipy.stats.chi2_contingency(correction = False)`.
/// Rows and columns whose total is 0 are removed first (they carry no information and would
/// make E zero); the result records which. Cramér's V is `√(X²/(N·(min(r,c) − 1)))`.
///
/// The result flags Cochran's rule: every expected count at least 1 and no more than 20% of
/// them below 5. When it fails the chi-square approximation is doubtful; collapse categories or,
/// for a 2×2 table, use ``FisherExactTest``.
package enum ChiSquareTest {
  /// The result of a chi-square test.
  package struct Result: Sendable, Equatable {
    /// The Pearson statistic X².
    package var statistic: Double
    /// The degrees of freedom `(r−1)(c−1)` after removing empty rows and columns.
    package var degreesOfFreedom: Int
    /// The p value from χ².
    package var pValue: Double
    /// The expected counts of the reduced table, row-major as rows.
    package var expected: [[Double]]
    /// Cramér's V (|φ| for a 2×2 table).
    package var cramersV: Double
    /// The smallest expected count.
    package var minimumExpected: Double
    /// The share of expected counts below 5.
    package var shareExpectedBelowFive: Double
    /// Whether Cochran's rule holds (all E ≥ 1 and at most 20% of E below 5).
    package var satisfiesCochranRule: Bool
    /// The indices of the rows removed because their total was 0.
    package var removedRows: [Int]
    /// The indices of the columns removed because their total was 0.
    package var removedColumns: [Int]
  }

  /// Runs the test on a table of counts.
  ///
  /// - Parameter table: The r×c counts.
  /// - Returns: The result, or nil when fewer than two rows or two columns have a non-zero
  ///   total.
  /// - Complexity: O(r·c).
  package static func pearson(_ table: ContingencyTable) -> Result? {
    let rows = table.rows
    let rowTotals = rows.map { $0.reduce(0, +) }
    let columnTotals = (0..<table.columnCount).map { c in rows.reduce(0) { $0 + $1[c] } }
    let keptRows = rowTotals.indices.filter { rowTotals[$0] > 0 }
    let keptColumns = columnTotals.indices.filter { columnTotals[$0] > 0 }
    guard keptRows.count >= 2, keptColumns.count >= 2 else { return nil }
    let n = Double(table.total)
    var statistic = 0.0
    var expected: [[Double]] = []
    var below = 0
    var minimum = Double.infinity
    for r in keptRows {
      var row: [Double] = []
      for c in keptColumns {
        let e = Double(rowTotals[r]) * Double(columnTotals[c]) / n
        let difference = Double(rows[r][c]) - e
        statistic += difference * difference / e
        row.append(e)
        minimum = min(minimum, e)
        if e < 5 { below += 1 }
      }
      expected.append(row)
    }
    let df = (keptRows.count - 1) * (keptColumns.count - 1)
    guard let chi = ChiSquaredDistribution(degreesOfFreedom: Double(df)) else { return nil }
    let cells = Double(keptRows.count * keptColumns.count)
    let share = Double(below) / cells
    let smaller = Double(min(keptRows.count, keptColumns.count) - 1)
    return Result(
      statistic: statistic, degreesOfFreedom: df, pValue: chi.sf(statistic), expected: expected,
      cramersV: (statistic / (n * smaller)).squareRoot(), minimumExpected: minimum,
      shareExpectedBelowFive: share, satisfiesCochranRule: minimum >= 1 && share <= 0.2,
      removedRows: rowTotals.indices.filter { rowTotals[$0] == 0 },
      removedColumns: columnTotals.indices.filter { columnTotals[$0] == 0 })
  }

  /// Runs the test on groups × answer codes built from histograms.
  ///
  /// Rows are the groups, columns the codes that occur in any group (ascending).
  ///
  /// - Parameter groups: One histogram per group (missing answers are ignored).
  /// - Returns: The result, or nil as for the table form.
  /// - Complexity: O(groups × codes).
  package static func pearson(groups: [CodeHistogram]) -> Result? {
    let codes = Set(groups.flatMap { $0.counts.keys }).sorted()
    guard let table = ContingencyTable(groups.map { h in codes.map { h.counts[$0] ?? 0 } })
    else { return nil }
    return pearson(table)
  }
}
