import CSQLite

/// An open connection to one SQLite database file; the file is closed when the connection is
/// deinitialized (after every statement prepared on it, since statements keep it alive).
///
/// Threading: one connection per thread. The connection is opened with `SQLITE_OPEN_NOMUTEX`
/// (SQLite's multi-thread mode), so SQLite does no locking of its own on the connection, and the
/// class is deliberately not `Sendable`: a connection and its statements must stay on the thread
/// or task that opened them. Separate connections, even to the same file, may run concurrently;
/// SQLite's file locks and the busy timeout coordinate them. A writer that cannot get the lock
/// within the busy timeout fails with a ``SQLiteError`` of kind ``SQLiteError/Kind/busy``
/// instead of waiting forever or touching the other writer's data.
package final class SQLiteConnection {
  /// The path the connection was opened with (`":memory:"` for an in-memory database).
  package let path: String
  /// How the file was opened.
  package let mode: SQLiteOpenMode
  /// The `sqlite3 *` handle, valid until deinit.
  let handle: OpaquePointer
  /// Whether the file was opened as immutable: read-only, with no locks and no `-wal` or `-shm`
  /// file, because its folder cannot be written (see ``init(path:mode:busyTimeout:immutable:)``).
  package let isImmutable: Bool

  /// Opens (or creates) a database and checks that the file really is an SQLite database.
  ///
  /// SQLite opens files lazily, so this reads the schema version once: a file that is not a
  /// database, or is corrupt, is reported here rather than by the first query.
  ///
  /// - Parameters:
  ///   - path: The file's path, or `":memory:"` for a private in-memory database.
  ///   - mode: Read-only, read-write, or read-write creating the file (the default).
  ///   - busyTimeout: How long to wait for another connection's lock before failing with
  ///     ``SQLiteError/Kind/busy``; 5 seconds by default, zero or negative to fail at once.
  ///   - immutable: Open read-only as immutable at once (for tests; a read-only open falls back
  ///     to it by itself when it is needed and safe).
  ///
  /// A read-only open of a database in WAL mode whose folder cannot be written (so SQLite cannot
  /// create its `-wal` and `-shm` files) is retried as immutable when no changes wait in a
  /// `-wal` file: nobody can be writing the file then (see ``isImmutable``).
  /// - Throws: ``SQLiteError`` of kind ``SQLiteError/Kind/cannotOpen``,
  ///   ``SQLiteError/Kind/notADatabase``, ``SQLiteError/Kind/corrupt``,
  ///   ``SQLiteError/Kind/readOnly`` (a folder that cannot be written with changes still in the
  ///   `-wal` file) or ``SQLiteError/Kind/busy``.
  package init(
    path: String,
    mode: SQLiteOpenMode = .readWriteCreate,
    busyTimeout: Duration = .seconds(5),
    immutable: Bool = false
  ) throws {
    self.path = path
    self.mode = mode
    if immutable, mode == .readOnly {
      handle = try Self.openImmutable(path: path, busyTimeout: busyTimeout)
      isImmutable = true
      return
    }
    do {
      handle = try Self.open(path: path, flags: mode.flags, busyTimeout: busyTimeout)
      isImmutable = false
    } catch let error as SQLiteError where mode == .readOnly {
      handle = try Self.reopenImmutably(path: path, after: error, busyTimeout: busyTimeout)
      isImmutable = true
    }
  }

  /// Closes the database. Statements hold a strong reference to their connection, so none is
  /// outstanding here; `sqlite3_close_v2` would defer the close until they were finalized anyway.
  deinit {
    sqlite3_close_v2(handle)
  }

  /// Runs SQL that returns no rows; several statements separated by semicolons are allowed.
  ///
  /// - Parameter sql: The SQL script.
  /// - Throws: ``SQLiteError`` for the first statement that fails; earlier ones stay applied
  ///   unless the script runs inside a transaction.
  package func execute(_ sql: String) throws {
    let code = sqlite3_exec(handle, sql, nil, nil, nil)
    guard code == SQLITE_OK else { throw makeError(code: code, sql: sql) }
  }

  /// Compiles one SQL statement for running with ``SQLiteStatement/step()``.
  ///
  /// - Parameters:
  ///   - sql: Exactly one statement; trailing whitespace, semicolons and comments are fine.
  ///   - persistent: Pass `true` for a statement that will be reused many times (a bulk insert);
  ///     SQLite then allocates it from the heap instead of its lookaside pool.
  /// - Returns: The prepared statement, which keeps this connection open while it exists.
  /// - Throws: ``SQLiteError`` for a syntax error, an unknown table or column, or SQL holding
  ///   zero or several statements.
  package func prepare(_ sql: String, persistent: Bool = false) throws -> SQLiteStatement {
    let flags = persistent ? UInt32(SQLITE_PREPARE_PERSISTENT) : 0
    var prepared: OpaquePointer?
    var trailing = false
    let code = sql.withCString { start in
      var tail: UnsafePointer<CChar>?
      let code = sqlite3_prepare_v3(handle, start, -1, flags, &prepared, &tail)
      if code == SQLITE_OK, let tail {
        trailing = hasStatement(in: tail, flags: flags)
      }
      return code
    }
    guard code == SQLITE_OK else { throw makeError(code: code, sql: sql) }
    guard let prepared else {
      throw misuse("prepare() needs an SQL statement but got none", sql: sql)
    }
    guard !trailing else {
      sqlite3_finalize(prepared)
      throw misuse("prepare() takes one SQL statement; use execute() for several", sql: sql)
    }
    return SQLiteStatement(handle: prepared, connection: self, sql: sql)
  }

  /// The rowid of the most recent successful `INSERT` on this connection (0 if none).
  package var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

  /// The number of rows changed by the most recent `INSERT`, `UPDATE` or `DELETE`.
  package var changes: Int { Int(sqlite3_changes64(handle)) }

  /// The number of rows changed by all statements since the connection was opened.
  package var totalChanges: Int { Int(sqlite3_total_changes64(handle)) }

  /// Whether the connection is outside any transaction (SQLite's autocommit mode).
  package var isAutocommit: Bool { sqlite3_get_autocommit(handle) != 0 }

  /// Changes how long the connection waits for another connection's lock.
  ///
  /// - Parameter timeout: The new timeout; zero or negative fails at once.
  /// - Throws: ``SQLiteError`` if SQLite rejects the setting.
  package func setBusyTimeout(_ timeout: Duration) throws {
    let code = sqlite3_busy_timeout(handle, Self.milliseconds(timeout))
    guard code == SQLITE_OK else { throw makeError(code: code, sql: nil) }
  }

  /// Builds an error from a failed call's result code and the connection's current message.
  ///
  /// - Parameters:
  ///   - code: The result code the call returned.
  ///   - sql: The SQL involved, if any.
  func makeError(code: Int32, sql: String?) -> SQLiteError {
    let extended = sqlite3_extended_errcode(handle)
    let message = sqlite3_errmsg(handle).map { String(cString: $0) } ?? "unknown error"
    return SQLiteError(
      extendedCode: extended & 0xFF == code & 0xFF ? extended : code,
      message: message,
      path: path,
      sql: sql
    )
  }

  /// Builds an `SQLITE_MISUSE` error for a mistake the wrapper detected itself.
  ///
  /// - Parameters:
  ///   - message: What was wrong.
  ///   - sql: The SQL involved, if any.
  func misuse(_ message: String, sql: String?) -> SQLiteError {
    SQLiteError(extendedCode: SQLITE_MISUSE, message: message, path: path, sql: sql)
  }
}

extension SQLiteConnection {
  /// Opens the file, sets the busy timeout and reads the schema version, closing the handle
  /// again if any step fails. The errors carry no SQL: the probe is not the user's.
  ///
  /// - Parameter reportedPath: The path errors name, when `path` is a URI.
  static func open(
    path: String, flags: Int32, busyTimeout: Duration, reportedPath: String? = nil
  ) throws -> OpaquePointer {
    let shown = reportedPath ?? path
    var opened: OpaquePointer?
    let code = sqlite3_open_v2(path, &opened, flags, nil)
    guard let handle = opened else {
      throw SQLiteError(
        extendedCode: SQLITE_NOMEM, message: "out of memory", path: shown, sql: nil)
    }
    var failure = code
    if failure == SQLITE_OK {
      failure = sqlite3_busy_timeout(handle, milliseconds(busyTimeout))
    }
    if failure == SQLITE_OK {
      failure = sqlite3_exec(handle, "PRAGMA schema_version", nil, nil, nil)
    }
    guard failure != SQLITE_OK else { return handle }
    let extended = sqlite3_extended_errcode(handle)
    let message = sqlite3_errmsg(handle).map { String(cString: $0) } ?? "unknown error"
    sqlite3_close_v2(handle)
    throw SQLiteError(
      extendedCode: extended & 0xFF == failure & 0xFF ? extended : failure,
      message: message,
      path: shown,
      sql: nil
    )
  }

  /// The timeout in whole milliseconds, clamped to what `sqlite3_busy_timeout` accepts.
  private static func milliseconds(_ duration: Duration) -> Int32 {
    let (seconds, attoseconds) = duration.components
    let (milliseconds, overflow) = seconds.multipliedReportingOverflow(by: 1000)
    if overflow { return seconds < 0 ? 0 : Int32.max }
    let total = milliseconds.addingReportingOverflow(attoseconds / 1_000_000_000_000_000)
    if total.overflow { return Int32.max }
    return Int32(clamping: max(0, total.partialValue))
  }

  /// Whether the SQL after a prepared statement holds another statement (not just whitespace,
  /// semicolons or comments).
  private func hasStatement(in text: UnsafePointer<CChar>, flags: UInt32) -> Bool {
    var rest = text
    while rest.pointee != 0 {
      var next: OpaquePointer?
      var tail: UnsafePointer<CChar>?
      let code = sqlite3_prepare_v3(handle, rest, -1, flags, &next, &tail)
      if let next {
        sqlite3_finalize(next)
        return true
      }
      guard code == SQLITE_OK, let tail, tail != rest else { return code != SQLITE_OK }
      rest = tail
    }
    return false
  }
}
