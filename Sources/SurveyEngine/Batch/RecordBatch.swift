import SurveyCore
import SurveyIngest

/// A batch of an export's records as the CSV reader read them: each record's text and the byte
/// range of each of its fields, kept in two arenas that are reused from batch to batch.
///
/// A field is found in the record's text when it needed no un-escaping, else in the side arena
/// (its un-escaped copy): ``fieldStart`` holds the offset in the text arena, or `~offset` in the
/// side arena. Only the first ``width`` fields are kept (a longer record is a broken row, which
/// is rejected whatever its fields say); a shorter one has empty fields after its last.
final class RecordBatch {
  /// The most records a batch holds.
  let capacity: Int
  /// The number of fields a record should have (the header's).
  let width: Int
  /// The records in the batch.
  private(set) var count = 0
  /// Each record's physical line.
  let lines: ColumnBuffer<Int>
  /// Each record's number of fields as read.
  let fieldCounts: ColumnBuffer<Int>
  /// Whether each record stands for one over the reader's limits (nothing of it was read).
  let isTooLarge: ColumnBuffer<Bool>
  /// Each record's text: its start in ``text`` and its length.
  let textStart: ColumnBuffer<Int>
  let textLength: ColumnBuffer<Int>
  /// The CSV reader's issues of the records that have some.
  private(set) var issues: [Int: [CSVIssue]] = [:]
  /// Field starts (record-major, `width` per record): offset in ``text``, or `~offset` in
  /// ``side``; and lengths.
  let fieldStart: ColumnBuffer<Int32>
  let fieldLength: ColumnBuffer<Int32>
  /// The records' texts, one after another.
  private(set) var text: [UInt8] = []
  /// Fields that had to be un-escaped.
  private(set) var side: [UInt8] = []

  init(capacity: Int, width: Int) {
    self.capacity = capacity
    self.width = width
    lines = ColumnBuffer(capacity: capacity, repeating: 0)
    fieldCounts = ColumnBuffer(capacity: capacity, repeating: 0)
    isTooLarge = ColumnBuffer(capacity: capacity, repeating: false)
    textStart = ColumnBuffer(capacity: capacity, repeating: 0)
    textLength = ColumnBuffer(capacity: capacity, repeating: 0)
    fieldStart = ColumnBuffer(capacity: capacity * width, repeating: 0)
    fieldLength = ColumnBuffer(capacity: capacity * width, repeating: 0)
  }

  /// Whether no more records fit.
  var isFull: Bool { count == capacity }

  /// Empties the batch, keeping its memory.
  func removeAll() {
    count = 0
    issues.removeAll(keepingCapacity: true)
    text.removeAll(keepingCapacity: true)
    side.removeAll(keepingCapacity: true)
  }

  /// Adds the CSV reader's current record.
  func append(_ record: CSVRecord, issues recordIssues: [CSVIssue]) {
    let row = begin(line: record.line, issues: recordIssues)
    fieldCounts.base[row] = record.count
    if record.isTooLarge {
      isTooLarge.base[row] = true
      clearFields(row, from: 0)
      return
    }
    let start = text.count
    record.withUnsafeRawBytes { bytes in text.append(contentsOf: bytes) }
    record.copyFields(
      width: width, textOffset: start, starts: fieldStart.base + row * width,
      lengths: fieldLength.base + row * width, side: &side)
    textStart.base[row] = start
    textLength.base[row] = text.count - start
  }

  /// Adds a record read ahead while the header was read.
  func append(_ record: HeldRecord) {
    let row = begin(line: record.line, issues: record.issues)
    fieldCounts.base[row] = record.fields.count
    if record.isTooLarge {
      isTooLarge.base[row] = true
      clearFields(row, from: 0)
      return
    }
    textStart.base[row] = text.count
    textLength.base[row] = record.raw.count
    text.append(contentsOf: record.raw)
    for (index, field) in record.fields.prefix(width).enumerated() {
      let slot = row * width + index
      fieldStart.base[slot] = ~Int32(truncatingIfNeeded: side.count)
      fieldLength.base[slot] = Int32(truncatingIfNeeded: field.count)
      side.append(contentsOf: field)
    }
    clearFields(row, from: min(record.fields.count, width))
  }

  /// Starts a row that has no record (a response read back from the store); its texts are
  /// added with ``appendText(_:)``.
  func appendStored() {
    let row = begin(line: 0, issues: [])
    fieldCounts.base[row] = width
    clearFields(row, from: 0)
  }

  /// Keeps a text of the current row beside the records, and says where it is.
  func appendText(_ text: String) -> UInt64 {
    let start = side.count
    side.append(contentsOf: text.utf8)
    return TextRef.make(
      start: ~Int32(truncatingIfNeeded: start),
      length: Int32(truncatingIfNeeded: side.count - start))
  }

  private func begin(line: Int, issues recordIssues: [CSVIssue]) -> Int {
    let row = count
    count += 1
    lines.base[row] = line
    isTooLarge.base[row] = false
    textStart.base[row] = text.count
    textLength.base[row] = 0
    if !recordIssues.isEmpty { issues[row] = recordIssues }
    return row
  }

  private func clearFields(_ row: Int, from first: Int) {
    guard first < width else { return }
    fieldStart.fill(0, from: row * width + first, count: width - first)
    fieldLength.fill(0, from: row * width + first, count: width - first)
  }

  /// Calls `body` with a record's text.
  func withRawText<R>(_ row: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R {
    let start = textStart.base[row]
    let end = start + textLength.base[row]
    return text.withUnsafeBytes { bytes in
      guard start >= 0, end <= bytes.count, start <= end else {
        return body(UnsafeRawBufferPointer(start: nil, count: 0))
      }
      return body(UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
    }
  }

  /// A record's text.
  func rawText(_ row: Int) -> [UInt8] {
    Array(text[textStart.base[row]..<(textStart.base[row] + textLength.base[row])])
  }
}

extension RecordBatch {
  /// Calls `body` with one cell's bytes (empty beyond the row's fields).
  func withCell<R>(row: Int, column: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R {
    guard row < count, column < width else {
      return body(UnsafeRawBufferPointer(start: nil, count: 0))
    }
    let slot = row * width + column
    let start = fieldStart.base[slot]
    let length = Int(fieldLength.base[slot])
    if start >= 0 {
      return text.withUnsafeBytes { bytes in
        guard Int(start) + length <= bytes.count else {
          return body(UnsafeRawBufferPointer(start: nil, count: 0))
        }
        return body(UnsafeRawBufferPointer(rebasing: bytes[Int(start)..<(Int(start) + length)]))
      }
    }
    return side.withUnsafeBytes { bytes in
      guard Int(~start) + length <= bytes.count else {
        return body(UnsafeRawBufferPointer(start: nil, count: 0))
      }
      return body(UnsafeRawBufferPointer(rebasing: bytes[Int(~start)..<(Int(~start) + length)]))
    }
  }
  /// Calls `body` with the bytes of each record's field in a column, with the record's index.
  func forEachCell(
    column: Int, _ body: (_ row: Int, _ bytes: UnsafeRawBufferPointer) -> Void
  ) {
    let starts = fieldStart.base
    let lengths = fieldLength.base
    let count = self.count
    let width = self.width
    text.withUnsafeBytes { textBytes in
      side.withUnsafeBytes { sideBytes in
        var slot = column
        for row in 0..<count {
          // `slot = row * width + column < count * width`, within both buffers; the field's
          // bytes lie within its arena (they were appended there).
          let start = starts[slot]
          let length = Int(lengths[slot])
          let bytes =
            start >= 0
            ? UnsafeRawBufferPointer(
              start: textBytes.baseAddress.map { $0 + Int(start) }, count: length)
            : UnsafeRawBufferPointer(
              start: sideBytes.baseAddress.map { $0 + Int(~start) }, count: length)
          body(row, bytes)
          slot &+= width
        }
      }
    }
  }

  /// The bytes of one field, copied.
  func field(_ row: Int, _ column: Int) -> [UInt8] {
    let slot = row * width + column
    let start = fieldStart.base[slot]
    let length = Int(fieldLength.base[slot])
    return start >= 0
      ? Array(text[Int(start)..<(Int(start) + length)])
      : Array(side[Int(~start)..<(Int(~start) + length)])
  }
}
