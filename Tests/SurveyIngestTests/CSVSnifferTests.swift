import Testing

@testable import SurveyIngest

/// Tests: delimiter sniffing.
@Suite("Delimiter sniffing")
struct CSVSnifferTests {
  /// A sniffing case.
  struct SniffCase: Sendable, CustomTestStringConvertible {
    /// What the case shows.
    var name: String
    /// The input.
    var text: String
    /// The delimiter that must be chosen.
    var delimiter: UInt8
    /// How it must be chosen.
    var source: CSVDialect.DelimiterSource
    /// The name shown by the test runner.
    var testDescription: String { name }
  }

  /// The cases.
  static let cases: [SniffCase] = [
    SniffCase(name: "comma", text: "a,b,c\n1,2,3\n", delimiter: 0x2C, source: .sniffed),
    SniffCase(name: "semicolon", text: "a;b\n1;2\n", delimiter: 0x3B, source: .sniffed),
    SniffCase(name: "tab", text: "a\tb\n1\t2\n", delimiter: 0x09, source: .sniffed),
    SniffCase(
      name: "tie between comma and semicolon goes to comma", text: "a,b;c\n1,2;3\n",
      delimiter: 0x2C, source: .sniffed),
    SniffCase(
      name: "tie between semicolon and tab goes to semicolon", text: "a;b\tc\n1;2\t3\n",
      delimiter: 0x3B, source: .sniffed),
    SniffCase(
      name: "the more consistent delimiter wins", text: "a;b\n1,5;2\n2;3,5\n3;4\n",
      delimiter: 0x3B, source: .sniffed),
    SniffCase(
      name: "ragged rows still sniff", text: "a,b,c\n1,2,3\n4,5\n6,7,8\n",
      delimiter: 0x2C, source: .sniffed),
    SniffCase(
      name: "delimiters inside quotes do not count", text: "\"a;b\";c\n\"x,y,z\";1\n",
      delimiter: 0x3B, source: .sniffed),
    SniffCase(name: "nothing splits", text: "a\nb\n", delimiter: 0x2C, source: .fallback),
    SniffCase(name: "empty input", text: "", delimiter: 0x2C, source: .fallback),
  ]

  /// Picks the delimiter.
  @Test("picks the delimiter", arguments: cases)
  func sniff(_ testCase: SniffCase) {
    let result = Array(testCase.text.utf8).withUnsafeBytes {
      CSVSniffer.sniff($0, isWholeInput: true, forcedDelimiter: nil)
    }
    #expect(result.dialect.delimiter.byte == testCase.delimiter)
    #expect(result.dialect.delimiterSource == testCase.source)
    #expect(result.fatalIssue == nil)
  }

  /// Looks at 50 records at most.
  @Test("looks at 50 records at most")
  func recordLimit() {
    let text = String(repeating: "a,b\n", count: 80)
    let counts = Array(text.utf8).withUnsafeBytes {
      CSVSniffer.fieldCounts($0, delimiter: 0x2C, isWholeInput: true)
    }
    #expect(counts.count == CSVSniffer.recordLimit)
  }

  /// An incomplete last record counts only when the sample is the whole input.
  @Test("an incomplete last record counts only when the sample is the whole input")
  func incompleteLastRecord() {
    let bytes = Array("a,b\n1,2,3".utf8)
    let partial = bytes.withUnsafeBytes {
      CSVSniffer.fieldCounts($0, delimiter: 0x2C, isWholeInput: false)
    }
    let whole = bytes.withUnsafeBytes {
      CSVSniffer.fieldCounts($0, delimiter: 0x2C, isWholeInput: true)
    }
    #expect(partial == [2])
    #expect(whole == [2, 3])
  }

  /// UTF-16 without a byte order mark is reported as not text, with a hint.
  @Test("UTF-16 without a byte order mark is reported as not text, with a hint")
  func utf16WithoutBOM() {
    let bytes = Array("id,name\r\n1,Ann\r\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    let result = bytes.withUnsafeBytes {
      CSVSniffer.sniff($0, isWholeInput: true, forcedDelimiter: nil)
    }
    #expect(result.fatalIssue?.kind == .notText)
    #expect(
      result.fatalIssue?.message.hasSuffix("(is it UTF-16 without a byte order mark?)") == true)
  }
}
