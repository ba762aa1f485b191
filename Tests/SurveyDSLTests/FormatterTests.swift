import Foundation
import SurveyCore
import SurveyDSL
import SurveyTestSupport
import Testing

@Suite struct FormatterTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

  static func parse(_ text: String, path: String = "f.survey") -> ParsedFile {
    Parser.parse(SourceFile(path: path, text: text))
  }

  @Test func everythingFormatsToTheCanonicalLayout() throws {
    let source = try String(
      contentsOf: Self.fixtures.appendingPathComponent("everything.survey"), encoding: .utf8)
    let formatted = Formatter.format(Self.parse(source))
    expectSnapshot(
      formatted,
      path: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Snapshots/everything.formatted.survey").path)
  }

  @Test(arguments: [
    ("question  a   \"A?\"\n  text\n", "question a \"A?\"\n  text\n"),
    (
      "question a \"A?\"\n    text\n      \n    required\n",
      "question a \"A?\"\n  text\n\n  required\n"
    ),
    (
      "question a \"A?\"\n  integer\n  show if a>-1and(a<5)\n",
      "question a \"A?\"\n  integer\n  show if a > -1 and (a < 5)\n"
    ),
    (
      "derived d \"D\"\n  compute count (a)+if(a,1,-2)\n",
      "derived d \"D\"\n  compute count (a) + if(a, 1, -2)\n"
    ),
    (
      "question a \"A \\\"quoted\\\" \\\\ text\"\n  text\n",
      "question a \"A \\\"quoted\\\" \\\\ text\"\n  text\n"
    ),
    (
      "#no space\nquestion a \"A?\"   #  trailing   \n  text\n\n\n\n# end\n",
      "#no space\nquestion a \"A?\"  #  trailing\n  text\n\n# end\n"
    ),
    (
      "use a\nuse b\n\nuse c\nquestion q \"Q\"\n  text\n",
      "use a\nuse b\n\nuse c\n\nquestion q \"Q\"\n  text\n"
    ),
    ("question a \"A?\"\n  integer -5..5\n", "question a \"A?\"\n  integer -5..5\n"),
    ("\u{FEFF}question a \"A?\"\r\n  text\r\n", "question a \"A?\"\n  text\n"),
  ])
  func normalisesLayout(_ input: String, _ expected: String) {
    expectEqualLines(Formatter.format(Self.parse(input)), expected)
  }

  @Test func keepsEveryCommentInOrder() throws {
    let source = try String(
      contentsOf: Self.fixtures.appendingPathComponent("everything.survey"), encoding: .utf8)
    let formatted = Formatter.format(Self.parse(source))
    let comments = { (text: String) in
      text.split(separator: "\n").compactMap { line -> String? in
        guard let hash = line.firstIndex(of: "#"), !line[..<hash].contains("\"") else { return nil }
        return line[hash...].trimmingCharacters(in: .whitespaces)
      }
    }
    #expect(comments(formatted) == comments(source))
    #expect(comments(source).count == 5)
  }

  @Test(arguments: ["everything.survey", "library/items.survey"])
  func formattingIsIdempotentAndKeepsMeaning(_ name: String) throws {
    let source = try String(contentsOf: Self.fixtures.appendingPathComponent(name), encoding: .utf8)
    let parsed = Self.parse(source)
    let once = Formatter.format(parsed)
    let reparsed = Self.parse(once)
    #expect(reparsed.diagnostics.isEmpty)
    expectEqualLines(Formatter.format(reparsed), once)
    #expect(structuralDump(reparsed.declarations) == structuralDump(parsed.declarations))
  }

  @Test func roundTripDetectsAChangedMeaning() {
    let a = Self.parse("question a \"A?\"\n  integer\n  show if a > 1\n")
    let b = Self.parse("question a \"A?\"\n  integer\n  show if a > 2\n")
    #expect(structuralDump(a.declarations) != structuralDump(b.declarations))
    let c = Self.parse("question a   \"A?\"\n      integer\n      show if a>1\n")
    #expect(structuralDump(a.declarations) == structuralDump(c.declarations))
  }
}
