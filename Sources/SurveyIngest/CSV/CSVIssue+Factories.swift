/// Constructors that word each kind of ``CSVIssue`` consistently.
extension CSVIssue {
  /// An unterminated quoted field whose opening quote is at `position`.
  ///
  /// - Parameter position: The position of the opening quote.
  /// - Returns: The issue.
  static func unterminatedQuote(at position: CSVPosition) -> CSVIssue {
    CSVIssue(
      kind: .unterminatedQuote, position: position,
      message: "unterminated quoted field starting at \(position); "
        + "the rest of the file was read into this field")
  }

  /// A stray quote inside an unquoted field.
  ///
  /// - Parameter position: The position of the quote.
  /// - Returns: The issue.
  static func strayQuote(at position: CSVPosition) -> CSVIssue {
    CSVIssue(
      kind: .strayQuote, position: position,
      message: "stray quote in unquoted field at \(position); kept as a literal character")
  }

  /// Text after the closing quote of a quoted field.
  ///
  /// - Parameter position: The position of the first character after the closing quote.
  /// - Returns: The issue.
  static func textAfterClosingQuote(at position: CSVPosition) -> CSVIssue {
    CSVIssue(
      kind: .textAfterClosingQuote, position: position,
      message: "text after closing quote at \(position); kept as part of the field")
  }

  /// Invalid UTF-8 starting with `byte`.
  ///
  /// - Parameters:
  ///   - position: The position of the first bad byte.
  ///   - byte: The first bad byte.
  /// - Returns: The issue.
  static func invalidUTF8(at position: CSVPosition, byte: UInt8) -> CSVIssue {
    CSVIssue(
      kind: .invalidUTF8, position: position,
      message: "invalid UTF-8 byte 0x\(hex(byte)) at \(position); "
        + "the field is kept as bytes (is the file in another encoding?)")
  }

  /// A NUL byte inside a field.
  ///
  /// - Parameter position: The position of the NUL byte.
  /// - Returns: The issue.
  static func nulByte(at position: CSVPosition) -> CSVIssue {
    CSVIssue(
      kind: .nulByte, position: position, message: "field contains a NUL byte at \(position)")
  }

  /// A record over the size limit that was skipped.
  ///
  /// - Parameters:
  ///   - line: The line where the record starts.
  ///   - endLine: The line where the record ends.
  ///   - limit: What was exceeded, e.g. `the 16777216-byte limit`.
  ///   - endedInQuotes: Whether the input ended inside a quoted field of this record.
  /// - Returns: The issue.
  static func recordTooLarge(
    line: Int, endLine: Int, limit: String, endedInQuotes: Bool
  ) -> CSVIssue {
    var message = "record starting at line \(line) exceeds \(limit) and cannot be read"
    message += endLine > line ? " (lines \(line) to \(endLine))" : ""
    if endedInQuotes {
      message += "; it ends in an unterminated quoted field at the end of the file"
    }
    return CSVIssue(
      kind: .recordTooLarge, position: CSVPosition(line: line, column: 1), message: message)
  }

  /// A UTF-16 byte order mark at the start of the input.
  static let utf16 = CSVIssue(
    kind: .utf16Encoding, position: CSVPosition(line: 1, column: 1),
    message: "file is UTF-16; save it as UTF-8")

  /// Input that is not CSV text.
  ///
  /// - Parameter reason: Why, e.g. `it starts like a ZIP archive`.
  /// - Returns: The issue.
  static func notText(_ reason: String) -> CSVIssue {
    CSVIssue(
      kind: .notText, position: CSVPosition(line: 1, column: 1),
      message: "file does not look like CSV text: \(reason)")
  }
}

extension CSVIssue {
  private static func hex(_ byte: UInt8) -> String {
    let digits = String(byte, radix: 16, uppercase: false)
    return digits.count == 1 ? "0" + digits : digits
  }
}
