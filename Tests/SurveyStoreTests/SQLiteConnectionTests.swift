import Foundation
import SurveyStore
import Testing

/// Opening connections, running scripts and preparing statements.
@Suite struct SQLiteConnectionTests {
  @Test("execute runs several statements and changes, lastInsertRowID report the last")
  func executeScript() throws {
    let database = try SQLiteConnection(path: ":memory:")
    try database.execute(
      """
      CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT);
      INSERT INTO t(name) VALUES ('a'), ('b'), ('c');
      UPDATE t SET name = upper(name) WHERE id > 1;
      """)
    #expect(database.changes == 2)
    #expect(database.lastInsertRowID == 3)
    #expect(try database.integer("SELECT count(*) FROM t WHERE name = upper(name)") == 2)
  }

  @Test("a database file is created, closed on deinit and reopened with its data")
  func createCloseReopen() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.path("reopen.sqlite")
    do {
      let database = try SQLiteConnection(path: path)
      try database.execute("CREATE TABLE t(x); INSERT INTO t VALUES (42);")
    }
    #expect(FileManager.default.fileExists(atPath: path))
    let reopened = try SQLiteConnection(path: path, mode: .readOnly)
    #expect(reopened.path == path)
    #expect(reopened.mode == .readOnly)
    #expect(try reopened.integer("SELECT x FROM t") == 42)
  }

  @Test("prepare accepts one statement with trailing semicolons and comments")
  func prepareOneStatement() throws {
    let database = try SQLiteConnection(path: ":memory:")
    let statement = try database.prepare("SELECT 1; -- done\n ;  /* end */ ")
    #expect(try statement.step() == .row)
    #expect(statement.int(at: 0) == 1)
  }

  @Test(
    "prepare rejects no statement and several statements",
    arguments: ["", "  -- nothing", "SELECT 1; SELECT 2", "SELECT 1; SELEC 2"]
  )
  func prepareRejectsOtherThanOne(sql: String) throws {
    let database = try SQLiteConnection(path: ":memory:")
    let error = #expect(throws: SQLiteError.self) { try database.prepare(sql) }
    #expect(error?.kind == .misuse)
    #expect(error?.sql == sql)
  }

  @Test("a syntax error names the database path and the SQL")
  func syntaxErrorContext() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.path("syntax.sqlite")
    let database = try SQLiteConnection(path: path)
    let error = #expect(throws: SQLiteError.self) { try database.prepare("SELEC 1") }
    #expect(error?.kind == .other)
    #expect(error?.code == 1)
    #expect(error?.path == path)
    #expect(error?.message.contains("syntax error") == true)
    let description = error?.errorDescription ?? ""
    #expect(description.contains("'\(path)'"))
    #expect(description.contains("SELEC 1"))
  }

  @Test("an unknown table in execute is reported with the script")
  func executeErrorContext() throws {
    let database = try SQLiteConnection(path: ":memory:")
    let error = #expect(throws: SQLiteError.self) {
      try database.execute("INSERT INTO missing VALUES (1)")
    }
    #expect(error?.message == "no such table: missing")
    #expect(error?.sql == "INSERT INTO missing VALUES (1)")
    #expect(error?.errorDescription?.contains("the in-memory database") == true)
  }
}
