import SurveyCore
import SurveyTestSupport
import Testing

/// One test per checker diagnostic about scales, causes, indexes and indicators.
@Suite struct MeasureDiagnosticTests {
  static let items = """
    choices agree
      1 sd "Strongly disagree"
      5 sa "Strongly agree"

    choices often
      1 never "Never"
      3 often "Often"

    question a "A?"
      single agree

    question b "B?"
      single agree

    question c "C?"
      single often

    question n "N?"
      integer


    """

  static let cases: [DiagnosticCase] = [
    DiagnosticCase(
      "scale without items",
      "scale 1️⃣s \"S\"\n  score sum\n",
      [DiagnosticSpec("check.emptyScale")]),
    DiagnosticCase(
      "unknown item",
      items + "scale s \"S\"\n  items a, 1️⃣bb\n",
      [DiagnosticSpec("check.unknownReference", label: "did you mean 'b'?")]),
    DiagnosticCase(
      "item listed twice",
      items + "scale s \"S\"\n  items a, 1️⃣a\n",
      [DiagnosticSpec("check.duplicateItem", severity: .warning)]),
    DiagnosticCase(
      "mixed choice sets",
      items + "scale s \"S\"\n  items a, b, 1️⃣c\n",
      [DiagnosticSpec("check.scaleMixedChoiceSets", label: "score percent")]),
    DiagnosticCase(
      "text item",
      "question t \"T?\"\n  text\n\nscale s \"S\"\n  items 1️⃣t\n",
      [DiagnosticSpec("check.scaleItemNotScorable")]),
    DiagnosticCase(
      "reversed item not in the scale",
      items + "scale s \"S\"\n  items a, b\n  reverse 1️⃣c\n",
      [DiagnosticSpec("check.reverseNotItem")]),
    DiagnosticCase(
      "reversed number without bounds",
      items + "scale s \"S\"\n  items n\n  reverse 1️⃣n\n",
      [DiagnosticSpec("check.reverseWithoutBounds")]),
    DiagnosticCase(
      "minimum larger than the number of items",
      items + "scale s \"S\"\n  items a, b\n  min-answered 1️⃣3\n",
      [DiagnosticSpec("check.invalidMinimum")]),
    DiagnosticCase(
      "unknown score rule",
      items + "scale s \"S\"\n  items a, b\n  score 1️⃣avg\n",
      [DiagnosticSpec("check.unknownValue")]),
    DiagnosticCase(
      "band outside the possible scores",
      items + "scale s \"S\"\n  items a, b\n  band 1️⃣2..12 \"high\"\n",
      [DiagnosticSpec("check.bandOutOfRange", severity: .warning)]),
    DiagnosticCase(
      "overlapping bands",
      items + "scale s \"S\"\n  items a, b\n  band 2..6 \"low\"\n  band 1️⃣6..10 \"high\"\n",
      [DiagnosticSpec("check.bandOverlap")]),
    DiagnosticCase(
      "private item",
      "question p \"P?\"\n  integer 1..5\n  private\n\nscale s \"S\"\n  items 1️⃣p\n",
      [DiagnosticSpec("check.privateReported")]),
    DiagnosticCase(
      "cause without a rule",
      "cause 1️⃣k \"K\"\n  group work\n",
      [DiagnosticSpec("check.missingRule")]),
    DiagnosticCase(
      "unmeasurable among someone other than members",
      "cause k \"K\"\n  exposed if 1 = 1\n  unmeasurable among 1️⃣membres\n",
      [DiagnosticSpec("check.unknownValue", label: "did you mean 'members'?")]),
    DiagnosticCase(
      "unmeasurable without 'among'",
      "cause k \"K\"\n  exposed if 1 = 1\n  unmeasurable 1️⃣members\n",
      [DiagnosticSpec("dsl.expectedValue")]),
    DiagnosticCase(
      "index without causes",
      "index 1️⃣x \"X\"\n  min-known 1\n",
      [DiagnosticSpec("check.emptyIndex")]),
    DiagnosticCase(
      "index on an unknown group",
      "cause k \"K\"\n  exposed if 1 = 1\n  group work\n\nindex x \"X\"\n  causes group 1️⃣wrok\n",
      [DiagnosticSpec("check.unknownReference", label: "did you mean 'work'?")]),
    DiagnosticCase(
      "index on an unknown cause",
      "cause unions \"K\"\n  exposed if 1 = 1\n\nindex x \"X\"\n  causes 1️⃣unoins\n",
      [DiagnosticSpec("check.unknownReference", label: "did you mean 'unions'?")]),
    DiagnosticCase(
      "index minimum too large",
      "cause k \"K\"\n  exposed if 1 = 1\n\nindex x \"X\"\n  causes all\n  min-known 1️⃣5\n",
      [DiagnosticSpec("check.invalidMinimum")]),
    DiagnosticCase(
      "indicator without a measure",
      "indicator 1️⃣i \"I\"\n  better higher\n",
      [DiagnosticSpec("check.missingMeasure")]),
    DiagnosticCase(
      "indicator without a direction",
      items + "indicator 1️⃣i \"I\"\n  mean a\n",
      [DiagnosticSpec("check.missingDirection")]),
    DiagnosticCase(
      "indicator on an unknown scale",
      items
        + "scale lonely \"L\"\n  items a\n\nindicator i \"I\"\n  mean 1️⃣lonley\n  better lower\n",
      [DiagnosticSpec("check.unknownReference", label: "did you mean 'lonely'?")]),
    DiagnosticCase(
      "mean of text",
      "question t \"T?\"\n  text\n\nindicator i \"I\"\n  mean 1️⃣t\n  better higher\n",
      [DiagnosticSpec("check.typeMismatch")]),
    DiagnosticCase(
      "mean of a condition",
      "derived d \"D\"\n  compute 1 = 1\n\nindicator i \"I\"\n  mean 1️⃣d\n  better higher\n",
      [DiagnosticSpec("check.typeMismatch", label: "share d")]),
    DiagnosticCase(
      "mean of an indicator",
      items
        + "indicator j \"J\"\n  mean a\n  better higher\n\nindicator i \"I\"\n  mean 1️⃣j\n  better higher\n",
      [DiagnosticSpec("check.notAValue")]),
    DiagnosticCase(
      "unknown direction",
      items + "indicator i \"I\"\n  mean a\n  better 1️⃣hihger\n",
      [DiagnosticSpec("check.unknownValue", label: "did you mean 'higher'?")]),
    DiagnosticCase(
      "thresholds out of order",
      items
        + "indicator i \"I\"\n  mean a\n  better higher\n  threshold 3 \"b\" convention\n  threshold 1️⃣2 \"a\" convention\n",
      [DiagnosticSpec("check.thresholdOrder")]),
    DiagnosticCase(
      "threshold without provenance",
      items + "indicator i \"I\"\n  mean a\n  better higher\n  threshold 1️⃣3 \"b\"\n",
      [DiagnosticSpec("check.thresholdProvenance", severity: .warning)]),
    DiagnosticCase(
      "threshold with an unknown provenance",
      items + "indicator i \"I\"\n  mean a\n  better higher\n  threshold 3 \"b\" 1️⃣publshed\n",
      [DiagnosticSpec("check.unknownValue", label: "did you mean 'published'?")]),
    DiagnosticCase(
      "share benchmark above 100%",
      items
        + "indicator i \"I\"\n  share a = sa\n  better higher\n  benchmark 1️⃣7 \"US\"\n    year 2024\n    source \"X\"\n    comparable\n",
      [DiagnosticSpec("check.benchmarkOutOfRange")]),
    DiagnosticCase(
      "benchmark without comparability",
      items
        + "indicator i \"I\"\n  share a = sa\n  better higher\n  1️⃣benchmark 7% \"US\"\n    year 2024\n    source \"X\"\n",
      [DiagnosticSpec("check.benchmarkComparability", severity: .warning)]),
    DiagnosticCase(
      "benchmark without source",
      items
        + "indicator i \"I\"\n  share a = sa\n  better higher\n  1️⃣benchmark 7% \"US\"\n    comparable\n",
      [DiagnosticSpec("check.benchmarkSource", severity: .warning)]),
    DiagnosticCase(
      "private field in an indicator",
      "question p \"P?\"\n  integer\n  private\n\nindicator i \"I\"\n  mean 1️⃣p\n  better higher\n",
      [DiagnosticSpec("check.privateReported")]),
    DiagnosticCase(
      "item that needs permission",
      "question 1️⃣p \"P?\"\n  integer\n  licence permission-required\n",
      [DiagnosticSpec("check.permissionRequired", severity: .warning)]),
    DiagnosticCase(
      "unknown licence",
      "question p \"P?\"\n  integer\n  licence 1️⃣public-domian\n",
      [DiagnosticSpec("check.unknownValue", label: "did you mean 'public-domain'?")]),
  ]

  @Test(arguments: cases)
  func reportsTheDiagnostic(_ testCase: DiagnosticCase) {
    testCase.run()
  }
}
