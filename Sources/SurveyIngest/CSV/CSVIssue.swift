/// A problem found in CSV content, reported by the reader instead of being thrown.
///
/// The reader never throws for bad content, never crashes on it and never drops data without
/// saying so: each problem becomes a `CSVIssue` collected in ``CSVReader/issues``. Messages
/// follow the house wording: lower-case, no trailing period, positions spelled out, e.g.
/// `unterminated quoted field starting at line 4, column 9; the rest of the file was read
/// into this field`.
package struct CSVIssue: Sendable, Equatable, CustomStringConvertible {
  /// What went wrong.
  package enum Kind: String, Sendable, Equatable, CaseIterable {
    /// A quoted field had no closing quote; the rest of the input became that field.
    case unterminatedQuote
    /// A `"` inside an unquoted field; it is kept as a literal character.
    case strayQuote
    /// Text between a closing quote and the next delimiter; it is kept in the field.
    case textAfterClosingQuote
    /// A byte sequence that is not UTF-8; the field is still delivered as bytes.
    case invalidUTF8
    /// A NUL byte inside a field; it is kept.
    case nulByte
    /// A record over the size or field-count limit; it was skipped without being buffered.
    case recordTooLarge
    /// The input starts with a UTF-16 byte order mark; nothing was read.
    case utf16Encoding
    /// The input does not look like CSV text at all (binary data); nothing was read.
    case notText
  }

  /// How serious an issue is.
  package enum Severity: Int, Sendable, Comparable {
    /// The data was read and kept as written, but is probably not what the author meant.
    case warning
    /// Part of the data is damaged or was skipped; the rest of the input was read.
    case error
    /// Nothing could be read.
    case fatal

    /// Orders severities from warning to fatal.
    package static func < (lhs: Severity, rhs: Severity) -> Bool {
      lhs.rawValue < rhs.rawValue
    }
  }

  /// What went wrong.
  package let kind: Kind

  /// Where it happened (for a record, the start of the record).
  package let position: CSVPosition

  /// The diagnostic, worded for the person who made the file.
  package let message: String

  /// Creates an issue.
  ///
  /// - Parameters:
  ///   - kind: What went wrong.
  ///   - position: Where it happened.
  ///   - message: The diagnostic text.
  package init(kind: Kind, position: CSVPosition, message: String) {
    self.kind = kind
    self.position = position
    self.message = message
  }

  /// The physical line of ``position``.
  package var line: Int { position.line }

  /// The column of ``position``.
  package var column: Int { position.column }

  /// The severity implied by ``kind``.
  package var severity: Severity {
    switch kind {
    case .strayQuote, .textAfterClosingQuote:
      return .warning
    case .unterminatedQuote, .invalidUTF8, .nulByte, .recordTooLarge:
      return .error
    case .utf16Encoding, .notText:
      return .fatal
    }
  }

  /// The message.
  package var description: String { message }
}
