import Foundation
import Testing

/// An invalid UTF-8 sequence or a NUL byte in a cell is reported at the column where it is, with
/// the line it is on, like every other cell diagnostic.
@Suite("bad bytes are located")
struct BadBytesLocationTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var bytes: [UInt8]
    var id: String
    /// How many columns the bytes take: each invalid byte is shown (and counted) as one U+FFFD.
    var width: Int
    var testDescription: String { name }
  }

  static let cases = [
    Case(name: "invalid UTF-8", bytes: [0xFF, 0xFE], id: "csv.invalidUTF8", width: 2),
    Case(name: "NUL byte", bytes: [0x00], id: "csv.nulByte", width: 1),
  ]

  @Test(arguments: cases)
  func locatedAtTheirColumnWithTheLine(_ item: Case) throws {
    let directory = try TemporaryDirectory()
    let before = "r1,2026-03-11T10:00:00Z,north,,yes,40,"
    let after = ",park,,agree,agree,"
    let bytes =
      Array((TerminalEscapeTests.header + "\n").utf8) + Array(before.utf8) + item.bytes
      + Array((after + "zz,,\n").utf8)
    let path = directory.path + "/input.csv"
    #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
    let run = Run([
      "import", "--survey", ImportCommandTests.survey, "--store", directory.path + "/s.db", path,
    ])
    #expect(run.status == 3, "\(run.err)")
    let lines = run.err.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let column = before.count + 1
    let header = try #require(
      lines.firstIndex { $0.hasSuffix("[\(item.id)]") }, "\(run.err)")
    #expect(lines[header].hasPrefix(path + ":2:\(column): "), "\(lines[header])")
    // The excerpt is the line, with the bad bytes shown as U+FFFD and the caret under them.
    let excerpt = try #require(lines.dropFirst(header + 1).first)
    #expect(excerpt.hasPrefix("2 | " + before + "\u{FFFD}"), "\(excerpt)")
    let caret = try #require(lines.dropFirst(header + 2).first)
    #expect(caret == "  | " + String(repeating: " ", count: column - 1) + "^", "\(caret)")
    // A cell after the bytes counts them the same way.
    let commute = column + item.width + after.count
    #expect(run.err.contains(path + ":2:\(commute): error: 'zz' is not a number"), "\(run.err)")
  }
}
