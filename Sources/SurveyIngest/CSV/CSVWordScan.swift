/// Eight-bytes-at-a-time (SWAR) detection of the bytes the tokenizer must look at.
///
/// The scan loops load a `UInt64` and get, in a few branch-free operations, a word in which
/// the high bit of byte `i` is set when input byte `i` may be special; iterating over the set
/// bits (`trailingZeroBitCount / 8`) then visits candidate bytes only, so runs of ordinary bytes
/// cost no per-byte branch and field ends cause no branch misprediction. The tests are the
/// classic "has zero byte" tricks: they never miss a special byte, and may flag a few extra
/// bytes after a real match (a borrow crossing into the next byte), which the byte-class table
/// then settles. The byte order is little-endian, as on every platform this package targets
/// (x86-64 and arm64).
enum CSVWordScan {
  /// `0x0101...01`.
  static let ones: UInt64 = 0x0101_0101_0101_0101
  /// `0x8080...80`.
  static let highBits: UInt64 = 0x8080_8080_8080_8080

  /// A word with `byte` in every byte.
  ///
  /// - Parameter byte: The byte to repeat.
  /// - Returns: The word.
  @inline(__always)
  static func broadcast(_ byte: UInt8) -> UInt64 {
    UInt64(byte) &* ones
  }

  /// Flags the bytes of `word` that equal the byte repeated in `pattern`, plus possibly bytes
  /// after a match.
  ///
  /// - Parameters:
  ///   - word: Eight input bytes.
  ///   - pattern: A ``broadcast(_:)`` word.
  /// - Returns: Bits set only in the high bit of bytes.
  @inline(__always)
  static func equalBytes(_ word: UInt64, _ pattern: UInt64) -> UInt64 {
    let difference = word ^ pattern
    return (difference &- ones) & ~difference
  }

  /// Flags the bytes that may need the state machine outside quotes: the delimiter, `"`,
  /// bytes below 0x0E (NUL, TAB, LF, CR and other controls) and non-ASCII bytes.
  ///
  /// - Parameters:
  ///   - word: Eight input bytes.
  ///   - delimiter: The delimiter, broadcast.
  /// - Returns: The high bit of each flagged byte set, all other bits clear.
  @inline(__always)
  static func specialBytes(_ word: UInt64, delimiter: UInt64) -> UInt64 {
    // (word - 0x0E..) flags bytes below 0x0E; `| word` adds every byte of 0x80 and above.
    let controlOrNonASCII = (word &- broadcast(0x0E)) | word
    return
      (controlOrNonASCII | equalBytes(word, delimiter)
      | equalBytes(word, broadcast(CSVByteClass.quoteByte))) & highBits
  }

  /// Flags the bytes that may need the state machine inside quotes: `"`, bytes below 0x0E and
  /// non-ASCII bytes.
  ///
  /// - Parameter word: Eight input bytes.
  /// - Returns: The high bit of each flagged byte set, all other bits clear.
  @inline(__always)
  static func specialQuotedBytes(_ word: UInt64) -> UInt64 {
    let controlOrNonASCII = (word &- broadcast(0x0E)) | word
    return (controlOrNonASCII | equalBytes(word, broadcast(CSVByteClass.quoteByte))) & highBits
  }
}
