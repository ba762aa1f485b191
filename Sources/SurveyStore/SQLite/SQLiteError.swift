import Foundation

/// An error reported by SQLite, or by this wrapper when it is misused, with the context needed to
/// explain it: the result codes, SQLite's own message, the database path and the SQL text.
///
/// ``errorDescription`` words the common cases for the person running the toolkit (a busy
/// database, a file that is not a database, a corrupt or read-only one, one that cannot be
/// opened); ``kind`` lets code react to them without comparing raw result codes.
package struct SQLiteError: Error, LocalizedError, Equatable, Sendable {
  /// The extended result code, for example `SQLITE_BUSY_SNAPSHOT` or `SQLITE_CANTOPEN_ISDIR`.
  package var extendedCode: Int32
  /// The message from `sqlite3_errmsg`, or the wrapper's own message when it detected the problem.
  package var message: String
  /// The database path as given to ``SQLiteConnection/init(path:mode:busyTimeout:)``.
  package var path: String
  /// The SQL being prepared or run, if any.
  package var sql: String?

  /// Creates an error from its parts.
  ///
  /// - Parameters:
  ///   - extendedCode: An SQLite result code, primary or extended.
  ///   - message: The explanation, usually from `sqlite3_errmsg`.
  ///   - path: The database path.
  ///   - sql: The SQL text involved, if any.
  package init(extendedCode: Int32, message: String, path: String, sql: String? = nil) {
    self.extendedCode = extendedCode
    self.message = message
    self.path = path
    self.sql = sql
  }

  /// The primary result code (`SQLITE_BUSY`, `SQLITE_NOTADB`, ...): the low 8 bits of
  /// ``extendedCode``.
  package var code: Int32 { extendedCode & 0xFF }

  /// A sentence for the user: what went wrong, where, and what to do about it, followed by
  /// SQLite's code and message and, for errors in a statement, the start of the SQL.
  package var errorDescription: String? {
    let place = displayPath
    let summary: String
    switch kind {
    case .busy:
      summary = "another import is writing to \(place); wait for it to finish or try again"
    case .notADatabase:
      summary =
        "\(place) is not an SQLite database; check the path, or move the file aside so a new "
        + "database can be created"
    case .corrupt:
      summary = "the database \(place) is corrupt; restore it from a backup or re-import the data"
    case .readOnly:
      summary =
        "cannot write to \(place): the database is read-only (opened read-only, or the file or "
        + "its directory is not writable)"
    case .cannotOpen where extendedCode == SQLiteConnection.dirtyLogCode:
      summary =
        "cannot read \(place): its folder cannot be written and its latest changes are still in "
        + "'\(path)-wal'; open it once where its folder can be written (any survey command "
        + "folds them in), or copy it together with that file to such a folder"
    case .cannotOpen:
      summary =
        "cannot open \(place); check that the file exists (or that its directory does and is "
        + "writable) and that it is not a directory"
    case .constraint:
      summary = "a constraint failed in \(place)"
    case .misuse:
      summary = "the database \(place) was used incorrectly"
    case .other:
      summary = "an SQLite error occurred in \(place)"
    }
    var text = "\(summary) (SQLite error \(codeText): \(message))"
    if let sql {
      text += " while running: \(Self.excerpt(of: sql))"
    }
    return text
  }
}

extension SQLiteError {
  /// The path in single quotes, or a phrase for the in-memory and temporary databases.
  private var displayPath: String {
    switch path {
    case ":memory:": "the in-memory database"
    case "": "the temporary database"
    default: "'\(path)'"
    }
  }

  /// The primary code, followed by the extended code when it differs.
  private var codeText: String {
    extendedCode == code ? "\(code)" : "\(code)/\(extendedCode)"
  }

  /// The SQL on one line, cut to 200 characters.
  private static func excerpt(of sql: String) -> String {
    let words = sql.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    let limit = 200
    guard words.count > limit else { return words }
    return String(words.prefix(limit)) + "…"
  }
}
