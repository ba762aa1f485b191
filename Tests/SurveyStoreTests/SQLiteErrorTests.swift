import Foundation
import SurveyStore
import Testing

/// The errors users see: busy writers, files that are not databases, read-only and unopenable
/// files, corruption.
@Suite struct SQLiteErrorTests {
  @Test(
    "a second writer waits for the busy timeout, then fails with a clear error",
    arguments: [SQLiteJournalMode.wal, .delete]
  )
  func secondWriterIsBusy(journalMode: SQLiteJournalMode) throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.path("busy.sqlite")
    let writer = try SQLiteConnection(path: path)
    #expect(try writer.setJournalMode(journalMode) == journalMode)
    try writer.execute("CREATE TABLE t(x)")
    let other = try SQLiteConnection(path: path, busyTimeout: .milliseconds(50))

    try writer.transaction {
      try writer.execute("INSERT INTO t VALUES (1)")
      let error = #expect(throws: SQLiteError.self) {
        try other.transaction { try other.execute("INSERT INTO t VALUES (2)") }
      }
      #expect(error?.kind == .busy)
      #expect(error?.code == 5)
      #expect(error?.path == path)
      let description = error?.errorDescription ?? ""
      #expect(description.hasPrefix("another import is writing to '\(path)'; wait for it"))
      #expect(other.isAutocommit)
      // The other connection can still read the last committed state.
      #expect(try other.integer("SELECT count(*) FROM t") == 0)
    }
    try other.transaction { try other.execute("INSERT INTO t VALUES (2)") }
    #expect(try writer.integer("SELECT count(*) FROM t") == 2)
    #expect(try writer.integrityCheck() == ["ok"])
  }

  @Test(
    "opening a file that is not a database fails with a clear error naming it",
    arguments: [
      "not a database",
      String(repeating: "This is a plain text file, not SQLite. ", count: 200),
    ]
  )
  func notADatabase(contents: String) throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.path("notes.txt")
    try Data(contents.utf8).write(to: URL(fileURLWithPath: path))
    let error = #expect(throws: SQLiteError.self) { try SQLiteConnection(path: path) }
    #expect(error?.kind == .notADatabase)
    #expect(error?.path == path)
    #expect(error?.errorDescription?.hasPrefix("'\(path)' is not an SQLite database") == true)
    #expect(error?.sql == nil)
    // The file was left as it was.
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(contents.utf8))
  }

  @Test("writing through a read-only connection fails with a clear error naming the file")
  func readOnlyConnection() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.path("frozen.sqlite")
    try SQLiteConnection(path: path).execute("CREATE TABLE t(x)")
    let database = try SQLiteConnection(path: path, mode: .readOnly)
    let error = #expect(throws: SQLiteError.self) {
      try database.execute("INSERT INTO t VALUES (1)")
    }
    #expect(error?.kind == .readOnly)
    #expect(
      error?.errorDescription?.hasPrefix("cannot write to '\(path)': the database is read-only")
        == true)
    #expect(try database.integer("SELECT count(*) FROM t") == 0)
  }

  @Test(
    "a file that cannot be opened fails with a clear error naming it",
    arguments: [
      ("missing.sqlite", SQLiteOpenMode.readOnly),
      ("missing.sqlite", .readWrite),
      ("no-such-directory/new.sqlite", .readWriteCreate),
      ("", .readWriteCreate),
    ]
  )
  func cannotOpen(name: String, mode: SQLiteOpenMode) throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    // An empty name means the directory itself.
    let path = name.isEmpty ? directory.url.path : directory.path(name)
    let error = #expect(throws: SQLiteError.self) { try SQLiteConnection(path: path, mode: mode) }
    #expect(error?.kind == .cannotOpen)
    #expect(error?.path == path)
    #expect(error?.errorDescription?.hasPrefix("cannot open '\(path)'") == true)
    #expect(!FileManager.default.fileExists(atPath: directory.path("missing.sqlite")))
  }

  @Test("a damaged page is reported by integrity_check or as corruption")
  func corruptionIsDetected() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.path("damaged.sqlite")
    do {
      let database = try SQLiteConnection(path: path)
      try database.execute("CREATE TABLE t(x TEXT); CREATE INDEX t_x ON t(x);")
      let insert = try database.prepare("INSERT INTO t VALUES (?)")
      try database.transaction {
        for index in 0..<2000 {
          try insert.bind("value \(index)", at: 1)
          try insert.run()
        }
      }
    }
    let url = URL(fileURLWithPath: path)
    var bytes = [UInt8](try Data(contentsOf: url))
    // Overwrite the body of page 3 (pages are 4096 bytes), leaving the header page intact.
    let pageSize = 4096
    try #require(bytes.count > 4 * pageSize)
    for offset in (2 * pageSize + 8)..<(3 * pageSize) {
      bytes[offset] = UInt8(truncatingIfNeeded: offset &* 31)
    }
    try Data(bytes).write(to: url)

    let database = try SQLiteConnection(path: path)
    do {
      let rows = try database.integrityCheck()
      #expect(rows != ["ok"])
      #expect(!rows.isEmpty)
    } catch let error as SQLiteError {
      #expect(error.kind == .corrupt)
      #expect(error.errorDescription?.contains("'\(path)' is corrupt") == true)
    }
  }

  @Test("errors compare equal by code, message, path and SQL")
  func equality() {
    let first = SQLiteError(extendedCode: 5, message: "database is locked", path: "a.sqlite")
    let second = SQLiteError(extendedCode: 5, message: "database is locked", path: "a.sqlite")
    let third = SQLiteError(extendedCode: 517, message: "database is locked", path: "a.sqlite")
    #expect(first == second)
    #expect(first != third)
    #expect(third.code == 5)
    #expect(third.kind == .busy)
    #expect(third.errorDescription?.contains("(SQLite error 5/517: database is locked)") == true)
  }
}
