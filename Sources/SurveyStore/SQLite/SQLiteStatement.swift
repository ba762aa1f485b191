import CSQLite

/// A compiled SQL statement, finalized when deinitialized.
///
/// Bind parameters with the `bind` methods (1-based positions, as in SQLite), call ``step()``
/// until it returns ``SQLiteStepResult/done``, reading each row with the column getters (0-based
/// columns). To reuse the statement in a bulk loop, call ``reset()`` and bind new values, or call
/// ``run()``, which steps to the end and resets in one go.
///
/// Threading: a statement belongs to its ``SQLiteConnection`` and follows the same rule of one
/// thread at a time; it keeps the connection open while it exists.
package final class SQLiteStatement {
  /// The `sqlite3_stmt *` handle, valid until deinit.
  let handle: OpaquePointer
  /// The connection the statement was prepared on.
  package let connection: SQLiteConnection
  /// The SQL text the statement was prepared from.
  package let sql: String

  /// Wraps a freshly prepared handle; only ``SQLiteConnection/prepare(_:persistent:)`` calls it.
  init(handle: OpaquePointer, connection: SQLiteConnection, sql: String) {
    self.handle = handle
    self.connection = connection
    self.sql = sql
  }

  /// Finalizes the statement, releasing its resources in SQLite.
  deinit {
    sqlite3_finalize(handle)
  }

  /// Runs the statement until the next result row or the end.
  ///
  /// After ``SQLiteStepResult/done`` (or an error), call ``reset()`` before binding new values.
  ///
  /// - Returns: ``SQLiteStepResult/row`` when a row can be read, ``SQLiteStepResult/done`` when
  ///   the statement has finished.
  /// - Throws: ``SQLiteError``, for example of kind ``SQLiteError/Kind/constraint`` or
  ///   ``SQLiteError/Kind/busy``.
  @discardableResult
  package func step() throws -> SQLiteStepResult {
    let code = sqlite3_step(handle)
    if code == SQLITE_ROW { return .row }
    if code == SQLITE_DONE { return .done }
    throw connection.makeError(code: code, sql: sql)
  }

  /// Steps until the statement is done, ignoring any rows, then resets it (keeping the bindings)
  /// so it is ready for the next set of values; it is reset even when a step fails.
  ///
  /// - Throws: ``SQLiteError`` from the failing step.
  package func run() throws {
    defer { reset() }
    while try step() == .row {}
  }

  /// Rewinds the statement so it can run again; bound values are kept.
  ///
  /// `sqlite3_reset` repeats the error of a failed last step, which ``step()`` already threw, so
  /// its result is ignored.
  package func reset() {
    sqlite3_reset(handle)
  }

  /// Sets every parameter back to `NULL`.
  package func clearBindings() {
    sqlite3_clear_bindings(handle)
  }

  /// The number of parameters (the largest parameter position).
  package var parameterCount: Int { Int(sqlite3_bind_parameter_count(handle)) }

  /// The 1-based position of a named parameter such as `:name`, `@name` or `$name`.
  ///
  /// - Parameter name: The name including its prefix character.
  /// - Returns: The position, or `nil` if the statement has no such parameter.
  package func parameterIndex(named name: String) -> Int? {
    let index = sqlite3_bind_parameter_index(handle, name)
    return index == 0 ? nil : Int(index)
  }

  /// The number of columns in each result row (0 for statements that return none).
  package var columnCount: Int { Int(sqlite3_column_count(handle)) }

  /// The name of a result column: its `AS` alias, or a name SQLite chooses.
  ///
  /// - Parameter column: The 0-based column.
  /// - Returns: The name, or an empty string for a column that does not exist.
  package func columnName(at column: Int) -> String {
    guard let name = sqlite3_column_name(handle, Int32(clamping: column)) else { return "" }
    return String(cString: name)
  }

  /// Whether the statement only reads (a `SELECT`, or a read-only `PRAGMA`).
  package var isReadOnly: Bool { sqlite3_stmt_readonly(handle) != 0 }

  /// Throws the connection's error unless `code` is `SQLITE_OK`.
  ///
  /// - Parameter code: The result of an SQLite call on this statement.
  func check(_ code: Int32) throws {
    guard code == SQLITE_OK else { throw connection.makeError(code: code, sql: sql) }
  }
}
