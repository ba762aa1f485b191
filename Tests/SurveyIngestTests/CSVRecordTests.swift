import Foundation
import Testing

@testable import SurveyIngest

/// Tests: record view.
@Suite("Record view")
struct CSVRecordTests {
  /// Reads the first record of `text` and hands it to `body`.
  private func withFirstRecord(
    _ text: String, bufferSize: Int = 1 << 20, _ body: (CSVRecord) throws -> Void
  ) throws {
    let reader = CSVReader(
      bytes: Array(text.utf8), options: CSVReaderOptions(bufferSize: bufferSize))
    try #require(try reader.nextRecord())
    try body(reader.record)
  }

  /// Field accessors, quoted and escaped fields, absent fields.
  @Test("field accessors, quoted and escaped fields, absent fields", arguments: [4, 1 << 20])
  func accessors(bufferSize: Int) throws {
    try withFirstRecord(#"a,"",,"x""y","q",  7 "#, bufferSize: bufferSize) { record in
      #expect(record.count == 6)
      #expect(record.line == 1)
      #expect(record.isEmpty(1))
      #expect(record.isEmpty(2))
      #expect(!record.isEmpty(3))
      #expect(record.isEmpty(99))
      #expect(record.isEmpty(-1))
      #expect(record.isQuoted(1))
      #expect(!record.isQuoted(2))
      #expect(record.isQuoted(3))
      #expect(!record.isQuoted(99))
      #expect(record.string(3) == #"x"y"#)
      #expect(record.string(99) == "")
      #expect(record.withUnsafeBytes(99) { $0.count } == 0)
      #expect(record.int(5) == 7)
      #expect(record.int(0) == nil)
      #expect(record.int(99) == nil)
      #expect(record.strings == ["a", "", "", #"x"y"#, "q", "  7 "])
      #expect(record.rawText == #"a,"",,"x""y","q",  7 "#)
    }
  }

  /// Nested access to two escaped fields keeps both values intact.
  @Test("nested access to two escaped fields keeps both values intact")
  func nestedEscapedAccess() throws {
    try withFirstRecord(#""a""b","c""d""#) { record in
      let pair = record.withUnsafeBytes(0) { first in
        record.withUnsafeBytes(1) { second in
          (String(decoding: first, as: UTF8.self), String(decoding: second, as: UTF8.self))
        }
      }
      #expect(pair.0 == #"a"b"#)
      #expect(pair.1 == #"c"d"#)
    }
  }

  /// ForEachField visits every field with un-escaped bytes.
  @Test("forEachField visits every field with un-escaped bytes")
  func forEachField() throws {
    try withFirstRecord(#"1,"two ""2""",,four"#) { record in
      var seen: [String] = []
      record.forEachField { index, bytes in
        seen.append("\(index)=\(String(decoding: bytes, as: UTF8.self))")
      }
      #expect(seen == ["0=1", #"1=two "2""#, "2=", "3=four"])
    }
  }

  /// Invalid UTF-8 is delivered as bytes and repaired only in strings.
  @Test("invalid UTF-8 is delivered as bytes and repaired only in strings")
  func invalidUTF8() throws {
    let reader = CSVReader(bytes: [0x61, 0x2C, 0x62, 0xFF, 0x63, 0x0A])
    try #require(try reader.nextRecord())
    #expect(reader.record.withUnsafeBytes(1) { Array($0) } == [0x62, 0xFF, 0x63])
    #expect(reader.record.string(1) == "b\u{FFFD}c")
    #expect(reader.issues.map(\.kind) == [.invalidUTF8])
  }

  /// The location of an absent field is the end of the record.
  @Test("the location of an absent field is the end of the record")
  func locationOfAbsentField() throws {
    try withFirstRecord("ab,\"c\nd\"\n") { record in
      #expect(record.location(of: 1) == CSVPosition(line: 1, column: 4))
      #expect(record.location(of: 2) == CSVPosition(line: 2, column: 3))
    }
  }

  /// A record after a blank line and the blank record itself.
  @Test("a record after a blank line and the blank record itself")
  func blankRecords() throws {
    let reader = CSVReader(bytes: Array("a\n\n\nb\n\n".utf8))
    var lines: [Int] = []
    var counts: [Int] = []
    while try reader.nextRecord() {
      lines.append(reader.record.line)
      counts.append(reader.record.count)
    }
    #expect(lines == [1, 2, 3, 4])
    #expect(counts == [1, 0, 0, 1])
  }
}
