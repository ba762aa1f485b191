/// A field delimiter that the CSV reader and writer accept.
///
/// The delimiter is a single ASCII byte that cannot be confused with the quote character or a
/// line break, so the byte-level tokenizer can classify every byte without look-ahead. Invalid
/// delimiters are unrepresentable: ``init(byte:)`` returns `nil` for them.
package struct CSVDelimiter: Sendable, Hashable, CustomStringConvertible {
  /// The delimiter as a byte.
  package let byte: UInt8

  /// Creates a delimiter from a byte.
  ///
  /// - Parameter byte: Any ASCII byte except `"`, CR, LF and NUL.
  /// - Returns: `nil` when the byte cannot serve as a delimiter.
  package init?(byte: UInt8) {
    guard byte < 0x80, byte != 0x22, byte != 0x0A, byte != 0x0D, byte != 0 else { return nil }
    self.byte = byte
  }

  private init(validated byte: UInt8) {
    self.byte = byte
  }

  /// The comma, `,`.
  package static let comma = CSVDelimiter(validated: 0x2C)

  /// The semicolon, `;`, common in exports made with a decimal-comma locale.
  package static let semicolon = CSVDelimiter(validated: 0x3B)

  /// The horizontal tab.
  package static let tab = CSVDelimiter(validated: 0x09)

  /// The delimiters tried by sniffing, in tie-breaking order.
  package static let sniffingCandidates: [CSVDelimiter] = [.comma, .semicolon, .tab]

  /// A readable name: `TAB` for the tab, otherwise the character in single quotes.
  package var description: String {
    byte == 0x09 ? "TAB" : "'\(Character(Unicode.Scalar(byte)))'"
  }
}
