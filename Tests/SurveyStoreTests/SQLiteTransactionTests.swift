import SurveyStore
import Testing

/// Transactions and savepoints: commit on success, roll back on error.
@Suite struct SQLiteTransactionTests {
  /// The error the tests throw from transaction bodies.
  struct Abort: Error {}

  @Test("a transaction commits what its body wrote and returns its value")
  func commitOnSuccess() throws {
    let database = try SQLiteConnection(path: ":memory:")
    try database.execute("CREATE TABLE t(x)")
    let inserted = try database.transaction {
      try database.execute("INSERT INTO t VALUES (1), (2), (3)")
      #expect(!database.isAutocommit)
      return database.changes
    }
    #expect(inserted == 3)
    #expect(database.isAutocommit)
    #expect(try database.integer("SELECT count(*) FROM t") == 3)
  }

  @Test(
    "a transaction whose body throws leaves nothing behind",
    arguments: [SQLiteTransactionKind.deferred, .immediate, .exclusive]
  )
  func rollbackOnThrownError(kind: SQLiteTransactionKind) throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let database = try SQLiteConnection(path: directory.path("rollback.sqlite"))
    try database.execute("CREATE TABLE t(x)")
    #expect(throws: Abort.self) {
      try database.transaction(kind: kind) {
        let insert = try database.prepare("INSERT INTO t VALUES (?)")
        for index in 0..<10 {
          try insert.bind(index, at: 1)
          try insert.run()
        }
        try database.execute("CREATE TABLE u(y)")
        throw Abort()
      }
    }
    #expect(database.isAutocommit)
    #expect(try database.integer("SELECT count(*) FROM t") == 0)
    #expect(try database.integer("SELECT count(*) FROM sqlite_schema WHERE name = 'u'") == 0)
  }

  @Test("a transaction that hits a constraint rolls back the rows before it")
  func rollbackOnSQLError() throws {
    let database = try SQLiteConnection(path: ":memory:")
    try database.execute("CREATE TABLE t(x INTEGER PRIMARY KEY)")
    let error = #expect(throws: SQLiteError.self) {
      try database.transaction {
        try database.execute("INSERT INTO t VALUES (1), (2)")
        try database.execute("INSERT INTO t VALUES (2)")
      }
    }
    #expect(error?.kind == .constraint)
    #expect(try database.integer("SELECT count(*) FROM t") == 0)
  }

  @Test("transactions do not nest")
  func noNesting() throws {
    let database = try SQLiteConnection(path: ":memory:")
    let error = #expect(throws: SQLiteError.self) {
      try database.transaction { try database.transaction {} }
    }
    #expect(error?.message.contains("within a transaction") == true)
    #expect(database.isAutocommit)
  }

  @Test("a savepoint that throws undoes only its own work")
  func savepointRollsBackItsPart() throws {
    let database = try SQLiteConnection(path: ":memory:")
    try database.execute("CREATE TABLE t(x)")
    try database.transaction {
      try database.execute("INSERT INTO t VALUES (1)")
      #expect(throws: Abort.self) {
        try database.savepoint {
          try database.execute("INSERT INTO t VALUES (2)")
          throw Abort()
        }
      }
      try database.savepoint {
        try database.execute("INSERT INTO t VALUES (3)")
        try database.savepoint { try database.execute("INSERT INTO t VALUES (4)") }
      }
    }
    #expect(
      try database.integer("SELECT group_concat(x, '') FROM (SELECT x FROM t ORDER BY x)") == 134)
    #expect(database.isAutocommit)
  }
}
