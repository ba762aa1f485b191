import Foundation
import Testing

/// An organization translates the reports' own words with `survey export translation --report`
/// and reports with its file.
@Suite("translating the reports' words")
struct ReportWordsTests {
  @Test("export a report translation, fill in a phrase, and the report uses it")
  func translateAndReport() throws {
    let directory = try TemporaryDirectory()
    let file = directory.path + "/report.es.survey"
    let exported = Run(["export", "translation", "--report", "--language", "es", "-o", file])
    #expect(exported.status == 0, "\(exported.err)")
    #expect(exported.out.contains("translated"))
    var text = try String(contentsOfFile: file, encoding: .utf8)
    #expect(text.contains("# Summary\nsection.summary \"Resumen\""))
    text = text.replacingOccurrences(
      of: "section.summary \"Resumen\"", with: "section.summary \"Lo esencial\"")
    try text.write(toFile: file, atomically: true, encoding: .utf8)
    // Exporting again keeps the organization's own text.
    let again = Run(["export", "translation", "--report", "--language", "es", "-o", file])
    #expect(again.status == 0, "\(again.err)")
    #expect(try String(contentsOfFile: file, encoding: .utf8).contains("\"Lo esencial\""))

    let csv = directory.path + "/answers.csv"
    let survey = ReportCommandTests.root.appendingPathComponent("Surveys/connection.survey").path
    #expect(
      Run(["simulate", survey, "-o", csv, "--respondents", "60", "--chapters", "2"]).status == 0)
    let report = Run([
      "report", "--survey", survey, csv, "--overview", "--language", "es",
      "--report-translation", file,
    ])
    #expect(report.status == 0, "\(report.err)")
    #expect(report.out.contains("LO ESENCIAL"))
    #expect(report.out.contains("QUIÉN RESPONDIÓ") || report.out.contains("QUIÉN"))
    let builtIn = Run(["report", "--survey", survey, csv, "--overview", "--language", "es"])
    #expect(builtIn.out.contains("RESUMEN"))
    #expect(!builtIn.out.contains("LO ESENCIAL"))

    let broken = directory.path + "/broken.survey"
    try "translation es for report\nsection.summary \"open\n".write(
      toFile: broken, atomically: true, encoding: .utf8)
    let refused = Run([
      "report", "--survey", survey, csv, "--overview", "--language", "es",
      "--report-translation", broken,
    ])
    #expect(refused.status != 0)
    #expect(
      refused.err.contains("broken.survey:2:1: error: expected the text of 'section.summary'"))
    let device = Run([
      "report", "--survey", survey, csv, "--overview", "--report-translation", "/dev/zero",
    ])
    #expect(device.status != 0)
    #expect(device.err.contains("'/dev/zero': it is not a regular file"))
  }
}
