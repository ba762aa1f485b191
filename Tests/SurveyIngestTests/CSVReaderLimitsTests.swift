import Foundation
import Testing

@testable import SurveyIngest

/// Tests: very large lines, fields and records.
@Suite("Very large lines, fields and records")
struct CSVReaderLimitsTests {
  /// A line of 1,000,000 delimiters is one record of 1,000,001 empty fields.
  @Test("a line of 1,000,000 delimiters is one record of 1,000,001 empty fields")
  func millionDelimiters() throws {
    let bytes = [UInt8](repeating: UInt8(ascii: ","), count: 1_000_000) + Array("\nz\n".utf8)
    let reader = CSVReader(bytes: bytes, options: CSVReaderOptions(delimiter: .comma))
    try #require(try reader.nextRecord())
    let record = reader.record
    #expect(record.count == 1_000_001)
    var nonEmpty = 0
    record.forEachField { _, field in nonEmpty += field.isEmpty ? 0 : 1 }
    #expect(nonEmpty == 0)
    #expect(record.location(of: 1_000_000) == CSVPosition(line: 1, column: 1_000_001))
    try #require(try reader.nextRecord())
    #expect(reader.record.line == 2)
    #expect(reader.record.strings == ["z"])
    #expect(try !reader.nextRecord())
    #expect(reader.issues.isEmpty)
  }

  /// 100,000 columns.
  @Test("100,000 columns")
  func hundredThousandColumns() throws {
    let header = (0..<100_000).map { "c\($0)" }.joined(separator: ",")
    let values = (0..<100_000).map { "\($0)" }.joined(separator: ",")
    let reader = CSVReader(bytes: Array((header + "\r\n" + values + "\r\n").utf8))
    try #require(try reader.nextRecord())
    #expect(reader.record.count == 100_000)
    #expect(reader.record.string(99_999) == "c99999")
    try #require(try reader.nextRecord())
    let record = reader.record
    #expect(record.count == 100_000)
    #expect(record.int(54_321) == 54_321)
    let column = values.utf8.count - "99999".utf8.count + 1
    #expect(record.location(of: 99_999) == CSVPosition(line: 2, column: column))
    #expect(reader.dialect.delimiter == .comma)
  }

  /// A 100 MB quoted field is skipped at the cap without being buffered.
  @Test("a 100 MB quoted field is skipped at the cap without being buffered")
  func hundredMegabyteField() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path + "/huge.csv"
    try Data("id,text\n1,\"".utf8).write(to: URL(fileURLWithPath: path))
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    // 100 blocks of 1 MiB, each with a line break every 1024 bytes (inside the quotes).
    var block = [UInt8](repeating: UInt8(ascii: "x"), count: 1 << 20)
    for index in stride(from: 1023, to: block.count, by: 1024) { block[index] = 0x0A }
    handle.seekToEndOfFile()
    for _ in 0..<100 { handle.write(Data(block)) }
    handle.write(Data("\"\n2,after\n".utf8))
    try handle.close()

    let options = CSVReaderOptions(maxRecordBytes: 16 << 20)
    let reader = try CSVReader(path: path, options: options)
    let result = try readAll(reader)
    let lineBreaksInField = 100 * 1024
    // The oversized record is delivered as a stand-in with no fields, in its own place.
    #expect(result.records.map(\.strings) == [["id", "text"], [], ["2", "after"]])
    #expect(result.records.map(\.line) == [1, 2, 3 + lineBreaksInField])
    #expect(result.records.map(\.isTooLarge) == [false, true, false])
    #expect(result.issues.map(\.kind) == [.recordTooLarge])
    #expect(
      result.issues.first?.message
        == "record starting at line 2 exceeds the 16777216-byte limit and cannot be read "
        + "(lines 2 to \(2 + lineBreaksInField))")
    #expect(reader.bufferCapacity <= options.maxRecordBytes + CSVReader.lookAheadSlack)
  }

  /// A huge unquoted record is skipped too (a stand-in takes its place), and the buffer stays
  /// at the cap.
  @Test("a huge unquoted record is skipped too, and the buffer stays at the cap")
  func hugeUnquotedRecord() throws {
    let line = [UInt8](repeating: UInt8(ascii: "y"), count: 5_000) + [0x2C, 0x0A]
    let bytes = Array("a,b\n".utf8) + line + Array("c,d\n".utf8)
    let options = CSVReaderOptions(bufferSize: 64, maxRecordBytes: 1_000)
    let reader = CSVReader(bytes: bytes, options: options)
    let result = try readAll(reader)
    #expect(result.records.map(\.strings) == [["a", "b"], [], ["c", "d"]])
    #expect(result.records.map(\.line) == [1, 2, 3])
    #expect(result.records.map(\.isTooLarge) == [false, true, false])
    #expect(result.issues.map(\.kind) == [.recordTooLarge])
    #expect(reader.bufferCapacity <= 1_000 + CSVReader.lookAheadSlack)
  }
}
