import CSQLite
import Foundation

extension SQLiteStatement {
  /// Binds a 64-bit integer.
  ///
  /// - Parameters:
  ///   - value: The value.
  ///   - index: The 1-based parameter position.
  /// - Throws: ``SQLiteError`` of kind ``SQLiteError/Kind/misuse`` for a position out of range or
  ///   a statement that is running (call ``reset()`` first).
  package func bind(_ value: Int64, at index: Int) throws {
    try check(sqlite3_bind_int64(handle, position(index), value))
  }

  /// Binds an integer.
  ///
  /// - Parameters:
  ///   - value: The value, stored as a 64-bit integer.
  ///   - index: The 1-based parameter position.
  /// - Throws: ``SQLiteError`` as for ``bind(_:at:)-(Int64,_)``.
  package func bind(_ value: Int, at index: Int) throws {
    try check(sqlite3_bind_int64(handle, position(index), Int64(value)))
  }

  /// Binds a double.
  ///
  /// - Parameters:
  ///   - value: The value; SQLite stores NaN as `NULL`.
  ///   - index: The 1-based parameter position.
  /// - Throws: ``SQLiteError`` as for the integer overloads.
  package func bind(_ value: Double, at index: Int) throws {
    try check(sqlite3_bind_double(handle, position(index), value))
  }

  /// Binds text. The string's UTF-8 bytes are passed to SQLite in place (no copy for native Swift
  /// strings) and SQLite copies them once (`SQLITE_TRANSIENT`); NUL characters are kept.
  ///
  /// - Parameters:
  ///   - value: The text; an empty string is bound as empty text, not `NULL`.
  ///   - index: The 1-based parameter position.
  /// - Throws: ``SQLiteError`` as for the integer overloads, or `SQLITE_TOOBIG`.
  package func bind(_ value: String, at index: Int) throws {
    let position = position(index)
    var text = value
    let code = text.withUTF8 { bytes in
      csqlite_bind_text_transient(handle, position, bytes.baseAddress, UInt64(bytes.count))
    }
    try check(code)
  }

  /// Binds a blob; SQLite copies the bytes.
  ///
  /// - Parameters:
  ///   - value: The bytes; an empty array is bound as an empty blob, not `NULL`.
  ///   - index: The 1-based parameter position.
  /// - Throws: ``SQLiteError`` as for the integer overloads, or `SQLITE_TOOBIG`.
  package func bind(_ value: [UInt8], at index: Int) throws {
    let position = position(index)
    let code = value.withUnsafeBytes { bytes in
      csqlite_bind_blob_transient(handle, position, bytes.baseAddress, UInt64(bytes.count))
    }
    try check(code)
  }

  /// Binds a blob from `Data`; SQLite copies the bytes.
  ///
  /// - Parameters:
  ///   - value: The bytes; empty data is bound as an empty blob, not `NULL`.
  ///   - index: The 1-based parameter position.
  /// - Throws: ``SQLiteError`` as for the integer overloads, or `SQLITE_TOOBIG`.
  package func bind(_ value: Data, at index: Int) throws {
    let position = position(index)
    let code = value.withUnsafeBytes { bytes in
      csqlite_bind_blob_transient(handle, position, bytes.baseAddress, UInt64(bytes.count))
    }
    try check(code)
  }

  /// Binds SQL `NULL`.
  ///
  /// - Parameter index: The 1-based parameter position.
  /// - Throws: ``SQLiteError`` as for the integer overloads.
  package func bindNull(at index: Int) throws {
    try check(sqlite3_bind_null(handle, position(index)))
  }

  /// Binds a value of any storage class.
  ///
  /// - Parameters:
  ///   - value: The value.
  ///   - index: The 1-based parameter position.
  /// - Throws: ``SQLiteError`` as for the typed overloads.
  package func bind(_ value: SQLiteValue, at index: Int) throws {
    switch value {
    case .null: try bindNull(at: index)
    case .integer(let integer): try bind(integer, at: index)
    case .real(let real): try bind(real, at: index)
    case .text(let text): try bind(text, at: index)
    case .blob(let bytes): try bind(bytes, at: index)
    }
  }

  /// Binds any ``SQLiteBindable`` value, including optionals (`nil` binds `NULL`) and `Bool`.
  ///
  /// - Parameters:
  ///   - value: The value.
  ///   - index: The 1-based parameter position.
  /// - Throws: ``SQLiteError`` as for the typed overloads.
  package func bind(_ value: some SQLiteBindable, at index: Int) throws {
    try value.bind(to: self, at: index)
  }

  /// Binds values to positions 1, 2, 3, ... in order.
  ///
  /// - Parameter values: One value per parameter.
  /// - Throws: ``SQLiteError`` as for the typed overloads.
  package func bind(_ values: [any SQLiteBindable]) throws {
    for (offset, value) in values.enumerated() {
      try value.bind(to: self, at: offset + 1)
    }
  }

  /// Binds values to positions 1, 2, 3, ... and runs the statement (see ``run()``).
  ///
  /// - Parameter values: One value per parameter.
  /// - Throws: ``SQLiteError`` from binding or running.
  package func run(binding values: [any SQLiteBindable]) throws {
    try bind(values)
    try run()
  }
}

extension SQLiteStatement {
  /// The position as SQLite's `Int32`; positions beyond its range become 0, which SQLite rejects
  /// with `SQLITE_RANGE`.
  private func position(_ index: Int) -> Int32 {
    Int32(exactly: index) ?? 0
  }
}
