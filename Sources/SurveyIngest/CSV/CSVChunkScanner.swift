import Glibc

/// The raw scans behind ``CSVChunker``: counting quotes and line breaks in a segment, and
/// finding the first record boundary after a cut.
///
/// Line breaks are counted as the reader counts them: every CR, and every LF not preceded by
/// a CR, so a CRLF split between two segments is counted once.
struct CSVChunkScanner: Sendable {
  /// What a segment contains.
  struct Segment: Sendable {
    /// The number of `"` bytes.
    var quotes = 0
    /// The number of line breaks.
    var lineBreaks = 0
  }

  /// A record boundary found after a cut.
  struct Boundary: Sendable {
    /// The file offset at which the next record starts.
    var offset: Int
    /// The physical line on which it starts.
    var line: Int
  }

  /// The open file.
  let descriptor: Int32
  /// The file's path, for errors.
  let path: String
  /// The file's size.
  let size: Int

  /// Counts quotes and line breaks in `range`.
  ///
  /// - Parameter range: The segment.
  /// - Returns: The counts.
  /// - Throws: ``CSVIOError/cannotRead(path:errno:)``.
  func scanSegment(_ range: Range<Int>) throws(CSVIOError) -> Segment {
    var counter = CSVSegmentCounter(
      previous: try byte(at: range.lowerBound - 1) ?? CSVByteClass.lineFeedByte)
    try forEachBlock(from: range.lowerBound, to: range.upperBound) { bytes in
      counter.count(bytes)
      return true
    }
    return Segment(quotes: counter.quotes, lineBreaks: counter.lineBreaks)
  }

  /// Finds the first record boundary after `cut`.
  ///
  /// Walks forward, toggling the quote state at each quote, to the first line ending outside
  /// quotes, then past it and any blank lines after it.
  ///
  /// - Parameters:
  ///   - cut: Where to start looking.
  ///   - insideQuotes: The quote state at `cut`, from the parity of the quotes before it.
  ///   - linesBefore: The number of line breaks before `cut`.
  /// - Returns: The boundary; the end of the file if there is none.
  /// - Throws: ``CSVIOError/cannotRead(path:errno:)``.
  func recordBoundary(after cut: Int, insideQuotes: Bool, linesBefore: Int)
    throws(CSVIOError) -> Boundary
  {
    var inQuotes = insideQuotes
    var lines = linesBefore
    var previous = try byte(at: cut - 1) ?? CSVByteClass.lineFeedByte
    var offset = cut
    var foundLineEnd = false
    var boundary: Int?
    try forEachBlock(from: cut, to: size) { bytes in
      for byte in bytes {
        let isLineBreak =
          byte == CSVByteClass.carriageReturnByte || byte == CSVByteClass.lineFeedByte
        if foundLineEnd, !isLineBreak {
          boundary = offset
          return false
        }
        if byte == CSVByteClass.quoteByte {
          inQuotes.toggle()
        } else if isLineBreak {
          if byte == CSVByteClass.carriageReturnByte || previous != CSVByteClass.carriageReturnByte
          {
            lines += 1
          }
          foundLineEnd = foundLineEnd || !inQuotes
        }
        previous = byte
        offset += 1
      }
      return true
    }
    return Boundary(offset: boundary ?? size, line: lines + 1)
  }
}

extension CSVChunkScanner {
  private static let blockSize = 1 << 20

  private func byte(at offset: Int) throws(CSVIOError) -> UInt8? {
    guard offset >= 0, offset < size else { return nil }
    var value: UInt8 = 0
    let count = pread(descriptor, &value, 1, off_t(offset))
    guard count >= 0 else { throw .cannotRead(path: path, errno: errno) }
    return count == 1 ? value : nil
  }

  /// Reads `start..<end` block by block into one reused buffer; `body` returns `false` to stop.
  private func forEachBlock(
    from start: Int, to end: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Bool
  ) throws(CSVIOError) {
    let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: Self.blockSize)
    defer { buffer.deallocate() }
    var offset = start
    while offset < end {
      let count = pread(descriptor, buffer, min(Self.blockSize, end - offset), off_t(offset))
      if count < 0 {
        if errno == EINTR { continue }
        throw .cannotRead(path: path, errno: errno)
      }
      if count == 0 { return }
      offset += count
      // `count` bytes were just read into the buffer.
      guard body(UnsafeBufferPointer(start: buffer, count: count)) else { return }
    }
  }
}
