import Foundation
import Testing

@testable import SurveyIngest

/// Tests: reader behaviour.
@Suite("Reader behaviour")
struct CSVReaderTests {
  /// A missing file throws an error naming the path.
  @Test("a missing file throws an error naming the path")
  func missingFile() throws {
    let path = "/nonexistent/dir/answers.csv"
    #expect(throws: CSVIOError.cannotOpen(path: path, errno: ENOENT)) {
      try CSVReader(path: path)
    }
    let error = CSVIOError.cannotOpen(path: path, errno: ENOENT)
    #expect(error.errorDescription == "cannot open '\(path)': No such file or directory")
  }

  /// A directory cannot be read and says so.
  @Test("a directory cannot be read and says so")
  func directory() throws {
    let directory = try TemporaryDirectory()
    #expect(throws: CSVIOError.cannotRead(path: directory.path, errno: EISDIR)) {
      try CSVReader(path: directory.path)
    }
  }

  /// Issues beyond the limit are counted, not kept.
  @Test("issues beyond the limit are counted, not kept")
  func issueLimit() throws {
    let text = String(repeating: "a\"b,c\n", count: 10)
    let reader = CSVReader(bytes: Array(text.utf8), options: CSVReaderOptions(maxIssues: 3))
    let result = try readAll(reader)
    #expect(result.records.count == 10)
    #expect(result.issues.count == 3)
    #expect(result.suppressedIssueCount == 7)
    #expect(result.issues.map(\.line) == [1, 2, 3])
  }

  /// A stray quote makes quote parity unreliable; text after a quote does not.
  @Test("a stray quote makes quote parity unreliable; text after a quote does not")
  func parityFlag() throws {
    let stray = CSVReader(bytes: Array("a,b\"c\n".utf8))
    _ = try readAll(stray)
    #expect(!stray.quoteParityIsReliable)
    let afterQuote = CSVReader(bytes: Array("a,\"b\"c\n".utf8))
    _ = try readAll(afterQuote)
    #expect(afterQuote.quoteParityIsReliable)
    #expect(afterQuote.issues.map(\.kind) == [.textAfterClosingQuote])
  }

  /// Issue severities.
  @Test("issue severities")
  func severities() {
    let position = CSVPosition(line: 1, column: 1)
    let severity = { (kind: CSVIssue.Kind) in
      CSVIssue(kind: kind, position: position, message: "").severity
    }
    #expect(severity(.strayQuote) == .warning)
    #expect(severity(.textAfterClosingQuote) == .warning)
    #expect(severity(.invalidUTF8) == .error)
    #expect(severity(.recordTooLarge) == .error)
    #expect(severity(.utf16Encoding) == .fatal)
    #expect(severity(.notText) == .fatal)
    #expect(CSVIssue.Severity.warning < .fatal)
  }

  /// A byte range of a file reads only those bytes, from the given line.
  @Test("a byte range of a file reads only those bytes, from the given line")
  func byteRange() throws {
    let directory = try TemporaryDirectory()
    let text = "h1,h2\r\n1,\"a\nb\"\r\n2,c\r\n3,d\r\n"
    let path = try directory.write("range.csv", Array(text.utf8))
    let start = text.utf8.count - "2,c\r\n3,d\r\n".utf8.count
    let end = text.utf8.count - "3,d\r\n".utf8.count
    let reader = try CSVReader(
      path: path, byteRange: start..<end, firstLine: 4, dialect: CSVDialect(delimiter: .comma))
    let result = try readAll(reader)
    #expect(result.records.map(\.line) == [4])
    #expect(result.records.map(\.strings) == [["2", "c"]])
  }

  /// A forced delimiter other than the candidates works.
  @Test("a forced delimiter other than the candidates works")
  func pipeDelimiter() throws {
    let delimiter = try #require(CSVDelimiter(byte: UInt8(ascii: "|")))
    let reader = CSVReader(
      bytes: Array("a|b\n1|\"x|y\"\n".utf8), options: CSVReaderOptions(delimiter: delimiter))
    #expect(try readAll(reader).records.map(\.strings) == [["a", "b"], ["1", "x|y"]])
  }

  /// Bytes that cannot be delimiters are rejected.
  @Test("bytes that cannot be delimiters are rejected", arguments: [0x22, 0x0A, 0x0D, 0x00, 0xC3])
  func invalidDelimiters(byte: UInt8) {
    #expect(CSVDelimiter(byte: byte) == nil)
  }

  /// A CRLF split across two reads counts as one line ending.
  @Test("a CRLF split across two reads counts as one line ending", arguments: 4...12)
  func crlfAcrossRefills(bufferSize: Int) throws {
    let text = "ab,cd\r\nef,\"g\r\nh\"\r\n\r\nij,kl"
    let reader = CSVReader(
      bytes: Array(text.utf8), options: CSVReaderOptions(bufferSize: bufferSize))
    let result = try readAll(reader)
    #expect(result.records.map(\.line) == [1, 2, 4, 5])
    #expect(result.records.map(\.strings) == [["ab", "cd"], ["ef", "g\r\nh"], [], ["ij", "kl"]])
  }
}
