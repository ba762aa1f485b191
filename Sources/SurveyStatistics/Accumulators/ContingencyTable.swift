/// A mergeable r×c table of counts, for the chi-square test and Cramér's V.
///
/// The shape is fixed at creation. Merging adds cell counts, so a merge of tables built from
/// parts of the data equals the table of one pass over all of it.
package struct ContingencyTable: Sendable, Equatable {
  /// The number of rows r.
  package let rowCount: Int
  /// The number of columns c.
  package let columnCount: Int
  /// The cell counts in row-major order.
  package private(set) var cells: [Int]

  /// Creates an empty table.
  ///
  /// - Parameters:
  ///   - rows: r ≥ 1.
  ///   - columns: c ≥ 1.
  /// - Returns: nil when a dimension is less than 1.
  package init?(rows: Int, columns: Int) {
    guard rows >= 1, columns >= 1 else { return nil }
    rowCount = rows
    columnCount = columns
    cells = Array(repeating: 0, count: rows * columns)
  }

  /// Creates a table from rows of counts.
  ///
  /// - Parameter rows: Equal-length rows of non-negative counts.
  /// - Returns: nil when the rows are empty, ragged or hold a negative count.
  package init?(_ rows: [[Int]]) {
    guard let width = rows.first?.count, width >= 1,
      rows.allSatisfy({ $0.count == width && $0.allSatisfy { $0 >= 0 } })
    else { return nil }
    rowCount = rows.count
    columnCount = width
    cells = rows.flatMap { $0 }
  }

  /// The count in one cell; 0 outside the table.
  ///
  /// - Parameters:
  ///   - row: The row index.
  ///   - column: The column index.
  package subscript(row: Int, column: Int) -> Int {
    guard contains(row: row, column: column) else { return 0 }
    return cells[row * columnCount + column]
  }

  /// Adds observations to one cell.
  ///
  /// - Parameters:
  ///   - row: The row index.
  ///   - column: The column index.
  ///   - count: How many observations (non-positive values are ignored).
  /// - Returns: false when the cell lies outside the table.
  @discardableResult
  package mutating func add(row: Int, column: Int, count: Int = 1) -> Bool {
    guard contains(row: row, column: column) else { return false }
    if count > 0 { cells[row * columnCount + column] += count }
    return true
  }

  /// Adds another table of the same shape.
  ///
  /// - Parameter other: The table to merge in.
  /// - Returns: false (and no change) when the shapes differ.
  @discardableResult
  package mutating func merge(_ other: ContingencyTable) -> Bool {
    guard other.rowCount == rowCount, other.columnCount == columnCount else { return false }
    for index in cells.indices { cells[index] += other.cells[index] }
    return true
  }

  /// The table of both inputs; nil when the shapes differ.
  ///
  /// - Parameter other: The table to merge in.
  /// - Returns: The merged table.
  package func merged(with other: ContingencyTable) -> ContingencyTable? {
    var result = self
    return result.merge(other) ? result : nil
  }

  /// The rows as arrays of counts.
  package var rows: [[Int]] {
    (0..<rowCount).map { r in Array(cells[(r * columnCount)..<((r + 1) * columnCount)]) }
  }

  /// The total count N.
  package var total: Int { cells.reduce(0, +) }
}

extension ContingencyTable {
  fileprivate func contains(row: Int, column: Int) -> Bool {
    (0..<rowCount).contains(row) && (0..<columnCount).contains(column)
  }
}
