import Foundation
import SurveyCore
import SurveyEngine
import SurveyIngest
import SurveySimulation
import SurveyStore

/// `survey demo`: the whole loop on the default survey, from simulated exports to reports.
enum DemoCommand: Command {
  static let name = "demo"
  static let summary = "Simulate, import and report on the default survey (writes Reports/)"
  static let usage = "survey demo [--survey FILE] [-o DIR] [--quiet]"
  static let discussion = """
    Simulates the default survey for six chapters (one of them too small to be reported on its
    own) over two waves, writes the answers as Google Forms exports, imports them into a fresh
    store, and writes every chapter report and the organization overview as text, HTML and JSON
    to the folder (default Reports/). The same program writes the same bytes every time. Then it
    prints one chapter report, so you can read it right away.
    """
  static let options = [
    OptionSpec(
      "survey", short: "s", value: "FILE", help: "The survey (default: Surveys/connection.survey)"),
    OptionSpec(
      "output", short: "o", value: "DIR", help: "Where to write the reports (default: Reports)"),
    OptionSpec("quiet", short: "q", help: "Do not print a report, only the files written"),
  ]

  /// The simulated organization: six chapters, the last one small.
  static let plan = SimulationPlan(
    respondents: 300, chapters: 6, waves: 2, seed: 2026,
    chapterWeights: [0.26, 0.22, 0.2, 0.16, 0.135, 0.025])

  static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
    let surveyPath = arguments.value("survey") ?? "Surveys/connection.survey"
    guard FileManager.default.fileExists(atPath: surveyPath) else {
      throw CommandFailure.input(
        "cannot find '\(surveyPath)': run 'survey demo' from the repository's top folder, or give --survey FILE"
      )
    }
    let folder = arguments.value("output") ?? "Reports"
    let survey = try CommandSupport.compile(surveyPath, context: context)
    let work = FileManager.default.temporaryDirectory.appendingPathComponent(
      "survey-demo-\(getpid())"
    ).path
    defer { try? FileManager.default.removeItem(atPath: work) }
    do {
      try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
    } catch {
      throw CommandFailure.io(
        "cannot create a working folder '\(work)': \(error.localizedDescription)")
    }
    let exports = try simulate(survey, into: work)
    let store = try CommandSupport.openStore(
      (work as NSString).appendingPathComponent("survey.db"), context: context)
    let codebook = Codebook.json(survey).compact
    for (wave, path) in exports.enumerated() {
      let importer = Importer(
        store: store, survey: survey, codebook: codebook, rows: BatchRowReader.rows(of:))
      let result = try importer.importFile(
        path, options: ImportOptions(wave: String(wave + 1)), importedAt: 0)
      guard let summary = result.summary, summary.rejected == 0 else {
        context.emit(result.fileDiagnostics)
        throw CommandFailure.input(
          "the simulated answers of wave \(wave + 1) did not import cleanly (a bug)")
      }
    }
    let aggregation = try ReportSource.counted(survey) { survey, _ in
      try ReportSource.aggregate(survey: survey, store: store)
    }
    guard let wave = aggregation.waves.last else {
      throw CommandFailure.input("nothing was imported (a bug)")
    }
    let settings = try ReportCommand.Settings(ParsedArguments(), survey: survey)
    let maker = ReportMaker(
      survey: survey, aggregation: aggregation, policy: settings.policy, options: settings.options,
      language: nil)
    let written = try ReportCommand.writeAll(
      maker, wave: wave, formats: ReportFormat.allCases, folder: folder)
    if !arguments.has("quiet"), let chapter = aggregation.chapters(in: wave).first {
      context.console.out.write(maker.render(maker.report(.chapter(chapter), wave: wave), .text))
      context.console.out.write("\n")
    }
    let html = written.filter { $0.hasSuffix(".html") }
    context.console.out.write(
      "Wrote \(written.count) reports to \(folder)/ (\(html.count) HTML pages to open in a browser, e.g. \(html.first ?? folder)).\n"
    )
    return ExitStatus.success
  }

  /// Writes the simulated exports, one per wave, and returns their paths.
  static func simulate(_ survey: Survey, into folder: String) throws -> [String] {
    let simulator: ResponseSimulator
    do {
      simulator = try ResponseSimulator(survey: survey, plan: plan)
    } catch {
      throw CommandFailure.input(error.message)
    }
    let writer = SimulationWriter(simulator: simulator, platform: .googleForms, language: nil)
    var paths: [String] = []
    for file in writer.files(for: (folder as NSString).appendingPathComponent("answers.csv")) {
      do {
        let csv = try CSVWriter(path: file.path, options: writer.options)
        try writer.write(waves: file.waves, to: csv)
        try csv.close()
      } catch {
        throw CommandFailure.io(error.localizedDescription)
      }
      paths.append(file.path)
    }
    return paths
  }
}
