/// A view of the reader's current record, valid until the next call to
/// ``CSVReader/nextRecord()``.
///
/// A record is a handful of pointers into the reader's buffer: getting one and reading its
/// fields allocates nothing, except ``string(_:)`` and the other `String`-producing members.
/// Field indices are 0-based; an index outside `0..<count` reads as an absent field (empty,
/// `nil` numbers), which is convenient for ragged rows.
///
/// The view is deliberately not `Sendable` and must not be kept past the next record: it points
/// into memory the reader reuses. Copy what you need (``strings``, ``string(_:)``) to keep it.
package struct CSVRecord {
  /// The record's first byte in the reader's buffer.
  @usableFromInline let base: UnsafePointer<UInt8>
  /// The record's length in bytes, without its line ending.
  @usableFromInline let length: Int
  /// The field spans, `count` of them.
  @usableFromInline let spans: UnsafePointer<CSVFieldSpan>
  /// Room to un-escape fields, at least `length` bytes, when the record has escaped fields.
  @usableFromInline let scratch: UnsafeMutablePointer<UInt8>?

  /// The number of fields; 0 for a blank line.
  package let count: Int

  /// The physical line on which the record starts.
  package let line: Int

  /// Whether this stands for a record over the size or field-count limit, which the reader
  /// skipped without buffering it: it has no fields, and the reader's ``CSVReader/issues``
  /// hold a ``CSVIssue/Kind/recordTooLarge`` issue for its line. Delivered in the record's
  /// place so that no other record moves and nothing vanishes.
  package let isTooLarge: Bool

  /// Creates a view; only the reader makes these.
  ///
  /// - Parameters:
  ///   - base: The record's first byte.
  ///   - length: The record's length without its line ending.
  ///   - spans: The field spans.
  ///   - count: The number of fields.
  ///   - line: The physical line where the record starts.
  ///   - scratch: Room to un-escape fields, if any field needs it.
  init(
    base: UnsafePointer<UInt8>, length: Int, spans: UnsafePointer<CSVFieldSpan>, count: Int,
    line: Int, scratch: UnsafeMutablePointer<UInt8>?, isTooLarge: Bool = false
  ) {
    self.isTooLarge = isTooLarge
    self.base = base
    self.length = length
    self.spans = spans
    self.count = count
    self.line = line
    self.scratch = scratch
  }

  /// Whether field `index` is empty or absent.
  ///
  /// - Parameter index: The field index.
  /// - Returns: `true` for an empty value (`a,,b` or `a,"",b`) or an index past the end.
  @inlinable @inline(__always)
  package func isEmpty(_ index: Int) -> Bool {
    guard let span = span(index) else { return true }
    // An escaped span always yields at least one byte: a `"` from `""` or text after a quote.
    return span.start == span.end
  }

  /// Whether field `index` was quoted in the file.
  ///
  /// - Parameter index: The field index.
  /// - Returns: `true` for a quoted field, `false` otherwise or for an absent field.
  package func isQuoted(_ index: Int) -> Bool {
    guard let span = span(index) else { return false }
    return span.flags & CSVFieldSpan.quoted != 0
  }

  /// Calls `body` with the value of field `index` as bytes, un-escaped.
  ///
  /// Doubled quotes are un-escaped lazily, only for fields that contain them, into a scratch
  /// area that the reader reuses; each field has its own part of it, so nested calls for
  /// different fields are safe. The bytes are passed as they are in the file, invalid UTF-8
  /// included.
  ///
  /// - Parameters:
  ///   - index: The field index; an absent field passes an empty buffer.
  ///   - body: A closure that receives the bytes, valid only during the call.
  /// - Returns: What `body` returns.
  /// - Throws: What `body` throws.
  @inlinable @inline(__always)
  package func withUnsafeBytes<Result>(
    _ index: Int, _ body: (UnsafeRawBufferPointer) throws -> Result
  ) rethrows -> Result {
    guard let span = span(index) else {
      return try body(UnsafeRawBufferPointer(start: nil, count: 0))
    }
    let start = Int(span.start)
    let count = Int(span.end) - start
    if span.flags & CSVFieldSpan.escaped != 0, let scratch {
      // The scratch area holds at least `length` bytes, and `start + count <= length`.
      let written = CSVUnescaper.unescape(base + start, count: count, into: scratch + start)
      return try body(UnsafeRawBufferPointer(start: scratch + start, count: written))
    }
    return try body(UnsafeRawBufferPointer(start: base + start, count: count))
  }

  /// Calls `body` with the index and the un-escaped bytes of every field, in order.
  ///
  /// The fastest way to visit a whole record from another module: one call per record instead
  /// of one per field. The bytes are those ``withUnsafeBytes(_:_:)`` would pass. The closure
  /// cannot throw, which keeps each call a plain indirect call; collect a failure in a captured
  /// variable if you need one.
  ///
  /// - Parameter body: A closure that receives each field's index and bytes, valid only during
  ///   that call.
  package func forEachField(_ body: (Int, UnsafeRawBufferPointer) -> Void) {
    for index in 0..<count {
      // `index < count`, the number of spans the reader wrote for this record.
      let span = spans[index]
      let start = Int(span.start)
      let byteCount = Int(span.end) - start
      if span.flags & CSVFieldSpan.escaped != 0, let scratch {
        let written = CSVUnescaper.unescape(base + start, count: byteCount, into: scratch + start)
        body(index, UnsafeRawBufferPointer(start: scratch + start, count: written))
      } else {
        body(index, UnsafeRawBufferPointer(start: base + start, count: byteCount))
      }
    }
  }

  /// Writes where the first `width` fields are, for a copy of the record's text that starts at
  /// `textOffset` in some arena: a field that needs no un-escaping lies in that copy, at
  /// `textOffset` plus its start in the record; the un-escaped value of one that does is
  /// appended to `side`, and its start is written as `~offset` in `side`. Fields past the
  /// record's last are written as empty.
  ///
  /// The batch form of ``forEachField(_:)``, for readers that keep records' texts.
  package func copyFields(
    width: Int, textOffset: Int, starts: UnsafeMutablePointer<Int32>,
    lengths: UnsafeMutablePointer<Int32>, side: inout [UInt8]
  ) {
    let present = min(count, width)
    for index in 0..<present {
      // `index < count`, the number of spans the reader wrote for this record; `index < width`,
      // the caller's room.
      let span = spans[index]
      if span.flags & CSVFieldSpan.escaped != 0 {
        let start = side.count
        withUnsafeBytes(index) { side.append(contentsOf: $0) }
        starts[index] = ~Int32(truncatingIfNeeded: start)
        lengths[index] = Int32(truncatingIfNeeded: side.count - start)
      } else {
        starts[index] = Int32(truncatingIfNeeded: textOffset) &+ span.start
        lengths[index] = span.end &- span.start
      }
    }
    for index in present..<max(present, width) {
      starts[index] = 0
      lengths[index] = 0
    }
  }

  /// The value of field `index` as a string.
  ///
  /// Invalid UTF-8 is repaired with U+FFFD (the reader has already reported it).
  ///
  /// - Parameter index: The field index.
  /// - Returns: The value; empty for an absent field.
  package func string(_ index: Int) -> String {
    withUnsafeBytes(index) { String(decoding: $0, as: UTF8.self) }
  }

  /// Every field as a string: a convenience, not meant for the fast path.
  package var strings: [String] {
    (0..<count).map { string($0) }
  }

  /// Calls `body` with the whole record as it appears in the file, without its line ending.
  ///
  /// - Parameter body: A closure that receives the bytes, valid only during the call.
  /// - Returns: What `body` returns.
  /// - Throws: What `body` throws.
  package func withUnsafeRawBytes<Result>(
    _ body: (UnsafeRawBufferPointer) throws -> Result
  ) rethrows -> Result {
    try body(UnsafeRawBufferPointer(start: base, count: length))
  }

  /// The whole record as it appears in the file, without its line ending, for keeping
  /// rejected rows verbatim (invalid UTF-8 repaired with U+FFFD; use
  /// ``withUnsafeRawBytes(_:)`` for the exact bytes).
  package var rawText: String {
    withUnsafeRawBytes { String(decoding: $0, as: UTF8.self) }
  }

  /// The position of the first character of field `index`, its opening quote if quoted.
  ///
  /// Computed on demand from the record's bytes, never while reading.
  ///
  /// - Parameter index: The field index; for an absent field, the position just after the
  ///   record's last character, where a missing field would have been.
  /// - Returns: The line and column.
  /// - Complexity: O(*n*) in the bytes from the record start to the field.
  package func location(of index: Int) -> CSVPosition {
    CSVTextLocator.position(of: startOffset(of: index), in: base, length: length, firstLine: line)
  }

  /// The byte offset in the raw text where field `index` starts (its opening quote, if quoted);
  /// the record's length for an index past the last field.
  package func startOffset(of index: Int) -> Int {
    guard let span = span(index) else { return length }
    let quoted = span.flags & (CSVFieldSpan.quoted | CSVFieldSpan.escaped)
    return Int(span.start) - (quoted == CSVFieldSpan.quoted ? 1 : 0)
  }

  /// A record with no fields on `line`, as delivered for a blank line.
  ///
  /// - Parameters:
  ///   - line: The blank line.
  ///   - base: Any valid pointer; no byte is read.
  ///   - spans: Any valid pointer; no span is read.
  /// - Returns: The record.
  static func blank(
    line: Int, base: UnsafePointer<UInt8>, spans: UnsafePointer<CSVFieldSpan>
  ) -> CSVRecord {
    CSVRecord(base: base, length: 0, spans: spans, count: 0, line: line, scratch: nil)
  }

  /// The stand-in for a record over a limit that starts on `line` (see ``isTooLarge``).
  static func tooLarge(
    line: Int, base: UnsafePointer<UInt8>, spans: UnsafePointer<CSVFieldSpan>
  ) -> CSVRecord {
    CSVRecord(
      base: base, length: 0, spans: spans, count: 0, line: line, scratch: nil, isTooLarge: true)
  }

}

extension CSVRecord {
  /// The span of field `index`, or `nil` outside `0..<count`.
  @inlinable @inline(__always)
  func span(_ index: Int) -> CSVFieldSpan? {
    guard index >= 0, index < count else { return nil }
    // `index < count`, the number of spans the reader wrote for this record.
    return spans[index]
  }
}
