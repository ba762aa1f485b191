import SurveyCore
import SurveyIngest

extension ResponseStore {
  /// Imports rows in one transaction: either every accepted row, rejected row and warning of
  /// the import is stored, or (when anything throws, or the process dies) none is.
  ///
  /// - Parameters:
  ///   - survey: The survey the rows answer.
  ///   - codebook: The survey's JSON codebook, stored with its version.
  ///   - info: Where the rows come from.
  ///   - rows: Calls its argument once per row, in file order.
  /// - Returns: The counts.
  package func importRows(
    survey: Survey, codebook: String, info: ImportInfo,
    rows: (_ add: (ImportedRow) throws -> RowOutcome) throws -> Void
  ) throws -> ImportSummary {
    try connection.transaction {
      let surveyRow = try register(survey, codebook: codebook)
      var session = try ImportSession(store: self, survey: survey, surveyRow: surveyRow, info: info)
      try rows { row in try session.add(row) }
      try session.finish()
      return session.summary
    }
  }
}

/// The prepared statements and counts of one import (inside its transaction).
struct ImportSession {
  let store: ResponseStore
  let survey: Survey
  let info: ImportInfo
  let columns: [AnswerColumns.Column]
  let insertResponse: SQLiteStatement
  let insertAnswers: SQLiteStatement
  let insertReject: SQLiteStatement
  let insertWarning: SQLiteStatement
  let resolveReject: SQLiteStatement
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
      INSERT OR IGNORE INTO rejects (survey_id, import, row_key, source_line, raw, reasons)
      VALUES (?, ?, ?, ?, ?, ?)
      """)
    insertWarning = try connection.prepare(
      "INSERT INTO warnings (import, response, source_line, question, message) VALUES (?, ?, ?, ?, ?)"
    )
    resolveReject = try connection.prepare(
      "UPDATE rejects SET resolved_by = ? WHERE survey_id = ? AND row_key = ? AND resolved_by IS NULL"
    )
  }

  /// The salted respondent key of a row: from the platform's response id, else from its text.
  func rowKey(_ row: ImportedRow) -> String {
    if let id = row.responseID, !id.isEmpty {
      return store.key(info.platform.rawValue + "\u{0}" + id)
    }
    return store.key(bytes: Array("row\u{0}".utf8) + row.raw)
  }

  mutating func add(_ row: ImportedRow) throws -> RowOutcome {
    summary.rows += 1
    let key = rowKey(row)
    if row.isRejected { return try reject(row, key: key) }
    try insertResponse.bind(survey.id, at: 1)
    try insertResponse.bind(survey.version, at: 2)
    try insertResponse.bind(summary.importID, at: 3)
    try insertResponse.bind(key, at: 4)
    try insertResponse.bind(row.personValue.map { store.key("person\u{0}" + $0) }, at: 5)
    try insertResponse.bind(row.chapter, at: 6)
    let wave = row.wave ?? "1"
    try insertResponse.bind(wave, at: 7)
    try insertResponse.bind(row.submittedAt.map(TimestampParser.iso), at: 8)
    try insertResponse.bind(row.weight, at: 9)
    try insertResponse.bind(row.line, at: 10)
    try insertResponse.run()
    guard store.connection.changes > 0 else {
      summary.alreadyPresent += 1
      return .alreadyPresent
    }
    let responseID = store.connection.lastInsertRowID
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
    try resolveReject.bind(responseID, at: 1)
    try resolveReject.bind(survey.id, at: 2)
    try resolveReject.bind(key, at: 3)
    try resolveReject.run()
    summary.accepted += 1
    waves.insert(wave)
    return .accepted
  }

  private mutating func reject(_ row: ImportedRow, key: String) throws -> RowOutcome {
    let errors = row.problems.filter { $0.severity == .error }
    for problem in errors {
      let reason = problem.question.map { "\($0): " } ?? ""
      summary.reasons[reason + problem.id.replacingPrefix("ingest."), default: 0] += 1
    }
    let reasons = JSONValue.array(
      errors.map { problem in
        .object([
          ("line", .integer(problem.location?.line ?? row.line)),
          ("column", problem.location.map { .integer($0.column) } ?? .null),
          ("question", .string(problem.question)), ("id", .string(problem.id)),
          ("message", .string(problem.message)),
        ])
      })
    try insertReject.bind(survey.id, at: 1)
    try insertReject.bind(summary.importID, at: 2)
    try insertReject.bind(key, at: 3)
    try insertReject.bind(row.line, at: 4)
    try insertReject.bind(row.raw, at: 5)
    try insertReject.bind(reasons.compact, at: 6)
    try insertReject.run()
    summary.rejected += 1
    if store.connection.changes == 0 {
      summary.rejectedAgain += 1
      return .rejectedAgain
    }
    return .rejected
  }

  private func bindAnswers(_ row: ImportedRow, responseID: Int64) throws {
    try insertAnswers.bind(responseID, at: 1)
    for (offset, column) in columns.enumerated() {
      let index = offset + 2
      if column.isOther {
        try insertAnswers.bind(row.otherTexts[column.position], at: index)
        continue
      }
      switch row.answers[column.position] {
      case .blank: try insertAnswers.bindNull(at: index)
      case .code(let code), .missing(_, let code): try insertAnswers.bind(code, at: index)
      case .codes(let codes):
        try insertAnswers.bind(codes.map(String.init).joined(separator: ";"), at: index)
      case .number(let value):
        if column.type == "INTEGER", let integer = Int(exactly: value) {
          try insertAnswers.bind(integer, at: index)
        } else {
          try insertAnswers.bind(value, at: index)
        }
      case .text(let text): try insertAnswers.bind(text, at: index)
      case .date(let days): try insertAnswers.bind(CivilDate.iso(days), at: index)
      }
    }
  }

  mutating func finish() throws {
    let update = try store.connection.prepare(
      """
      UPDATE imports SET rows_read = ?, accepted = ?, already_present = ?, rejected = ?, warnings = ?
      WHERE id = ?
      """)
    try update.bind(summary.rows, at: 1)
    try update.bind(summary.accepted, at: 2)
    try update.bind(summary.alreadyPresent, at: 3)
    try update.bind(summary.rejected, at: 4)
    try update.bind(summary.warnings, at: 5)
    try update.bind(summary.importID, at: 6)
    try update.run()
    let insertWave = try store.connection.prepare(
      "INSERT INTO import_waves (import, wave) VALUES (?, ?)")
    for wave in waves.sorted() {
      try insertWave.bind(summary.importID, at: 1)
      try insertWave.bind(wave, at: 2)
      try insertWave.run()
    }
  }
}

extension String {
  fileprivate func replacingPrefix(_ prefix: String) -> String {
    hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self
  }
}

extension ResponseStore {
  /// Records the SHA-256 of an import's file once it is known.
  package func setFileHash(_ hash: String, import importID: Int64) throws {
    let update = try connection.prepare("UPDATE imports SET file_sha256 = ? WHERE id = ?")
    try update.bind(hash, at: 1)
    try update.bind(importID, at: 2)
    try update.run()
  }
}
