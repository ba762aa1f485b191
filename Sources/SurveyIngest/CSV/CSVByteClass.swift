/// Byte classes for the tokenizer's 256-entry lookup tables.
///
/// The tokenizer looks every byte up in one table while outside quotes and in a second one
/// while inside quotes (where the delimiter is ordinary text). Only class ``plain`` keeps the
/// tight scan loop going; anything else drops to the state machine.
enum CSVByteClass {
  /// A byte with no special meaning in the current state.
  static let plain: UInt8 = 0
  /// The delimiter (outside quotes only).
  static let delimiter: UInt8 = 1
  /// The quote character `"`.
  static let quote: UInt8 = 2
  /// LF.
  static let lineFeed: UInt8 = 3
  /// CR.
  static let carriageReturn: UInt8 = 4
  /// NUL, reported as an issue.
  static let nul: UInt8 = 5
  /// A byte of 0x80 or above, the start of a sequence to validate as UTF-8.
  static let nonASCII: UInt8 = 6
  /// Not a table entry: the fast path's signal that a quote opens the next field.
  static let quoteAtFieldStart: UInt8 = 7

  /// The quote byte.
  static let quoteByte: UInt8 = 0x22
  /// The LF byte.
  static let lineFeedByte: UInt8 = 0x0A
  /// The CR byte.
  static let carriageReturnByte: UInt8 = 0x0D

  /// Fills 512 bytes: the table for outside quotes, then the one for inside quotes.
  ///
  /// - Parameters:
  ///   - table: Storage for at least 512 bytes.
  ///   - delimiter: The delimiter byte.
  static func fillTables(_ table: UnsafeMutablePointer<UInt8>, delimiter: UInt8) {
    for byte in 0..<256 {
      let value: UInt8
      switch byte {
      case 0: value = nul
      case 0x0A: value = lineFeed
      case 0x0D: value = carriageReturn
      case 0x22: value = quote
      case 0x80...: value = nonASCII
      default: value = plain
      }
      // Both writes are in bounds: byte < 256 and the storage holds 512 bytes.
      table[byte] = Int(delimiter) == byte ? Self.delimiter : value
      table[256 + byte] = value
    }
  }
}
