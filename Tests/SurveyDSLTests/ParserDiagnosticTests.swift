import SurveyCore
import SurveyDSL
import SurveyTestSupport
import Testing

@Suite struct ParserDiagnosticTests {
  static let cases: [DiagnosticCase] = [
    DiagnosticCase(
      "unknown declaration with suggestion",
      "1️⃣questoin q \"Q?\"\n  text\n",
      [DiagnosticSpec("dsl.unknownDeclaration", label: "did you mean 'question'?")]),
    DiagnosticCase(
      "line that starts with a number at the top",
      "1️⃣12 q \"Q?\"\n",
      [DiagnosticSpec("dsl.expectedDeclaration")]),
    DiagnosticCase(
      "indented declaration",
      "question a \"A?\"\n  text\n\n  1️⃣question b \"B?\"\n",
      [DiagnosticSpec("dsl.unexpectedIndentation")]),
    DiagnosticCase(
      "first declaration indented",
      "2️⃣  1️⃣question a \"A?\"\n    text\n",
      [
        DiagnosticSpec("dsl.unexpectedIndentation"), DiagnosticSpec("check.missingHeader", at: "2️⃣"),
      ],
      withHeader: false),
    DiagnosticCase(
      "unknown attribute with suggestion",
      "question a \"A?\"\n  text\n  1️⃣requird\n",
      [DiagnosticSpec("dsl.unknownAttribute", label: "did you mean 'required'?")]),
    DiagnosticCase(
      "attribute of another declaration",
      "question a \"A?\"\n  text\n  1️⃣items a\n",
      [DiagnosticSpec("dsl.attributeNotAllowed", message: "belongs in a scale")]),
    DiagnosticCase(
      "translation under a benchmark",
      "indicator i \"I\"\n  share a = 1\n  better higher\n  2️⃣benchmark 5% \"US\"\n    1️⃣es \"EE.UU.\"\n\nquestion a \"A?\"\n  integer\n",
      [
        DiagnosticSpec("dsl.attributeNotAllowed"),
        DiagnosticSpec("check.benchmarkComparability", at: "2️⃣"),
        DiagnosticSpec("check.benchmarkSource", at: "2️⃣"),
      ]),
    DiagnosticCase(
      "attribute line that starts with text",
      "question a \"A?\"\n  text\n  1️⃣\"stray\"\n",
      [DiagnosticSpec("dsl.expectedAttribute")]),
    DiagnosticCase(
      "nested line under a flag",
      "question a \"A?\"\n  text\n  required\n    1️⃣required\n",
      [DiagnosticSpec("dsl.unexpectedIndentation", message: "takes no nested lines")]),
    DiagnosticCase(
      "missing name",
      "question1️⃣\n",
      [DiagnosticSpec("dsl.expectedName")]),
    DiagnosticCase(
      "missing question text",
      "question a1️⃣\n  text\n",
      [DiagnosticSpec("dsl.expectedText", message: "question's text")]),
    DiagnosticCase(
      "missing use path",
      "use1️⃣\n",
      [DiagnosticSpec("dsl.expectedPath")]),
    DiagnosticCase(
      "hyphen in a name",
      "question 1️⃣a-b \"A?\"\n  text\n",
      [DiagnosticSpec("dsl.invalidName", label: "did you mean 'a_b'?")]),
    DiagnosticCase(
      "non-ASCII letter in a name",
      "question 1️⃣é \"A?\"\n  text\n",
      [DiagnosticSpec("dsl.invalidName")]),
    DiagnosticCase(
      "stray character",
      "question a \"A?\"\n  text 1️⃣$\n",
      [DiagnosticSpec("dsl.invalidCharacter")]),
    DiagnosticCase(
      "extra text at end of line",
      "question a \"A?\"\n  required 1️⃣now please\n  text\n",
      [DiagnosticSpec("dsl.unexpectedToken")]),
    DiagnosticCase(
      "unterminated text",
      "question a 1️⃣\"A?\n  text\n",
      [DiagnosticSpec("dsl.unterminatedString")]),
    DiagnosticCase(
      "invalid escape",
      "question a \"A1️⃣\\q?\"\n  text\n",
      [DiagnosticSpec("dsl.invalidEscape")]),
    DiagnosticCase(
      "curly quotes",
      "question a 1️⃣“A?”\n  text\n",
      [DiagnosticSpec("dsl.typographicQuote", label: "straight double quote")]),
    DiagnosticCase(
      "missing version value",
      "2️⃣survey t \"T\"\n  version1️⃣\n",
      [
        DiagnosticSpec("dsl.expectedVersion", at: "1️⃣"),
        DiagnosticSpec("check.missingVersion", at: "2️⃣"),
      ],
      withHeader: false),
    DiagnosticCase(
      "missing privacy value",
      "survey t \"T\"\n  version 1\n  privacy min-group1️⃣\n",
      [DiagnosticSpec("dsl.expectedValue")], withHeader: false),
    DiagnosticCase(
      "show without if",
      "question a \"A?\"\n  integer\n  show 1️⃣a > 1\n",
      [DiagnosticSpec("dsl.expectedIf")]),
    DiagnosticCase(
      "chapter without from",
      "survey t \"T\"\n  version 1\n  chapter 1️⃣a\n\nquestion a \"A?\"\n  text\n",
      [DiagnosticSpec("dsl.expectedFrom")], withHeader: false),
    DiagnosticCase(
      "empty condition",
      "question a \"A?\"\n  integer\n  show if1️⃣\n",
      [DiagnosticSpec("dsl.expectedExpression")]),
    DiagnosticCase(
      "missing operand",
      "question a \"A?\"\n  integer\n\nquestion b \"B?\"\n  text\n  show if a >1️⃣\n",
      [DiagnosticSpec("dsl.expectedExpression")]),
    DiagnosticCase(
      "unclosed parenthesis",
      "question a \"A?\"\n  integer\n\nquestion b \"B?\"\n  text\n  show if (a > 11️⃣\n",
      [DiagnosticSpec("dsl.expectedClosingParenthesis")]),
    DiagnosticCase(
      "in without a list",
      "question a \"A?\"\n  integer\n\nquestion b \"B?\"\n  text\n  show if a in 1️⃣1\n",
      [DiagnosticSpec("dsl.expectedList")]),
    DiagnosticCase(
      "is without a test",
      "question a \"A?\"\n  integer\n\nquestion b \"B?\"\n  text\n  show if a is 1️⃣answred\n",
      [DiagnosticSpec("dsl.expectedAnswerTest", label: "did you mean 'answered'?")]),
    DiagnosticCase(
      "stray text in a condition",
      "question a \"A?\"\n  integer\n\nquestion b \"B?\"\n  text\n  show if a > 1 1️⃣\"x\"\n",
      [DiagnosticSpec("dsl.unexpectedToken", label: "must be compared")]),
    DiagnosticCase(
      "range expected",
      "question a \"A?\"\n  integer 1️⃣ten\n",
      [DiagnosticSpec("dsl.expectedRange")]),
    DiagnosticCase(
      "number expected",
      "scale s \"S\"\n  items a\n  min-answered 1️⃣all\n\nquestion a \"A?\"\n  integer 1..5\n",
      [DiagnosticSpec("dsl.expectedNumber")]),
    DiagnosticCase(
      "code that is not a whole number",
      "choices c\n  1️⃣1.5 a \"A\"\n",
      [DiagnosticSpec("dsl.invalidCode")]),
    DiagnosticCase(
      "unknown missing kind",
      "choices c\n  1 a \"A\"\n  missing 1️⃣refusd 9 \"No answer\"\n",
      [DiagnosticSpec("dsl.unknownValue", label: "did you mean 'refused'?")]),
    DiagnosticCase(
      "mixed tabs and spaces",
      "question a \"A?\"\n  text\n\nquestion b \"B?\"\n1️⃣\ttext\n",
      [DiagnosticSpec("dsl.mixedIndentation", severity: .warning)]),
  ]

  @Test(arguments: cases)
  func reportsTheDiagnostic(_ testCase: DiagnosticCase) {
    testCase.run()
  }
}

@Suite struct LanguageFlagTests {
  @Test func draftLanguagesAreRecorded() throws {
    let compiled = SurveyCompiler.compile(
      text:
        "survey t \"T\"\n  es \"T\"\n  version 1\n  languages en \"English\", es \"Español\" draft\n"
    )
    let survey = try #require(compiled.survey)
    #expect(survey.languages.map(\.isDraft) == [false, true])
  }

  @Test func unknownLanguageFlagIsReported() {
    DiagnosticCase(
      "unknown flag", "survey t \"T\"\n  version 1\n  languages en \"English\" 1️⃣drft\n",
      [DiagnosticSpec("dsl.unknownValue", label: "did you mean 'draft'?")], withHeader: false
    ).run()
  }
}
