/// The tokenizer's fast path for runs of plain unquoted fields.
extension CSVReader {
  /// The tokenizer's fast path: unquoted fields without any special byte.
  ///
  /// Kept out of line so that its few variables stay in registers. Stores a span for every
  /// delimiter it passes and stops at the first byte that needs the state machine, at a quote
  /// that opens the next field, when the span storage is full, or at `end`.
  ///
  /// - Parameters:
  ///   - base: The buffer.
  ///   - table: The outside-quotes byte-class table.
  ///   - delimiter: The delimiter byte.
  ///   - end: The end of the initialised bytes.
  ///   - recordBase: The buffer offset of the record start.
  ///   - position: The scan position, updated.
  ///   - fieldStart: The current field's start, updated after each delimiter.
  ///   - spans: The span storage.
  ///   - count: The number of spans stored, updated.
  ///   - spanCapacity: The span storage's capacity.
  /// - Returns: The class of the byte at `position`, ``CSVByteClass/plain`` at `end`, or
  ///   ``CSVByteClass/quoteAtFieldStart`` after a delimiter followed by a quote.
  @inline(never)
  static func scanPlainFields(
    base: UnsafePointer<UInt8>, table: UnsafePointer<UInt8>, delimiter: UInt8, end: Int,
    recordBase: Int, position: inout Int, fieldStart: inout Int,
    spans: UnsafeMutablePointer<CSVFieldSpan>,
    count: inout Int, spanCapacity: Int
  ) -> UInt8 {
    // `base[p]` only for `p < end`; span writes only for `n < spanCapacity`.
    var p = position
    var start = fieldStart
    var n = count
    defer {
      position = p
      fieldStart = start
      count = n
    }
    let delimiterWord = CSVWordScan.broadcast(delimiter)
    // Whole words: `p + 8 <= end` bounds the unaligned load, and every flagged byte is inside it.
    while p &+ 8 <= end {
      var special = CSVWordScan.specialBytes(
        UnsafeRawPointer(base + p).loadUnaligned(as: UInt64.self), delimiter: delimiterWord)
      while special != 0 {
        let index = p &+ (special.trailingZeroBitCount &>> 3)
        special &= special &- 1
        let byteClass = table[Int(base[index])]
        if byteClass == CSVByteClass.plain { continue }
        guard byteClass == CSVByteClass.delimiter, n < spanCapacity else {
          p = index
          if byteClass == CSVByteClass.quote, index == start {
            return CSVByteClass.quoteAtFieldStart
          }
          return byteClass
        }
        spans[n] = CSVFieldSpan(
          start: Int32(truncatingIfNeeded: start &- recordBase),
          end: Int32(truncatingIfNeeded: index &- recordBase), flags: 0)
        n &+= 1
        start = index &+ 1
      }
      p &+= 8
    }
    // The last few bytes, one at a time.
    while p < end {
      let byteClass = table[Int(base[p])]
      if byteClass == CSVByteClass.plain {
        p &+= 1
        continue
      }
      guard byteClass == CSVByteClass.delimiter, n < spanCapacity else {
        if byteClass == CSVByteClass.quote, p == start { return CSVByteClass.quoteAtFieldStart }
        return byteClass
      }
      spans[n] = CSVFieldSpan(
        start: Int32(truncatingIfNeeded: start &- recordBase),
        end: Int32(truncatingIfNeeded: p &- recordBase), flags: 0)
      n &+= 1
      p &+= 1
      start = p
    }
    return CSVByteClass.plain
  }
}
