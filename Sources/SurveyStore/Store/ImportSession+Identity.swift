import SurveyCore
import SurveyIngest

/// How the store recognises a row (see ``ImportSession``).
struct RowIdentity {
  /// The response key (`responses.respondent_key`); for a row without an id, the digest of its
  /// text and scope followed by `:` and its occurrence in the file.
  var key: String
  /// Whether the key comes from the platform's response id.
  var hasID: Bool
}

extension ImportSession {
  /// The identity of a row: its response id within its wave and the chapter given at import,
  /// or, without an id, its text in that scope and which occurrence of that text it is.
  mutating func identify(_ row: ImportedRow) throws -> RowIdentity {
    let scope = [row.wave ?? "1", info.chapter ?? ""].joined(separator: "\u{0}")
    if let id = row.responseID, !id.isEmpty {
      let text = ["id", info.platform.rawValue, scope, id].joined(separator: "\u{0}")
      return RowIdentity(key: store.key(text), hasID: true)
    }
    // Nothing of a record too large to read was kept: its file and line stand for its text.
    let text = row.isTooLarge ? Array("\(info.fileName)\u{0}\(row.line)".utf8) : row.raw
    let kind = row.isTooLarge ? "too-large" : "row"
    let digest = store.key(bytes: Array((kind + "\u{0}" + scope + "\u{0}").utf8) + text)
    try countOccurrence.bind(digest, at: 1)
    defer { countOccurrence.reset() }
    guard try countOccurrence.step() == .row else {
      throw StoreError.database("the occurrences of an import's rows cannot be counted")
    }
    return RowIdentity(key: digest + ":" + String(countOccurrence.int(at: 0)), hasID: false)
  }

  /// Rejects a row and keeps it with its reasons (once: the same row rejected by an earlier
  /// import is counted, not kept again).
  mutating func reject(_ row: ImportedRow, identity: RowIdentity) throws -> RowOutcome {
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
    // A changed response passed the decoder's checks, so its text is still unredacted.
    let raw =
      row.problems.contains { $0.id == "ingest.changedResponse" } ? info.redact(row.raw) : row.raw
    // Two different rejected versions of one response are two rejects.
    let rowKey = identity.hasID ? identity.key + ":" + store.key(bytes: raw) : identity.key
    try legacy?.adoptReject(row, raw: raw, as: rowKey, responseKey: identity, session: self)
    try insertReject.bind(survey.id, at: 1)
    try insertReject.bind(summary.importID, at: 2)
    try insertReject.bind(rowKey, at: 3)
    try insertReject.bind(identity.hasID ? identity.key : nil, at: 4)
    try insertReject.bind(row.line, at: 5)
    try insertReject.bind(raw, at: 6)
    try insertReject.bind(reasons.compact, at: 7)
    try insertReject.run()
    summary.rejected += 1
    guard store.connection.changes > 0 else {
      summary.rejectedAgain += 1
      return .rejectedAgain
    }
    if let marker = row.correctsReject {
      try supersedeByMarker.run(binding: [
        store.connection.lastInsertRowID, marker, store.connection.lastInsertRowID, survey.id,
      ])
    }
    return .rejected
  }

  /// The values a row stores in `answers`, one per column in ``columns`` order.
  func answerValues(_ row: ImportedRow) -> [SQLiteValue] {
    columns.map { column in
      if column.isOther { return row.otherTexts[column.position].map { .text($0) } ?? .null }
      switch row.answers[column.position] {
      case .blank: return .null
      case .code(let code), .missing(_, let code): return .integer(Int64(code))
      case .codes(let codes): return .text(codes.map(String.init).joined(separator: ";"))
      case .number(let value):
        if column.type == "INTEGER", let integer = Int64(exactly: value) {
          return .integer(integer)
        }
        return .real(value)
      case .text(let text): return .text(text)
      case .date(let days): return .text(CivilDate.iso(days))
      }
    }
  }

  func bindAnswers(_ row: ImportedRow, responseID: Int64) throws {
    try insertAnswers.bind(responseID, at: 1)
    for (offset, value) in answerValues(row).enumerated() {
      try insertAnswers.bind(value, at: offset + 2)
    }
  }

  /// Whether a stored response holds the row's answers, chapter, weight and person key: what a
  /// report would read from it. The submission time is not compared (exports write it in
  /// different precisions and zones).
  func sameAnswers(_ row: ImportedRow, as responseID: Int64) throws -> Bool {
    let query = storedAnswers
    try query.bind(responseID, at: 1)
    defer { query.reset() }
    guard try query.step() == .row else { return false }
    let expected: [SQLiteValue] =
      [
        row.chapter.map { .text($0) } ?? .null, row.weight.map { .real($0) } ?? .null,
        row.personValue.map { .text(store.key("person\u{0}" + $0)) } ?? .null,
      ] + answerValues(row)
    for (index, value) in expected.enumerated()
    where !Self.sameValue(query.value(at: index), value) {
      return false
    }
    return true
  }

  /// Equal as stored values: numbers compare by value whatever their storage class (a REAL
  /// column stores 3 as 3.0).
  static func sameValue(_ stored: SQLiteValue, _ value: SQLiteValue) -> Bool {
    switch (stored, value) {
    case (.integer(let a), .real(let b)), (.real(let b), .integer(let a)): Double(a) == b
    default: stored == value
    }
  }
}

/// The keys of a store from before version 3, kept in `legacy_key`: a response was keyed by its
/// platform id alone (or its text), whatever its wave. The importer recognises such responses
/// and rejected rows by their old key when it meets them again, and gives them their new key.
struct LegacyKeys {
  let findResponse: SQLiteStatement
  let adoptResponse: SQLiteStatement
  let findReject: SQLiteStatement
  let adoptReject: SQLiteStatement

  /// The statements, or nil when the survey has nothing stored before version 3.
  init?(store: ResponseStore, survey: Survey, info: ImportInfo) throws {
    let connection = store.connection
    let exists = try connection.prepare(
      """
      SELECT EXISTS (SELECT 1 FROM responses WHERE survey_id = ?1 AND legacy_key IS NOT NULL)
        OR EXISTS (SELECT 1 FROM rejects WHERE survey_id = ?1 AND legacy_key IS NOT NULL)
      """)
    try exists.bind(survey.id, at: 1)
    guard try exists.step() == .row, exists.int(at: 0) != 0 else { return nil }
    findResponse = try connection.prepare(
      """
      SELECT r.id FROM responses r JOIN imports i ON i.id = r.import
      WHERE r.survey_id = ? AND r.legacy_key = ? AND r.wave = ? AND i.chapter IS ?
        AND r.replaced_by IS NULL
      """)
    adoptResponse = try connection.prepare(
      "UPDATE responses SET respondent_key = ?, legacy_key = NULL WHERE id = ?")
    findReject = try connection.prepare(
      "SELECT id FROM rejects WHERE survey_id = ? AND legacy_key = ?")
    adoptReject = try connection.prepare(
      "UPDATE rejects SET row_key = ?, response_key = ?, legacy_key = NULL WHERE id = ?")
  }

  /// The key a version 2 store gave a row.
  static func key(_ row: ImportedRow, raw: [UInt8], session: ImportSession) -> String {
    if let id = row.responseID, !id.isEmpty {
      return session.store.key(session.info.platform.rawValue + "\u{0}" + id)
    }
    return session.store.key(bytes: Array("row\u{0}".utf8) + raw)
  }

  /// Gives a response stored before version 3 that this row is the same response as (same
  /// old key, wave and chapter given at import) the row's new key.
  func adopt(_ row: ImportedRow, as key: String, session: ImportSession) throws {
    try findResponse.bind(session.survey.id, at: 1)
    try findResponse.bind(Self.key(row, raw: row.raw, session: session), at: 2)
    try findResponse.bind(row.wave ?? "1", at: 3)
    try findResponse.bind(session.info.chapter, at: 4)
    let found = try findResponse.step() == .row ? findResponse.int64(at: 0) : nil
    findResponse.reset()
    guard let found else { return }
    try adoptResponse.run(binding: [key, found])
  }

  /// Gives a rejected row kept before version 3 with the same old key its new keys.
  func adoptReject(
    _ row: ImportedRow, raw: [UInt8], as rowKey: String, responseKey: RowIdentity,
    session: ImportSession
  ) throws {
    try findReject.bind(session.survey.id, at: 1)
    try findReject.bind(Self.key(row, raw: raw, session: session), at: 2)
    let found = try findReject.step() == .row ? findReject.int64(at: 0) : nil
    findReject.reset()
    guard let found else { return }
    try adoptReject.bind(rowKey, at: 1)
    try adoptReject.bind(responseKey.hasID ? responseKey.key : nil, at: 2)
    try adoptReject.bind(found, at: 3)
    try adoptReject.run()
  }
}

extension String {
  fileprivate func replacingPrefix(_ prefix: String) -> String {
    hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self
  }
}
