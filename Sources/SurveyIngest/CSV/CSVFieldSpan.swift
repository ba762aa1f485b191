/// Where one field of the current record lies in the read buffer.
///
/// Offsets are relative to the record start, so moving a partial record to the front of the
/// buffer before a refill needs no fix-ups. For a field without ``escaped``, the bytes
/// `start..<end` are the field's value (quotes already excluded). For an ``escaped`` field they
/// are the raw text from the opening quote on, which ``CSVUnescaper`` turns into the value.
@usableFromInline
struct CSVFieldSpan {
  /// The field was quoted.
  @inlinable static var quoted: UInt32 { 1 }
  /// The raw text needs un-escaping (doubled quotes, or text after the closing quote).
  @inlinable static var escaped: UInt32 { 2 }
  /// A stray quote was already reported for this field.
  static var reportedStrayQuote: UInt32 { 4 }
  /// Invalid UTF-8 was already reported for this field.
  static var reportedInvalidUTF8: UInt32 { 8 }
  /// A NUL byte was already reported for this field.
  static var reportedNUL: UInt32 { 16 }

  /// The first byte, relative to the record start.
  @usableFromInline var start: Int32
  /// One past the last byte, relative to the record start.
  @usableFromInline var end: Int32
  /// A combination of the flags above.
  @usableFromInline var flags: UInt32
}
