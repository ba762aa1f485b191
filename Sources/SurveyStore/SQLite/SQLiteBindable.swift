import Foundation

/// A Swift value that can be bound to a statement parameter.
///
/// The standard types bind as their natural SQLite storage class; `Optional` binds `NULL` for
/// `nil`; `Bool` binds 0 or 1.
package protocol SQLiteBindable {
  /// Binds this value to a parameter of `statement`.
  ///
  /// - Parameters:
  ///   - statement: The statement.
  ///   - index: The 1-based parameter position.
  /// - Throws: ``SQLiteError`` if SQLite rejects the binding.
  func bind(to statement: SQLiteStatement, at index: Int) throws
}

extension Int: SQLiteBindable {
  /// Binds as a 64-bit integer.
  package func bind(to statement: SQLiteStatement, at index: Int) throws {
    try statement.bind(self, at: index)
  }
}

extension Int64: SQLiteBindable {
  /// Binds as a 64-bit integer.
  package func bind(to statement: SQLiteStatement, at index: Int) throws {
    try statement.bind(self, at: index)
  }
}

extension Double: SQLiteBindable {
  /// Binds as a double.
  package func bind(to statement: SQLiteStatement, at index: Int) throws {
    try statement.bind(self, at: index)
  }
}

extension Bool: SQLiteBindable {
  /// Binds as the integer 1 or 0.
  package func bind(to statement: SQLiteStatement, at index: Int) throws {
    try statement.bind(self ? 1 : 0, at: index)
  }
}

extension String: SQLiteBindable {
  /// Binds as UTF-8 text.
  package func bind(to statement: SQLiteStatement, at index: Int) throws {
    try statement.bind(self, at: index)
  }
}

extension Array: SQLiteBindable where Element == UInt8 {
  /// Binds as a blob.
  package func bind(to statement: SQLiteStatement, at index: Int) throws {
    try statement.bind(self, at: index)
  }
}

extension Data: SQLiteBindable {
  /// Binds as a blob.
  package func bind(to statement: SQLiteStatement, at index: Int) throws {
    try statement.bind(self, at: index)
  }
}

extension SQLiteValue: SQLiteBindable {
  /// Binds with the value's own storage class.
  package func bind(to statement: SQLiteStatement, at index: Int) throws {
    try statement.bind(self, at: index)
  }
}

extension Optional: SQLiteBindable where Wrapped: SQLiteBindable {
  /// Binds the wrapped value, or `NULL` for `nil`.
  package func bind(to statement: SQLiteStatement, at index: Int) throws {
    switch self {
    case .none: try statement.bindNull(at: index)
    case .some(let value): try value.bind(to: statement, at: index)
    }
  }
}
