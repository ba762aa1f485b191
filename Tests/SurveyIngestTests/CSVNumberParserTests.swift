import Testing

@testable import SurveyIngest

/// Tests: number parsing from bytes.
@Suite("Number parsing from bytes")
struct CSVNumberParserTests {
  /// An integer parsing case.
  struct IntCase: Sendable, CustomTestStringConvertible {
    /// The input.
    var text: String
    /// The expected value.
    var value: Int?
    /// The name shown by the test runner.
    var testDescription: String { "'\(text)'" }
  }

  /// A floating-point parsing case.
  struct DoubleCase: Sendable, CustomTestStringConvertible {
    /// The input.
    var text: String
    /// Whether the decimal separator is a comma.
    var decimalComma: Bool
    /// The expected value.
    var value: Double?
    /// The name shown by the test runner.
    var testDescription: String { "'\(text)'\(decimalComma ? " (decimal comma)" : "")" }
  }

  /// Integer cases.
  static let intCases: [IntCase] = [
    IntCase(text: "0", value: 0),
    IntCase(text: "42", value: 42),
    IntCase(text: "-7", value: -7),
    IntCase(text: "+15", value: 15),
    IntCase(text: "  12  ", value: 12),
    IntCase(text: "007", value: 7),
    IntCase(text: "9223372036854775807", value: Int.max),
    IntCase(text: "-9223372036854775808", value: Int.min),
    IntCase(text: "9223372036854775808", value: nil),
    IntCase(text: "123456789012345678901234", value: nil),
    IntCase(text: "", value: nil),
    IntCase(text: "   ", value: nil),
    IntCase(text: "-", value: nil),
    IntCase(text: "1.0", value: nil),
    IntCase(text: "1 2", value: nil),
    IntCase(text: "12a", value: nil),
    IntCase(text: "\t3", value: nil),
    IntCase(text: "٣", value: nil),
  ]

  /// Floating-point cases.
  static let doubleCases: [DoubleCase] = [
    DoubleCase(text: "1.5", decimalComma: false, value: 1.5),
    DoubleCase(text: "-0.25", decimalComma: false, value: -0.25),
    DoubleCase(text: " 3 ", decimalComma: false, value: 3),
    DoubleCase(text: ".5", decimalComma: false, value: 0.5),
    DoubleCase(text: "2.", decimalComma: false, value: 2),
    DoubleCase(text: "1e3", decimalComma: false, value: 1000),
    DoubleCase(text: "-2.5E-3", decimalComma: false, value: -0.0025),
    DoubleCase(text: "0.1", decimalComma: false, value: 0.1),
    DoubleCase(text: "123456789.123456789", decimalComma: false, value: 123456789.123456789),
    DoubleCase(text: "0.000000000000000000000001", decimalComma: false, value: 1e-24),
    DoubleCase(text: "1e300", decimalComma: false, value: 1e300),
    DoubleCase(text: "3,5", decimalComma: true, value: 3.5),
    DoubleCase(text: "-70,25", decimalComma: true, value: -70.25),
    DoubleCase(text: "3.5", decimalComma: true, value: nil),
    DoubleCase(text: "3,5", decimalComma: false, value: nil),
    DoubleCase(text: "1.2.3", decimalComma: false, value: nil),
    DoubleCase(text: "", decimalComma: false, value: nil),
    DoubleCase(text: ".", decimalComma: false, value: nil),
    DoubleCase(text: "e5", decimalComma: false, value: nil),
    DoubleCase(text: "1e", decimalComma: false, value: nil),
    DoubleCase(text: "nan", decimalComma: false, value: nil),
    DoubleCase(text: "inf", decimalComma: false, value: nil),
    DoubleCase(text: "1,000.5", decimalComma: false, value: nil),
  ]

  /// Integers.
  @Test("integers", arguments: intCases)
  func integers(_ testCase: IntCase) {
    let value = Array(testCase.text.utf8).withUnsafeBytes { CSVNumberParser.int($0) }
    #expect(value == testCase.value)
  }

  /// Floating-point numbers.
  @Test("floating-point numbers", arguments: doubleCases)
  func doubles(_ testCase: DoubleCase) {
    let value = Array(testCase.text.utf8).withUnsafeBytes {
      CSVNumberParser.double($0, decimalComma: testCase.decimalComma)
    }
    #expect(value == testCase.value)
  }

  /// The fast path agrees with the standard library on many decimals.
  @Test("the fast path agrees with the standard library on many decimals")
  func agreesWithStandardLibrary() {
    var generator = SplitMix(seed: 42)
    for _ in 0..<20_000 {
      let digits = Int(generator.next() % 17) + 1
      let mantissa = generator.next() % UInt64(pow10(digits))
      let scale = Int(generator.next() % 23)
      var text = String(mantissa)
      if scale > 0 {
        text = String(repeating: "0", count: max(0, scale - text.count + 1)) + text
        text.insert(".", at: text.index(text.endIndex, offsetBy: -scale))
      }
      let parsed = Array(text.utf8).withUnsafeBytes {
        CSVNumberParser.double($0, decimalComma: false)
      }
      #expect(parsed == Double(text), "'\(text)'")
    }
  }

  /// Record accessors parse from the field bytes.
  @Test("record accessors parse from the field bytes")
  func recordAccessors() throws {
    let reader = CSVReader(
      bytes: Array("n;x;y\n-12;\" 3,25\";abc\n".utf8),
      options: CSVReaderOptions(delimiter: .semicolon))
    try #require(try reader.nextRecord())
    try #require(try reader.nextRecord())
    #expect(reader.record.int(0) == -12)
    #expect(reader.record.double(1, decimalComma: true) == 3.25)
    #expect(reader.record.double(1) == nil)
    #expect(reader.record.double(2) == nil)
    #expect(reader.record.double(3) == nil)
  }

  private func pow10(_ exponent: Int) -> UInt64 {
    (0..<exponent).reduce(1) { value, _ in value * 10 }
  }
}
