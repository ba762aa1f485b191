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
