/// One byte range of a file that starts at a record boundary, for parallel parsing.
package struct CSVChunk: Sendable, Hashable {
  /// The bytes of the file, `start..<end`.
  package var byteRange: Range<Int>

  /// The physical line on which the range starts.
  package var firstLine: Int

  /// Creates a chunk.
  ///
  /// - Parameters:
  ///   - byteRange: The bytes of the file.
  ///   - firstLine: The physical line on which the range starts.
  package init(byteRange: Range<Int>, firstLine: Int) {
    self.byteRange = byteRange
    self.firstLine = firstLine
  }
}
