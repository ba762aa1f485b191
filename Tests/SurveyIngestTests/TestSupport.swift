import Foundation
import Testing

@testable import SurveyIngest

/// One record as the tests compare it: line, exact field bytes and raw text.
struct RecordSnapshot: Equatable, CustomStringConvertible {
  /// The physical line.
  var line: Int
  /// The un-escaped field bytes.
  var fields: [[UInt8]]
  /// The raw record bytes.
  var raw: [UInt8]
  /// Whether it stands for a record over the reader's limits.
  var isTooLarge = false

  /// The fields as strings.
  var strings: [String] { fields.map { String(decoding: $0, as: UTF8.self) } }

  /// A readable summary.
  var description: String { "line \(line): \(strings)" }
}

/// Everything a reader produced.
struct ReadResult: Equatable {
  /// The records.
  var records: [RecordSnapshot] = []
  /// The issues.
  var issues: [CSVIssue] = []
  /// Issues found beyond the limit.
  var suppressedIssueCount = 0
}

/// Reads every record and snapshots it.
///
/// - Parameter reader: The reader.
/// - Returns: The records and issues.
/// - Throws: ``CSVIOError``.
func readAll(_ reader: CSVReader) throws -> ReadResult {
  var result = ReadResult()
  while try reader.nextRecord() {
    let record = reader.record
    let fields = (0..<record.count).map { index in record.withUnsafeBytes(index) { Array($0) } }
    let raw = record.withUnsafeRawBytes { Array($0) }
    result.records.append(
      RecordSnapshot(line: record.line, fields: fields, raw: raw, isTooLarge: record.isTooLarge))
  }
  result.issues = reader.issues
  result.suppressedIssueCount = reader.suppressedIssueCount
  return result
}

/// Access to the fixture files copied into the test bundle.
enum Fixtures {
  /// The URL of a fixture directory, e.g. `csv`.
  static func directory(_ name: String) -> URL? {
    Bundle.module.url(forResource: "Fixtures", withExtension: nil)?
      .appendingPathComponent(name, isDirectory: true)
  }

  /// The names, without extension, of the `.json` files in a fixture directory, sorted.
  static func caseNames(in name: String) -> [String] {
    guard let directory = directory(name),
      let files = try? FileManager.default.contentsOfDirectory(atPath: directory.path)
    else { return [] }
    return files.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
  }
}

/// A temporary directory, removed when the value is no longer used.
final class TemporaryDirectory {
  /// The directory's path.
  let path: String

  /// Creates a fresh directory.
  init() throws {
    let base = FileManager.default.temporaryDirectory
      .appendingPathComponent("csv-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
    path = base.path
  }

  deinit {
    try? FileManager.default.removeItem(atPath: path)
  }

  /// Writes a file and returns its path.
  func write(_ name: String, _ bytes: [UInt8]) throws -> String {
    let file = path + "/" + name
    try Data(bytes).write(to: URL(fileURLWithPath: file))
    return file
  }
}
