extension SQLiteConnection {
  /// Sets `PRAGMA journal_mode`.
  ///
  /// - Parameter mode: The requested mode; `.wal` is what concurrent readers need.
  /// - Returns: The mode now in effect, which can differ (an in-memory database stays `memory`).
  /// - Throws: ``SQLiteError``, for example of kind ``SQLiteError/Kind/busy``.
  @discardableResult
  package func setJournalMode(_ mode: SQLiteJournalMode) throws -> SQLiteJournalMode {
    try journalMode(from: "PRAGMA journal_mode = \(mode.rawValue)")
  }

  /// Reads `PRAGMA journal_mode`.
  ///
  /// - Throws: ``SQLiteError``.
  package func journalMode() throws -> SQLiteJournalMode {
    try journalMode(from: "PRAGMA journal_mode")
  }

  /// Sets `PRAGMA synchronous` (per connection; not stored in the file).
  ///
  /// - Parameter level: The level; `.normal` is the usual choice with WAL.
  /// - Throws: ``SQLiteError``.
  package func setSynchronous(_ level: SQLiteSynchronous) throws {
    try execute("PRAGMA synchronous = \(level.rawValue)")
  }

  /// Reads `PRAGMA synchronous`.
  ///
  /// - Throws: ``SQLiteError``.
  package func synchronous() throws -> SQLiteSynchronous {
    let sql = "PRAGMA synchronous"
    let raw = try integer(from: sql)
    guard let level = Int32(exactly: raw).flatMap(SQLiteSynchronous.init(rawValue:)) else {
      throw misuse("unexpected synchronous level \(raw)", sql: sql)
    }
    return level
  }

  /// Turns `PRAGMA foreign_keys` on or off (per connection; has no effect inside a transaction).
  ///
  /// - Parameter enabled: Whether foreign keys are enforced.
  /// - Throws: ``SQLiteError``.
  package func setForeignKeysEnabled(_ enabled: Bool) throws {
    try execute("PRAGMA foreign_keys = \(enabled ? "ON" : "OFF")")
  }

  /// Whether `PRAGMA foreign_keys` is on.
  ///
  /// - Throws: ``SQLiteError``.
  package func foreignKeysEnabled() throws -> Bool {
    try integer(from: "PRAGMA foreign_keys") != 0
  }

  /// Reads `PRAGMA user_version`, the schema version the toolkit stores in the file header.
  ///
  /// - Throws: ``SQLiteError``.
  package func userVersion() throws -> Int32 {
    Int32(truncatingIfNeeded: try integer(from: "PRAGMA user_version"))
  }

  /// Writes `PRAGMA user_version`; run it in the same transaction as the migration it records.
  ///
  /// - Parameter version: The new schema version.
  /// - Throws: ``SQLiteError``, for example of kind ``SQLiteError/Kind/readOnly``.
  package func setUserVersion(_ version: Int32) throws {
    try execute("PRAGMA user_version = \(version)")
  }

  /// Runs `PRAGMA integrity_check` and returns its rows: exactly `["ok"]` for a sound database,
  /// otherwise one description per problem found.
  ///
  /// On a damaged file SQLite can report some problems and then fail with `SQLITE_CORRUPT`; the
  /// problems found so far are then returned with SQLite's message as the last row.
  ///
  /// - Parameter maxErrors: The most problems to report.
  /// - Throws: ``SQLiteError``; a badly damaged file can fail with kind
  ///   ``SQLiteError/Kind/corrupt`` before reporting any problem.
  package func integrityCheck(maxErrors: Int = 100) throws -> [String] {
    let statement = try prepare("PRAGMA integrity_check(\(max(1, maxErrors)))")
    var rows: [String] = []
    do {
      while try statement.step() == .row {
        rows.append(statement.string(at: 0))
      }
    } catch let error as SQLiteError where error.kind == .corrupt && !rows.isEmpty {
      rows.append(error.message)
    }
    return rows
  }
}

extension SQLiteConnection {
  /// Runs a pragma and reads the journal mode it reports.
  private func journalMode(from sql: String) throws -> SQLiteJournalMode {
    let statement = try prepare(sql)
    guard try statement.step() == .row else {
      throw misuse("journal_mode returned no row", sql: sql)
    }
    let text = statement.string(at: 0).lowercased()
    guard let mode = SQLiteJournalMode(rawValue: text) else {
      throw misuse("unexpected journal mode '\(text)'", sql: sql)
    }
    return mode
  }

  /// Runs a pragma and reads the integer in its first row.
  private func integer(from sql: String) throws -> Int64 {
    let statement = try prepare(sql)
    guard try statement.step() == .row else {
      throw misuse("the pragma returned no row", sql: sql)
    }
    return statement.int64(at: 0)
  }
}
