import SurveyCore
import Testing

@Suite struct TerminalTextTests {
  @Test(arguments: [
    ("\u{1B}]0;title\u{07}x", "\u{FFFD}]0;title\u{FFFD}x"),
    ("\u{1B}[2J", "\u{FFFD}[2J"),
    ("a\u{202E}b\u{2066}c\u{2069}", "a\u{FFFD}b\u{FFFD}c\u{FFFD}"),
    ("over\rwrite", "over\u{FFFD}write"),
    ("C1 \u{9B}31m DEL \u{7F}", "C1 \u{FFFD}31m DEL \u{FFFD}"),
    ("\u{0}", "\u{FFFD}"),
  ])
  func controlsAndOverridesBecomeReplacementCharacters(_ text: String, _ expected: String) {
    #expect(TerminalText.inert(text) == expected)
  }

  @Test func lineBreaksAndTabsStay() {
    #expect(TerminalText.inert("a\tb\nc") == "a\tb\nc")
    // A CR LF line break is a line break: it is written as LF.
    #expect(TerminalText.inert("a\r\nb") == "a\nb")
    #expect(TerminalText.inert("a\tb", keepingTabs: false) == "a\u{FFFD}b")
  }

  @Test func everythingElseIsUnchanged() {
    let text = "Café 日本語 👨‍👩‍👧‍👦 e\u{301} العربية"
    #expect(TerminalText.inert(text) == text)
  }

  @Test func quotedTextIsCut() {
    #expect("\(quoted: "requird")" == "'requird'")
    let long = String(repeating: "x", count: 1_000)
    #expect("\(quoted: long)" == "'" + String(repeating: "x", count: 100) + "…'")
    let emoji = String(repeating: "👨‍👩‍👧‍👦", count: 101)
    #expect("\(quoted: emoji)" == "'" + String(repeating: "👨‍👩‍👧‍👦", count: 100) + "…'")
    #expect(
      "\(quoted: String(repeating: "é", count: 100))" == "'" + String(repeating: "é", count: 100)
        + "'")
  }

  @Test func messagesAreCutAsALastResort() {
    let long = String(repeating: "m", count: 5_000)
    let diagnostic = Diagnostic(
      .error, id: "test.id", long, at: nil, notes: [Diagnostic.Note(long)])
    #expect(diagnostic.message == String(repeating: "m", count: 1_000) + "…")
    #expect(diagnostic.notes.first?.message == diagnostic.message)
  }
}
