import CSQLite
import Foundation

// Column getters read the current row after step() returned .row. Columns are 0-based. A column
// index that does not exist reads as NULL (SQLite returns its static NULL value), so these
// getters cannot fail; values are converted the way SQLite converts them (NULL reads as 0, an
// empty string or an empty blob).
extension SQLiteStatement {
  /// The storage class of a column in the current row.
  ///
  /// - Parameter column: The 0-based column.
  package func columnType(at column: Int) -> SQLiteColumnType {
    SQLiteColumnType(code: sqlite3_column_type(handle, Self.column(column)))
  }

  /// Whether a column in the current row is `NULL`.
  ///
  /// - Parameter column: The 0-based column.
  package func isNull(at column: Int) -> Bool {
    sqlite3_column_type(handle, Self.column(column)) == SQLITE_NULL
  }

  /// A column as a 64-bit integer (`NULL` reads as 0).
  ///
  /// - Parameter column: The 0-based column.
  package func int64(at column: Int) -> Int64 {
    sqlite3_column_int64(handle, Self.column(column))
  }

  /// A column as an integer (`NULL` reads as 0).
  ///
  /// - Parameter column: The 0-based column.
  package func int(at column: Int) -> Int {
    Int(truncatingIfNeeded: sqlite3_column_int64(handle, Self.column(column)))
  }

  /// A column as a double (`NULL` reads as 0).
  ///
  /// - Parameter column: The 0-based column.
  package func double(at column: Int) -> Double {
    sqlite3_column_double(handle, Self.column(column))
  }

  /// A column as text, with any NUL characters kept (`NULL` reads as an empty string). Invalid
  /// UTF-8 is repaired with replacement characters.
  ///
  /// - Parameter column: The 0-based column.
  package func string(at column: Int) -> String {
    let index = Self.column(column)
    guard let text = sqlite3_column_text(handle, index) else { return "" }
    let count = Int(sqlite3_column_bytes(handle, index))
    return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
  }

  /// A column as bytes (`NULL` and an empty blob both read as an empty array; use ``isNull(at:)``
  /// to tell them apart).
  ///
  /// - Parameter column: The 0-based column.
  package func blob(at column: Int) -> [UInt8] {
    let index = Self.column(column)
    guard let bytes = sqlite3_column_blob(handle, index) else { return [] }
    let count = Int(sqlite3_column_bytes(handle, index))
    return Array(UnsafeRawBufferPointer(start: bytes, count: count))
  }

  /// A column as `Data` (`NULL` reads as empty data).
  ///
  /// - Parameter column: The 0-based column.
  package func data(at column: Int) -> Data {
    let index = Self.column(column)
    guard let bytes = sqlite3_column_blob(handle, index) else { return Data() }
    return Data(bytes: bytes, count: Int(sqlite3_column_bytes(handle, index)))
  }

  /// A column with its own storage class.
  ///
  /// - Parameter column: The 0-based column.
  package func value(at column: Int) -> SQLiteValue {
    switch columnType(at: column) {
    case .null: .null
    case .integer: .integer(int64(at: column))
    case .real: .real(double(at: column))
    case .text: .text(string(at: column))
    case .blob: .blob(blob(at: column))
    }
  }

  /// Every column of the current row, with their own storage classes.
  package var row: [SQLiteValue] {
    (0..<columnCount).map { value(at: $0) }
  }
}

extension SQLiteStatement {
  /// The column as SQLite's `Int32`; columns beyond its range clamp to one SQLite reads as NULL.
  private static func column(_ column: Int) -> Int32 {
    Int32(clamping: column)
  }
}
