/// The concrete CSV dialect a reader uses: delimiter and byte order mark.
///
/// The quote character is always `"` and quotes are escaped by doubling them (RFC 4180). Line
/// endings are not part of the dialect because the reader accepts CRLF, LF and lone CR, even
/// mixed within one file.
package struct CSVDialect: Sendable, Equatable {
  /// How the delimiter was chosen.
  package enum DelimiterSource: String, Sendable, Equatable {
    /// The caller forced the delimiter through ``CSVReaderOptions/delimiter``.
    case forced
    /// Sniffing found a delimiter that splits the sample consistently.
    case sniffed
    /// Nothing split the sample into more than one field, so the comma was assumed.
    case fallback
  }

  /// The field delimiter.
  package var delimiter: CSVDelimiter

  /// Whether the input starts with a UTF-8 byte order mark, which the reader strips.
  package var hasByteOrderMark: Bool

  /// How ``delimiter`` was chosen.
  package var delimiterSource: DelimiterSource

  /// Creates a dialect.
  ///
  /// - Parameters:
  ///   - delimiter: The field delimiter.
  ///   - hasByteOrderMark: Whether the input starts with a UTF-8 byte order mark.
  ///   - delimiterSource: How the delimiter was chosen.
  package init(
    delimiter: CSVDelimiter = .comma,
    hasByteOrderMark: Bool = false,
    delimiterSource: DelimiterSource = .forced
  ) {
    self.delimiter = delimiter
    self.hasByteOrderMark = hasByteOrderMark
    self.delimiterSource = delimiterSource
  }
}
