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

  /// Opens (and, unless read-only, creates) a store.
  ///
  /// - Throws: ``StoreError`` for a file that is not a store or is too new; ``SQLiteError`` for
  ///   files that cannot be opened (with a clear message for a busy or corrupt file).
  package init(path: String, readOnly: Bool = false, busyTimeout: Duration = .seconds(10)) throws {
    self.path = path
    if readOnly, !FileManager.default.fileExists(atPath: path) {
      throw StoreError.database(
        "there is no store at '\(path)'; import some answers first (survey import)")
    }
    let connection = try SQLiteConnection(
      path: path, mode: readOnly ? .readOnly : .readWriteCreate, busyTimeout: busyTimeout)
    self.connection = connection
    if !readOnly {
      _ = try connection.setJournalMode(.wal)
      try connection.setSynchronous(.normal)
    }
    try connection.setForeignKeysEnabled(true)
    let version = try connection.userVersion()
    if version > StoreSchema.version {
      throw StoreError.newerSchema(path: path, found: version, supported: StoreSchema.version)
    }
    if version == 0 {
      guard !readOnly else { throw StoreError.notAStore(path: path) }
      let existing = try connection.prepare(
        "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")
      _ = try existing.step()
      if existing.int(at: 0) > 0, try !Self.hasOurTables(connection) {
        throw StoreError.notAStore(path: path)
      }
      var generator = SystemRandomNumberGenerator()
      let salt = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
      try connection.transaction {
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
    } else if version < StoreSchema.version, !readOnly {
      try connection.transaction {
        try connection.execute(StoreSchema.createVersion2)
        try connection.execute(
          "INSERT OR IGNORE INTO import_waves (import, wave) SELECT DISTINCT import, wave FROM responses"
        )
        try connection.execute(
          "UPDATE meta SET value = '\(StoreSchema.version)' WHERE key = 'schema_version'")
        try connection.setUserVersion(StoreSchema.version)
      }
    }
    let saltQuery = try connection.prepare("SELECT value FROM meta WHERE key = 'salt'")
    guard try saltQuery.step() == .row, let salt = Self.bytes(fromHex: saltQuery.string(at: 0))
    else {
      throw StoreError.notAStore(path: path)
    }
    self.salt = salt
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
