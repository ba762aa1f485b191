/// Parsing numbers straight from a field's bytes, without allocating.
extension CSVRecord {
  /// Field `index` as an integer.
  ///
  /// Accepts ASCII digits with an optional `+` or `-` sign and surrounding spaces, e.g.
  /// `" -42 "`. Anything else, including an empty field, a decimal point or a value outside
  /// `Int`'s range, gives `nil`.
  ///
  /// - Parameter index: The field index.
  /// - Returns: The value, or `nil`.
  @inlinable @inline(__always)
  package func int(_ index: Int) -> Int? {
    guard let span = span(index) else { return nil }
    guard span.flags & CSVFieldSpan.escaped == 0 else {
      return withUnsafeBytes(index) { CSVNumberParser.int($0) }
    }
    let start = Int(span.start)
    // The span lies inside the record's `length` bytes from `base`.
    return CSVNumberParser.int(
      UnsafeRawBufferPointer(start: base + start, count: Int(span.end) - start))
  }

  /// Field `index` as a floating-point number.
  ///
  /// Accepts an optional sign, digits with at most one decimal separator, and an optional
  /// exponent (`1.5`, `-.5`, `2e-3`), with surrounding spaces. With `decimalComma` the
  /// separator is `,` instead of `.`, as in exports from many European locales; the other
  /// character is then rejected rather than guessed at. `nan`, `inf` and thousands separators
  /// are rejected.
  ///
  /// - Parameters:
  ///   - index: The field index.
  ///   - decimalComma: Whether the decimal separator is a comma.
  /// - Returns: The correctly rounded value, or `nil`.
  package func double(_ index: Int, decimalComma: Bool = false) -> Double? {
    withUnsafeBytes(index) { CSVNumberParser.double($0, decimalComma: decimalComma) }
  }
}
