/// A record's fields as bytes, with positions for diagnostics.
protocol FieldSource {
  /// The number of fields.
  var fieldCount: Int { get }
  /// Calls `body` with a field's bytes.
  func withField<R>(_ index: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R
  /// Where a field is.
  func location(_ index: Int) -> CellLocation
}

extension FieldSource {
  /// Whether every field is empty or white space: a blank line, or a row of empty cells as
  /// spreadsheets write them (`,,,,`). Such a record is not a response.
  var isEmpty: Bool {
    for index in 0..<fieldCount {
      let blank = withField(index) { bytes in
        bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }
      }
      if !blank { return false }
    }
    return true
  }
}

/// A live record of the reader.
struct LiveRecord: FieldSource {
  let record: CSVRecord
  let path: String

  var fieldCount: Int { record.count }

  func withField<R>(_ index: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R {
    record.withUnsafeBytes(index, body)
  }

  func location(_ index: Int) -> CellLocation {
    CellLocation(
      path: path, recordLine: record.line, rawText: record.rawText,
      position: record.location(of: index))
  }
}

/// A record read before the header was understood, kept as copied bytes.
struct SavedRecord: FieldSource {
  var fields: [[UInt8]]
  /// Where each field starts in `raw`; locations are worked out only when a problem needs one
  /// (a record of a million fields must not cost a million line-and-column computations).
  var offsets: [Int]
  var path: String
  var line: Int
  var raw: [UInt8]
  var issues: [CSVIssue]
  /// Whether it stands for a record over the reader's limits (see ``CSVRecord/isTooLarge``).
  var isTooLarge: Bool

  init(
    fields: [[UInt8]], offsets: [Int], path: String, line: Int, raw: [UInt8], issues: [CSVIssue],
    isTooLarge: Bool
  ) {
    self.fields = fields
    self.offsets = offsets
    self.path = path
    self.line = line
    self.raw = raw
    self.issues = issues
    self.isTooLarge = isTooLarge
  }

  init(_ record: CSVRecord, path: String, issues: [CSVIssue]) {
    isTooLarge = record.isTooLarge
    fields = (0..<record.count).map { index in record.withUnsafeBytes(index) { Array($0) } }
    offsets = (0..<record.count).map { record.startOffset(of: $0) }
    self.path = path
    line = record.line
    raw = record.withUnsafeRawBytes { Array($0) }
    self.issues = issues
  }

  var fieldCount: Int { fields.count }

  /// A record with no fields.
  static func empty(line: Int, path: String) -> SavedRecord {
    SavedRecord(
      fields: [], offsets: [], path: path, line: line, raw: [], issues: [], isTooLarge: false)
  }

  func withField<R>(_ index: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R {
    guard index < fields.count else { return body(UnsafeRawBufferPointer(start: nil, count: 0)) }
    return fields[index].withUnsafeBytes(body)
  }

  func location(_ index: Int) -> CellLocation {
    let offset = index < offsets.count ? offsets[index] : raw.count
    let position = raw.withUnsafeBufferPointer { buffer -> CSVPosition in
      guard let base = buffer.baseAddress else { return CSVPosition(line: line, column: 1) }
      return CSVTextLocator.position(of: offset, in: base, length: buffer.count, firstLine: line)
    }
    return CellLocation(
      path: path, recordLine: line, rawText: String(decoding: raw, as: UTF8.self),
      position: position)
  }

  var strings: [String] { fields.map { String(decoding: $0, as: UTF8.self) } }
}
