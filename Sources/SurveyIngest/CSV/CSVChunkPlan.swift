/// How to read one file in parallel: its dialect and its record-aligned chunks.
///
/// Made by ``CSVChunker/plan(path:chunkCount:minimumChunkBytes:options:)``. When
/// ``serialFallbackReason`` is set (sniffing found a fatal problem such as UTF-16 or binary
/// content), the plan has one chunk covering the whole file and the caller must read it with a
/// plain ``CSVReader``, which reports the problem. Stray quotes, which make the chunk boundaries
/// untrustworthy, are detected while parsing: see ``CSVChunker/parse(_:options:_:)``.
package struct CSVChunkPlan: Sendable, Equatable {
  /// The file.
  package var path: String

  /// The file's dialect, sniffed once for all chunks.
  package var dialect: CSVDialect

  /// The file's size in bytes when planned.
  package var fileSize: Int

  /// The chunks in file order; together they cover the whole file.
  package var chunks: [CSVChunk]

  /// Why the file must be read serially, or `nil` when the chunks can be parsed in parallel.
  package var serialFallbackReason: String?

  /// Whether the caller must fall back to the serial reader.
  package var requiresSerialReading: Bool { serialFallbackReason != nil }

  /// Creates a plan.
  ///
  /// - Parameters:
  ///   - path: The file.
  ///   - dialect: The dialect.
  ///   - fileSize: The file's size.
  ///   - chunks: The chunks.
  ///   - serialFallbackReason: Why the file must be read serially, if it must.
  package init(
    path: String, dialect: CSVDialect, fileSize: Int, chunks: [CSVChunk],
    serialFallbackReason: String?
  ) {
    self.path = path
    self.dialect = dialect
    self.fileSize = fileSize
    self.chunks = chunks
    self.serialFallbackReason = serialFallbackReason
  }
}
