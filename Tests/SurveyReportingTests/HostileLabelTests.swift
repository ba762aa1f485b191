import Foundation
import SurveyCore
import SurveyDSL
import SurveyStatistics
import Testing

@testable import SurveyReporting

/// Labels and answers written to break a report: markup, quotes, right-to-left text, emoji.
@Suite("Hostile labels")
struct HostileLabelTests {
  static let hostile = "<script>alert(1)</script> \\\"q\\\" 'a' & </style> שלום مرحبا 🏘️👩🏽‍🤝‍👩🏻"
  static let plain = "<script>alert(1)</script> \"q\" 'a' & </style> שלום مرحبا 🏘️👩🏽‍🤝‍👩🏻"

  static let text = """
    survey hostile "Survey \(hostile)"
      version 1
      languages en "English"
      chapter from chapter

    choices chapters
      1 north "North \(hostile)"
      2 south "South"

    choices often
      1 never "Never \(hostile)"
      2 sometimes "Sometimes"
      3 often "Often"

    question chapter "Chapter?"
      single chapters

    question lonely "Lonely? \(hostile)"
      single often

    indicator often_lonely "Often lonely \(hostile)"
      share lonely = often
      better lower

    """

  static func report(format: (Report, ReportStrings) -> String) throws -> (String, Report) {
    let compiled = SurveyCompiler.compile(text: text, path: "hostile.survey")
    let survey = try #require(compiled.survey, "\(compiled.diagnostics)")
    var aggregation = SurveyAggregation(survey: survey)
    let position = try #require(survey.questions.firstIndex { $0.id == "lonely" })
    for index in 0..<60 {
      var answers = Array(repeating: Answer.blank, count: survey.questions.count)
      answers[position] = .code(1 + index % 3)
      aggregation.add(
        answers: answers, chapter: index % 2 == 0 ? "north" : "south", wave: "1", weight: nil,
        personKey: nil)
    }
    let findings = FindingsBuilder(aggregation: aggregation).findings(
      scope: .chapter("north"), wave: "1")
    let builder = ReportBuilder(survey: survey, language: nil, policy: .standard)
    let report = builder.report(findings)
    return (format(report, builder.strings), report)
  }

  @Test("the model keeps every label intact")
  func model() throws {
    let (_, report) = try Self.report { _, _ in "" }
    #expect(report.chapter == "North " + Self.plain)
    #expect(report.indicators.first?.title == "Often lonely " + Self.plain)
    #expect(
      report.questions.first { $0.id == "lonely" }?.rows.first?.label == "Never " + Self.plain)
  }

  @Test("HTML escapes every label and keeps the text intact")
  func html() throws {
    let (html, _) = try Self.report { HTMLRenderer.render($0, strings: $1) }
    #expect(!html.contains("<script"))
    #expect(!html.contains("</style> "))
    #expect(html.components(separatedBy: "</style>").count == 2)
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(html.contains("שלום مرحبا 🏘️👩🏽‍🤝‍👩🏻"))
    let visible = DemoData.visibleText(html)
    #expect(visible.contains(DemoData.flattened("Often lonely " + Self.plain)))
    #expect(visible.contains(DemoData.flattened("North " + Self.plain)))
  }

  @Test("JSON carries the labels exactly")
  func json() throws {
    let (json, report) = try Self.report { r, _ in JSONRenderer.render(r) }
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect(object["chapter"] as? String == report.chapter)
    #expect(json.contains("שלום مرحبا 🏘️👩🏽‍🤝‍👩🏻"))
  }

  @Test("text keeps the labels, ASCII text transliterates them")
  func text() throws {
    let (text, _) = try Self.report { TextRenderer(strings: $1).render($0) }
    #expect(DemoData.flattened(text).contains(DemoData.flattened("Often lonely " + Self.plain)))
    let (ascii, _) = try Self.report { TextRenderer(strings: $1, ascii: true).render($0) }
    #expect(ascii.unicodeScalars.allSatisfy { $0.isASCII })
    #expect(ascii.contains("<script>alert(1)</script>"))
    #expect(ascii.contains("shlwm") || ascii.contains("slwm") || ascii.contains("?"))
  }
}
