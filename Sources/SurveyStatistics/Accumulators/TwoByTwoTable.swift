/// A mergeable 2×2 table of counts `[[a, b], [c, d]]`.
///
/// Rows are the first variable (or wave 1 in a paired design), columns the second. For
/// McNemar's test `b` and `c` are the discordant pairs.
package struct TwoByTwoTable: Sendable, Equatable {
  /// Row 1, column 1.
  package var a: Int
  /// Row 1, column 2.
  package var b: Int
  /// Row 2, column 1.
  package var c: Int
  /// Row 2, column 2.
  package var d: Int

  /// Creates a table; negative counts are replaced by 0.
  ///
  /// - Parameters:
  ///   - a: Row 1, column 1.
  ///   - b: Row 1, column 2.
  ///   - c: Row 2, column 1.
  ///   - d: Row 2, column 2.
  package init(a: Int = 0, b: Int = 0, c: Int = 0, d: Int = 0) {
    self.a = max(0, a)
    self.b = max(0, b)
    self.c = max(0, c)
    self.d = max(0, d)
  }

  /// Records one observation.
  ///
  /// - Parameters:
  ///   - first: The row variable (true is row 1).
  ///   - second: The column variable (true is column 1).
  package mutating func add(first: Bool, second: Bool) {
    switch (first, second) {
    case (true, true): a += 1
    case (true, false): b += 1
    case (false, true): c += 1
    case (false, false): d += 1
    }
  }

  /// The table of both inputs.
  ///
  /// - Parameter other: The table to merge in.
  /// - Returns: The cell-wise sum.
  package func merged(with other: TwoByTwoTable) -> TwoByTwoTable {
    TwoByTwoTable(a: a + other.a, b: b + other.b, c: c + other.c, d: d + other.d)
  }

  /// The total count.
  package var total: Int { a + b + c + d }

  /// The same table as a general r×c table.
  package var contingencyTable: ContingencyTable? { ContingencyTable([[a, b], [c, d]]) }
}
