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
    prints one chapter report, so you can read it right away. In a second step, three simulated
    organizations (one of them small) each export their counts from their own store, and the
    coalition overview and each organization's report are made from those counts alone, in
    Reports/coalition/.
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
    try importExports(exports, survey: survey, store: store, context: context)
    let aggregation = try ReportSource.counted(survey) { survey, _ in
      try ReportSource.aggregate(survey: survey, store: store)
    }
    guard let wave = aggregation.waves.last else {
      throw CommandFailure.input("nothing was imported (a bug)")
    }
    let settings = try ReportCommand.Settings(ParsedArguments(), survey: survey, context: context)
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
    let coalition = (folder as NSString).appendingPathComponent("coalition")
    let pooled = try coalitionStep(survey, work: work, folder: coalition, context: context)
    context.console.out.write(
      "Wrote the coalition of \(organizations.map(\.name).joined(separator: ", ")) to \(coalition)/ "
        + "(\(pooled.count) reports from their counts alone).\n")
    return ExitStatus.success
  }

  /// The coalition step's organizations: each simulated on its own, one of them small.
  static let organizations: [(name: String, plan: SimulationPlan)] = [
    (
      "Eastbank Tenants Union",
      SimulationPlan(
        respondents: 260, chapters: 4, waves: 2, seed: 2027,
        chapterWeights: [0.35, 0.3, 0.25, 0.1])
    ),
    (
      "Harbor Workers Council",
      SimulationPlan(
        respondents: 220, chapters: 3, waves: 2, seed: 2028, chapterWeights: [0.5, 0.3, 0.2])
    ),
    (
      "Mill Street Mutual Aid",
      SimulationPlan(
        respondents: 40, chapters: 2, waves: 2, seed: 2029, chapterWeights: [0.7, 0.3])
    ),
  ]

  /// The demo's second step: three organizations each export their counts from their own store,
  /// and the coalition report is made from the counts alone.
  static func coalitionStep(
    _ survey: Survey, work: String, folder: String, context: CommandContext
  ) throws -> [String] {
    var paths: [String] = []
    for (index, organization) in organizations.enumerated() {
      let place = (work as NSString).appendingPathComponent("organization-\(index + 1)")
      do {
        try FileManager.default.createDirectory(atPath: place, withIntermediateDirectories: true)
      } catch {
        throw CommandFailure.io("cannot create '\(place)': \(error.localizedDescription)")
      }
      let exports = try simulate(survey, into: place, plan: organization.plan)
      let store = try CommandSupport.openStore(
        (place as NSString).appendingPathComponent("survey.db"), context: context)
      try importExports(exports, survey: survey, store: store, context: context)
      let (file, _) = try Coalition.counts(
        of: survey, store: store, organization: organization.name)
      let path = (place as NSString).appendingPathComponent("counts.json")
      try ReportMaker.write(file.text, to: path)
      paths.append(path)
    }
    let (aggregation, leftOut) = try Coalition.pool(paths, survey: survey)
    guard let wave = aggregation.waves.last else {
      throw CommandFailure.input("the coalition has no answers (a bug)")
    }
    let settings = try ReportCommand.Settings(ParsedArguments(), survey: survey, context: context)
    let maker = ReportMaker(
      survey: survey, aggregation: aggregation, policy: settings.policy, options: settings.options,
      language: nil, leftOut: leftOut, coalition: true)
    return try ReportCommand.writeAll(
      maker, wave: wave, formats: ReportFormat.allCases, folder: folder, prefix: "organization")
  }

  /// Imports one export per wave into a store.
  static func importExports(
    _ exports: [String], survey: Survey, store: ResponseStore, context: CommandContext
  ) throws {
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
  }

  /// Writes the simulated exports, one per wave, and returns their paths.
  static func simulate(
    _ survey: Survey, into folder: String, plan: SimulationPlan = DemoCommand.plan
  ) throws -> [String] {
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
