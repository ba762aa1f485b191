import CSQLite
import Glibc

/// Reading a database in WAL mode whose folder cannot be written.
///
/// A WAL-mode database is read through its `-wal` and `-shm` files; a read-only connection can
/// use them when they exist, and otherwise has to create them next to the database, which fails
/// in a folder the process cannot write (SQLite's "Read-Only Databases" in wal.html). A cleanly
/// closed store has neither file, so its folder must be writable even to read it, unless it is
/// opened as *immutable* (`?immutable=1`): SQLite then reads the database file alone, with no
/// locks and no `-wal` or `-shm` file. That is safe when nobody can change the file meanwhile,
/// which holds in a folder that cannot be written (a writer in WAL mode would need to create
/// the same files), and when no committed changes wait in a `-wal` file (they would be missed).
extension SQLiteConnection {
  /// `SQLITE_CANTOPEN_DIRTYWAL`, which SQLite itself never returns: here, a database whose
  /// folder cannot be written and whose latest changes are still in its `-wal` file.
  static let dirtyLogCode = SQLITE_CANTOPEN | (5 << 8)

  /// Whether a read-only open that failed may be retried as immutable.
  ///
  /// - Parameters:
  ///   - error: Why the ordinary read-only open failed.
  ///   - databaseReadable: Whether the database file exists and can be read.
  ///   - folderWritable: Whether its folder can be written (then another process may be writing
  ///     the database, and the ordinary open failed for another reason).
  ///   - walBytes: The size of the database's `-wal` file, or nil when there is none.
  static func mayReadImmutably(
    after error: SQLiteError, databaseReadable: Bool, folderWritable: Bool, walBytes: Int?
  ) -> Bool {
    guard error.code == SQLITE_READONLY || error.code == SQLITE_CANTOPEN else { return false }
    return databaseReadable && !folderWritable && (walBytes ?? 0) == 0
  }

  /// The error for a database whose folder cannot be written and whose latest changes are still
  /// in its `-wal` file, so it cannot be read as immutable either.
  static func cannotReadWithoutLog(_ path: String) -> SQLiteError {
    SQLiteError(
      extendedCode: dirtyLogCode, message: "changes are waiting in the -wal file", path: path)
  }

  /// After an ordinary read-only open of `path` failed with `error`: the handle of an immutable
  /// open when that is safe, else the error to report.
  static func reopenImmutably(path: String, after error: SQLiteError, busyTimeout: Duration)
    throws -> OpaquePointer
  {
    var status = stat()
    let walBytes = stat(path + "-wal", &status) == 0 ? Int(status.st_size) : nil
    let folder = folder(of: path)
    let folderWritable = access(folder, W_OK) == 0
    guard
      mayReadImmutably(
        after: error, databaseReadable: access(path, R_OK) == 0, folderWritable: folderWritable,
        walBytes: walBytes)
    else {
      if !folderWritable, let walBytes, walBytes > 0 { throw cannotReadWithoutLog(path) }
      throw error
    }
    return try openImmutable(path: path, busyTimeout: busyTimeout)
  }

  /// Opens `path` read-only as immutable.
  static func openImmutable(path: String, busyTimeout: Duration) throws -> OpaquePointer {
    try open(
      path: immutableURI(path), flags: SQLiteOpenMode.readOnly.flags | SQLITE_OPEN_URI,
      busyTimeout: busyTimeout, reportedPath: path)
  }

  /// A `file:` URI for `path` with `immutable=1`; every byte but letters, digits and `/._-~` is
  /// percent-encoded, so `?`, `#` and `%` in a path stay part of it.
  static func immutableURI(_ path: String) -> String {
    var absolute = path
    if !path.hasPrefix("/") {
      var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
      if getcwd(&buffer, buffer.count) != nil {
        let directory = String(decoding: buffer.prefix { $0 != 0 }.map(UInt8.init), as: UTF8.self)
        absolute = directory + "/" + path
      }
    }
    var uri = "file://"
    for byte in absolute.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "/"), UInt8(ascii: "."),
        UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "~"):
        uri.append(Character(Unicode.Scalar(byte)))
      default:
        uri += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
      }
    }
    return uri + "?immutable=1"
  }

  /// The folder holding `path` (`.` for a bare file name).
  private static func folder(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    let folder = String(path[..<slash])
    return folder.isEmpty ? "/" : folder
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}
