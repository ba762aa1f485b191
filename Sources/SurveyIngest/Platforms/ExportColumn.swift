/// Metadata a platform adds to each response.
package enum MetadataField: String, Sendable, Hashable {
  /// The platform's response identifier (a stable respondent key).
  case responseID
  /// When the response was submitted.
  case submittedAt
  /// When the respondent started.
  case startedAt
  /// The chapter, when assigned in the export rather than asked.
  case chapter
  /// The wave, when assigned in the export rather than asked.
  case wave
  /// The language the respondent answered in.
  case language
  /// A column the toolkit never reads (IP addresses, device ids, names the platform collected):
  /// such columns are dropped at import and never stored.
  case ignored
  /// Whether the response is complete, a preview or a test (Qualtrics `Status`, `Finished`).
  case status
  /// The rejected row a corrected row replaces: the `survey_reject` column that
  /// `survey rejects --csv` adds to the rows it writes out.
  case rejectID
}

extension MetadataField {
  /// The header of the column `survey rejects --csv` adds (see ``rejectID``).
  package static let rejectColumn = "survey_reject"
}

/// What one column of an export holds.
package enum ColumnRole: Sendable, Hashable {
  /// Platform metadata.
  case metadata(MetadataField)
  /// The whole answer to a question (a single choice, a number, text, a date, or a multiple
  /// choice written in one cell).
  case answer(String)
  /// One option of a multiple-choice question, split into its own column.
  case option(String, code: Int)
  /// The "other, please specify" text of a question.
  case other(String)
}

/// One column of an export: its header cells (one per header row) and what it holds.
package struct ExportColumn: Sendable, Hashable {
  /// The header text in each header row.
  package var headers: [String]
  /// What the column holds.
  package var role: ColumnRole

  /// Creates a column.
  package init(headers: [String], role: ColumnRole) {
    self.headers = headers
    self.role = role
  }
}
