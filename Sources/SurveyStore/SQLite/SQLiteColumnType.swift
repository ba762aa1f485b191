import CSQLite

/// The storage class of one value in a result row, as reported by `sqlite3_column_type`.
package enum SQLiteColumnType: Sendable, Hashable {
  /// A 64-bit signed integer.
  case integer
  /// An IEEE 754 double.
  case real
  /// UTF-8 text.
  case text
  /// Raw bytes.
  case blob
  /// SQL `NULL`.
  case null

  /// Maps an `SQLITE_INTEGER`... `SQLITE_NULL` constant to a case.
  init(code: Int32) {
    switch code {
    case SQLITE_INTEGER: self = .integer
    case SQLITE_FLOAT: self = .real
    case SQLITE_TEXT: self = .text
    case SQLITE_BLOB: self = .blob
    default: self = .null
    }
  }
}
