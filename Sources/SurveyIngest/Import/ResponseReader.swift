import Glibc
import SurveyCore

/// Reads an export row by row: recognises the platform and maps the header first, then decodes
/// and validates each response, in constant memory.
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
  /// Whether the file is read from a UTF-8 copy (`--encoding`), so it cannot be read again by
  /// path, in parallel chunks.
  package let isTranscoded: Bool

  private let reader: CSVReader
  private var pending: [SavedRecord] = []
  private var decoder: RowDecoder?
  private var issuesSeen = 0

  /// Opens an export and reads its header.
  ///
  /// - Throws: ``CSVIOError`` when the file cannot be opened or read.
  package init(path: String, survey: Survey, options: ImportOptions) throws(CSVIOError) {
    self.path = path
    self.survey = survey
    var status = stat()
    fileSize = stat(path, &status) == 0 ? Int(status.st_size) : 0
    let input = try ExportInput(path: path, encoding: options.encoding)
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
    guard let decoder else { return nil }
    if !pending.isEmpty {
      let saved = pending.removeFirst()
      return decoder.decode(saved, line: saved.line, raw: saved.raw, issues: saved.issues)
    }
    var issues: [CSVIssue] = []
    repeat {
      guard try reader.nextRecord() else { return nil }
      issues += newIssues()
    } while reader.record.count == 0
    let record = reader.record
    let raw = record.withUnsafeRawBytes { Array($0) }
    return decoder.decode(
      LiveRecord(record: record, path: path), line: record.line, raw: raw, issues: issues)
  }

  /// Problems the CSV reader found that belong to no row (a fatal encoding problem).
  package var trailingIssues: [CSVIssue] { Array(reader.issues.dropFirst(issuesSeen)) }

  private func newIssues() -> [CSVIssue] { reader.issues(since: &issuesSeen) }

  private func readHeader(options: ImportOptions) throws(CSVIOError) {
    while pending.count < 3, try reader.nextRecord() {
      let issues = newIssues()
      if reader.record.count == 0, pending.isEmpty { continue }
      pending.append(SavedRecord(reader.record, path: path, issues: issues))
    }
    for issue in newIssues() where issue.severity == .fatal {
      fileDiagnostics.append(
        Diagnostic(.error, id: "csv." + issue.kind.rawValue, issue.message, at: nil, label: nil))
    }
    guard !pending.isEmpty else {
      if !fileDiagnostics.hasErrors {
        fileDiagnostics.append(
          Diagnostic(.error, id: "ingest.emptyFile", IngestMessage.emptyFile(path), at: nil))
      }
      return
    }
    let saved = pending
    let rows = HeaderRows(rows: pending.map(\.strings)) { row, column in
      if row < saved.count, column < saved[row].fieldCount { return saved[row].location(column) }
      if let first = saved.first, column < first.fieldCount { return first.location(column) }
      return nil
    }
    let platform = options.platform ?? PlatformDetector.detect(rows)
    mapping = ColumnMapper(survey: survey).map(
      rows, platform: platform, timeZoneOffsetMinutes: options.timeZoneOffsetMinutes)
    fileDiagnostics += mapping.diagnostics
    let exhausted = pending.count < 3
    let headerCount = min(platform.headerRowCount, pending.count)
    headerRaw = pending.prefix(headerCount).map(\.raw)
    pending.removeFirst(headerCount)
    if pending.isEmpty, exhausted {
      fileDiagnostics.append(
        Diagnostic(.warning, id: "ingest.headerOnly", IngestMessage.headerOnly(path), at: nil))
    }
    // Decimal commas are accepted in ';'-separated files (where ',' cannot be the delimiter) and
    // when asked for; a decimal point is always accepted.
    let decimalComma = options.decimalComma ?? (reader.dialect.delimiter == .semicolon)
    let plans = mapping.columns.map { ColumnPlan($0, survey: survey) }
    var redacted: Set<Int> = []
    for (index, plan) in plans.enumerated() {
      switch plan.kind {
      case .ignored, .metadata(.ignored): redacted.insert(index)
      default:
        if let position = plan.position, survey.questions[position].privateMode != nil {
          redacted.insert(index)
        }
      }
    }
    decoder = RowDecoder(
      survey: survey, platform: platform, plans: plans, options: options,
      decimalComma: decimalComma,
      headerWidth: rows.width, delimiter: reader.dialect.delimiter, redacted: redacted)
  }
}

/// The decoding of one export's rows, worked out from its header: shared by the readers of the
/// file's chunks when it is read in parallel.
package struct ResponseRowDecoder: Sendable {
  let decoder: RowDecoder
  /// The number of header records at the start of the file.
  package let headerRows: Int
}

extension ResponseReader {
  /// The row decoding for parallel chunk readers; nil when the header has errors.
  package var rowDecoder: ResponseRowDecoder? {
    guard let decoder, !hasHeaderErrors else { return nil }
    return ResponseRowDecoder(decoder: decoder, headerRows: mapping.headerRowCount)
  }
}

/// Reads the responses of one chunk of an export (see ``CSVChunker``), decoding them as the
/// serial ``ResponseReader`` does; the first chunk skips the header.
package final class ResponseChunkReader {
  private let reader: CSVReader
  private let decoder: ResponseRowDecoder
  private let path: String
  private var headerToSkip: Int
  private var issuesSeen = 0

  /// A reader over a chunk.
  ///
  /// - Parameters:
  ///   - reader: The chunk's CSV reader.
  ///   - decoder: The decoding worked out from the file's header.
  ///   - path: The file, for diagnostics.
  ///   - isFirstChunk: Whether the chunk starts at the beginning of the file (with the header).
  package init(reader: CSVReader, decoder: ResponseRowDecoder, path: String, isFirstChunk: Bool) {
    self.reader = reader
    self.decoder = decoder
    self.path = path
    headerToSkip = isFirstChunk ? decoder.headerRows : 0
  }

  /// The next response of the chunk, or nil at its end.
  package func next() throws(CSVIOError) -> ImportedRow? {
    var issues: [CSVIssue] = []
    while true {
      guard try reader.nextRecord() else { return nil }
      issues += newIssues()
      guard reader.record.count > 0 else { continue }
      if headerToSkip > 0 {
        headerToSkip -= 1
        issues = []
        continue
      }
      break
    }
    let record = reader.record
    let raw = record.withUnsafeRawBytes { Array($0) }
    return decoder.decoder.decode(
      LiveRecord(record: record, path: path), line: record.line, raw: raw, issues: issues)
  }

  private func newIssues() -> [CSVIssue] { reader.issues(since: &issuesSeen) }
}

extension CSVReader {
  /// The issues found since the first `seen` ones, moving `seen` past them.
  func issues(since seen: inout Int) -> [CSVIssue] {
    guard issues.count > seen else { return [] }
    let fresh = Array(issues[seen...])
    seen = issues.count
    return fresh
  }
}
