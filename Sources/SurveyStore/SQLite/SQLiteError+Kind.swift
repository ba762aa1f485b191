import CSQLite

extension SQLiteError {
  /// The family of an error, for code that reacts to common failures.
  package enum Kind: Sendable, Hashable {
    /// Another connection holds a lock the operation needed (`SQLITE_BUSY`, "database is
    /// locked"), even after waiting for the busy timeout. (`SQLITE_LOCKED`, a conflict inside
    /// one connection, is ``other``.)
    case busy
    /// The file exists but is not an SQLite database (`SQLITE_NOTADB`).
    case notADatabase
    /// The database file is damaged (`SQLITE_CORRUPT`).
    case corrupt
    /// A write was attempted on a read-only connection or file (`SQLITE_READONLY`).
    case readOnly
    /// The file could not be opened or created (`SQLITE_CANTOPEN`).
    case cannotOpen
    /// A `UNIQUE`, `NOT NULL`, `CHECK` or foreign-key constraint failed (`SQLITE_CONSTRAINT`).
    case constraint
    /// The API was called incorrectly (`SQLITE_MISUSE`, `SQLITE_RANGE`).
    case misuse
    /// Anything else; see ``SQLiteError/code`` and ``SQLiteError/message``.
    case other
  }

  /// The family of this error, derived from its primary result code.
  package var kind: Kind {
    switch code {
    case SQLITE_BUSY: .busy
    case SQLITE_NOTADB: .notADatabase
    case SQLITE_CORRUPT: .corrupt
    case SQLITE_READONLY: .readOnly
    case SQLITE_CANTOPEN: .cannotOpen
    case SQLITE_CONSTRAINT: .constraint
    case SQLITE_MISUSE, SQLITE_RANGE: .misuse
    default: .other
    }
  }
}
