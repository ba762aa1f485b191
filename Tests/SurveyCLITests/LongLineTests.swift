import Foundation
import Testing

/// A survey file with one very long line gets diagnostics of a few lines: the excerpt is a window
/// around the caret and the text quoted in the message is cut.
@Suite("long lines")
struct LongLineTests {
  static let head = "survey t \"T\"\n  version 1\n\nquestion a \"A?\"\n  integer 0..10\n"
  static let length = 20 << 20

  @Test("a 20 MB unknown word is quoted and shown cut")
  func longWord() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.write(
      "long.survey", Self.head + "  " + String(repeating: "x", count: Self.length) + "\n")
    let run = Run(["check", path])
    #expect(run.status == 1)
    #expect(run.err.utf8.count < 4096, "\(run.err.utf8.count) bytes: \(run.err.prefix(2000))")
    #expect(run.err.contains(path + ":6:3: error: unknown attribute 'xxxx"), "\(run.err)")
    #expect(run.err.contains("x…' in a question [dsl.unknownAttribute]"), "\(run.err)")
    #expect(run.err.contains("6 |   " + String(repeating: "x", count: 60) + "…\n"), "\(run.err)")
    #expect(run.err.contains("  |   " + String(repeating: "^", count: 60) + "\n"), "\(run.err)")
  }

  @Test("an error at the end of a 20 MB line shows the end of the line")
  func errorAtTheEnd() throws {
    let directory = try TemporaryDirectory()
    let before = "question b \"" + String(repeating: "y", count: Self.length) + "\" "
    let path = try directory.write("long.survey", Self.head + "\n" + before + "zz\n")
    let run = Run(["check", path])
    #expect(run.status == 1)
    #expect(run.err.utf8.count < 4096, "\(run.err.utf8.count) bytes: \(run.err.prefix(2000))")
    let column = before.count + 1
    #expect(
      run.err.contains(
        path + ":7:\(column): error: unexpected 'zz' at the end of the line [dsl.unexpectedToken]"),
      "\(run.err)")
    let shown = String(before.suffix(60))
    #expect(run.err.contains("\n7 | …" + shown + "zz\n"), "\(run.err)")
    #expect(run.err.contains("\n  |  " + String(repeating: " ", count: 60) + "^^\n"), "\(run.err)")
  }
}
