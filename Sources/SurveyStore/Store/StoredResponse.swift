import SurveyCore

/// A stored response read back for reports and exports.
package struct StoredResponse: Sendable {
  /// The response's row id.
  package var id: Int64
  /// The chapter.
  package var chapter: String?
  /// The wave.
  package var wave: String
  /// When it was submitted (ISO 8601).
  package var submittedAt: String?
  /// The weight.
  package var weight: Double?
  /// The salted person key, when the survey has a `private hashed` field.
  package var personKey: String?
  /// One answer per question of the survey the responses are read with.
  package var answers: [Answer]
  /// "Other" texts by question position.
  package var otherTexts: [Int: String]
}

extension ResponseStore {
  /// Streams the stored responses to a survey, answers decoded with the given survey version
  /// (columns it does not have are blank).
  ///
  /// - Parameters:
  ///   - survey: The survey (its id selects the responses).
  ///   - chapter: Only this chapter, when given.
  ///   - wave: Only this wave, when given.
  ///   - body: Called once per response, in the order they were stored.
  ///   - ids: Only responses whose id is in this range, when given (for reading in parallel).
  package func forEachResponse(
    of survey: Survey, chapter: String? = nil, wave: String? = nil, ids: Range<Int64>? = nil,
    _ body: (StoredResponse) throws -> Void
  ) throws {
    let available = Set(try answerTableColumns().map { $0.lowercased() })
    let columns = AnswerColumns(survey: survey).columns.filter {
      available.contains($0.name.lowercased())
    }
    let selected = columns.map { "a." + AnswerColumns.quoted($0.name) }
    var sql =
      "SELECT r.id, r.chapter, r.wave, r.submitted_at, r.weight, r.person_key"
      + (selected.isEmpty ? "" : ", " + selected.joined(separator: ", "))
      + " FROM responses r JOIN answers a ON a.response = r.id WHERE r.survey_id = ? AND "
      + currentResponses()
    if chapter != nil { sql += " AND r.chapter = ?" }
    if wave != nil { sql += " AND r.wave = ?" }
    if ids != nil { sql += " AND r.id >= ? AND r.id < ?" }
    sql += " ORDER BY r.id"
    let query = try connection.prepare(sql)
    try query.bind(survey.id, at: 1)
    var index = 2
    if let chapter {
      try query.bind(chapter, at: index)
      index += 1
    }
    if let wave {
      try query.bind(wave, at: index)
      index += 1
    }
    if let ids {
      try query.bind(ids.lowerBound, at: index)
      try query.bind(ids.upperBound, at: index + 1)
    }
    let questions = survey.questions
    let decoders = questions.map { ColumnDecoder($0, survey.choiceSet(of: $0)) }
    while try query.step() == .row {
      var response = StoredResponse(
        id: query.int64(at: 0), chapter: query.isNull(at: 1) ? nil : query.string(at: 1),
        wave: query.string(at: 2), submittedAt: query.isNull(at: 3) ? nil : query.string(at: 3),
        weight: query.isNull(at: 4) ? nil : query.double(at: 4),
        personKey: query.isNull(at: 5) ? nil : query.string(at: 5),
        answers: Array(repeating: .blank, count: questions.count), otherTexts: [:])
      for (offset, column) in columns.enumerated() {
        let at = offset + 6
        guard !query.isNull(at: at) else { continue }
        if column.isOther {
          response.otherTexts[column.position] = query.string(at: at)
          continue
        }
        response.answers[column.position] = decoders[column.position].answer(query, at)
      }
      try body(response)
    }
  }

  /// The smallest and largest response id of a survey, to split reading into ranges.
  ///
  /// Each end is found by walking the table in id order from that end and stopping at the
  /// first current response of the survey (`min()` and `max()` with a condition would read the
  /// whole table: 1.2 s for a million responses).
  package func responseIDBounds(of survey: Survey) throws -> ClosedRange<Int64>? {
    var ends: [Int64] = []
    for order in ["ASC", "DESC"] {
      let query = try connection.prepare(
        "SELECT id FROM responses NOT INDEXED WHERE survey_id = ? AND "
          + currentResponses(alias: "")
          + " ORDER BY id \(order) LIMIT 1")
      try query.bind(survey.id, at: 1)
      guard try query.step() == .row, !query.isNull(at: 0) else { return nil }
      ends.append(query.int64(at: 0))
    }
    guard ends.count == 2, ends[0] <= ends[1] else { return nil }
    return ends[0]...ends[1]
  }
}

/// How one stored answer column becomes an answer, worked out once per query.
private enum ColumnDecoder {
  case single(missing: [Int: MissingKind])
  case multiple
  case number
  case text
  case date

  init(_ question: Question, _ set: ChoiceSet?) {
    switch question.type {
    case .single:
      var missing: [Int: MissingKind] = [:]
      for choice in set?.choices ?? [] {
        if let kind = choice.missing { missing[choice.code] = kind }
      }
      self = .single(missing: missing)
    case .multiple: self = .multiple
    case .number: self = .number
    case .text: self = .text
    case .date: self = .date
    }
  }

  func answer(_ query: SQLiteStatement, _ at: Int) -> Answer {
    switch self {
    case .single(let missing):
      let code = query.int(at: at)
      if let kind = missing[code] { return .missing(kind, code: code) }
      return .code(code)
    case .multiple:
      let codes = query.string(at: at).split(separator: ";").compactMap { Int($0) }
      return codes.isEmpty ? .blank : .codes(codes)
    case .number: return .number(query.double(at: at))
    case .text: return .text(query.string(at: at))
    case .date: return CivilDate.parseISO(query.string(at: at)).map { .date($0) } ?? .blank
    }
  }
}
