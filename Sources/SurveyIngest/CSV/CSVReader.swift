import Glibc

/// A streaming, byte-level CSV reader.
///
/// The reader reads its input with `pread(2)` into one reused buffer (1 MiB by default) and
/// tokenizes it with a small state machine (field start, unquoted, quoted, quote in quoted).
/// Fields are byte ranges into that buffer: nothing is allocated per field, and a record that
/// straddles two reads is carried over to the next one. The buffer grows only when a single
/// record does not fit, and never beyond the record-size limit.
///
/// It accepts RFC 4180 plus what survey-platform exports contain: a UTF-8 byte order mark
/// (stripped), CRLF, LF and lone CR line endings in any mix, quoted fields with delimiters,
/// doubled quotes and line breaks, ragged rows (reported as they are, never padded), blank
/// lines (delivered as records with no fields, except trailing ones at the end of the input,
/// which are ignored), and a missing final line ending.
///
/// Content problems never throw: they are collected in ``issues`` (see ``CSVIssue``). Only I/O
/// failures throw ``CSVIOError``.
///
/// ```swift
/// let reader = try CSVReader(path: "export.csv")
/// while try reader.nextRecord() {
///   let record = reader.record
///   total += record.int(3) ?? 0
/// }
/// ```
package final class CSVReader {
  /// The dialect in use, forced or sniffed.
  package let dialect: CSVDialect

  /// The problems found so far, in the order they were found.
  package internal(set) var issues: [CSVIssue] = []

  /// How many issues were found beyond ``CSVReaderOptions/maxIssues`` and not kept.
  package internal(set) var suppressedIssueCount = 0

  /// The current record, valid until the next call to ``nextRecord()``.
  package internal(set) var record: CSVRecord

  /// Whether quote parity matched quote state for everything read so far.
  ///
  /// `false` once a stray quote in an unquoted field was seen: from then on, counting quotes
  /// no longer tells where records start, so chunked parallel parsing of the same file cannot
  /// be trusted and the serial reader must be used (see ``CSVChunker``).
  package var quoteParityIsReliable: Bool { !sawStrayQuote }

  /// How many bytes of the input have been read so far (for progress reports).
  package var bytesRead: Int { sourceOffset }

  /// The read buffer's current capacity in bytes.
  package var bufferCapacity: Int { capacity }

  /// The settings the reader was created with.
  let options: CSVReaderOptions
  /// The delimiter of ``dialect`` as a byte.
  let delimiterByte: UInt8
  /// The clamped record-size limit.
  let maxRecordBytes: Int
  /// The most the read buffer may grow to: the record limit plus look-ahead.
  let maxBufferCapacity: Int
  /// The clamped field-count limit.
  let maxFields: Int
  /// Whether the input ends where the file ends, so trailing blank lines are dropped.
  let endsAtEndOfInput: Bool
  /// Where the bytes come from.
  let source: CSVByteSource
  /// The source offset of the next byte to read.
  var sourceOffset: Int
  /// The source offset where reading stops (`Int.max` for a whole file).
  let sourceEnd: Int

  /// The two 256-entry byte-class tables (see ``CSVByteClass``).
  let classTable: UnsafeMutablePointer<UInt8>
  /// The one reused read buffer.
  var buffer: UnsafeMutablePointer<UInt8>
  /// The read buffer's capacity.
  var capacity: Int
  /// How many bytes of the buffer hold input.
  var fill = 0
  /// Whether the source is exhausted.
  var atEOF = false
  /// The field spans of the current record, reused.
  var spans: UnsafeMutablePointer<CSVFieldSpan>
  /// The capacity of ``spans``.
  var spanCapacity: Int
  /// Room to un-escape the current record's quoted fields, allocated on first need.
  var scratch: UnsafeMutablePointer<UInt8>?
  /// The capacity of ``scratch``.
  var scratchCapacity = 0

  /// The tokenizer's position in the buffer.
  var position = 0
  /// The buffer offset where the current record starts.
  var recordStart = 0
  /// The buffer offset where the last completed record's content ends.
  var recordEnd = 0
  /// The buffer offset where the current field starts.
  var fieldStart = 0
  /// The current field's ``CSVFieldSpan`` flags.
  var fieldFlags: UInt32 = 0
  /// The number of fields completed in the current record.
  var fieldCount = 0
  /// Whether the current record has a field that needs un-escaping.
  var recordHasEscapes = false
  /// Whether the current record ended in an unterminated quoted field.
  var recordEndedInQuotes = false
  /// ``issues`` count when the current record began, to withdraw its issues if it is skipped.
  var recordIssueMark = 0
  /// ``suppressedIssueCount`` when the current record began.
  var recordSuppressedMark = 0
  /// The tokenizer's state at ``position``.
  var scanState = CSVScanState.fieldStart
  /// The physical line at ``position``.
  var line: Int
  /// The physical line where the current record starts.
  var recordLine: Int
  /// Resolves issue positions in the current record.
  var locator: CSVTextLocator
  /// Whether a stray quote was seen (see ``quoteParityIsReliable``).
  var sawStrayQuote = false

  /// Whether the input is exhausted or a fatal issue stopped reading.
  var isFinished = false
  /// Blank lines read but not yet delivered, waiting to see whether data follows.
  var pendingBlankLines = 0
  /// The line of the next pending blank line.
  var nextBlankLine = 0
  /// A record read after pending blank lines, delivered after them.
  var heldRecord: CSVRecord?

  /// Creates a reader over a prepared source; the public initialisers sniff and open first.
  ///
  /// - Parameters:
  ///   - source: Where the bytes come from.
  ///   - range: The source offsets to read.
  ///   - firstLine: The physical line of the first byte.
  ///   - dialect: The dialect to read with.
  ///   - fatalIssue: A problem found by sniffing that stops reading before it starts.
  ///   - endsAtEndOfInput: Whether `range` ends where the input ends.
  ///   - options: Reader settings.
  init(
    source: CSVByteSource, range: Range<Int>, firstLine: Int, dialect: CSVDialect,
    fatalIssue: CSVIssue?, endsAtEndOfInput: Bool, options: CSVReaderOptions
  ) {
    self.options = options
    self.dialect = dialect
    self.source = source
    self.sourceOffset = range.lowerBound
    self.sourceEnd = range.upperBound
    self.endsAtEndOfInput = endsAtEndOfInput
    self.delimiterByte = dialect.delimiter.byte
    self.maxRecordBytes = min(max(options.maxRecordBytes, 1), 1 << 30)
    self.maxFields = max(options.maxFieldsPerRecord, 1)
    self.capacity = min(max(options.bufferSize, 4), 1 << 30)
    self.maxBufferCapacity = max(capacity, maxRecordBytes + Self.lookAheadSlack)
    self.buffer = .allocate(capacity: capacity)
    self.classTable = .allocate(capacity: 512)
    CSVByteClass.fillTables(classTable, delimiter: delimiterByte)
    self.spanCapacity = min(64, maxFields)
    self.spans = .allocate(capacity: spanCapacity)
    self.line = firstLine
    self.recordLine = firstLine
    self.locator = CSVTextLocator(firstLine: firstLine)
    self.record = CSVRecord.blank(line: firstLine, base: buffer, spans: spans)
    if let fatalIssue {
      issues.append(fatalIssue)
      isFinished = true
    }
  }

  deinit {
    if case .file(let descriptor, _) = source {
      close(descriptor)
    }
    buffer.deallocate()
    classTable.deallocate()
    spans.deallocate()
    scratch?.deallocate()
  }

  /// Advances to the next record.
  ///
  /// On `true`, ``record`` holds the record until the next call. Records with problems are
  /// still delivered (the problems go to ``issues``). A record over the size or field-count
  /// limit is reported and skipped without being buffered, and a stand-in with no fields
  /// (``CSVRecord/isTooLarge``) is delivered in its place, so no record moves.
  ///
  /// - Returns: `false` at the end of the input, or when a fatal issue stopped reading.
  /// - Throws: ``CSVIOError`` when reading the file fails.
  package func nextRecord() throws(CSVIOError) -> Bool {
    if deliverPending() { return true }
    guard !isFinished else { return false }
    beginRecord()
    while true {
      switch scanRecord() {
      case .record:
        if recordEnd - recordStart > maxRecordBytes {
          reportCompletedOversizedRecord()
          return deliverTooLarge()
        }
        let current = makeRecord()
        if pendingBlankLines > 0 {
          heldRecord = current
          return deliverPending()
        }
        record = current
        return true
      case .blankLine:
        if pendingBlankLines == 0 { nextBlankLine = recordLine }
        pendingBlankLines += 1
        beginRecord()
      case .needMore:
        if fill - recordStart >= recordScanLimit || !canReceiveMoreBytes {
          try skipOversizedRecord(tooManyFields: false)
          return deliverTooLarge()
        } else {
          try refill()
        }
      case .tooManyFields:
        try skipOversizedRecord(tooManyFields: true)
        return deliverTooLarge()
      case .endOfInput:
        isFinished = true
        if endsAtEndOfInput { pendingBlankLines = 0 }
        return deliverPending()
      }
    }
  }
}

extension CSVReader {
  /// Bytes beyond the record limit the buffer may hold: room for the longest look-ahead (a
  /// UTF-8 sequence or a CR waiting for its LF).
  static let lookAheadSlack = 8

  /// How far past its start the tokenizer may look into a record: the limit plus the longest
  /// look-ahead. Reaching this point without completing the record proves it oversized.
  var recordScanLimit: Int { maxRecordBytes + 4 }
}

extension CSVReader {
  private func beginRecord() {
    recordStart = position
    recordLine = line
    fieldCount = 0
    recordHasEscapes = false
    recordEndedInQuotes = false
    recordIssueMark = issues.count
    recordSuppressedMark = suppressedIssueCount
    scanState = .fieldStart
    locator = CSVTextLocator(firstLine: line)
  }

  /// Delivers the stand-in of the record just skipped as too large, after any blank lines
  /// read before it, and starts the next record.
  private func deliverTooLarge() -> Bool {
    let placeholder = CSVRecord.tooLarge(line: recordLine, base: buffer, spans: spans)
    beginRecord()
    if pendingBlankLines > 0 {
      heldRecord = placeholder
      return deliverPending()
    }
    record = placeholder
    return true
  }

  private func deliverPending() -> Bool {
    if pendingBlankLines > 0 {
      record = CSVRecord.blank(line: nextBlankLine, base: buffer, spans: spans)
      nextBlankLine += 1
      pendingBlankLines -= 1
      return true
    }
    if let held = heldRecord {
      heldRecord = nil
      record = held
      return true
    }
    return false
  }

  private func makeRecord() -> CSVRecord {
    let length = recordEnd - recordStart
    var recordScratch: UnsafeMutablePointer<UInt8>?
    if recordHasEscapes {
      if scratchCapacity < length {
        scratch?.deallocate()
        scratchCapacity = max(length, 256)
        scratch = .allocate(capacity: scratchCapacity)
      }
      recordScratch = scratch
    }
    return CSVRecord(
      base: buffer + recordStart, length: length, spans: spans, count: fieldCount,
      line: recordLine, scratch: recordScratch)
  }
}
