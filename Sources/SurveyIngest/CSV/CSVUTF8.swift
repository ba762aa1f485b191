/// UTF-8 validation of one sequence at a time, for the tokenizer's non-ASCII slow path.
///
/// ASCII never reaches this code: the tokenizer's tables send only bytes of 0x80 and above
/// here, so clean ASCII data pays nothing for validation.
enum CSVUTF8 {
  /// Validates the sequence whose first byte is at `start`.
  ///
  /// Follows the Unicode "well-formed UTF-8" table, rejecting overlong forms, surrogates and
  /// code points above U+10FFFF.
  ///
  /// - Parameters:
  ///   - start: The first byte, which is 0x80 or above.
  ///   - available: How many bytes from `start` are readable (at least 1).
  ///   - atEnd: Whether no more input follows those bytes.
  /// - Returns: The sequence length (2 to 4) when valid; 0 when the sequence is cut off by the
  ///   end of the buffer and more input may follow; -1 when the first byte starts an invalid
  ///   sequence.
  @inline(__always)
  static func sequenceLength(at start: UnsafePointer<UInt8>, available: Int, atEnd: Bool) -> Int {
    // Reads are guarded by `available`, the number of initialised bytes from `start`.
    let lead = start[0]
    let length: Int
    var low: UInt8 = 0x80
    var high: UInt8 = 0xBF
    switch lead {
    case 0xC2...0xDF: length = 2
    case 0xE0:
      length = 3
      low = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: length = 3
    case 0xED:
      length = 3
      high = 0x9F
    case 0xF0:
      length = 4
      low = 0x90
    case 0xF1...0xF3: length = 4
    case 0xF4:
      length = 4
      high = 0x8F
    default: return -1
    }
    var index = 1
    while index < length {
      guard index < available else { return atEnd ? -1 : 0 }
      let byte = start[index]
      if index == 1 {
        guard byte >= low, byte <= high else { return -1 }
      } else {
        guard byte & 0xC0 == 0x80 else { return -1 }
      }
      index += 1
    }
    return length
  }
}
