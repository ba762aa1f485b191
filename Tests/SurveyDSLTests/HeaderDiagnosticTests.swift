import SurveyCore
import SurveyTestSupport
import Testing

/// One test per checker diagnostic about headers, languages, privacy, roles and files.
@Suite struct HeaderDiagnosticTests {
  static let bilingual =
    "survey t \"T\"\n  es \"T\"\n  version 1\n  languages en \"English\", es \"Español\"\n\n"

  static let cases: [DiagnosticCase] = [
    DiagnosticCase(
      "file without a header",
      "1️⃣question q \"Q?\"\n  text\n",
      [DiagnosticSpec("check.missingHeader")], withHeader: false),
    DiagnosticCase(
      "respondents who are neither members nor anyone",
      "survey t \"T\"\n  version 1\n  respondents 1️⃣member\n",
      [DiagnosticSpec("check.unknownValue", label: "did you mean 'members'?")], withHeader: false),
    DiagnosticCase(
      "survey without a version",
      "1️⃣survey t \"T\"\n  languages en \"English\"\n",
      [DiagnosticSpec("check.missingVersion")], withHeader: false),
    DiagnosticCase(
      "two surveys in one file",
      "1️⃣survey u \"U\"\n  version 2\n",
      [DiagnosticSpec("check.duplicateHeader")]),
    DiagnosticCase(
      "survey in a used file",
      "use lib\n",
      [DiagnosticSpec("check.surveyInLibrary", file: "lib.survey")],
      files: ["lib.survey": "1️⃣survey x \"X\"\n  version 1\n"]),
    DiagnosticCase(
      "used file not found, with suggestion",
      "use 1️⃣instrumets/ucla\n",
      [DiagnosticSpec("check.useNotFound")],
      files: ["instruments/ucla.survey": "library ucla \"U\"\n"]),
    DiagnosticCase(
      "used file not found, similar name",
      "use 1️⃣lbrary\n",
      [DiagnosticSpec("check.useNotFound", label: "did you mean 'library.survey'?")],
      files: ["library.survey": "library l \"L\"\n"]),
    DiagnosticCase(
      "files that use each other",
      "use a\n",
      [DiagnosticSpec("check.useCycle", file: "b.survey")],
      files: ["a.survey": "library a \"A\"\n\nuse b\n", "b.survey": "library b \"B\"\n\nuse 1️⃣a\n"]),
    DiagnosticCase(
      "file that uses itself",
      "use 1️⃣main\n",
      [DiagnosticSpec("check.useCycle")]),
    DiagnosticCase(
      "minimum group below the floor",
      "survey t \"T\"\n  version 1\n  privacy min-group 1️⃣3\n",
      [DiagnosticSpec("check.privacyBelowFloor")], withHeader: false),
    DiagnosticCase(
      "unknown privacy setting",
      "survey t \"T\"\n  version 1\n  privacy 1️⃣min-grop 10\n",
      [DiagnosticSpec("check.unknownValue", label: "did you mean 'min-group'?")], withHeader: false),
    DiagnosticCase(
      "privacy setting that is not a number",
      "survey t \"T\"\n  version 1\n  privacy min-cell 1️⃣five\n",
      [DiagnosticSpec("check.invalidNumber")], withHeader: false),
    DiagnosticCase(
      "unknown free-text policy",
      "survey t \"T\"\n  version 1\n  privacy free-text 1️⃣of\n",
      [DiagnosticSpec("check.unknownValue", label: "did you mean 'off'?")], withHeader: false),
    DiagnosticCase(
      "weight from a text question",
      "survey t \"T\"\n  version 1\n  weight from 1️⃣w\n\nquestion w \"W?\"\n  text\n",
      [DiagnosticSpec("check.invalidRole")], withHeader: false),
    DiagnosticCase(
      "chapter from an unknown question",
      "survey t \"T\"\n  version 1\n  chapter from 1️⃣chaptr\n\nquestion chapter \"C?\"\n  text\n",
      [DiagnosticSpec("check.unknownReference", label: "did you mean 'chapter'?")],
      withHeader: false),
    DiagnosticCase(
      "missing translation",
      bilingual + "question q 1️⃣\"Q?\"\n  text\n",
      [
        DiagnosticSpec(
          "check.missingTranslation", severity: .warning, message: "question 'q' has no Español")
      ],
      withHeader: false),
    DiagnosticCase(
      "missing translation of an answer, on the same line",
      bilingual + "choices c\n  1 a 1️⃣\"A\"\n\nquestion q \"Q?\"\n  es \"Q?\"\n  single c\n",
      [DiagnosticSpec("check.missingTranslation", label: "after the text")], withHeader: false),
    DiagnosticCase(
      "translation in an undeclared language",
      bilingual + "question q \"Q?\"\n  es \"Q?\"\n  1️⃣fr \"Q?\"\n  text\n",
      [DiagnosticSpec("check.unknownLanguage")], withHeader: false),
    DiagnosticCase(
      "translation given twice",
      bilingual + "question q \"Q?\"\n  es \"Q?\"\n  1️⃣es \"Q?\"\n  text\n",
      [DiagnosticSpec("check.duplicateTranslation", severity: .warning)], withHeader: false),
  ]

  @Test(arguments: cases)
  func reportsTheDiagnostic(_ testCase: DiagnosticCase) {
    testCase.run()
  }
}
