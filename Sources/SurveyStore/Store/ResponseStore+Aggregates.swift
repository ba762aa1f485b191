import Foundation
import SurveyCore

/// Counts of a survey's responses saved in the store, so that a report reads them instead of
/// every response, and then adds only the responses stored since.
package struct SavedAggregate: Sendable {
  /// The highest response id the counts include.
  package var throughResponse: Int64
  /// How many of the survey's responses they include (all those with an id up to
  /// ``throughResponse``).
  package var responses: Int64
  /// The counts, as the statistics module wrote them.
  package var counts: Data
}

extension ResponseStore {
  /// The saved counts of a survey for a fingerprint (of the survey's definition and of the
  /// layout of the counts), when they still describe the stored responses: the survey's
  /// responses up to their last id must be exactly as many as when they were saved (responses
  /// are never removed by the toolkit; a store edited by hand fails this check and is counted
  /// again). A store from before saved counts existed has none.
  package func savedAggregate(surveyID: String, fingerprint: String) throws -> SavedAggregate? {
    let query: SQLiteStatement
    do {
      query = try connection.prepare(
        """
        SELECT through_response, responses, counts FROM aggregates
        WHERE survey_id = ? AND fingerprint = ?
        """)
    } catch {
      return nil  // a version 1 store opened read-only: no table yet
    }
    try query.bind(surveyID, at: 1)
    try query.bind(fingerprint, at: 2)
    guard try query.step() == .row else { return nil }
    let saved = SavedAggregate(
      throughResponse: query.int64(at: 0), responses: query.int64(at: 1), counts: query.data(at: 2))
    let count = try responseCount(surveyID: surveyID, through: saved.throughResponse)
    return count == saved.responses ? saved : nil
  }

  /// Saves a survey's counts, replacing any saved before for the survey (except those with the
  /// fingerprint `keeping`: the unweighted counts a raked survey's weights come from).
  package func saveAggregate(
    surveyID: String, fingerprint: String, throughResponse: Int64, counts: Data,
    keeping: String? = nil
  ) throws {
    try connection.transaction {
      let responses = try responseCount(surveyID: surveyID, through: throughResponse)
      let delete = try connection.prepare(
        "DELETE FROM aggregates WHERE survey_id = ? AND fingerprint IS NOT ?")
      try delete.bind(surveyID, at: 1)
      try delete.bind(keeping, at: 2)
      try delete.run()
      let insert = try connection.prepare(
        """
        INSERT INTO aggregates (survey_id, fingerprint, through_response, responses, counts)
        VALUES (?, ?, ?, ?, ?)
        """)
      try insert.bind(surveyID, at: 1)
      try insert.bind(fingerprint, at: 2)
      try insert.bind(throughResponse, at: 3)
      try insert.bind(responses, at: 4)
      try insert.bind(counts, at: 5)
      try insert.run()
    }
  }

  /// How many of a survey's current responses have an id up to `through` (a response replaced
  /// by a new version since stops counting, so counts saved with it are not used).
  private func responseCount(surveyID: String, through: Int64) throws -> Int64 {
    let count = try connection.prepare(
      "SELECT count(*) FROM responses WHERE survey_id = ? AND id <= ? AND "
        + currentResponses(alias: ""))
    try count.bind(surveyID, at: 1)
    try count.bind(through, at: 2)
    _ = try count.step()
    return count.int64(at: 0)
  }
}
