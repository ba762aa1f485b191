import Foundation
import Testing

@testable import SurveyIngest

/// One file of the Python cross-check corpus (see CrossCheck/csv_crosscheck.py).
struct CrossCheckCase: Sendable, CustomTestStringConvertible {
  /// What Python's csv module read.
  struct Expected: Decodable, Sendable {
    /// The delimiter the file was written with.
    var delimiter: String
    /// The records, trailing empty ones removed.
    var records: [[String]]
  }

  /// The file name without extension.
  var name: String
  /// The input file.
  var path: String
  /// The expectations.
  var expected: Expected

  /// The name shown by the test runner.
  var testDescription: String { name }

  /// Every case in Fixtures/crosscheck.
  static let all: [CrossCheckCase] = Fixtures.caseNames(in: "crosscheck").compactMap { name in
    guard let directory = Fixtures.directory("crosscheck"),
      let json = FileManager.default.contents(
        atPath: directory.appendingPathComponent(name + ".json").path),
      let expected = try? JSONDecoder().decode(Expected.self, from: json)
    else { return nil }
    return CrossCheckCase(
      name: name, path: directory.appendingPathComponent(name + ".csv").path, expected: expected)
  }
}

/// Tests: cross-check with Python's csv module.
@Suite("Cross-check with Python's csv module")
struct CSVCrossCheckTests {
  /// The corpus is present.
  @Test("the corpus is present")
  func corpusIsPresent() {
    #expect(CrossCheckCase.all.count == 40)
  }

  /// Records match Python's csv.reader field for field.
  @Test(
    "records match Python's csv.reader field for field",
    arguments: CrossCheckCase.all, [7, 1 << 20])
  func matchesPython(_ testCase: CrossCheckCase, bufferSize: Int) throws {
    let delimiter = try #require(testCase.expected.delimiter.utf8.first.flatMap(CSVDelimiter.init))
    let reader = try CSVReader(
      path: testCase.path, options: CSVReaderOptions(delimiter: delimiter, bufferSize: bufferSize))
    let result = try readAll(reader)
    #expect(result.records.count == testCase.expected.records.count)
    for (index, (actual, expected)) in zip(result.records, testCase.expected.records).enumerated() {
      #expect(actual.strings == expected, "record \(index), line \(actual.line)")
    }
    #expect(result.issues.isEmpty)
  }
}
