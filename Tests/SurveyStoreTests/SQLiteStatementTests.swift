import Foundation
import SurveyStore
import Testing

/// Binding, stepping and reading values with ``SQLiteStatement``.
@Suite struct SQLiteStatementTests {
  @Test(
    "every storage class round-trips through bind and value",
    arguments: [
      SQLiteValue.null,
      .integer(0),
      .integer(Int64.min),
      .integer(Int64.max),
      .real(3.5),
      .real(-1.0e300),
      .real(Double.infinity),
      .real(Double.leastNonzeroMagnitude),
      .text(""),
      .text("plain ascii"),
      .text("héllo wörld 🌍 日本語 عربى"),
      .text("before\u{0}after"),
      .blob([]),
      .blob([0, 1, 0, 255, 0]),
      .blob((0...255).map { UInt8($0) }),
    ]
  )
  func valueRoundTrip(value: SQLiteValue) throws {
    let database = try SQLiteConnection(path: ":memory:")
    try database.execute("CREATE TABLE t(v)")
    let insert = try database.prepare("INSERT INTO t(v) VALUES (?)")
    try insert.bind(value, at: 1)
    #expect(try insert.step() == .done)
    let select = try database.prepare("SELECT v, typeof(v) FROM t")
    #expect(try select.step() == .row)
    #expect(select.value(at: 0) == value)
    #expect(select.columnType(at: 0) == value.type)
    #expect(select.isNull(at: 0) == (value == .null))
    #expect(try select.step() == .done)
  }

  @Test("typed binds and getters round-trip, including unicode and NUL bytes")
  func typedRoundTrip() throws {
    let database = try SQLiteConnection(path: ":memory:")
    try database.execute("CREATE TABLE t(a, b, c, d, e, f, g, h, i, j)")
    let insert = try database.prepare("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
    let text = "Zürich — 東京 — 🧪\u{0}tail"
    let blob: [UInt8] = [0, 0, 7, 0, 255]
    let missing: String? = nil
    try insert.bind(Int64.min, at: 1)
    try insert.bind(Int.max, at: 2)
    try insert.bind(-2.25, at: 3)
    try insert.bind(text, at: 4)
    try insert.bind(blob, at: 5)
    try insert.bind(Data([1, 0, 2]), at: 6)
    try insert.bindNull(at: 7)
    try insert.bind(missing, at: 8)
    try insert.bind(Optional("present"), at: 9)
    try insert.bind(true, at: 10)
    try insert.run()

    let select = try database.prepare("SELECT * FROM t")
    #expect(try select.step() == .row)
    #expect(select.columnCount == 10)
    #expect(select.int64(at: 0) == Int64.min)
    #expect(select.int(at: 1) == Int.max)
    #expect(select.double(at: 2) == -2.25)
    #expect(select.string(at: 3) == text)
    #expect(select.string(at: 3).utf8.count == text.utf8.count)
    #expect(select.blob(at: 4) == blob)
    #expect(select.data(at: 5) == Data([1, 0, 2]))
    #expect(select.isNull(at: 6))
    #expect(select.isNull(at: 7))
    #expect(select.string(at: 8) == "present")
    #expect(select.int(at: 9) == 1)
    #expect(select.row.count == 10)
  }

  @Test("NULL reads as zero, empty text and empty bytes, and is told apart by isNull")
  func nullReadsAsEmpty() throws {
    let database = try SQLiteConnection(path: ":memory:")
    let select = try database.prepare("SELECT NULL, '', x''")
    #expect(try select.step() == .row)
    #expect(select.isNull(at: 0))
    #expect(select.int64(at: 0) == 0)
    #expect(select.string(at: 0) == "")
    #expect(select.blob(at: 0) == [])
    #expect(!select.isNull(at: 1))
    #expect(select.columnType(at: 1) == .text)
    #expect(!select.isNull(at: 2))
    #expect(select.columnType(at: 2) == .blob)
    #expect(select.isNull(at: 99))
    #expect(select.value(at: -1) == .null)
  }

  @Test("a reused statement inserts 100,000 rows in one transaction")
  func bulkInsertReusesStatement() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let database = try SQLiteConnection(path: directory.path("bulk.sqlite"))
    try database.setJournalMode(.wal)
    try database.execute("CREATE TABLE rows(id INTEGER PRIMARY KEY, value INTEGER, label TEXT)")
    let rowCount = 100_000
    let before = database.totalChanges
    let insert = try database.prepare(
      "INSERT INTO rows(id, value, label) VALUES (?, ?, ?)", persistent: true)
    try database.transaction {
      for index in 0..<rowCount {
        try insert.bind(index, at: 1)
        try insert.bind(index * 2, at: 2)
        try insert.bind("row \(index)", at: 3)
        #expect(try insert.step() == .done)
        insert.reset()
        insert.clearBindings()
      }
    }
    #expect(database.totalChanges - before == rowCount)
    #expect(try database.integer("SELECT count(*) FROM rows") == Int64(rowCount))
    #expect(
      try database.integer("SELECT sum(value) FROM rows") == Int64(rowCount * (rowCount - 1)))
    let label = try database.prepare("SELECT label FROM rows WHERE id = ?")
    try label.bind(rowCount - 1, at: 1)
    #expect(try label.step() == .row)
    #expect(label.string(at: 0) == "row \(rowCount - 1)")
  }

  @Test("clearBindings sets every parameter back to NULL")
  func clearBindingsNullsParameters() throws {
    let database = try SQLiteConnection(path: ":memory:")
    let select = try database.prepare("SELECT ?, ?")
    try select.bind([7, "seven"])
    #expect(try select.step() == .row)
    #expect(select.row == [.integer(7), .text("seven")])
    select.reset()
    #expect(try select.step() == .row)
    #expect(select.int(at: 0) == 7)
    select.reset()
    select.clearBindings()
    #expect(try select.step() == .row)
    #expect(select.row == [.null, .null])
  }

  @Test("parameters and columns are described by name and count")
  func parameterAndColumnNames() throws {
    let database = try SQLiteConnection(path: ":memory:")
    let select = try database.prepare("SELECT :first AS one, $second AS two")
    #expect(select.parameterCount == 2)
    #expect(select.parameterIndex(named: ":first") == 1)
    #expect(select.parameterIndex(named: "$second") == 2)
    #expect(select.parameterIndex(named: ":third") == nil)
    #expect(select.columnCount == 2)
    #expect(select.columnName(at: 0) == "one")
    #expect(select.columnName(at: 1) == "two")
    #expect(select.isReadOnly)
    #expect(try !database.prepare("CREATE TABLE t(x)").isReadOnly)
  }

  @Test("binding out of range or while running is reported as misuse", arguments: [0, 2, -1])
  func bindOutOfRange(index: Int) throws {
    let database = try SQLiteConnection(path: ":memory:")
    let select = try database.prepare("SELECT ?")
    let error = #expect(throws: SQLiteError.self) { try select.bind(1, at: index) }
    #expect(error?.kind == .misuse)
    #expect(error?.sql == "SELECT ?")
  }

  @Test("binding while a statement is running needs a reset first")
  func bindWhileRunning() throws {
    let database = try SQLiteConnection(path: ":memory:")
    try database.execute("CREATE TABLE t(x); INSERT INTO t VALUES (1), (2);")
    let select = try database.prepare("SELECT x FROM t WHERE x > ?")
    try select.bind(0, at: 1)
    #expect(try select.step() == .row)
    let error = #expect(throws: SQLiteError.self) { try select.bind(1, at: 1) }
    #expect(error?.kind == .misuse)
    select.reset()
    try select.bind(1, at: 1)
    #expect(try select.step() == .row)
    #expect(select.int(at: 0) == 2)
  }

  @Test("a failing step reports the constraint and run() leaves the statement reusable")
  func stepFailureAndReuse() throws {
    let database = try SQLiteConnection(path: ":memory:")
    try database.execute("CREATE TABLE t(x INTEGER PRIMARY KEY)")
    let insert = try database.prepare("INSERT INTO t VALUES (?)")
    try insert.bind(1, at: 1)
    try insert.run()
    let error = #expect(throws: SQLiteError.self) { try insert.run() }
    #expect(error?.kind == .constraint)
    #expect(error?.message.contains("UNIQUE") == true)
    try insert.bind(2, at: 1)
    try insert.run()
    #expect(try database.integer("SELECT count(*) FROM t") == 2)
    #expect(database.lastInsertRowID == 2)
    #expect(database.changes == 1)
  }
}
