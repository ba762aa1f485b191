import Foundation
import SurveyCore

/// The response store: one SQLite file holding surveys, imports, accepted responses with their
/// answers, rejected rows with their reasons, and warnings.
///
/// Opened in WAL mode; every import is one transaction, so a crash leaves either all or none of
/// it. Respondent keys and person keys are salted hashes (HMAC-SHA-256 with a random salt kept
/// in the file), so platform identifiers and e-mail addresses are never stored in clear.
/// Connections are not shared between threads.
package final class ResponseStore {
  /// The file's path.
  package let path: String
  let connection: SQLiteConnection
  /// The salt of the store's hashes.
  let salt: [UInt8]
  /// How long a write waits for another process's lock.
  let busyTimeout: Duration

  /// The schema version of the file (older files opened read-only are not upgraded).
  package let schemaVersion: Int32

  /// Opens (and, unless read-only, creates or upgrades) a store.
  ///
  /// Creating or upgrading takes the write lock; when another process is creating the same
  /// store at that moment (two imports started together), the open waits for it and then uses
  /// what it created, within the busy timeout.
  ///
  /// - Throws: ``StoreError`` for a file that is not a store or is too new; ``SQLiteError`` for
  ///   files that cannot be opened (with a clear message for a busy or corrupt file).
  package init(path: String, readOnly: Bool = false, busyTimeout: Duration = .seconds(10)) throws {
    self.path = path
    self.busyTimeout = busyTimeout
    if readOnly, !FileManager.default.fileExists(atPath: path) {
      throw StoreError.database(
        "there is no store at '\(path)'; import some answers first (survey import)")
    }
    let connection = try SQLiteConnection(
      path: path, mode: readOnly ? .readOnly : .readWriteCreate, busyTimeout: busyTimeout)
    self.connection = connection
    let version = try Self.retryingWhileBusy(for: busyTimeout) {
      try Self.prepare(connection, readOnly: readOnly, path: path)
    }
    schemaVersion = version
    let saltQuery = try connection.prepare("SELECT value FROM meta WHERE key = 'salt'")
    guard try saltQuery.step() == .row, let salt = Self.bytes(fromHex: saltQuery.string(at: 0))
    else {
      throw StoreError.notAStore(path: path)
    }
    self.salt = salt
  }

  /// Sets the connection up and creates or upgrades the schema; returns the schema version.
  private static func prepare(_ connection: SQLiteConnection, readOnly: Bool, path: String)
    throws -> Int32
  {
    if !readOnly {
      _ = try connection.setJournalMode(.wal)
      try connection.setSynchronous(.normal)
    }
    try connection.setForeignKeysEnabled(true)
    let version = try connection.userVersion()
    if version > StoreSchema.version {
      throw StoreError.newerSchema(path: path, found: version, supported: StoreSchema.version)
    }
    if readOnly {
      guard version > 0 else { throw StoreError.notAStore(path: path) }
      return version
    }
    guard version < StoreSchema.version else { return version }
    return try connection.transaction {
      // Read again under the write lock: another process may have just created or upgraded it.
      let current = try connection.userVersion()
      if current == 0 {
        try create(connection, path: path)
      } else if current < StoreSchema.version {
        try upgrade(connection, from: current)
      }
      return StoreSchema.version
    }
  }

  private static func create(_ connection: SQLiteConnection, path: String) throws {
    let existing = try connection.prepare(
      "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")
    _ = try existing.step()
    if existing.int(at: 0) > 0, try !hasOurTables(connection) {
      throw StoreError.notAStore(path: path)
    }
    var generator = SystemRandomNumberGenerator()
    let salt = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
    try connection.execute(StoreSchema.create)
    let insert = try connection.prepare("INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)")
    for (key, value) in [
      ("schema_version", String(StoreSchema.version)), ("salt", SHA256.hex(salt)),
    ] {
      try insert.bind(key, at: 1)
      try insert.bind(value, at: 2)
      try insert.run()
    }
    try connection.setUserVersion(StoreSchema.version)
  }

  private static func upgrade(_ connection: SQLiteConnection, from version: Int32) throws {
    if version < 2 {
      try connection.execute(StoreSchema.createVersion2)
      try connection.execute(
        "INSERT OR IGNORE INTO import_waves (import, wave) SELECT DISTINCT import, wave FROM responses"
      )
    }
    if version < 3 {
      for (table, column, definition) in StoreSchema.columnsVersion3
      where try !columns(of: table, in: connection).contains(column) {
        try connection.execute("ALTER TABLE \(table) ADD COLUMN \(column) \(definition)")
      }
      try connection.execute(StoreSchema.upgradeToVersion3)
    }
    try connection.execute(
      "UPDATE meta SET value = '\(StoreSchema.version)' WHERE key = 'schema_version'")
    try connection.setUserVersion(StoreSchema.version)
  }

  private static func columns(of table: String, in connection: SQLiteConnection) throws
    -> Set<String>
  {
    let query = try connection.prepare("SELECT name FROM pragma_table_info(?)")
    try query.bind(table, at: 1)
    var names: Set<String> = []
    while try query.step() == .row { names.insert(query.string(at: 0)) }
    return names
  }

  /// Runs `body` again while it fails because another connection holds a lock that SQLite's
  /// busy handler does not wait for (as while a new file switches to WAL mode), for up to
  /// `timeout`.
  static func retryingWhileBusy<Value>(for timeout: Duration, _ body: () throws -> Value) throws
    -> Value
  {
    let clock = ContinuousClock()
    let deadline = clock.now.advanced(by: timeout)
    var pause = Duration.milliseconds(2)
    while true {
      do {
        return try body()
      } catch let error as SQLiteError where error.kind == .busy && clock.now < deadline {
        Thread.sleep(forTimeInterval: Double(pause.components.attoseconds) / 1e18)
        pause = min(pause * 2, .milliseconds(200))
      }
    }
  }

  /// A salted hash (hex) of a text, for respondent and person keys.
  package func key(_ text: String) -> String {
    SHA256.hex(HMAC.sha256(key: salt, message: Array(text.utf8)))
  }

  /// A salted hash (hex) of bytes.
  package func key(bytes: [UInt8]) -> String {
    SHA256.hex(HMAC.sha256(key: salt, message: bytes))
  }

  /// `PRAGMA integrity_check`.
  package func integrityCheck() throws -> [String] { try connection.integrityCheck() }

  private static func hasOurTables(_ connection: SQLiteConnection) throws -> Bool {
    let query = try connection.prepare(
      "SELECT count(*) FROM sqlite_master WHERE name IN ('meta', 'responses', 'answers')")
    _ = try query.step()
    return query.int(at: 0) == 3
  }

  static func bytes(fromHex hex: String) -> [UInt8]? {
    let characters = Array(hex.utf8)
    guard characters.count % 2 == 0, !characters.isEmpty else { return nil }
    var bytes: [UInt8] = []
    var index = 0
    while index < characters.count {
      guard let high = nibble(characters[index]), let low = nibble(characters[index + 1]) else {
        return nil
      }
      bytes.append(high << 4 | low)
      index += 2
    }
    return bytes
  }

  private static func nibble(_ character: UInt8) -> UInt8? {
    switch character {
    case 0x30...0x39: character - 0x30
    case 0x61...0x66: character - 0x61 + 10
    case 0x41...0x46: character - 0x41 + 10
    default: nil
    }
  }
}

extension ResponseStore {
  /// An SQL condition on `responses` (aliased `r`, or unaliased when `alias` is empty) that keeps
  /// the current version of each response, leaving out versions a later import replaced. A
  /// store from before versions existed has only current ones.
  package func currentResponses(alias: String = "r") -> String {
    schemaVersion >= 3 ? (alias.isEmpty ? "" : alias + ".") + "replaced_by IS NULL" : "1"
  }
}

extension ResponseStore {
  /// Moves everything in the write-ahead log into the database file.
  package func checkpoint() throws {
    try connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
  }
}

extension ResponseStore {
  /// Runs `body` while holding the store's write lock (for tests of concurrent writers).
  package func holdWriteLock(_ body: () throws -> Void) throws {
    try connection.transaction { try body() }
  }
}
