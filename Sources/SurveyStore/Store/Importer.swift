import Foundation
import SurveyCore
import SurveyIngest

/// The outcome of importing one file.
package struct ImportResult: Sendable {
  /// The counts, or `nil` when the file was not imported at all.
  package var summary: ImportSummary?
  /// Problems with the file or its header (errors mean nothing was stored).
  package var fileDiagnostics: [Diagnostic]
  /// The platform the export came from.
  package var platform: Platform
}

/// Imports export files into a store: reads, maps, validates and stores, in one transaction per
/// file, hashing the file on another thread meanwhile.
package struct Importer {
  /// The store.
  package let store: ResponseStore
  /// The survey the exports answer.
  package let survey: Survey
  /// The survey's JSON codebook, stored with its version.
  package let codebook: String
  /// How an export's rows are read once its header is: by the column engine, or row by row
  /// (the reader itself, the default).
  package let rows: (ResponseReader) -> any ImportRowSource

  /// Creates an importer.
  package init(
    store: ResponseStore, survey: Survey, codebook: String,
    rows: @escaping (ResponseReader) -> any ImportRowSource = { $0 }
  ) {
    self.store = store
    self.survey = survey
    self.codebook = codebook
    self.rows = rows
  }

  /// Where an import is, for whoever watches it (and for tests that stop it there).
  package enum Stage: Sendable, Equatable {
    /// The transaction has begun; no row is stored yet.
    case began
    /// Every row is handed to the store; the transaction is about to commit.
    case committing
    /// The transaction has committed.
    case committed
  }

  /// Imports one file.
  ///
  /// - Parameters:
  ///   - path: The export.
  ///   - options: Platform, chapter, wave, time zone.
  ///   - importedAt: The moment recorded for the import.
  ///   - onStage: Called at each ``Stage``.
  ///   - onRow: Called after each row is stored or rejected (for messages and progress).
  /// - Throws: ``CSVIOError`` when the file cannot be read, ``SQLiteError`` when the store fails
  ///   (the import is then rolled back).
  package func importFile(
    _ path: String, options: ImportOptions, importedAt: Int,
    onStage: (Stage) -> Void = { _ in },
    onRow: (ImportedRow, RowOutcome, _ bytesRead: Int) -> Void = { _, _, _ in }
  ) throws -> ImportResult {
    let hasher = FileHasher(path: path)
    defer { _ = hasher.wait() }
    let reader = try ResponseReader(path: path, survey: survey, options: options)
    var diagnostics = reader.fileDiagnostics
    let platform = reader.mapping.platform
    if !reader.hasHeaderErrors, survey.roles.chapter == nil, options.chapter == nil,
      reader.mapping.column(for: .chapter) == nil
    {
      diagnostics.append(
        Diagnostic(
          .error, id: "ingest.noChapter",
          "this survey does not ask for the chapter and '\(path)' has no chapter column: import it with --chapter NAME",
          at: nil))
    }
    guard !diagnostics.hasErrors else {
      return ImportResult(summary: nil, fileDiagnostics: diagnostics, platform: platform)
    }
    var info = ImportInfo(
      fileName: (path as NSString).lastPathComponent, fileSHA256: "", fileBytes: reader.fileSize,
      platform: platform, importedAt: TimestampParser.iso(importedAt), chapter: options.chapter,
      wave: options.wave, header: reader.headerRaw,
      delimiter: String(UnicodeScalar(reader.delimiter)))
    info.replacesChanged = options.replacesChanged
    info.sourcePath = path
    info.redact = reader.redaction
    let source = rows(reader)
    let summary = try store.importRows(survey: survey, codebook: codebook, info: info) { add in
      onStage(.began)
      while var row = try source.next() {
        let outcome = try add(&row)
        onRow(row, outcome, source.bytesRead)
      }
      for issue in source.trailingIssues where issue.severity == .fatal {
        throw StoreError.database(issue.message)
      }
      // The file's hash is part of the import: it is recorded in the same transaction.
      return ImportTail(emptyRows: source.emptyRows, fileSHA256: hasher.wait())
    } beforeCommit: {
      onStage(.committing)
    }
    onStage(.committed)
    return ImportResult(summary: summary, fileDiagnostics: diagnostics, platform: platform)
  }
}
