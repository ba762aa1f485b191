import SurveyCore
import SurveyIngest

extension ResponseStore {
  /// Imports rows in one transaction: either every accepted row, rejected row and warning of
  /// the import is stored, or (when anything throws, or the process dies) none is.
  ///
  /// Every row ends up stored (new, or a new version of a changed response), already present,
  /// or rejected and kept: see ``ImportSession`` for what identifies a response.
  ///
  /// - Parameters:
  ///   - survey: The survey the rows answer.
  ///   - codebook: The survey's JSON codebook, stored with its version.
  ///   - info: Where the rows come from.
  ///   - rows: Calls its argument once per row, in file order; the row's problems gain the
  ///     reason when the store rejects it (a changed response).
  /// - Returns: The counts.
  package func importRows(
    survey: Survey, codebook: String, info: ImportInfo,
    rows: (_ add: (inout ImportedRow) throws -> RowOutcome) throws -> ImportTail,
    beforeCommit: () -> Void = {}
  ) throws -> ImportSummary {
    try connection.transaction {
      let surveyRow = try register(survey, codebook: codebook)
      var session = try ImportSession(store: self, survey: survey, surveyRow: surveyRow, info: info)
      let tail = try rows { row in try session.add(&row) }
      try session.finish(tail)
      beforeCommit()
      return session.summary
    }
  }

  /// Waits for another process's import to finish before starting one, saying so once.
  ///
  /// - Parameter onWait: Called once if the store is busy, before waiting.
  package func waitForWriters(onWait: () -> Void) throws {
    try connection.setBusyTimeout(.zero)
    defer { try? connection.setBusyTimeout(busyTimeout) }
    do {
      try connection.transaction {}
    } catch let error as SQLiteError where error.kind == .busy {
      onWait()
      try connection.setBusyTimeout(busyTimeout)
      try Self.retryingWhileBusy(for: busyTimeout) { try connection.transaction {} }
    }
  }
}

/// The statements and counts of one import (inside its transaction).
///
/// What identifies a response (`STORE.md`, "What identifies a response"):
/// - a row with the platform's response id: that id within its wave and the chapter given at
///   import (platforms restart their ids in a new survey, and a generic file's id may be a
///   person's, repeated in every wave). When the id comes back with other answers, the row is
///   rejected and kept, or stored as a new version with `--replace-changed`;
/// - a row without an id: its text, wave and chapter given at import, and which occurrence of
///   that text in the file it is, so that six identical paper questionnaires stay six, and a
///   grown export adds only its new rows.
struct ImportSession {
  let store: ResponseStore
  let survey: Survey
  let info: ImportInfo
  let columns: [AnswerColumns.Column]
  let insertResponse: SQLiteStatement
  let insertAnswers: SQLiteStatement
  let insertReject: SQLiteStatement
  let insertWarning: SQLiteStatement
  let findResponse: SQLiteStatement
  /// A stored response's chapter, weight, person key and answers, to compare with a row.
  let storedAnswers: SQLiteStatement
  let countOccurrence: SQLiteStatement
  let resolveByKey: SQLiteStatement
  let resolveByMarker: SQLiteStatement
  let supersedeByMarker: SQLiteStatement
  /// Set when the survey has responses or rejects stored before version 3 of the store.
  let legacy: LegacyKeys?
  var summary = ImportSummary()
  /// The waves of the accepted rows, recorded in `import_waves` at the end.
  var waves: Set<String> = []

  init(store: ResponseStore, survey: Survey, surveyRow: Int64, info: ImportInfo) throws {
    self.store = store
    self.survey = survey
    self.info = info
    let connection = store.connection
    let header: [UInt8] = info.header.flatMap { $0 + [0x0A] }
    let insertImport = try connection.prepare(
      """
      INSERT INTO imports (survey, survey_id, file_name, file_sha256, file_bytes, platform, imported_at,
        chapter, wave, header, delimiter) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """)
    try insertImport.bind(surveyRow, at: 1)
    try insertImport.bind(survey.id, at: 2)
    try insertImport.bind(info.fileName, at: 3)
    try insertImport.bind(info.fileSHA256, at: 4)
    try insertImport.bind(info.fileBytes, at: 5)
    try insertImport.bind(info.platform.rawValue, at: 6)
    try insertImport.bind(info.importedAt, at: 7)
    try insertImport.bind(info.chapter, at: 8)
    try insertImport.bind(info.wave, at: 9)
    try insertImport.bind(header, at: 10)
    try insertImport.bind(info.delimiter, at: 11)
    try insertImport.run()
    summary.importID = connection.lastInsertRowID
    columns = AnswerColumns(survey: survey).columns
    insertResponse = try connection.prepare(
      """
      INSERT OR IGNORE INTO responses (survey_id, survey_version, import, respondent_key, person_key,
        chapter, wave, submitted_at, weight, source_line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """)
    let names = (["response"] + columns.map(\.name)).map(AnswerColumns.quoted).joined(
      separator: ", ")
    let marks = Array(repeating: "?", count: columns.count + 1).joined(separator: ", ")
    insertAnswers = try connection.prepare("INSERT INTO answers (\(names)) VALUES (\(marks))")
    insertReject = try connection.prepare(
      """
      INSERT OR IGNORE INTO rejects (survey_id, import, row_key, response_key, source_line, raw,
        reasons) VALUES (?, ?, ?, ?, ?, ?, ?)
      """)
    insertWarning = try connection.prepare(
      "INSERT INTO warnings (import, response, source_line, question, message) VALUES (?, ?, ?, ?, ?)"
    )
    findResponse = try connection.prepare(
      """
      SELECT r.id, r.source_line, i.file_name FROM responses r JOIN imports i ON i.id = r.import
      WHERE r.survey_id = ? AND r.respondent_key = ?
      """)
    storedAnswers = try connection.prepare(
      "SELECT r.chapter, r.weight, r.person_key"
        + columns.map { ", a." + AnswerColumns.quoted($0.name) }.joined()
        + " FROM responses r JOIN answers a ON a.response = r.id WHERE r.id = ?")
    try connection.execute(
      """
      CREATE TEMP TABLE IF NOT EXISTS import_occurrences (digest TEXT PRIMARY KEY, seen INTEGER);
      DELETE FROM temp.import_occurrences;
      """)
    countOccurrence = try connection.prepare(
      """
      INSERT INTO temp.import_occurrences (digest, seen) VALUES (?, 1)
      ON CONFLICT (digest) DO UPDATE SET seen = seen + 1 RETURNING seen
      """)
    resolveByKey = try connection.prepare(
      """
      UPDATE rejects SET resolved_by = ? WHERE survey_id = ? AND response_key = ?
        AND resolved_by IS NULL
      """)
    resolveByMarker = try connection.prepare(
      "UPDATE rejects SET resolved_by = ? WHERE id = ? AND survey_id = ? AND resolved_by IS NULL")
    supersedeByMarker = try connection.prepare(
      """
      UPDATE rejects SET superseded_by = ? WHERE id = ? AND id != ? AND survey_id = ?
        AND resolved_by IS NULL AND superseded_by IS NULL
      """)
    legacy = try LegacyKeys(store: store, survey: survey, info: info)
  }

  /// Stores, recognises or rejects one row; a row the store rejects gains its reason.
  mutating func add(_ row: inout ImportedRow) throws -> RowOutcome {
    summary.rows += 1
    let identity = try identify(row)
    if row.isRejected { return try reject(row, identity: identity) }
    try legacy?.adopt(row, as: identity.key, session: self)
    guard let responseID = try insert(row, key: identity.key) else {
      return try recognise(&row, identity: identity)
    }
    try stored(row, responseID: responseID, identity: identity)
    summary.accepted += 1
    return .accepted
  }

  /// A row whose key is already stored: the same response again, or (a row with an id whose
  /// answers differ) a changed one.
  private mutating func recognise(_ row: inout ImportedRow, identity: RowIdentity) throws
    -> RowOutcome
  {
    guard let existing = try stored(key: identity.key) else {
      throw StoreError.database("a response key was reported taken but cannot be found")
    }
    if try !identity.hasID || sameAnswers(row, as: existing.id) {
      try resolve(marker: row.correctsReject, by: existing.id)
      summary.alreadyPresent += 1
      return .alreadyPresent
    }
    guard info.replacesChanged else {
      row.problems.append(changedProblem(row, existing: existing))
      summary.changed += 1
      return try reject(row, identity: identity)
    }
    try retire(existing.id)
    guard let responseID = try insert(row, key: identity.key) else {
      throw StoreError.database("a replaced response's key is still taken")
    }
    try store.connection.prepare("UPDATE responses SET replaced_by = ? WHERE id = ?").run(
      binding: [responseID, existing.id])
    try stored(row, responseID: responseID, identity: identity)
    summary.replaced += 1
    return .replaced
  }

  /// The rest of storing an accepted row: its answers, warnings, wave and resolved rejects.
  private mutating func stored(_ row: ImportedRow, responseID: Int64, identity: RowIdentity)
    throws
  {
    try bindAnswers(row, responseID: responseID)
    try insertAnswers.run()
    for problem in row.problems where problem.severity == .warning {
      try insertWarning.bind(summary.importID, at: 1)
      try insertWarning.bind(responseID, at: 2)
      try insertWarning.bind(problem.location?.line ?? row.line, at: 3)
      try insertWarning.bind(problem.question, at: 4)
      try insertWarning.bind(problem.message, at: 5)
      try insertWarning.run()
      summary.warnings += 1
    }
    if identity.hasID {
      try resolveByKey.bind(responseID, at: 1)
      try resolveByKey.bind(survey.id, at: 2)
      try resolveByKey.bind(identity.key, at: 3)
      try resolveByKey.run()
    }
    try resolve(marker: row.correctsReject, by: responseID)
    waves.insert(row.wave ?? "1")
  }

  /// Inserts the response; nil when its key is taken.
  private func insert(_ row: ImportedRow, key: String) throws -> Int64? {
    try insertResponse.bind(survey.id, at: 1)
    try insertResponse.bind(survey.version, at: 2)
    try insertResponse.bind(summary.importID, at: 3)
    try insertResponse.bind(key, at: 4)
    try insertResponse.bind(row.personValue.map { store.key("person\u{0}" + $0) }, at: 5)
    try insertResponse.bind(row.chapter, at: 6)
    try insertResponse.bind(row.wave ?? "1", at: 7)
    try insertResponse.bind(row.submittedAt.map(TimestampParser.iso), at: 8)
    try insertResponse.bind(row.weight, at: 9)
    try insertResponse.bind(row.line, at: 10)
    try insertResponse.run()
    return store.connection.changes > 0 ? store.connection.lastInsertRowID : nil
  }

  /// The stored response with a key.
  func stored(key: String) throws -> (id: Int64, line: Int, file: String)? {
    try findResponse.bind(survey.id, at: 1)
    try findResponse.bind(key, at: 2)
    defer { findResponse.reset() }
    guard try findResponse.step() == .row else { return nil }
    return (findResponse.int64(at: 0), findResponse.int(at: 1), findResponse.string(at: 2))
  }

  /// Frees a replaced version's key for its successor; the version itself stays.
  private func retire(_ id: Int64) throws {
    try store.connection.prepare(
      "UPDATE responses SET respondent_key = respondent_key || '~' || id WHERE id = ?"
    ).run(binding: [id])
  }

  private func resolve(marker: Int64?, by responseID: Int64) throws {
    guard let marker else { return }
    try resolveByMarker.bind(responseID, at: 1)
    try resolveByMarker.bind(marker, at: 2)
    try resolveByMarker.bind(survey.id, at: 3)
    try resolveByMarker.run()
  }

  private func changedProblem(_ row: ImportedRow, existing: (id: Int64, line: Int, file: String))
    -> RowProblem
  {
    RowProblem(
      severity: .error, id: "ingest.changedResponse",
      message: "this response's id was imported before (\(existing.file) line \(existing.line)) "
        + "with other answers: if these are its corrected answers, import the file again with "
        + "--replace-changed; if it is another response, give it an id of its own",
      question: nil,
      location: CellLocation(
        path: info.sourcePath, recordLine: row.line,
        rawText: String(decoding: row.raw, as: UTF8.self),
        position: CSVPosition(line: row.line, column: 1)))
  }

  mutating func finish(_ tail: ImportTail) throws {
    summary.emptyRows = tail.emptyRows
    let update = try store.connection.prepare(
      """
      UPDATE imports SET rows_read = ?, accepted = ?, already_present = ?, rejected = ?, warnings = ?,
        replaced = ?, empty_rows = ?, file_sha256 = ? WHERE id = ?
      """)
    try update.run(binding: [
      summary.rows, summary.accepted, summary.alreadyPresent, summary.rejected, summary.warnings,
      summary.replaced, summary.emptyRows, tail.fileSHA256 ?? info.fileSHA256, summary.importID,
    ])
    let insertWave = try store.connection.prepare(
      "INSERT INTO import_waves (import, wave) VALUES (?, ?)")
    for wave in waves.sorted() {
      try insertWave.run(binding: [summary.importID, wave])
    }
    try store.connection.execute("DELETE FROM temp.import_occurrences")
  }
}

/// What an import learns only after its last row.
package struct ImportTail: Sendable {
  /// The empty records skipped.
  package var emptyRows = 0
  /// The file's SHA-256, when it was computed meanwhile (otherwise the one in ``ImportInfo``).
  package var fileSHA256: String?

  /// Creates a tail.
  package init(emptyRows: Int = 0, fileSHA256: String? = nil) {
    self.emptyRows = emptyRows
    self.fileSHA256 = fileSHA256
  }
}
