/// One SQLite value of any storage class, for code that does not know a column's type upfront.
package enum SQLiteValue: Sendable, Hashable {
  /// SQL `NULL`.
  case null
  /// A 64-bit signed integer.
  case integer(Int64)
  /// An IEEE 754 double. SQLite stores NaN as `NULL`.
  case real(Double)
  /// UTF-8 text; may contain NUL characters.
  case text(String)
  /// Raw bytes; may be empty, which is not the same as `NULL`.
  case blob([UInt8])

  /// The storage class of this value.
  package var type: SQLiteColumnType {
    switch self {
    case .null: .null
    case .integer: .integer
    case .real: .real
    case .text: .text
    case .blob: .blob
    }
  }
}
