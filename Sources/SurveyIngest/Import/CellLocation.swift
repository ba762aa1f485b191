import SurveyCore

/// Where a CSV cell is, with enough of its line to show an excerpt under a diagnostic.
package struct CellLocation: Sendable, Hashable {
  /// The file's path as the user gave it.
  package var path: String
  /// The physical line (1-based).
  package var line: Int
  /// The column of the cell's first character (1-based, in Characters).
  package var column: Int
  /// The text of the physical line the cell starts on (possibly cut down to a window).
  package var lineText: String
  /// The column at which `lineText` starts.
  package var firstColumn: Int
  /// Whether the physical line goes on after `lineText`.
  package var isCutAtEnd: Bool

  /// Creates a location from a record's raw text and a cell's position in it.
  ///
  /// Only a ``LineWindow`` of the line is kept: about 60 characters on each side of the cell,
  /// found by walking to the cell's column, without copying the line or making an array of its
  /// Characters. Invalid UTF-8 in `rawText` has already become U+FFFD, one per maximal invalid
  /// sequence, as the columns of ``CSVPosition`` count it.
  ///
  /// - Parameters:
  ///   - path: The file's path.
  ///   - recordLine: The physical line the record starts on.
  ///   - rawText: The record's text.
  ///   - position: The cell's position; a line outside the record gives an empty excerpt.
  package init(path: String, recordLine: Int, rawText: String, position: CSVPosition) {
    self.path = path
    line = position.line
    column = position.column
    lineText = ""
    firstColumn = position.column
    isCutAtEnd = false
    hasText = !rawText.isEmpty
    guard let text = Self.physicalLine(position.line - recordLine, of: rawText) else { return }
    let point =
      text.index(text.startIndex, offsetBy: max(0, position.column - 1), limitedBy: text.endIndex)
      ?? text.endIndex
    let window = LineWindow(text.utf8, from: point, to: point)
    lineText = window.before + window.rest
    firstColumn = max(1, position.column - window.before.count)
    isCutAtEnd = window.isCutAfter
  }

  /// Whether the record's text was read (not for a record too large to read): without it, a
  /// diagnostic names the place but shows no line.
  package var hasText = true

  /// A source range for diagnostics, `length` characters long.
  package func range(length: Int = 1) -> SourceRange {
    var file = SourceFile(
      path: path, text: lineText, firstLine: line, firstColumn: firstColumn,
      isCutAtEnd: isCutAtEnd)
    file.showsExcerpt = hasText
    let characters = Array(lineText)
    let offsetCharacters = max(0, min(characters.count, column - firstColumn))
    let startByte = String(characters[..<offsetCharacters]).utf8.count
    let endCharacters = min(characters.count, offsetCharacters + max(1, length))
    let endByte = String(characters[..<endCharacters]).utf8.count
    return SourceRange(file: file, bytes: startByte..<max(endByte, startByte + 1))
  }

  /// The physical line `index` (0 for the first) of a record's text, without its line break.
  private static func physicalLine(_ index: Int, of text: String) -> Substring? {
    guard index >= 0 else { return nil }
    let utf8 = text.utf8
    var start = utf8.startIndex
    var remaining = index
    var cursor = start
    while remaining > 0 {
      guard cursor < utf8.endIndex else { return nil }
      let byte = utf8[cursor]
      cursor = utf8.index(after: cursor)
      if byte == 0x0D, cursor < utf8.endIndex, utf8[cursor] == 0x0A {
        cursor = utf8.index(after: cursor)
      }
      if byte == 0x0A || byte == 0x0D {
        remaining -= 1
        start = cursor
      }
    }
    var end = start
    while end < utf8.endIndex, utf8[end] != 0x0A, utf8[end] != 0x0D { end = utf8.index(after: end) }
    // Both ends are next to a line break or at an end of the text: Character boundaries.
    return text[start..<end]
  }
}
