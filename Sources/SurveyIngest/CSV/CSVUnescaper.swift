/// Turns the raw text of an escaped quoted field into its value.
@usableFromInline
enum CSVUnescaper {
  /// Un-escapes a quoted field.
  ///
  /// Inside the quotes `""` becomes `"` and a single `"` ends the quoted part; whatever follows
  /// is copied literally, like Python's `csv` module does in non-strict mode.
  ///
  /// - Parameters:
  ///   - source: The raw text, starting with the opening quote.
  ///   - count: The number of raw bytes.
  ///   - destination: Room for at least `count` bytes.
  /// - Returns: The number of bytes written.
  @usableFromInline
  static func unescape(
    _ source: UnsafePointer<UInt8>, count: Int, into destination: UnsafeMutablePointer<UInt8>
  ) -> Int {
    // Reads stay below `count`; writes never outnumber reads, and `destination` holds `count`.
    var input = 1
    var output = 0
    var inQuotes = true
    while input < count {
      let byte = source[input]
      input += 1
      if inQuotes, byte == CSVByteClass.quoteByte {
        if input < count, source[input] == CSVByteClass.quoteByte {
          input += 1
        } else {
          inQuotes = false
          continue
        }
      }
      destination[output] = byte
      output += 1
    }
    return output
  }
}
