import SurveyIngest

/// Reads an export's records into batches: the data records, each in its own place (a record
/// over the reader's limits stands for itself), without blank lines and rows of empty cells,
/// which are counted. The header rows are skipped (they were read before, to map the columns).
final class RecordFeeder {
  private let reader: CSVReader
  private var ahead: [HeldRecord]
  private var headerToSkip: Int
  private let width: Int
  /// Issues of blank lines, which belong to the next record.
  private var pendingIssues: [CSVIssue] = []
  /// The rows of empty cells skipped so far.
  private(set) var emptyRows = 0

  /// A feeder from a CSV reader.
  ///
  /// - Parameters:
  ///   - reader: The reader (of the file, of a chunk of it, or handed over after the header).
  ///   - ahead: Records already read after the header.
  ///   - headerRows: The header records still to skip at the reader's start.
  ///   - width: The number of columns of the header.
  init(reader: CSVReader, ahead: [HeldRecord] = [], headerRows: Int, width: Int) {
    self.reader = reader
    self.ahead = ahead.reversed()
    headerToSkip = headerRows
    self.width = width
  }

  /// The bytes read so far (for a progress bar).
  var bytesRead: Int { reader.bytesRead }

  /// Issues the reader found after the last record (a fatal encoding problem).
  var trailingIssues: [CSVIssue] { pendingIssues + reader.takeIssues() }

  /// Fills a batch (emptied first); false when there are no more records.
  func fill(_ batch: RecordBatch) throws(CSVIOError) -> Bool {
    batch.removeAll()
    while !batch.isFull, let record = ahead.popLast() {
      if record.isTooLarge || !isEmpty(record) {
        batch.append(record)
      } else if !record.fields.isEmpty {
        emptyRows += 1
      }
    }
    while !batch.isFull, try reader.nextRecord() {
      pendingIssues += reader.takeIssues()
      let record = reader.record
      if headerToSkip > 0 {
        // Blank lines before the header are not header rows.
        guard record.count > 0 || record.isTooLarge else { continue }
        headerToSkip -= 1
        pendingIssues = []
        continue
      }
      if record.isTooLarge || (record.count > 0 && !isEmpty(record)) {
        batch.append(record, issues: pendingIssues)
        pendingIssues = []
      } else if record.count > 0 {
        emptyRows += 1
        pendingIssues = []
      }
      // A blank line's issues (those of a record held back behind it) go to the next record.
    }
    return batch.count > 0
  }

  /// Whether a record is not a response: no more empty cells than the header has columns.
  private func isEmpty(_ record: CSVRecord) -> Bool {
    guard record.count <= width else { return false }
    // Most records show a byte of content at once; only one of delimiters, quotes and white
    // space needs its fields looked at.
    let delimiter = reader.dialect.delimiter.byte
    let hasContent = record.withUnsafeRawBytes { raw in
      raw.contains { $0 != delimiter && $0 != 0x22 && !Self.isBlank($0) }
    }
    if hasContent { return false }
    var empty = true
    record.forEachField { _, bytes in
      if empty, !bytes.allSatisfy(Self.isBlank) { empty = false }
    }
    return empty
  }

  private func isEmpty(_ record: HeldRecord) -> Bool {
    record.fields.count <= width && record.fields.allSatisfy { $0.allSatisfy(Self.isBlank) }
  }

  private static func isBlank(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
  }
}
