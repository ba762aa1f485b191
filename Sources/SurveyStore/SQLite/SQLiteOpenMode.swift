import CSQLite

/// How ``SQLiteConnection`` opens its database file.
package enum SQLiteOpenMode: Sendable, Hashable {
  /// Open an existing database for reading only; writes fail with ``SQLiteError/Kind/readOnly``.
  case readOnly
  /// Open an existing database for reading and writing; a missing file is an error.
  case readWrite
  /// Open a database for reading and writing, creating the file if it does not exist.
  case readWriteCreate

  /// The `sqlite3_open_v2` flags for this mode, always with `SQLITE_OPEN_NOMUTEX`.
  ///
  /// `SQLITE_OPEN_NOMUTEX` selects SQLite's multi-thread mode: the library does no locking on
  /// the connection itself, which is correct because a connection is only ever used by one thread
  /// at a time (see ``SQLiteConnection``). File locking between connections is unaffected.
  var flags: Int32 {
    let access: Int32
    switch self {
    case .readOnly: access = SQLITE_OPEN_READONLY
    case .readWrite: access = SQLITE_OPEN_READWRITE
    case .readWriteCreate: access = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
    }
    return access | SQLITE_OPEN_NOMUTEX
  }
}
