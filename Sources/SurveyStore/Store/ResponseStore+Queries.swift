import SurveyCore

/// One import as the store records it.
package struct ImportRecord: Sendable, Hashable {
  package var id: Int64
  package var surveyID: String
  package var fileName: String
  package var fileSHA256: String
  package var platform: String
  package var importedAt: String
  package var chapter: String?
  package var wave: String?
  package var rows: Int
  package var accepted: Int
  package var alreadyPresent: Int
  package var rejected: Int
  package var warnings: Int
  package var header: [UInt8]
  package var delimiter: String
  /// New versions stored of responses whose answers changed.
  package var replaced = 0
  /// Empty rows skipped.
  package var emptyRows = 0
}

/// A rejected row, as kept.
package struct RejectRecord: Sendable, Hashable {
  package var id: Int64
  package var importID: Int64
  package var sourceLine: Int
  package var raw: [UInt8]
  /// The reasons as stored (a JSON array).
  package var reasons: String
  /// Whether a later import accepted the row.
  package var isResolved: Bool
  /// Whether a corrected copy of it was rejected again (that copy is listed instead).
  package var isSuperseded = false
  /// Whether nothing of its text was kept: a record too large to read.
  package var isTooLarge: Bool { raw.isEmpty }
}

/// How many responses a chapter has in a wave.
package struct GroupCount: Sendable, Hashable {
  package var surveyID: String
  package var chapter: String?
  package var wave: String
  package var count: Int

  /// Creates a count.
  package init(surveyID: String, chapter: String?, wave: String, count: Int) {
    self.surveyID = surveyID
    self.chapter = chapter
    self.wave = wave
    self.count = count
  }
}

extension ResponseStore {
  /// Every import, oldest first.
  package func imports() throws -> [ImportRecord] {
    let query = try connection.prepare(
      """
      SELECT id, survey_id, file_name, file_sha256, platform, imported_at, chapter, wave, rows_read,
        accepted, already_present, rejected, warnings, header, delimiter,
        \(schemaVersion >= 3 ? "replaced, empty_rows" : "0, 0") FROM imports ORDER BY id
      """)
    var records: [ImportRecord] = []
    while try query.step() == .row {
      records.append(
        ImportRecord(
          id: query.int64(at: 0), surveyID: query.string(at: 1), fileName: query.string(at: 2),
          fileSHA256: query.string(at: 3), platform: query.string(at: 4),
          importedAt: query.string(at: 5),
          chapter: query.isNull(at: 6) ? nil : query.string(at: 6),
          wave: query.isNull(at: 7) ? nil : query.string(at: 7),
          rows: query.int(at: 8), accepted: query.int(at: 9), alreadyPresent: query.int(at: 10),
          rejected: query.int(at: 11), warnings: query.int(at: 12), header: query.blob(at: 13),
          delimiter: query.string(at: 14), replaced: query.int(at: 15),
          emptyRows: query.int(at: 16)))
    }
    return records
  }

  /// Responses per survey, chapter and wave.
  package func groupCounts() throws -> [GroupCount] {
    let query = try connection.prepare(
      "SELECT survey_id, chapter, wave, count(*) FROM responses WHERE "
        + currentResponses(alias: "") + " GROUP BY survey_id, chapter, wave ORDER BY 1, 2, 3")
    var counts: [GroupCount] = []
    while try query.step() == .row {
      counts.append(
        GroupCount(
          surveyID: query.string(at: 0), chapter: query.isNull(at: 1) ? nil : query.string(at: 1),
          wave: query.string(at: 2), count: query.int(at: 3)))
    }
    return counts
  }

  /// Rejected rows waiting to be fixed (neither accepted since nor replaced by a corrected copy
  /// that was rejected again), or every one with `includeResolved`.
  package func rejects(includeResolved: Bool = false) throws -> [RejectRecord] {
    let superseded = schemaVersion >= 3 ? "superseded_by IS NOT NULL" : "0"
    let query = try connection.prepare(
      "SELECT id, import, source_line, raw, reasons, resolved_by IS NOT NULL, \(superseded) FROM rejects"
        + (includeResolved ? "" : " WHERE resolved_by IS NULL AND NOT (\(superseded))")
        + " ORDER BY import, source_line")
    var records: [RejectRecord] = []
    while try query.step() == .row {
      records.append(
        RejectRecord(
          id: query.int64(at: 0), importID: query.int64(at: 1), sourceLine: query.int(at: 2),
          raw: query.blob(at: 3), reasons: query.string(at: 4), isResolved: query.int(at: 5) != 0,
          isSuperseded: query.int(at: 6) != 0))
    }
    return records
  }

  /// The number of stored responses (current versions only).
  package func responseCount(surveyID: String? = nil) throws -> Int {
    let query = try connection.prepare(
      "SELECT count(*) FROM responses WHERE " + currentResponses(alias: "")
        + (surveyID == nil ? "" : " AND survey_id = ?"))
    if let surveyID { try query.bind(surveyID, at: 1) }
    _ = try query.step()
    return query.int(at: 0)
  }
}
