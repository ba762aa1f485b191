import SurveyStore
import Testing

/// The pragma helpers: journal mode, synchronous, foreign keys, user_version, integrity_check.
@Suite struct SQLitePragmaTests {
  @Test("WAL mode is set on a file database and persists")
  func walMode() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.path("wal.sqlite")
    let database = try SQLiteConnection(path: path)
    #expect(try database.journalMode() == .delete)
    #expect(try database.setJournalMode(.wal) == .wal)
    #expect(try database.journalMode() == .wal)
    let second = try SQLiteConnection(path: path)
    #expect(try second.journalMode() == .wal)
  }

  @Test("an in-memory database reports the journal mode it keeps")
  func inMemoryJournalMode() throws {
    let database = try SQLiteConnection(path: ":memory:")
    #expect(try database.setJournalMode(.wal) == .memory)
  }

  @Test("synchronous round-trips", arguments: SQLiteSynchronous.allCases)
  func synchronous(level: SQLiteSynchronous) throws {
    let database = try SQLiteConnection(path: ":memory:")
    try database.setSynchronous(level)
    #expect(try database.synchronous() == level)
  }

  @Test("foreign keys are off by default and enforced when turned on")
  func foreignKeys() throws {
    let database = try SQLiteConnection(path: ":memory:")
    try database.execute(
      """
      CREATE TABLE parent(id INTEGER PRIMARY KEY);
      CREATE TABLE child(parent INTEGER REFERENCES parent(id));
      """)
    #expect(try database.foreignKeysEnabled() == false)
    try database.execute("INSERT INTO child VALUES (1)")
    try database.setForeignKeysEnabled(true)
    #expect(try database.foreignKeysEnabled())
    let error = #expect(throws: SQLiteError.self) {
      try database.execute("INSERT INTO child VALUES (2)")
    }
    #expect(error?.kind == .constraint)
    #expect(error?.message.contains("FOREIGN KEY") == true)
  }

  @Test("user_version round-trips and persists", arguments: [0, 1, 42, Int32.max, -7])
  func userVersion(version: Int32) throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.path("version.sqlite")
    do {
      let database = try SQLiteConnection(path: path)
      #expect(try database.userVersion() == 0)
      try database.transaction { try database.setUserVersion(version) }
      #expect(try database.userVersion() == version)
    }
    #expect(try SQLiteConnection(path: path, mode: .readOnly).userVersion() == version)
  }

  @Test("integrity_check reports ok for a sound database")
  func integrityCheck() throws {
    let database = try SQLiteConnection(path: ":memory:")
    try database.execute(
      """
      CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT UNIQUE);
      INSERT INTO t(name) VALUES ('a'), ('b');
      """)
    #expect(try database.integrityCheck() == ["ok"])
    #expect(try database.integrityCheck(maxErrors: 1) == ["ok"])
  }
}
