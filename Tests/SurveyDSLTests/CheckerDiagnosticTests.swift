import SurveyCore
import SurveyTestSupport
import Testing

/// One test per checker diagnostic about names, references and types.
@Suite struct CheckerDiagnosticTests {
  static let yesNo = "question employed \"Job?\"\n  yes-no\n\n"
  static let age = "question age \"Age?\"\n  integer 16..110\n\n"

  static let cases: [DiagnosticCase] = [
    DiagnosticCase(
      "duplicate name ignoring case",
      "question Age \"A?\"\n  integer\n\nquestion 1️⃣age \"B?\"\n  integer\n",
      [DiagnosticSpec("check.duplicateName", message: "already used")]),
    DiagnosticCase(
      "other column clashes with a name",
      "choices c\n  1 a \"A\"\n\nquestion q \"Q?\"\n  single c\n  other \"Other\"\n\nquestion 1️⃣q_other \"X?\"\n  text\n",
      [DiagnosticSpec("check.duplicateName")]),
    DiagnosticCase(
      "reserved word as a name",
      "question 1️⃣missing \"M?\"\n  text\n",
      [DiagnosticSpec("check.reservedName")]),
    DiagnosticCase(
      "duplicate code",
      "choices c\n  1 a \"A\"\n  1️⃣1 b \"B\"\n",
      [DiagnosticSpec("check.duplicateCode")]),
    DiagnosticCase(
      "duplicate answer name",
      "choices c\n  1 a \"A\"\n  2 1️⃣A \"B\"\n",
      [DiagnosticSpec("check.duplicateName")]),
    DiagnosticCase(
      "empty choice set",
      "choices 1️⃣c\n\nquestion q \"Q?\"\n  single c\n",
      [DiagnosticSpec("check.emptyChoiceSet")]),
    DiagnosticCase(
      "unknown choice set with suggestion",
      "choices agree5\n  1 a \"A\"\n\nquestion q \"Q?\"\n  single 1️⃣agre5\n",
      [DiagnosticSpec("check.unknownChoiceSet", label: "did you mean 'agree5'?")]),
    DiagnosticCase(
      "question without a type",
      "question 1️⃣q \"Q?\"\n  required\n",
      [DiagnosticSpec("check.missingType")]),
    DiagnosticCase(
      "question with two types",
      "question q \"Q?\"\n  text\n  1️⃣integer\n",
      [DiagnosticSpec("check.duplicateAttribute")]),
    DiagnosticCase(
      "attribute given twice",
      "question q \"Q?\"\n  text\n  required\n  1️⃣required\n",
      [DiagnosticSpec("check.duplicateAttribute", severity: .warning)]),
    DiagnosticCase(
      "empty range",
      "question q \"Q?\"\n  integer 1️⃣10..1\n",
      [DiagnosticSpec("check.invalidRange")]),
    DiagnosticCase(
      "date that does not exist",
      "question q \"Q?\"\n  date 1️⃣2026-02-30..2026-12-31\n",
      [DiagnosticSpec("check.invalidDate")]),
    DiagnosticCase(
      "unit on a text question",
      "question q \"Q?\"\n  text\n  1️⃣unit \"km\"\n",
      [DiagnosticSpec("check.unitWithoutNumber")]),
    DiagnosticCase(
      "other on a number",
      "question q \"Q?\"\n  integer\n  1️⃣other \"Other\"\n",
      [DiagnosticSpec("check.otherWithoutChoices")]),
    DiagnosticCase(
      "empty grid",
      "choices c\n  1 a \"A\"\n\ngrid 1️⃣g \"G\"\n  single c\n",
      [DiagnosticSpec("check.emptyGrid")]),
    DiagnosticCase(
      "renamed from a current name",
      "question a \"A?\"\n  text\n\nquestion b \"B?\"\n  text\n  renamed from 1️⃣a\n",
      [DiagnosticSpec("check.renameConflict")]),
    DiagnosticCase(
      "renamed from twice",
      "question a \"A?\"\n  text\n  renamed from old\n\nquestion b \"B?\"\n  text\n  renamed from 1️⃣old\n",
      [DiagnosticSpec("check.renameConflict")]),
    DiagnosticCase(
      "required private field",
      "question 1️⃣email \"E-mail?\"\n  text\n  private hashed\n  required\n",
      [DiagnosticSpec("check.requiredPrivate", severity: .warning)]),
    DiagnosticCase(
      "unknown private mode",
      "question email \"E-mail?\"\n  text\n  private 1️⃣hash\n",
      [DiagnosticSpec("check.unknownValue", label: "did you mean 'hashed'?")]),
    DiagnosticCase(
      "unknown question with suggestion",
      yesNo + "question q \"Q?\"\n  text\n  show if 1️⃣employd = yes\n",
      [DiagnosticSpec("check.unknownReference", label: "did you mean 'employed'?")]),
    DiagnosticCase(
      "subtraction without spaces",
      age + "question q \"Q?\"\n  text\n  show if 1️⃣age-age > 0\n",
      [DiagnosticSpec("check.unknownReference", label: "put spaces around '-'")]),
    DiagnosticCase(
      "an answer used as a condition",
      yesNo + "question q \"Q?\"\n  text\n  show if 1️⃣yes\n",
      [DiagnosticSpec("check.unknownReference", message: "is an answer")]),
    DiagnosticCase(
      "unknown answer with suggestion",
      yesNo + "question q \"Q?\"\n  text\n  show if employed = 1️⃣yse\n",
      [DiagnosticSpec("check.unknownCode", label: "did you mean 'yes'?")]),
    DiagnosticCase(
      "unknown code number",
      yesNo + "question q \"Q?\"\n  text\n  show if employed = 1️⃣7\n",
      [DiagnosticSpec("check.unknownCode")]),
    DiagnosticCase(
      "number compared with an answer",
      age + "question q \"Q?\"\n  text\n  show if 1️⃣age = yes\n",
      [DiagnosticSpec("check.typeMismatch", message: "cannot compare 'age' (a number)")]),
    DiagnosticCase(
      "text compared with a number",
      "question name \"Name?\"\n  text\n\nquestion q \"Q?\"\n  text\n  show if 1️⃣name > 3\n",
      [DiagnosticSpec("check.typeMismatch")]),
    DiagnosticCase(
      "number used as a condition",
      age + "question q \"Q?\"\n  text\n  show if 1️⃣age\n",
      [DiagnosticSpec("check.typeMismatch", message: "not a condition")]),
    DiagnosticCase(
      "arithmetic on text",
      "question name \"Name?\"\n  text\n\nderived d \"D\"\n  compute 1️⃣name + 1\n",
      [DiagnosticSpec("check.typeMismatch", message: "not a number")]),
    DiagnosticCase(
      "equals on a multiple-choice answer",
      "choices c\n  1 a \"A\"\n\nquestion m \"M?\"\n  multiple c\n\nquestion q \"Q?\"\n  text\n  show if 1️⃣m = a\n",
      [DiagnosticSpec("check.typeMismatch", label: "use 'includes'")]),
    DiagnosticCase(
      "includes on a single answer",
      yesNo + "question q \"Q?\"\n  text\n  show if 1️⃣employed includes yes\n",
      [DiagnosticSpec("check.typeMismatch", message: "'includes' needs a multiple-choice answer")]),
    DiagnosticCase(
      "ordered comparison of conditions",
      "cause k \"K\"\n  exposed if (1 = 1) 1️⃣< (2 = 2)\n",
      [DiagnosticSpec("check.typeMismatch", message: "only be compared")]),
    DiagnosticCase(
      "in on text",
      "question name \"Name?\"\n  text\n\nquestion q \"Q?\"\n  text\n  show if 1️⃣name in (1, 2)\n",
      [DiagnosticSpec("check.typeMismatch", message: "'in' needs")]),
    DiagnosticCase(
      "list with a non-constant",
      age + "question q \"Q?\"\n  text\n  show if age in (1, 1️⃣age)\n",
      [DiagnosticSpec("check.typeMismatch", message: "answers and numbers")]),
    DiagnosticCase(
      "this outside a check",
      "question q \"Q?\"\n  integer\n  show if 1️⃣this > 1\n",
      [DiagnosticSpec("check.thisOutsideCheck")]),
    DiagnosticCase(
      "section used as a value",
      "section s \"S\"\n\nquestion q \"Q?\"\n  text\n  show if 1️⃣s = 1\n",
      [DiagnosticSpec("check.notAValue")]),
    DiagnosticCase(
      "condition on its own answer",
      "question q \"Q?\"\n  integer\n  show if 1️⃣q > 1\n",
      [DiagnosticSpec("check.selfReference")]),
    DiagnosticCase(
      "condition on a later question",
      "question q \"Q?\"\n  text\n  show if 1️⃣later > 1\n\nquestion later \"L?\"\n  integer\n",
      [DiagnosticSpec("check.forwardReference", severity: .warning)]),
    DiagnosticCase(
      "test that can never be true",
      age + "question q \"Q?\"\n  text\n  show if age is 1️⃣refused or age > 20\n",
      [DiagnosticSpec("check.impossibleTest", severity: .warning)]),
    DiagnosticCase(
      "unknown function with suggestion",
      "derived d \"D\"\n  compute 1️⃣cont(1 = 1)\n",
      [DiagnosticSpec("check.unknownFunction", label: "did you mean 'count'?")]),
    DiagnosticCase(
      "if with two arguments",
      "derived d \"D\"\n  compute 1️⃣if(1 = 1, 2)\n",
      [DiagnosticSpec("check.wrongArgumentCount")]),
    DiagnosticCase(
      "derived values in a circle",
      "derived a \"A\"\n  compute b + 1\n\nderived b \"B\"\n  compute 1️⃣a * 2\n",
      [DiagnosticSpec("check.derivedCycle")]),
    DiagnosticCase(
      "derived value without compute",
      "derived 1️⃣d \"D\"\n",
      [DiagnosticSpec("check.missingComputation")]),
    DiagnosticCase(
      "derived value of text",
      "question name \"Name?\"\n  text\n\nderived d \"D\"\n  compute 1️⃣name\n",
      [DiagnosticSpec("check.typeMismatch")]),
    DiagnosticCase(
      "private field in a derived value",
      "question email \"E?\"\n  text\n  private\n\nderived d \"D\"\n  compute 1️⃣email is answered\n",
      [DiagnosticSpec("check.privateReported")]),
    DiagnosticCase(
      "question that can never be shown",
      age + "question 1️⃣q \"Q?\"\n  text\n  show if age > 200\n",
      [DiagnosticSpec("check.neverShown")]),
    DiagnosticCase(
      "question shown only after a never-shown question",
      yesNo
        + "question 2️⃣a \"A?\"\n  yes-no\n  show if employed = yes and employed = no\n\nquestion 1️⃣b \"B?\"\n  text\n  show if a = yes\n",
      [DiagnosticSpec("check.neverShown", at: "2️⃣"), DiagnosticSpec("check.neverShown")]),
    DiagnosticCase(
      "section that can never be shown",
      yesNo
        + "section 1️⃣s \"S\"\n  show if employed = yes and employed = no\n\nquestion q \"Q?\"\n  text\n",
      [DiagnosticSpec("check.neverShown")]),
  ]

  @Test(arguments: cases)
  func reportsTheDiagnostic(_ testCase: DiagnosticCase) {
    testCase.run()
  }
}
