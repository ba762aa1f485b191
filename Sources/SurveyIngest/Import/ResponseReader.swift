import Glibc
import SurveyCore

/// Reads an export row by row: recognises the platform and maps the header first, then decodes
/// and validates each response, in constant memory.
///
/// Every data record becomes exactly one ``ImportedRow`` (accepted or rejected), except empty
/// records (blank lines and rows of empty cells, as spreadsheets write them), which are
/// counted in ``emptyRows``. A record over the reader's size or field-count limit becomes one
/// rejected row in its own place.
package final class ResponseReader {
  /// The survey.
  package let survey: Survey
  /// The path as given.
  package let path: String
  /// How the columns map to the survey.
  package private(set) var mapping: ColumnMapping
  /// Problems with the file as a whole or its header; errors mean nothing may be stored.
  package private(set) var fileDiagnostics: [Diagnostic] = []
  /// The header rows exactly as they were in the file (to write rejected rows back out).
  package private(set) var headerRaw: [[UInt8]] = []
  /// The size of the file in bytes.
  package let fileSize: Int
  /// The empty records skipped so far.
  package private(set) var emptyRows = 0
  /// Whether the file is read from a UTF-8 copy (`--encoding`), so it cannot be read again by
  /// path, in parallel chunks.
  package let isTranscoded: Bool

  private let reader: CSVReader
  private var pending: [SavedRecord] = []
  private var rows: RecordRows?

  /// Opens an export and reads its header.
  ///
  /// - Throws: ``CSVIOError`` when the file cannot be opened or read.
  package init(path: String, survey: Survey, options: ImportOptions) throws(CSVIOError) {
    self.path = path
    self.survey = survey
    var status = stat()
    fileSize = stat(path, &status) == 0 ? Int(status.st_size) : 0
    let input = try ExportInput(
      path: path, encoding: options.encoding, options: options.readerOptions)
    reader = input.reader
    isTranscoded = input.isTranscoded
    mapping = ColumnMapping(platform: .generic, headerRowCount: 1, columns: [], diagnostics: [])
    fileDiagnostics = input.diagnostics
    guard !fileDiagnostics.hasErrors else { return }
    try readHeader(options: options)
  }

  /// The file's delimiter byte.
  package var delimiter: UInt8 { reader.dialect.delimiter.byte }

  /// How many bytes have been read (for a progress bar).
  package var bytesRead: Int { reader.bytesRead }

  /// Whether the header has errors (then no row should be stored).
  package var hasHeaderErrors: Bool { fileDiagnostics.hasErrors }

  /// The next response, or `nil` at the end of the file.
  package func next() throws(CSVIOError) -> ImportedRow? {
    guard let rows else { return nil }
    while !pending.isEmpty {
      let saved = pending.removeFirst()
      if let row = rows.row(saved) { return row }
      if saved.fieldCount > 0 { emptyRows += 1 }
    }
    var issues: [CSVIssue] = []
    while try reader.nextRecord() {
      // A blank line's issues (those of a record held back behind it) go to the next row.
      issues += reader.takeIssues()
      if let row = rows.row(LiveRecord(record: reader.record, path: path), issues: issues) {
        return row
      }
      if reader.record.count > 0 {
        emptyRows += 1
        issues = []
      }
    }
    return nil
  }

  /// Hands the rest of the file over to another reader of its records (the column engine):
  /// the records read ahead while the header was read, then the CSV reader, positioned after
  /// them. The response reader is not to be used afterwards.
  package func handOver() -> (ahead: [HeldRecord], reader: CSVReader) {
    let ahead = pending.map {
      HeldRecord(
        line: $0.line, raw: $0.raw, fields: $0.fields, issues: $0.issues,
        isTooLarge: $0.isTooLarge)
    }
    pending = []
    return (ahead, reader)
  }

  /// Problems the CSV reader found that belong to no row (a fatal encoding problem).
  package var trailingIssues: [CSVIssue] { reader.takeIssues() }

  private func readHeader(options: ImportOptions) throws(CSVIOError) {
    var issues: [CSVIssue] = []
    while pending.count < 3, try reader.nextRecord() {
      issues += reader.takeIssues()
      if reader.record.count == 0, !reader.record.isTooLarge, pending.isEmpty { continue }
      pending.append(SavedRecord(reader.record, path: path, issues: issues))
      issues = []
    }
    for issue in issues + reader.takeIssues() where issue.severity == .fatal {
      fileDiagnostics.append(
        Diagnostic(.error, id: "csv." + issue.kind.rawValue, issue.message, at: nil, label: nil))
    }
    guard let first = pending.first else {
      if !fileDiagnostics.hasErrors {
        fileDiagnostics.append(
          Diagnostic(.error, id: "ingest.emptyFile", IngestMessage.emptyFile(path), at: nil))
      }
      return
    }
    guard !first.isTooLarge else { return headerTooLarge(first) }
    let saved = pending
    let header = HeaderRows(rows: pending.map(\.strings)) { row, column in
      if row < saved.count, column < saved[row].fieldCount { return saved[row].location(column) }
      if let first = saved.first, column < first.fieldCount { return first.location(column) }
      return nil
    }
    let detected = PlatformDetector.detect(header)
    if let forced = options.platform,
      let problem = PlatformDetector.mismatch(header, forced: forced, detected: detected)
    {
      fileDiagnostics.append(
        Diagnostic(
          .error, id: "ingest.wrongPlatform", IngestMessage.wrongPlatform(path, forced, problem),
          at: header.location(problem.row, 0)?.range(), label: problem.hint))
      return
    }
    let platform = options.platform ?? detected
    let headerCount = min(platform.headerRowCount, pending.count)
    if let tooLarge = pending.prefix(headerCount).first(where: \.isTooLarge) {
      return headerTooLarge(tooLarge)
    }
    mapping = ColumnMapper(survey: survey).map(
      header, platform: platform, timeZoneOffsetMinutes: options.timeZoneOffsetMinutes)
    fileDiagnostics += mapping.diagnostics
    let exhausted = pending.count < 3
    headerRaw = pending.prefix(headerCount).map(\.raw)
    pending.removeFirst(headerCount)
    if pending.isEmpty, exhausted {
      fileDiagnostics.append(
        Diagnostic(.warning, id: "ingest.headerOnly", IngestMessage.headerOnly(path), at: nil))
    }
    rows = RecordRows(
      decoder: RowDecoder(
        survey: survey, platform: platform, mapping: mapping, options: options,
        headerWidth: header.width, delimiter: reader.dialect.delimiter),
      path: path)
  }

  /// A header record over the reader's limits: the file cannot be read.
  private func headerTooLarge(_ record: SavedRecord) {
    let message =
      record.issues.first { $0.kind == .recordTooLarge }?.message
      ?? "the record starting at line \(record.line) is over the reader's limits"
    fileDiagnostics.append(
      Diagnostic(
        .error, id: "ingest.headerTooLarge", IngestMessage.headerTooLarge(path, message),
        at: CellLocation(
          path: path, recordLine: record.line, rawText: "",
          position: CSVPosition(line: record.line, column: 1)
        ).range()))
  }
}

/// The decoding of one export's rows, worked out from its header: shared by the readers of the
/// file's chunks when it is read in parallel.
package struct ResponseRowDecoder: Sendable {
  /// The decoding of each row.
  package let decoder: RowDecoder
  /// The number of header records at the start of the file.
  package let headerRows: Int
}

extension ResponseReader {
  /// Blanks the private, unread and metadata cells of a row's text as a rejected row is kept
  /// (for a row that passed the checks but is rejected later, by the store).
  package var redaction: @Sendable ([UInt8]) -> [UInt8] {
    guard let decoder = rows?.decoder else { return { $0 } }
    return { raw in decoder.redact(raw: raw) }
  }

  /// The row decoding for parallel chunk readers; nil when the header has errors.
  package var rowDecoder: ResponseRowDecoder? {
    guard let rows, !hasHeaderErrors else { return nil }
    return ResponseRowDecoder(decoder: rows.decoder, headerRows: mapping.headerRowCount)
  }
}

/// Reads the responses of one chunk of an export (see ``CSVChunker``), decoding them as the
/// serial ``ResponseReader`` does; the first chunk skips the header.
package final class ResponseChunkReader {
  private let reader: CSVReader
  private let rows: RecordRows
  private let path: String
  private var headerToSkip: Int
  /// The empty records of the chunk skipped so far.
  package private(set) var emptyRows = 0

  /// A reader over a chunk.
  ///
  /// - Parameters:
  ///   - reader: The chunk's CSV reader.
  ///   - decoder: The decoding worked out from the file's header.
  ///   - path: The file, for diagnostics.
  ///   - isFirstChunk: Whether the chunk starts at the beginning of the file (with the header).
  package init(reader: CSVReader, decoder: ResponseRowDecoder, path: String, isFirstChunk: Bool) {
    self.reader = reader
    rows = RecordRows(decoder: decoder.decoder, path: path)
    self.path = path
    headerToSkip = isFirstChunk ? decoder.headerRows : 0
  }

  /// The next response of the chunk, or nil at its end.
  package func next() throws(CSVIOError) -> ImportedRow? {
    var issues: [CSVIssue] = []
    while try reader.nextRecord() {
      issues += reader.takeIssues()
      let record = reader.record
      if headerToSkip > 0 {
        // The header rows, found as the serial reader finds them (blank lines before them
        // are not rows).
        guard record.count > 0 || record.isTooLarge else { continue }
        headerToSkip -= 1
        issues = []
        continue
      }
      if let row = rows.row(LiveRecord(record: record, path: path), issues: issues) { return row }
      if record.count > 0 {
        emptyRows += 1
        issues = []
      }
    }
    return nil
  }
}

/// What both response readers do with a record: a row, or nothing for an empty record.
struct RecordRows: Sendable {
  let decoder: RowDecoder
  let path: String

  /// The row of a live record; nil for an empty one.
  func row(_ record: LiveRecord, issues: [CSVIssue]) -> ImportedRow? {
    if record.record.isTooLarge {
      return decoder.tooLarge(line: record.record.line, issues: issues, path: path)
    }
    guard !isEmpty(record) else { return nil }
    let raw = record.record.withUnsafeRawBytes { Array($0) }
    return decoder.decode(record, line: record.record.line, raw: raw, issues: issues)
  }

  /// The row of a record read before the header was understood; nil for an empty one.
  func row(_ saved: SavedRecord) -> ImportedRow? {
    if saved.isTooLarge {
      return decoder.tooLarge(line: saved.line, issues: saved.issues, path: path)
    }
    guard !isEmpty(saved) else { return nil }
    return decoder.decode(saved, line: saved.line, raw: saved.raw, issues: saved.issues)
  }

  /// Whether a record is not a response: a blank line, or no more empty cells than the header
  /// has columns (more is a broken row, rejected as such).
  private func isEmpty(_ record: some FieldSource) -> Bool {
    record.fieldCount <= decoder.headerWidth && record.isEmpty
  }
}

/// A record read ahead while a header was read (see ``ResponseReader/handOver()``).
package struct HeldRecord: Sendable {
  /// The physical line it starts on.
  package var line: Int
  /// Its text.
  package var raw: [UInt8]
  /// Its fields, un-escaped.
  package var fields: [[UInt8]]
  /// The CSV reader's issues in it.
  package var issues: [CSVIssue]
  /// Whether it stands for a record over the reader's limits.
  package var isTooLarge: Bool
}

/// Where an import's rows come from: a ``ResponseReader`` row by row, or the column engine,
/// which reads them in batches and hands them over one at a time.
package protocol ImportRowSource: AnyObject {
  /// The next row, or `nil` at the end of the file.
  func next() throws(CSVIOError) -> ImportedRow?
  /// Bytes of the file read so far (for progress).
  var bytesRead: Int { get }
  /// Rows without any answer, skipped.
  var emptyRows: Int { get }
  /// Problems the CSV reader found that belong to no row (a fatal encoding problem).
  var trailingIssues: [CSVIssue] { get }
}

extension ResponseReader: ImportRowSource {}
