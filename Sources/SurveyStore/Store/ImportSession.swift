import SurveyCore
import SurveyIngest

/// What one import is: where the rows come from.
package struct ImportInfo: Sendable {
  /// The file's name as given.
  package var fileName: String
  /// Its SHA-256 (hex).
  package var fileSHA256: String
  /// Its size.
  package var fileBytes: Int
  /// The platform whose export it is.
  package var platform: Platform
  /// The moment of the import (ISO 8601, UTC).
  package var importedAt: String
  /// The chapter given at import, if any.
  package var chapter: String?
  /// The wave given at import, if any.
  package var wave: String?
  /// The header rows as they were in the file (to write rejected rows back out).
  package var header: [[UInt8]]
  /// The file's delimiter.
  package var delimiter: String

  /// Creates import information.
  package init(
    fileName: String, fileSHA256: String, fileBytes: Int, platform: Platform, importedAt: String,
    chapter: String?, wave: String?, header: [[UInt8]], delimiter: String
  ) {
    self.fileName = fileName
    self.fileSHA256 = fileSHA256
    self.fileBytes = fileBytes
    self.platform = platform
    self.importedAt = importedAt
    self.chapter = chapter
    self.wave = wave
    self.header = header
    self.delimiter = delimiter
  }
}

/// What happened to one row.
package enum RowOutcome: Sendable, Equatable {
  /// Stored as a new response.
  case accepted
  /// Already in the store (same respondent key): nothing stored.
  case alreadyPresent
  /// Rejected and kept with its reasons.
  case rejected
  /// Rejected, and already kept as rejected by an earlier import.
  case rejectedAgain
}

/// The counts of an import.
package struct ImportSummary: Sendable, Equatable {
  /// Rows read.
  package var rows = 0
  /// New responses stored.
  package var accepted = 0
  /// Responses already in the store.
  package var alreadyPresent = 0
  /// Rows rejected (new and again).
  package var rejected = 0
  /// Rows rejected that an earlier import had already kept.
  package var rejectedAgain = 0
  /// Warnings on accepted rows.
  package var warnings = 0
  /// Rejection reasons: a description and how many rows have it.
  package var reasons: [String: Int] = [:]
  /// The import's id in the store.
  package var importID: Int64 = 0

  /// Creates an empty summary.
  package init() {}
}
