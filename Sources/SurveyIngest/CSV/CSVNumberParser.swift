/// Number parsing on raw bytes, used by ``CSVRecord/int(_:)`` and
/// ``CSVRecord/double(_:decimalComma:)``.
package enum CSVNumberParser {
  /// Parses an integer: optional sign, ASCII digits, surrounding spaces allowed.
  ///
  /// - Parameter bytes: The text.
  /// - Returns: The value, or `nil` if the text is not an integer in `Int`'s range.
  @inlinable @inline(__always)
  package static func int(_ bytes: UnsafeRawBufferPointer) -> Int? {
    // Every subscript is below `last <= bytes.count` and at or above `index >= 0`.
    var index = 0
    var last = bytes.count
    while index < last, bytes[index] == 0x20 { index &+= 1 }
    while last > index, bytes[last &- 1] == 0x20 { last &-= 1 }
    guard index < last else { return nil }
    var negative = false
    let sign = bytes[index]
    if sign == 0x2D || sign == 0x2B {
      negative = sign == 0x2D
      index &+= 1
      guard index < last else { return nil }
    }
    guard last &- index <= 18 else {
      return longInt(bytes, from: index, to: last, negative: negative)
    }
    // At most 18 digits: the value stays below 10^18 and cannot overflow.
    var value = 0
    while index < last {
      let digit = bytes[index] &- 0x30
      guard digit < 10 else { return nil }
      value = value &* 10 &+ Int(digit)
      index &+= 1
    }
    return negative ? -value : value
  }

  /// Parses the digits of an integer that may overflow, accumulating negatively so that
  /// `Int.min` parses.
  ///
  /// - Parameters:
  ///   - bytes: The text.
  ///   - start: The first digit.
  ///   - last: One past the last digit.
  ///   - negative: Whether a minus sign preceded the digits.
  /// - Returns: The value, or `nil` for a non-digit or a value outside `Int`'s range.
  @usableFromInline
  static func longInt(
    _ bytes: UnsafeRawBufferPointer, from start: Int, to last: Int, negative: Bool
  ) -> Int? {
    var value = 0
    var index = start
    while index < last {
      let digit = bytes[index] &- zero
      guard digit < 10 else { return nil }
      let (shifted, overflowA) = value.multipliedReportingOverflow(by: 10)
      let (next, overflowB) = shifted.subtractingReportingOverflow(Int(digit))
      guard !overflowA, !overflowB else { return nil }
      value = next
      index += 1
    }
    if negative { return value }
    return value == Int.min ? nil : -value
  }

  /// Parses a decimal floating-point number.
  ///
  /// Takes a fast, exact path when the digits fit in 2^53 and the decimal exponent in ±22
  /// (one correctly rounded multiplication or division); longer numbers go through the
  /// standard library's parser, which allocates.
  ///
  /// - Parameters:
  ///   - bytes: The text.
  ///   - decimalComma: Whether the decimal separator is `,` rather than `.`.
  /// - Returns: The value, or `nil` if the text is not a number.
  package static func double(_ bytes: UnsafeRawBufferPointer, decimalComma: Bool) -> Double? {
    guard let (first, last) = trimmed(bytes) else { return nil }
    let separator: UInt8 = decimalComma ? 0x2C : 0x2E
    var index = first
    var negative = false
    // Every subscript below is within `first..<last`, a sub-range of `bytes`.
    if bytes[index] == minus || bytes[index] == plus {
      negative = bytes[index] == minus
      index += 1
    }
    var mantissa: UInt64 = 0
    var significantDigits = 0
    var exponent = 0
    var digitCount = 0
    var exact = true
    var seenSeparator = false
    while index < last {
      let byte = bytes[index]
      if byte == separator, !seenSeparator {
        seenSeparator = true
        index += 1
        continue
      }
      let digit = byte &- zero
      guard digit < 10 else { break }
      digitCount += 1
      if mantissa == 0, digit == 0 {
        if seenSeparator { exponent -= 1 }
      } else if significantDigits < 19 {
        mantissa = mantissa * 10 + UInt64(digit)
        significantDigits += 1
        if seenSeparator { exponent -= 1 }
      } else {
        exact = exact && digit == 0
        if !seenSeparator { exponent += 1 }
      }
      index += 1
    }
    guard digitCount > 0 else { return nil }
    if index < last {
      guard bytes[index] | 0x20 == 0x65, let value = exponentValue(bytes, from: index + 1, to: last)
      else { return nil }
      exponent += value
    }
    if exact, mantissa <= 1 << 53, exponent >= -22, exponent <= 22 {
      let magnitude =
        exponent < 0
        ? Double(mantissa) / powersOfTen[-exponent] : Double(mantissa) * powersOfTen[exponent]
      return negative ? -magnitude : magnitude
    }
    return slowDouble(bytes[first..<last], decimalComma: decimalComma)
  }
}

extension CSVNumberParser {
  private static let minus: UInt8 = 0x2D
  private static let plus: UInt8 = 0x2B
  private static let zero: UInt8 = 0x30
  private static let space: UInt8 = 0x20
  private static let powersOfTen: [Double] = (0...22).map { exponent in
    (0..<exponent).reduce(1.0) { value, _ in value * 10 }
  }

  private static func trimmed(_ bytes: UnsafeRawBufferPointer) -> (Int, Int)? {
    var first = 0
    var last = bytes.count
    while first < last, bytes[first] == space { first += 1 }
    while last > first, bytes[last - 1] == space { last -= 1 }
    return first < last ? (first, last) : nil
  }

  private static func exponentValue(_ bytes: UnsafeRawBufferPointer, from start: Int, to last: Int)
    -> Int?
  {
    var index = start
    var negative = false
    if index < last, bytes[index] == minus || bytes[index] == plus {
      negative = bytes[index] == minus
      index += 1
    }
    guard index < last else { return nil }
    var value = 0
    while index < last {
      let digit = bytes[index] &- zero
      guard digit < 10 else { return nil }
      value = min(value * 10 + Int(digit), 100_000)
      index += 1
    }
    return negative ? -value : value
  }

  private static func slowDouble(_ bytes: Slice<UnsafeRawBufferPointer>, decimalComma: Bool)
    -> Double?
  {
    let text = String(
      decoding: bytes.map { decimalComma && $0 == 0x2C ? 0x2E : $0 }, as: UTF8.self)
    return Double(text)
  }
}
