import Foundation
import Testing

@testable import SurveyIngest

/// The expectations stored beside each corpus file (see FixtureTools/make_csv_corpus.py).
struct CorpusExpectation: Decodable, Sendable {
  /// Reader settings the case needs.
  struct Options: Decodable, Sendable {
    /// A forced delimiter.
    var delimiter: String?
    /// A record-size limit.
    var maxRecordBytes: Int?
    /// A field-count limit.
    var maxFieldsPerRecord: Int?
  }

  /// The dialect the reader must report.
  struct Dialect: Decodable, Sendable {
    /// The delimiter.
    var delimiter: String
    /// Whether a byte order mark was found.
    var hasByteOrderMark: Bool
    /// How the delimiter was chosen.
    var delimiterSource: String
  }

  /// One expected record.
  struct Record: Decodable, Sendable {
    /// Its physical line.
    var line: Int
    /// Its field values.
    var fields: [String]
    /// The line and column of each field, when checked.
    var positions: [[Int]]?
    /// The raw text, when checked.
    var raw: String?
    /// Whether the record stands for one over the reader's limits.
    var tooLarge: Bool?
  }

  /// One expected issue.
  struct Issue: Decodable, Sendable {
    /// The kind's raw value.
    var kind: String
    /// The line.
    var line: Int
    /// The column.
    var column: Int
    /// The exact message, when checked.
    var message: String?
  }

  /// What the case is about.
  var description: String
  /// Reader settings.
  var options: Options
  /// The expected dialect.
  var dialect: Dialect
  /// The expected records.
  var records: [Record]
  /// The expected issues.
  var issues: [Issue]
}

/// One corpus case: the input bytes and the expectations.
struct CorpusCase: Sendable, CustomTestStringConvertible {
  /// The file name without extension.
  var name: String
  /// The input.
  var bytes: [UInt8]
  /// The input file.
  var path: String
  /// The expectations.
  var expected: CorpusExpectation

  /// The name shown by the test runner.
  var testDescription: String { name }

  /// Every case in Fixtures/csv; empty if the fixtures cannot be read (a separate test checks).
  static let all: [CorpusCase] = Fixtures.caseNames(in: "csv").compactMap { name in
    guard let directory = Fixtures.directory("csv"),
      let data = FileManager.default.contents(
        atPath: directory.appendingPathComponent(name + ".csv").path),
      let json = FileManager.default.contents(
        atPath: directory.appendingPathComponent(name + ".json").path),
      let expected = try? JSONDecoder().decode(CorpusExpectation.self, from: json)
    else { return nil }
    return CorpusCase(
      name: name, bytes: Array(data),
      path: directory.appendingPathComponent(name + ".csv").path, expected: expected)
  }

  /// The reader settings for this case with the given buffer size.
  func options(bufferSize: Int) -> CSVReaderOptions {
    var options = CSVReaderOptions(bufferSize: bufferSize)
    if let delimiter = expected.options.delimiter?.utf8.first {
      options.delimiter = CSVDelimiter(byte: delimiter)
    }
    if let limit = expected.options.maxRecordBytes { options.maxRecordBytes = limit }
    if let limit = expected.options.maxFieldsPerRecord { options.maxFieldsPerRecord = limit }
    return options
  }
}

/// Tests: nasty CSV corpus.
@Suite("Nasty CSV corpus")
struct CSVCorpusTests {
  /// The corpus is present and complete.
  @Test("the corpus is present and complete")
  func corpusIsPresent() {
    #expect(CorpusCase.all.count == Fixtures.caseNames(in: "csv").count)
    #expect(CorpusCase.all.count >= 30)
  }

  /// Reading from memory gives the expected records, issues and positions.
  @Test(
    "reading from memory gives the expected records, issues and positions",
    arguments: CorpusCase.all, [4, 5, 7, 16, 1 << 20])
  func readsFromMemory(_ corpusCase: CorpusCase, bufferSize: Int) throws {
    let reader = CSVReader(
      bytes: corpusCase.bytes, options: corpusCase.options(bufferSize: bufferSize))
    try check(reader, against: corpusCase.expected)
  }

  /// Reading the file from disk gives the same.
  @Test("reading the file from disk gives the same", arguments: CorpusCase.all)
  func readsFromFile(_ corpusCase: CorpusCase) throws {
    let reader = try CSVReader(path: corpusCase.path, options: corpusCase.options(bufferSize: 64))
    try check(reader, against: corpusCase.expected)
  }

  private func check(_ reader: CSVReader, against expected: CorpusExpectation) throws {
    #expect(
      String(decoding: [reader.dialect.delimiter.byte], as: UTF8.self) == expected.dialect.delimiter
    )
    #expect(reader.dialect.hasByteOrderMark == expected.dialect.hasByteOrderMark)
    #expect(reader.dialect.delimiterSource.rawValue == expected.dialect.delimiterSource)
    var index = 0
    while try reader.nextRecord() {
      let record = reader.record
      try #require(index < expected.records.count, "unexpected record at line \(record.line)")
      let want = expected.records[index]
      #expect(record.line == want.line)
      #expect(record.strings == want.fields, "record \(index)")
      #expect(record.isTooLarge == (want.tooLarge ?? false), "record \(index)")
      if let positions = want.positions {
        let actual = (0..<record.count).map { field in
          let position = record.location(of: field)
          return [position.line, position.column]
        }
        #expect(actual == positions, "record \(index)")
      }
      if let raw = want.raw {
        #expect(record.rawText == raw)
      }
      index += 1
    }
    #expect(index == expected.records.count)
    let issues = reader.issues.map { [$0.kind.rawValue, "\($0.line)", "\($0.column)"] }
    #expect(issues == expected.issues.map { [$0.kind, "\($0.line)", "\($0.column)"] })
    for (actual, want) in zip(reader.issues, expected.issues) {
      if let message = want.message {
        #expect(actual.message == message)
      }
    }
  }
}
