import Foundation
import Testing

@testable import SurveyIngest

/// Tests: writer.
@Suite("Writer")
struct CSVWriterTests {
  /// A quoting case.
  struct QuotingCase: Sendable, CustomTestStringConvertible {
    /// The fields of one record.
    var fields: [String]
    /// The exact output.
    var expected: String
    /// The delimiter.
    var delimiter = CSVDelimiter.comma
    /// The name shown by the test runner.
    var testDescription: String { "\(fields)" }
  }

  /// Quoting cases.
  static let quotingCases: [QuotingCase] = [
    QuotingCase(fields: ["a", "b"], expected: "a,b\r\n"),
    QuotingCase(fields: ["a,b", "c"], expected: "\"a,b\",c\r\n"),
    QuotingCase(fields: ["say \"hi\""], expected: "\"say \"\"hi\"\"\"\r\n"),
    QuotingCase(fields: ["two\nlines", "cr\rhere"], expected: "\"two\nlines\",\"cr\rhere\"\r\n"),
    QuotingCase(
      fields: [" lead", "trail ", "in side"], expected: "\" lead\",\"trail \",in side\r\n"),
    QuotingCase(fields: [""], expected: "\"\"\r\n"),
    QuotingCase(fields: ["", ""], expected: ",\r\n"),
    QuotingCase(fields: ["a;b", "c,d"], expected: "\"a;b\";c,d\r\n", delimiter: .semicolon),
    QuotingCase(fields: ["a\tb", "é"], expected: "\"a\tb\"\té\r\n", delimiter: .tab),
  ]

  /// A formula-masking case.
  struct MaskCase: Sendable, CustomTestStringConvertible {
    /// The field.
    var field: String
    /// Whether it must be masked.
    var masked: Bool
    /// The name shown by the test runner.
    var testDescription: String { "'\(field)'" }
  }

  /// Masking cases.
  static let maskCases: [MaskCase] = [
    MaskCase(field: "=SUM(A1:A9)", masked: true),
    MaskCase(field: "=1+2", masked: true),
    MaskCase(field: "+1 555 0100", masked: true),
    MaskCase(field: "-3+1", masked: true),
    MaskCase(field: "-", masked: true),
    MaskCase(field: "- 3", masked: true),
    MaskCase(field: "@SUM(A1)", masked: true),
    MaskCase(field: "\tx", masked: true),
    MaskCase(field: "\rx", masked: true),
    MaskCase(field: "-1e5x", masked: true),
    MaskCase(field: "-3", masked: false),
    MaskCase(field: "-0.5", masked: false),
    MaskCase(field: "+4", masked: false),
    MaskCase(field: "-.5", masked: false),
    MaskCase(field: "-2,5", masked: false),
    MaskCase(field: "-1e-3", masked: false),
    MaskCase(field: "3", masked: false),
    MaskCase(field: "a=b", masked: false),
    MaskCase(field: "", masked: false),
  ]

  /// Quoting follows RFC 4180 and the leading/trailing space rule.
  @Test("quoting follows RFC 4180 and the leading/trailing space rule", arguments: quotingCases)
  func quoting(_ testCase: QuotingCase) throws {
    let writer = CSVWriter(options: CSVWriterOptions(delimiter: testCase.delimiter))
    try writer.writeRecord(testCase.fields)
    #expect(String(decoding: writer.bytes, as: UTF8.self) == testCase.expected)
  }

  /// Formula masking policy.
  @Test("formula masking policy", arguments: maskCases)
  func masking(_ testCase: MaskCase) throws {
    let writer = CSVWriter(options: CSVWriterOptions(lineEnding: .lf))
    try writer.writeRecord([testCase.field, "x"])
    let output = String(decoding: writer.bytes, as: UTF8.self)
    let reader = CSVReader(bytes: writer.bytes, options: CSVReaderOptions(delimiter: .comma))
    try #require(try reader.nextRecord())
    let readBack = reader.record.string(0)
    #expect(readBack == (testCase.masked ? "'" : "") + testCase.field, "\(output)")
  }

  /// Masking can be turned off.
  @Test("masking can be turned off")
  func maskingOff() throws {
    let writer = CSVWriter(options: CSVWriterOptions(lineEnding: .lf, masksFormulas: false))
    try writer.writeRecord(["=1+2", "@x"])
    #expect(String(decoding: writer.bytes, as: UTF8.self) == "=1+2,@x\n")
  }

  /// Byte order mark and LF line endings.
  @Test("byte order mark and LF line endings")
  func byteOrderMark() throws {
    let writer = CSVWriter(options: CSVWriterOptions(lineEnding: .lf, writesByteOrderMark: true))
    try writer.writeRecord(["a"])
    #expect(writer.bytes == [0xEF, 0xBB, 0xBF, 0x61, 0x0A])
    let reader = CSVReader(bytes: writer.bytes)
    #expect(reader.dialect.hasByteOrderMark)
    #expect(try readAll(reader).records.map(\.strings) == [["a"]])
  }

  /// Random records survive a round trip through the reader.
  @Test(
    "random records survive a round trip through the reader",
    arguments: [CSVDelimiter.comma, .semicolon, .tab], [CSVLineEnding.crlf, .lf])
  func roundTrip(delimiter: CSVDelimiter, lineEnding: CSVLineEnding) throws {
    var generator = SplitMix(seed: UInt64(delimiter.byte) * 31 + (lineEnding == .lf ? 1 : 2))
    let alphabet = [
      "a", "Z", "0", " ", ",", ";", "\t", "\"", "\n", "\r\n", "\r", "é", "中", "👍🏽", "=",
    ]
    var records: [[String]] = []
    for _ in 0..<300 {
      let count = Int(generator.next() % 6) + 1
      records.append(
        (0..<count).map { _ in
          let length = Int(generator.next() % 7)
          return (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            .joined()
        })
    }
    let options = CSVWriterOptions(
      delimiter: delimiter, lineEnding: lineEnding, masksFormulas: false)
    let writer = CSVWriter(options: options)
    for record in records { try writer.writeRecord(record) }
    let reader = CSVReader(
      bytes: writer.bytes, options: CSVReaderOptions(delimiter: delimiter, bufferSize: 13))
    let result = try readAll(reader)
    #expect(result.records.map(\.strings) == records)
    #expect(result.issues.isEmpty)
  }

  /// Writing to a file, field by field, then reading it back.
  @Test("writing to a file, field by field, then reading it back")
  func fileWriter() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path + "/out.csv"
    let writer = try CSVWriter(path: path, options: CSVWriterOptions(bufferSize: 16))
    for row in 0..<1_000 {
      try writer.writeField("\(row)")
      try Array("v,\(row)".utf8).withUnsafeBytes { try writer.writeField(bytes: $0) }
      try writer.endRecord()
    }
    try Array("raw,\"kept\"".utf8).withUnsafeBytes { try writer.writeRawRecord($0) }
    try writer.close()
    #expect(writer.bytes.isEmpty)
    let result = try readAll(try CSVReader(path: path))
    #expect(result.records.count == 1_001)
    #expect(result.records[999].strings == ["999", "v,999"])
    #expect(result.records[1_000].strings == ["raw", "kept"])
    #expect(throws: CSVIOError.cannotWrite(path: path, errno: EBADF)) {
      try writer.writeRecord(["late"])
    }
  }

  /// An unwritable path throws an error naming it.
  @Test("an unwritable path throws an error naming it")
  func unwritablePath() {
    let path = "/nonexistent/dir/out.csv"
    #expect(throws: CSVIOError.cannotOpen(path: path, errno: ENOENT)) {
      try CSVWriter(path: path)
    }
  }
}
