/// A point in a source file: a path, a 1-based line, a 1-based Character column and the UTF-8 offset.
package struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
  /// The file's path as shown to the user.
  package var path: String
  /// The 1-based physical line.
  package var line: Int
  /// The 1-based column, counted in `Character`s (extended grapheme clusters) from the line start.
  package var column: Int
  /// The UTF-8 byte offset from the start of the file (0 when unknown).
  package var offset: Int

  /// Creates a location.
  package init(path: String, line: Int, column: Int, offset: Int = 0) {
    self.path = path
    self.line = line
    self.column = column
    self.offset = offset
  }

  /// `path:line:column`, the clickable form used in diagnostics.
  package var description: String { "\(path):\(line):\(column)" }
}

/// A span of a source file given as UTF-8 offsets, resolved against its ``SourceFile`` on demand.
package struct SourceRange: Sendable, Hashable {
  /// The file the range belongs to.
  package var file: SourceFile
  /// The UTF-8 offsets covered; may be empty (a point).
  package var bytes: Range<Int>

  /// Creates a range.
  package init(file: SourceFile, bytes: Range<Int>) {
    self.file = file
    self.bytes = bytes
  }

  /// The location of the first character.
  package var start: SourceLocation { file.location(of: bytes.lowerBound) }

  /// Two ranges are equal when they cover the same bytes of the same path.
  package static func == (lhs: SourceRange, rhs: SourceRange) -> Bool {
    lhs.file.path == rhs.file.path && lhs.bytes == rhs.bytes
  }

  /// Hashes the path and offsets.
  package func hash(into hasher: inout Hasher) {
    hasher.combine(file.path)
    hasher.combine(bytes.lowerBound)
    hasher.combine(bytes.upperBound)
  }

  /// A range spanning from the start of `self` to the end of `other` (same file).
  package func extended(to other: SourceRange) -> SourceRange {
    SourceRange(
      file: file,
      bytes: min(
        bytes.lowerBound, other.bytes.lowerBound)..<max(bytes.upperBound, other.bytes.upperBound))
  }
}
