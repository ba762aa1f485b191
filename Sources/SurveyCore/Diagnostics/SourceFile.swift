/// The text of one input file with a line table, so offsets can become lines and columns.
///
/// Positions are stored as UTF-8 byte offsets from the start of the file. Lines and columns are
/// computed on demand: lines are 1-based and split at LF, CRLF and lone CR; columns are 1-based and
/// count extended grapheme clusters (`Character`s) from the start of the line, so "é", a CJK
/// ideograph and a family emoji each count as one column, and a tab counts as one column.
package struct SourceFile: Sendable, Hashable {
  /// The path used in diagnostics, as the user gave it (relative paths stay relative).
  package let path: String
  /// The whole text of the file.
  package let text: String
  /// The UTF-8 bytes of `text`.
  package let bytes: [UInt8]
  /// The UTF-8 offset at which each line starts; `lineStarts[0] == 0`.
  package let lineStarts: [Int]
  /// The physical line of the file that `text` starts on (1 unless this is an excerpt).
  package let firstLine: Int
  /// The column of the file at which `text` starts (1 unless this is an excerpt of a long line).
  package let firstColumn: Int
  /// Whether the file's line goes on after the end of `text` (an excerpt cut before the end of a
  /// long line).
  package let isCutAtEnd: Bool
  /// Whether diagnostics show the line: false for a place whose text was never read (a CSV
  /// record too large to read), which is named by its line and column alone.
  package var showsExcerpt = true

  /// Creates a source file and builds its line table.
  ///
  /// - Parameters:
  ///   - path: The path shown in diagnostics.
  ///   - text: The file's text.
  ///   - firstLine: The line of the file that `text` starts on, for an excerpt.
  ///   - firstColumn: The column of the file that `text` starts at, for an excerpt.
  ///   - isCutAtEnd: Whether the file's last line in `text` goes on after it, for an excerpt.
  package init(
    path: String, text: String, firstLine: Int = 1, firstColumn: Int = 1, isCutAtEnd: Bool = false
  ) {
    self.path = path
    self.firstLine = firstLine
    self.firstColumn = firstColumn
    self.isCutAtEnd = isCutAtEnd
    self.text = text
    let bytes = Array(text.utf8)
    self.bytes = bytes
    var starts = [0]
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\n") {
        starts.append(index + 1)
      } else if byte == UInt8(ascii: "\r") {
        if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") {
          index += 1
        }
        starts.append(index + 1)
      }
      index += 1
    }
    self.lineStarts = starts
  }

  /// Two files are equal when they have the same path and text.
  package static func == (lhs: SourceFile, rhs: SourceFile) -> Bool {
    lhs.path == rhs.path && lhs.bytes.count == rhs.bytes.count && lhs.text == rhs.text
  }

  /// Hashes the path and length only (cheap; equality compares the text).
  package func hash(into hasher: inout Hasher) {
    hasher.combine(path)
    hasher.combine(bytes.count)
  }

  /// The number of physical lines (a final line without a newline counts; an empty file has one).
  package var lineCount: Int { lineStarts.count }

  /// The 1-based line that contains a byte offset.
  ///
  /// - Complexity: O(log n) in the number of lines.
  package func line(containing offset: Int) -> Int {
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if lineStarts[mid] <= offset {
        low = mid
      } else {
        high = mid - 1
      }
    }
    return low + 1
  }

  /// The byte range of a 1-based line, without its line terminator.
  package func byteRange(ofLine line: Int) -> Range<Int> {
    guard line >= 1, line <= lineStarts.count else { return bytes.count..<bytes.count }
    let start = lineStarts[line - 1]
    var end = line < lineStarts.count ? lineStarts[line] : bytes.count
    while end > start, bytes[end - 1] == UInt8(ascii: "\n") || bytes[end - 1] == UInt8(ascii: "\r")
    {
      end -= 1
    }
    return start..<end
  }

  /// The text of a 1-based line of the file (counting from ``firstLine``), without its
  /// terminator.
  package func text(ofLine line: Int) -> String {
    let line = line - firstLine + 1
    let range = byteRange(ofLine: line)
    return String(decoding: bytes[range], as: UTF8.self)
  }

  /// The text between two byte offsets, clamped to the file.
  package func text(in range: Range<Int>) -> String {
    let lower = max(0, min(range.lowerBound, bytes.count))
    let upper = max(lower, min(range.upperBound, bytes.count))
    return String(decoding: bytes[lower..<upper], as: UTF8.self)
  }

  /// The 1-based line and Character column of a byte offset.
  ///
  /// - Complexity: O(c) in the offset's column, without copying the line.
  package func location(of offset: Int) -> SourceLocation {
    let clamped = max(0, min(offset, bytes.count))
    let line = line(containing: clamped)
    let start = lineStarts.indices.contains(line - 1) ? lineStarts[line - 1] : 0
    // Offsets index `text.utf8` directly (`bytes` is a copy of it); counting the Characters of a
    // slice of `text` needs no copy, even for a line of 100 MB.
    let utf8 = text.utf8
    let from = utf8.index(utf8.startIndex, offsetBy: start)
    let to = utf8.index(utf8.startIndex, offsetBy: clamped)
    return SourceLocation(
      path: path, line: line + firstLine - 1,
      column: text[from..<to].count + (line == 1 ? firstColumn : 1), offset: clamped)
  }
}
