import SurveyCore

/// A problem with one row: an error rejects the row, a warning keeps it.
package struct RowProblem: Sendable, Hashable {
  /// Error or warning.
  package var severity: Severity
  /// A stable id, such as `ingest.outOfRange`.
  package var id: String
  /// What is wrong.
  package var message: String
  /// The question concerned, if any.
  package var question: String?
  /// Where the cell is.
  package var location: CellLocation?

  /// Creates a problem.
  package init(
    severity: Severity, id: String, message: String, question: String?, location: CellLocation?
  ) {
    self.severity = severity
    self.id = id
    self.message = message
    self.question = question
    self.location = location
  }

  /// The problem as a diagnostic.
  package var diagnostic: Diagnostic {
    Diagnostic(severity, id: id, message, at: location?.range())
  }
}

/// One response read from an export: its decoded answers, metadata and problems.
package struct ImportedRow: Sendable {
  /// The physical line where the row starts.
  package var line: Int
  /// The row exactly as it was in the file.
  package var raw: [UInt8]
  /// One answer per question, in survey order.
  package var answers: [Answer]
  /// "Other" texts by question position.
  package var otherTexts: [Int: String]
  /// The platform's response identifier, if the export has one.
  package var responseID: String?
  /// When it was submitted (seconds since 1970, UTC).
  package var submittedAt: Int?
  /// The chapter (the answer's name or code, free text, or given at import).
  package var chapter: String?
  /// The wave.
  package var wave: String?
  /// The weight, if the survey has a weight question.
  package var weight: Double?
  /// Values of `private hashed` questions, to be turned into a salted person key.
  package var personValue: String?
  /// Errors (the row is rejected) and warnings (it is kept).
  package var problems: [RowProblem]
  /// Whether the row stands for a record over the reader's limits, of which nothing was read.
  package var isTooLarge = false
  /// The rejected row that this row corrects, when it comes from a file written by
  /// `survey rejects --csv` (its `survey_reject` column).
  package var correctsReject: Int64?

  /// Whether the row is rejected.
  package var isRejected: Bool { problems.contains { $0.severity == .error } }
}
