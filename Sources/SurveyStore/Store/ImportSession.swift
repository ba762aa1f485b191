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
  /// Whether a response whose id was stored before with other answers is stored as a new
  /// version (otherwise it is rejected and kept).
  package var replacesChanged = false
  /// The file's path as the user gave it, for messages (the name alone is stored).
  package var sourcePath = ""
  /// Blanks the private and unread cells of a row's text, for keeping a row that the store
  /// itself rejects (see ``ResponseReader/redaction``).
  package var redact: @Sendable ([UInt8]) -> [UInt8] = { $0 }

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
  /// Stored as a new version of a response stored before with other answers (with
  /// `--replace-changed`); the earlier version is kept, no longer counted.
  case replaced
  /// Already in the store (the same response, with the same answers): nothing stored.
  case alreadyPresent
  /// Rejected and kept with its reasons.
  case rejected
  /// Rejected, and already kept as rejected by an earlier import.
  case rejectedAgain
}

/// The counts of an import: every data row is accepted, replaced, already present or rejected,
/// so ``rows`` is the sum of those four.
package struct ImportSummary: Sendable, Equatable {
  /// Data rows read (empty rows are not data rows).
  package var rows = 0
  /// New responses stored.
  package var accepted = 0
  /// New versions stored of responses whose answers changed (with `--replace-changed`).
  package var replaced = 0
  /// Responses whose id came back with other answers and were rejected (without
  /// `--replace-changed`); also counted in ``rejected``.
  package var changed = 0
  /// Empty records skipped (blank lines are not counted; rows of empty cells are).
  package var emptyRows = 0
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

  /// Whether every data row was stored or was already present.
  package var storedEverything: Bool { rejected == 0 }
}
