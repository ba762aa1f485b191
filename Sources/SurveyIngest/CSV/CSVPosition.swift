/// A position in CSV input: physical line and column, both 1-based.
///
/// Lines count every CR, LF or CRLF, including those inside quoted fields. Columns count
/// extended grapheme clusters (what a person sees as characters) from the start of the
/// physical line, so `é` written as `e` plus a combining accent, a CJK ideograph and a
/// multi-scalar emoji each count as one column; a tab counts as one column. Invalid UTF-8 counts
/// as it is shown, one column per U+FFFD: each maximal invalid sequence (a stray byte such as
/// 0xFF, or the valid start of a sequence cut short) is one.
package struct CSVPosition: Sendable, Hashable, CustomStringConvertible {
  /// The 1-based physical line.
  package var line: Int

  /// The 1-based column, in extended grapheme clusters.
  package var column: Int

  /// Creates a position.
  ///
  /// - Parameters:
  ///   - line: The 1-based physical line.
  ///   - column: The 1-based column.
  package init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  /// `line L, column C`, the wording used in diagnostics.
  package var description: String {
    "line \(line), column \(column)"
  }
}
