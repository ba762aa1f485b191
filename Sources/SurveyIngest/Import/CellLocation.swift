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

  /// Creates a location from a record's raw text and a cell's position in it.
  ///
  /// Long lines are cut to a window of about 60 characters on each side of the cell.
  package init(path: String, recordLine: Int, rawText: String, position: CSVPosition) {
    self.path = path
    line = position.line
    column = position.column
    let lines = rawText.split(omittingEmptySubsequences: false) {
      $0 == "\n" || $0 == "\r" || $0 == "\r\n"
    }
    let index = position.line - recordLine
    let full = index >= 0 && index < lines.count ? Array(lines[index]) : []
    let start = max(0, position.column - 1 - 60)
    let end = min(full.count, position.column - 1 + 60)
    lineText = start < end ? String(full[start..<end]) : ""
    firstColumn = start + 1
  }

  /// A source range for diagnostics, `length` characters long.
  package func range(length: Int = 1) -> SourceRange {
    let file = SourceFile(path: path, text: lineText, firstLine: line, firstColumn: firstColumn)
    let characters = Array(lineText)
    let offsetCharacters = max(0, min(characters.count, column - firstColumn))
    let startByte = String(characters[..<offsetCharacters]).utf8.count
    let endCharacters = min(characters.count, offsetCharacters + max(1, length))
    let endByte = String(characters[..<endCharacters]).utf8.count
    return SourceRange(file: file, bytes: startByte..<max(endByte, startByte + 1))
  }
}
