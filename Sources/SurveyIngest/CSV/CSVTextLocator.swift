/// Turns a byte offset inside a record into a line and a column, lazily.
///
/// Records always begin at the start of a physical line, so a record's bytes and its first
/// line number are all that is needed. Nothing here runs on the tokenizer's hot path: it is
/// called only when a diagnostic is made or a caller asks for a location.
///
/// A locator remembers the last offset it resolved, so resolving increasing offsets within one
/// record costs time proportional to the distance between them rather than to the distance
/// from the record start. Resuming is exact because it is done only where the remembered offset
/// sits between two ASCII bytes, which is always a grapheme-cluster boundary inside a line.
struct CSVTextLocator {
  private let firstLine: Int
  private var offset = 0
  private var line: Int
  private var lineStart = 0
  private var column = 1

  /// Creates a locator for a record starting on `firstLine`.
  ///
  /// - Parameter firstLine: The physical line of the record's first byte.
  init(firstLine: Int) {
    self.firstLine = firstLine
    self.line = firstLine
  }

  /// Resolves `target`, an offset from the record start.
  ///
  /// - Parameters:
  ///   - target: The offset to resolve; at most `length`.
  ///   - base: The record's first byte.
  ///   - length: How many bytes of the record are readable from `base`.
  /// - Returns: The position of the byte at `target`.
  /// - Complexity: O(*d*), where *d* is the distance from the previously resolved offset when
  ///   resuming, or from the record start otherwise.
  mutating func position(
    of target: Int, in base: UnsafePointer<UInt8>, length: Int
  ) -> CSVPosition {
    let target = min(max(target, 0), length)
    if target < offset {
      self = CSVTextLocator(firstLine: firstLine)
    }
    let resumeOffset = offset
    let resumeLineStart = lineStart
    var index = offset
    // Every read is below `target`, which is at most `length`.
    while index < target {
      let byte = base[index]
      if byte == CSVByteClass.lineFeedByte {
        line += 1
        lineStart = index + 1
      } else if byte == CSVByteClass.carriageReturnByte {
        line += 1
        if index + 1 < target, base[index + 1] == CSVByteClass.lineFeedByte {
          index += 1
        }
        lineStart = index + 1
      }
      index += 1
    }
    let canResume =
      lineStart == resumeLineStart && resumeOffset > lineStart && resumeOffset < length
      && base[resumeOffset - 1] < 0x80 && base[resumeOffset] < 0x80
    if canResume {
      column += Self.graphemeCount(base + resumeOffset, count: target - resumeOffset)
    } else {
      column = 1 + Self.graphemeCount(base + lineStart, count: target - lineStart)
    }
    offset = target
    return CSVPosition(line: line, column: column)
  }

  /// Resolves one offset with a fresh locator.
  ///
  /// - Parameters:
  ///   - target: The offset from the record start.
  ///   - base: The record's first byte.
  ///   - length: How many bytes of the record are readable.
  ///   - firstLine: The physical line of the record's first byte.
  /// - Returns: The position of the byte at `target`.
  static func position(
    of target: Int, in base: UnsafePointer<UInt8>, length: Int, firstLine: Int
  ) -> CSVPosition {
    var locator = CSVTextLocator(firstLine: firstLine)
    return locator.position(of: target, in: base, length: length)
  }

  /// Counts extended grapheme clusters in `count` bytes that contain no line break.
  ///
  /// - Parameters:
  ///   - start: The first byte.
  ///   - count: The number of bytes.
  /// - Returns: The number of grapheme clusters; invalid UTF-8 counts one per U+FFFD.
  static func graphemeCount(_ start: UnsafePointer<UInt8>, count: Int) -> Int {
    let bytes = UnsafeBufferPointer(start: start, count: count)
    guard bytes.contains(where: { $0 >= 0x80 }) else { return count }
    return String(decoding: bytes, as: UTF8.self).count
  }
}
