import Foundation
import SurveyCore
import SurveyTestSupport
import Testing

@Suite struct DiagnosticRendererTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var line: String
    var word: String
    var column: Int
    var caretLine: String
    var testDescription: String { name }
  }

  static let cases = [
    Case(
      name: "ascii", line: "  single agre5", word: "agre5", column: 10,
      caretLine: "  |          ^^^^^"),
    Case(
      name: "accented letters before", line: "  \"Café\" zz", word: "zz", column: 10,
      caretLine: "  |          ^^"),
    Case(
      name: "CJK before", line: "  \"日本語\" zz", word: "zz", column: 9, caretLine: "  |         ^^"),
    Case(
      name: "emoji family before", line: "  \"👨‍👩‍👧‍👦\" zz", word: "zz", column: 7,
      caretLine: "  |       ^^"),
    Case(name: "tab before", line: "\tsingle x", word: "x", column: 9, caretLine: "  | \t       ^"),
    Case(name: "non-ASCII word", line: "  é ü", word: "ü", column: 5, caretLine: "  |     ^"),
  ]

  @Test(arguments: cases)
  func caretAndColumnCountCharacters(_ testCase: Case) throws {
    let prefix = "first line\n"
    let text = prefix + testCase.line + "\n"
    let file = SourceFile(path: "s.survey", text: text)
    let wordStart = try #require(testCase.line.range(of: testCase.word, options: .backwards))
    let start = prefix.utf8.count + testCase.line[..<wordStart.lowerBound].utf8.count
    let range = SourceRange(file: file, bytes: start..<(start + testCase.word.utf8.count))
    let diagnostic = Diagnostic(.error, id: "test.id", "message", at: range, label: "hint")
    #expect(diagnostic.location?.line == 2)
    #expect(diagnostic.location?.column == testCase.column)
    let rendered = DiagnosticRenderer().render(diagnostic)
    let lines = rendered.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines.count == 4)
    #expect(lines.first == "s.survey:2:\(testCase.column): error: message [test.id]")
    #expect(lines.dropFirst().first == "2 | " + testCase.line)
    #expect(lines.dropFirst(2).first == testCase.caretLine + " hint")
  }

  /// Renders one diagnostic on the second line of a file and returns its lines.
  static func render(line: String, at start: Int, length: Int) -> [String] {
    let prefix = "first line\n"
    let file = SourceFile(path: "s.survey", text: prefix + line + "\n")
    let offset = prefix.utf8.count + start
    let range = SourceRange(file: file, bytes: offset..<(offset + length))
    let diagnostic = Diagnostic(.error, id: "test.id", "message", at: range, label: "hint")
    return DiagnosticRenderer().render(diagnostic)
      .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  }

  @Test(arguments: ["é", "e\u{301}", "日", "👨‍👩‍👧‍👦", "\t"])
  func longLinesShowAWindowAroundTheCaret(_ filler: String) {
    let before = String(repeating: filler, count: 500)
    let line = before + "zz" + String(repeating: "x", count: 500)
    let lines = Self.render(line: line, at: before.utf8.count, length: 2)
    #expect(lines.count == 4)
    #expect(lines.first == "s.survey:2:501: error: message [test.id]")
    let shown = String(repeating: filler, count: 60)
    #expect(
      lines.dropFirst().first == "2 | …" + shown + "zz" + String(repeating: "x", count: 58) + "…")
    let indent = " " + String(shown.map { $0 == "\t" ? "\t" : " " })
    #expect(lines.dropFirst(2).first == "  | " + indent + "^^ hint")
  }

  @Test func aLineIsMarkedCutOnlyWhereItIsCut() {
    let before = String(repeating: "a", count: 100)
    let end = Self.render(line: before + "zz", at: 100, length: 2)
    #expect(end.dropFirst().first == "2 | …" + String(repeating: "a", count: 60) + "zz")
    #expect(end.dropFirst(2).first == "  | " + String(repeating: " ", count: 61) + "^^ hint")
    let start = Self.render(line: "zz" + before, at: 0, length: 2)
    #expect(start.dropFirst().first == "2 | zz" + String(repeating: "a", count: 58) + "…")
    #expect(start.dropFirst(2).first == "  | ^^ hint")
  }

  @Test func aRangeLongerThanTheWindowIsMarkedToItsEdge() {
    let line = "  " + String(repeating: "w", count: 1_000) + " rest"
    let lines = Self.render(line: line, at: 2, length: 1_000)
    #expect(lines.dropFirst().first == "2 |   " + String(repeating: "w", count: 60) + "…")
    #expect(lines.dropFirst(2).first == "  |   " + String(repeating: "^", count: 60) + " hint")
  }

  @Test func aHugeLineGivesASmallDiagnostic() {
    let line = String(repeating: "日本", count: 2_000_000) + "zz"
    let lines = Self.render(line: line, at: line.utf8.count - 2, length: 2)
    #expect(lines.first == "s.survey:2:4000001: error: message [test.id]")
    #expect(lines.joined(separator: "\n").utf8.count < 1_000)
  }

  @Test func userTextIsInertEvenInColour() {
    let file = SourceFile(
      path: "s\u{1B}]0;t\u{7}.survey", text: "x \u{1B}[2J\u{202E} y\r\nnext\n")
    let diagnostic = Diagnostic(
      .error, id: "test.id", "bad \u{1B}[31m", at: SourceRange(file: file, bytes: 10..<11),
      label: "hint \u{202E}",
      notes: [Diagnostic.Note("note \u{7}", at: SourceRange(file: file, bytes: 0..<1))])
    for colored in [false, true] {
      let rendered = DiagnosticRenderer(colored: colored).render(diagnostic)
      let own = rendered.replacingOccurrences(
        of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
      #expect(!own.unicodeScalars.contains { [0x1B, 0x07, 0x0D, 0x202E].contains($0.value) })
      #expect(own.contains("1 | x \u{FFFD}[2J\u{FFFD} y\n"), "\(own)")
      #expect(colored == (own != rendered))
    }
  }

  @Test func notesFollowWithTheirLocation() {
    let file = SourceFile(path: "a.survey", text: "question a\nquestion A\n")
    let diagnostic = Diagnostic(
      .error, id: "check.duplicateName", "dup", at: SourceRange(file: file, bytes: 20..<21),
      notes: [Diagnostic.Note("first declared here", at: SourceRange(file: file, bytes: 9..<10))])
    let rendered = DiagnosticRenderer().render(diagnostic)
    #expect(rendered.hasSuffix("a.survey:1:10: note: first declared here\n"))
  }

  @Test func coloursOnlyWhenAsked() {
    let file = SourceFile(path: "a.survey", text: "x\n")
    let diagnostic = Diagnostic(.warning, id: "w", "m", at: SourceRange(file: file, bytes: 0..<1))
    #expect(!DiagnosticRenderer(colored: false).render(diagnostic).contains("\u{1B}["))
    #expect(DiagnosticRenderer(colored: true).render(diagnostic).contains("\u{1B}[1;33mwarning:"))
  }

  @Test func lineTableHandlesCRLFAndLoneCR() {
    let file = SourceFile(path: "a", text: "one\r\ntwo\rthree\nfour")
    #expect(file.lineCount == 4)
    #expect(file.text(ofLine: 2) == "two")
    #expect(file.text(ofLine: 3) == "three")
    #expect(file.location(of: 9).line == 3)
    #expect(file.location(of: 9).column == 1)
  }
}
