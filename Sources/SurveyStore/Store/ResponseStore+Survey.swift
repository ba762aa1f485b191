import SurveyCore

extension ResponseStore {
  /// Records a survey version (with its codebook) and makes sure the `answers` table has a
  /// column for each of its questions, renaming the columns of questions declared
  /// `renamed from` an earlier name.
  ///
  /// - Returns: The row id of the survey version in `surveys`.
  @discardableResult
  package func register(_ survey: Survey, codebook: String) throws -> Int64 {
    let select = try connection.prepare(
      "SELECT id FROM surveys WHERE survey_id = ? AND version = ? AND codebook = ?")
    try select.bind(survey.id, at: 1)
    try select.bind(survey.version, at: 2)
    try select.bind(codebook, at: 3)
    let rowID: Int64
    if try select.step() == .row {
      rowID = select.int64(at: 0)
    } else {
      let insert = try connection.prepare(
        "INSERT INTO surveys (survey_id, version, title, codebook) VALUES (?, ?, ?, ?)")
      try insert.bind(survey.id, at: 1)
      try insert.bind(survey.version, at: 2)
      try insert.bind(survey.title.text(in: survey.defaultLanguage), at: 3)
      try insert.bind(codebook, at: 4)
      try insert.run()
      rowID = connection.lastInsertRowID
    }
    try ensureColumns(for: survey)
    return rowID
  }

  /// The columns `answers` has now.
  package func answerTableColumns() throws -> [String] {
    let info = try connection.prepare("PRAGMA table_info(answers)")
    var names: [String] = []
    while try info.step() == .row { names.append(info.string(at: 1)) }
    return names
  }

  private func ensureColumns(for survey: Survey) throws {
    var existing = Set(try answerTableColumns().map { $0.lowercased() })
    for question in survey.questions where !existing.contains(question.id.lowercased()) {
      guard let old = question.renamedFrom.first(where: { existing.contains($0.lowercased()) })
      else { continue }
      try connection.execute(
        "ALTER TABLE answers RENAME COLUMN \(AnswerColumns.quoted(old)) TO \(AnswerColumns.quoted(question.id))"
      )
      existing.remove(old.lowercased())
      existing.insert(question.id.lowercased())
    }
    for column in AnswerColumns(survey: survey).columns
    where !existing.contains(column.name.lowercased()) {
      try connection.execute(
        "ALTER TABLE answers ADD COLUMN \(AnswerColumns.quoted(column.name)) \(column.type)")
      existing.insert(column.name.lowercased())
    }
  }
}

extension ResponseStore {
  /// The codebooks of the survey versions each wave's responses were imported with.
  ///
  /// Reads `import_waves` (a few rows per import), not the responses; a version 1 store opened
  /// read-only, which has no such table yet, is read from its responses.
  package func waveCodebooks(of survey: Survey) throws -> [String: [String]] {
    let query: SQLiteStatement
    do {
      query = try connection.prepare(
        """
        SELECT DISTINCT w.wave, s.codebook FROM import_waves w JOIN imports i ON w.import = i.id
        JOIN surveys s ON i.survey = s.id WHERE i.survey_id = ? ORDER BY w.wave, s.id
        """)
    } catch {
      query = try connection.prepare(
        """
        SELECT DISTINCT r.wave, s.codebook FROM (SELECT DISTINCT import, wave FROM responses
        WHERE survey_id = ?) r JOIN imports i ON r.import = i.id JOIN surveys s ON i.survey = s.id
        ORDER BY r.wave, s.id
        """)
    }
    try query.bind(survey.id, at: 1)
    var result: [String: [String]] = [:]
    while try query.step() == .row {
      result[query.string(at: 0), default: []].append(query.string(at: 1))
    }
    return result
  }
}
