import Foundation
import SurveyCore
import SurveyStatistics
import Testing

@testable import SurveyReporting

/// The same report in text, HTML and JSON shows the same numbers, and the JSON matches its schema.
@Suite("Reports across formats")
struct CrossFormatTests {
  @Test("every figure of the JSON report is in the text and HTML reports, and no other number")
  func agreement() throws {
    let (survey, findings, chapters) = try DemoData.findings()
    let builder = ReportBuilder(survey: survey, language: nil, policy: .standard)
    let scopes = [ReportScope.organization] + chapters.map(ReportScope.chapter)
    for scope in scopes {
      let report = builder.report(findings.findings(scope: scope, wave: "2", previousWave: "1"))
      let json = JSONRenderer.render(report)
      let rawText = TextRenderer(strings: builder.strings).render(report)
      let text = DemoData.flattened(rawText)
      let html = DemoData.visibleText(HTMLRenderer.render(report, strings: builder.strings))
      // Figures (with intervals) must be in the HTML; figures must be in the text, which leaves
      // intervals out of its narrow trend and chapter tables.
      let figures = try DemoData.figureTexts(json)
      #expect(figures.count > 50, "\(scope)")
      let missingInHTML = figures.filter { !html.contains(DemoData.flattened($0)) }.sorted()
      #expect(missingInHTML.isEmpty, "\(scope): the HTML report lacks \(missingInHTML.prefix(8))")
      // Withheld cells in the text's narrow tables print a mark with a footnote, not the message.
      let values = try DemoData.figureTexts(json, intervals: false, withheld: false)
      let missingInText = values.filter { !text.contains(DemoData.flattened($0)) }.sorted()
      #expect(missingInText.isEmpty, "\(scope): the text report lacks \(missingInText.prefix(8))")
      // And the other way: every number the text or HTML report prints is in the JSON report.
      let strings = try DemoData.allStrings(json)
      let stray = Set(DemoData.numbers(in: text) + DemoData.numbers(in: html)).filter {
        !strings.contains($0)
      }
      #expect(
        stray.isEmpty, "\(scope): numbers not in the JSON report: \(stray.sorted().prefix(8))")
    }
  }

  @Test("the JSON report matches Reports/report.schema.json")
  func schema() throws {
    let (survey, findings, chapters) = try DemoData.findings()
    let builder = ReportBuilder(survey: survey, language: nil, policy: .standard)
    let schemaURL = DemoData.root.appendingPathComponent("Reports/report.schema.json")
    let schema = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: schemaURL)) as? [String: Any])
    let validator = SchemaValidator(schema: schema)
    for scope in [
      ReportScope.organization, .chapter(chapters[0]), .chapter(chapters[chapters.count - 1]),
    ] {
      let report = builder.report(findings.findings(scope: scope, wave: "2", previousWave: "1"))
      let object = try JSONSerialization.jsonObject(with: Data(JSONRenderer.render(report).utf8))
      let problems = validator.validate(object)
      #expect(problems.isEmpty, "\(scope): \(problems.prefix(5))")
    }
    // A report of weights raked to the roll, which did not converge.
    var raked = builder.report(
      findings.findings(scope: .organization, wave: "2", previousWave: "1"))
    raked.weighting = builder.weighting(
      WaveRaking(
        wave: "2", factors: [:], iterations: 7, converged: false, largestMarginError: 0.0012,
        respondents: 100, populationSize: 300, designEffect: 1.25, effectiveSize: 80,
        factorRange: 0.5...2, trimmedRespondents: 3))
    let rakedJSON = JSONRenderer.render(raked)
    let rakedObject = try JSONSerialization.jsonObject(with: Data(rakedJSON.utf8))
    #expect(validator.validate(rakedObject).isEmpty, "\(validator.validate(rakedObject).prefix(5))")
    let text = DemoData.flattened(TextRenderer(strings: builder.strings).render(raked))
    #expect(
      text.contains(
        "about as precise as 80% as many unweighted answers would be (Kish design effect 1.25)"))
    #expect(text.contains("the largest gap is 0.1% of the members"))
    let html = DemoData.visibleText(HTMLRenderer.render(raked, strings: builder.strings))
    #expect(html.contains("Kish design effect 1.25"))
    // The validator is not a rubber stamp.
    #expect(!validator.validate(["schema": "survey-report/1"]).isEmpty)
    #expect(!validator.validate(["schema": "survey-report/2"]).isEmpty)
  }

  @Test("text reports fit 80 columns, and --ascii is plain ASCII")
  func textShape() throws {
    let (survey, findings, chapters) = try DemoData.findings()
    let builder = ReportBuilder(survey: survey, language: nil, policy: .standard)
    for scope in [ReportScope.organization, .chapter(chapters[0])] {
      let report = builder.report(findings.findings(scope: scope, wave: "2", previousWave: "1"))
      let text = TextRenderer(strings: builder.strings).render(report)
      let wide = text.split(separator: "\n").filter { TextLayout.width($0) > 80 }
      #expect(wide.isEmpty, "\(scope): \(wide.prefix(3))")
      #expect(text.contains("█"))
      let ascii = TextRenderer(strings: builder.strings, ascii: true).render(report)
      #expect(ascii.unicodeScalars.allSatisfy { $0.isASCII })
      #expect(ascii.contains("#"))
      let wideASCII = ascii.split(separator: "\n").filter { $0.count > 80 }
      #expect(wideASCII.isEmpty, "\(wideASCII.prefix(3))")
    }
  }

  @Test("a chapter too small to report shows only organization figures")
  func smallChapter() throws {
    let (survey, findings, chapters) = try DemoData.findings()
    let builder = ReportBuilder(survey: survey, language: nil, policy: .standard)
    let small = try #require(
      chapters.first {
        findings.aggregation.group(GroupKey(chapter: $0, wave: "2"))?.respondents ?? 0 < 10
      })
    let report = builder.report(
      findings.findings(scope: .chapter(small), wave: "2", previousWave: "1"))
    #expect(report.respondents.withheld == "minimum-group")
    #expect(report.respondents.text == "fewer than 10 responses")
    #expect(report.questions.isEmpty)
    #expect(
      report.indicators.allSatisfy {
        $0.value.value == nil && $0.versusRest == nil && $0.organization?.value != nil
      })
    #expect(report.highlights.first?.hasPrefix("Fewer than 10 people") == true)
  }

  @Test("labels follow --language, numbers use its decimal separator")
  func spanish() throws {
    let (survey, findings, chapters) = try DemoData.findings()
    let builder = ReportBuilder(survey: survey, language: "es", policy: .standard)
    let report = builder.report(
      findings.findings(scope: .chapter(chapters[0]), wave: "2", previousWave: "1"))
    #expect(report.language == "es")
    #expect(report.title.contains("sección"))
    let mean = try #require(
      report.indicators.first { $0.measure == "mean" && $0.value.value != nil })
    #expect(mean.value.text.contains(","))
    #expect(!mean.value.text.contains("."))
    let text = TextRenderer(strings: builder.strings).render(report)
    #expect(text.contains("CONEXIÓN SOCIAL"))
    #expect(text.contains(mean.value.text))
  }
}
