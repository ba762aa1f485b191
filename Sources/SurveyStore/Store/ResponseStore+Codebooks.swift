extension ResponseStore {
  /// The codebook (JSON) of the survey version stored last with this survey id, if any.
  package func latestCodebook(surveyID: String) throws -> String? {
    let query = try connection.prepare(
      "SELECT codebook FROM surveys WHERE survey_id = ? ORDER BY id DESC LIMIT 1")
    try query.bind(surveyID, at: 1)
    return try query.step() == .row ? query.string(at: 0) : nil
  }
}
