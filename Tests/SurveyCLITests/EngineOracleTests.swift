import Foundation
import SurveyCLI
import SurveyCore
import SurveyDSL
import SurveyIngest
import SurveySimulation
import SurveyStatistics
import Testing

/// The column engine against the row-at-a-time reading it replaced: every report byte for byte,
/// on every example survey in every platform shape, with rows that must be rejected mixed in.
@Suite("column engine against the row reading")
struct EngineOracleTests {
  static let root = ReportCommandTests.root

  /// The example surveys that can be simulated (libraries of items are not surveys).
  static let surveys: [String] = {
    let folders = ["Surveys", "Surveys/examples", "Tests/SurveyDSLTests/Fixtures"]
    var paths: [String] = []
    for folder in folders {
      let url = root.appendingPathComponent(folder)
      let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
      for name in names.sorted() where name.hasSuffix(".survey") {
        paths.append(url.appendingPathComponent(name).path)
      }
    }
    return paths.filter { (try? SurveyCompiler.compile(path: $0).survey) != nil }
  }()

  /// Writes a simulated export of `survey` in `platform`'s shape, with damage: cells that are not
  /// answers, numbers out of range, rows without answers and repeated rows, so that the engine's
  /// verdicts are compared as well as its counts.
  static func damagedExport(
    _ survey: Survey, platform: Platform, seed: UInt64, to path: String
  ) throws -> Bool {
    var plan = SimulationPlan(respondents: 160, chapters: 3, waves: 2, seed: seed)
    plan.panelShare = 0.6
    if survey.roles.chapter == nil, platform != .generic { plan.chapters = 1 }
    guard let simulator = try? ResponseSimulator(survey: survey, plan: plan) else { return false }
    let writer = SimulationWriter(simulator: simulator, platform: platform, language: nil)
    let export = SimulatedExport(simulator: simulator, platform: platform, language: nil)
    let answerColumns = export.layout.columns.indices.filter {
      if case .metadata = export.layout.columns[$0].role { return false }
      return true
    }
    let csv = try CSVWriter(path: path, options: writer.options)
    for row in export.headerRows { try csv.writeRecord(row) }
    var line = 0
    for wave in 1...plan.waves {
      for index in 0..<plan.respondents {
        var cells = export.row(simulator.response(wave: wave, index: index), index: index)
        line += 1
        if !answerColumns.isEmpty {
          let column = answerColumns[(line * 7) % answerColumns.count]
          switch line % 41 {
          case 5: cells[column] = "not an answer ?"
          case 12: cells[column] = "99999"
          case 19: cells[column] = "-3.5"
          case 26: for column in answerColumns { cells[column] = "" }
          case 33: cells[column] = " " + cells[column].uppercased() + " "
          default: break
          }
        }
        try csv.writeRecord(cells)
        if line % 53 == 17 { try csv.writeRecord(cells) }
      }
    }
    try csv.close()
    return true
  }

  /// The `report` command's output files and messages, by the engine or by rows.
  static func reports(
    _ surveyPath: String, csv: String, format: String, byRows: Bool, in folder: String
  ) -> (status: Int32, err: String, files: [String: Data]) {
    let run = Run(
      ["report", "--survey", surveyPath, "--all-chapters", "--format", format, "-o", folder, csv],
      environment: byRows ? ["SURVEY_ENGINE": "rows"] : [:])
    var files: [String: Data] = [:]
    for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
      files[name] = FileManager.default.contents(atPath: folder + "/" + name)
    }
    return (run.status, run.err, files)
  }

  @Test(
    "every example survey in every platform shape gives the same reports",
    arguments: Platform.allCases)
  func sameReports(platform: Platform) throws {
    #expect(surveysCount >= 4, "the example surveys were not found")
    let directory = try TemporaryDirectory()
    for (number, surveyPath) in Self.surveys.enumerated() {
      let survey = try #require(try SurveyCompiler.compile(path: surveyPath).survey)
      let csv = directory.path + "/\(number)-\(platform.rawValue).csv"
      guard try Self.damagedExport(survey, platform: platform, seed: UInt64(number + 3), to: csv)
      else { continue }
      for format in ["text", "json", "html"] {
        let engine = Self.reports(
          surveyPath, csv: csv, format: format, byRows: false,
          in: directory.path + "/engine-\(number)-\(format)")
        let rows = Self.reports(
          surveyPath, csv: csv, format: format, byRows: true,
          in: directory.path + "/rows-\(number)-\(format)")
        let name =
          "\((surveyPath as NSString).lastPathComponent) as \(platform.rawValue) (\(format))"
        #expect(engine.status == rows.status, "\(name): exit status")
        #expect(engine.err == rows.err, "\(name): messages")
        #expect(!engine.files.isEmpty || engine.status != 0, "\(name): no reports written")
        #expect(engine.files.keys.sorted() == rows.files.keys.sorted(), "\(name): files")
        for (file, data) in engine.files where data != rows.files[file] {
          Issue.record("\(name): \(file) differs: \(Self.firstDifference(data, rows.files[file]))")
        }
      }
    }
  }

  var surveysCount: Int { Self.surveys.count }

  @Test(
    "imports store the same responses and set aside the same rows",
    arguments: Platform.allCases)
  func imports(platform: Platform) throws {
    let directory = try TemporaryDirectory()
    var compared = 0
    for (number, surveyPath) in Self.surveys.enumerated() {
      let survey = try #require(try SurveyCompiler.compile(path: surveyPath).survey)
      let csv = directory.path + "/\(number)-\(platform.rawValue).csv"
      guard try Self.damagedExport(survey, platform: platform, seed: UInt64(number + 5), to: csv)
      else { continue }
      let name = "\((surveyPath as NSString).lastPathComponent) as \(platform.rawValue)"
      var outputs: [[String]] = []
      for byRows in [true, false] {
        let environment = byRows ? ["SURVEY_ENGINE": "rows"] : [:]
        let folder = directory.path + "/import-\(number)-\(byRows)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let store = folder + "/store.db"
        var output: [String] = []
        // Twice: the second import finds every row already present or already set aside.
        for _ in 0..<2 {
          let run = Run(
            ["import", "--survey", surveyPath, "--store", store, csv], environment: environment)
          output += ["status \(run.status)", run.out, run.err]
        }
        let data = Run(
          ["export", "data", "--survey", surveyPath, "--store", store, "-o", folder + "/data.csv"])
        let rejects = Run(["rejects", "--store", store, "--csv", folder + "/fix.csv"])
        let listed = Run(["rejects", "--store", store])
        output += [
          "export \(data.status)", data.err, "rejects \(rejects.status)", rejects.err, listed.out,
          String(
            decoding: FileManager.default.contents(atPath: folder + "/data.csv") ?? Data(),
            as: UTF8.self),
          String(
            decoding: FileManager.default.contents(atPath: folder + "/fix.csv") ?? Data(),
            as: UTF8.self),
        ]
        outputs.append(output.map { $0.replacingOccurrences(of: folder, with: "FOLDER") })
      }
      let (rows, engine) = (outputs[0], outputs[1])
      #expect(rows.count == engine.count)
      for (index, (left, right)) in zip(engine, rows).enumerated() where left != right {
        Issue.record(
          "\(name): output \(index) differs: \(Self.firstDifference(Data(left.utf8), Data(right.utf8)))"
        )
      }
      if rows.count > 11, !rows[11].isEmpty { compared += 1 }
    }
    #expect(compared >= 3, "too few imports were compared")
  }

  @Test(
    "reports from the store give the same reports", arguments: [Platform.generic, .qualtrics])
  func storeReports(platform: Platform) throws {
    let directory = try TemporaryDirectory()
    var compared = 0
    for (number, surveyPath) in Self.surveys.enumerated() {
      let survey = try #require(try SurveyCompiler.compile(path: surveyPath).survey)
      let csv = directory.path + "/\(number)-\(platform.rawValue).csv"
      guard try Self.damagedExport(survey, platform: platform, seed: UInt64(number + 11), to: csv)
      else { continue }
      let store = directory.path + "/\(number).db"
      let imported = Run(["import", "--survey", surveyPath, "--store", store, csv])
      guard imported.status == 0 || imported.status == 3 else { continue }
      let name = "\((surveyPath as NSString).lastPathComponent) as \(platform.rawValue)"
      for format in ["text", "json", "html"] {
        var outputs: [(status: Int32, err: String, files: [String: Data])] = []
        // By rows first: it saves no counts, so the engine's report then reads every response.
        for byRows in [true, false] {
          let folder = directory.path + "/store-\(number)-\(format)-\(byRows)"
          let run = Run(
            [
              "report", "--survey", surveyPath, "--store", store, "--all-chapters", "--recount",
              "--format", format, "-o", folder,
            ], environment: byRows ? ["SURVEY_ENGINE": "rows"] : [:])
          var files: [String: Data] = [:]
          for file in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
            files[file] = FileManager.default.contents(atPath: folder + "/" + file)
          }
          outputs.append((run.status, run.err, files))
        }
        let (rows, engine) = (outputs[0], outputs[1])
        #expect(engine.status == rows.status, "\(name) (\(format)): exit status")
        #expect(engine.err == rows.err, "\(name) (\(format)): messages")
        #expect(engine.files.keys.sorted() == rows.files.keys.sorted(), "\(name): files")
        for (file, data) in engine.files where data != rows.files[file] {
          Issue.record("\(name): \(file) differs: \(Self.firstDifference(data, rows.files[file]))")
        }
        if !engine.files.isEmpty { compared += 1 }
      }
    }
    #expect(compared >= 12, "too few stores were reported on")
  }

  /// The first line where two outputs differ, engine's first, to say what differs.
  static func firstDifference(_ engine: Data, _ rows: Data?) -> String {
    let left = String(decoding: engine, as: UTF8.self).split(
      separator: "\n", omittingEmptySubsequences: false)
    let right = String(decoding: rows ?? Data(), as: UTF8.self).split(
      separator: "\n", omittingEmptySubsequences: false)
    for index in 0..<max(left.count, right.count) {
      let a = index < left.count ? String(left[index]) : "<end>"
      let b = index < right.count ? String(right[index]) : "<end>"
      if a != b { return "line \(index + 1): engine «\(a.prefix(300))» rows «\(b.prefix(300))»" }
    }
    return "same lines"
  }

  @Test("the platform fixtures give the same reports")
  func fixtures() throws {
    let folder = Self.root.appendingPathComponent("Tests/SurveyIngestTests/Fixtures/platforms").path
    let surveyPath = folder + "/club.survey"
    let directory = try TemporaryDirectory()
    let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter {
      $0.hasSuffix(".csv")
    }
    #expect(names.count >= 7)
    for name in names.sorted() {
      for format in ["text", "json"] {
        let engine = Self.reports(
          surveyPath, csv: folder + "/" + name, format: format, byRows: false,
          in: directory.path + "/engine-\(name)-\(format)")
        let rows = Self.reports(
          surveyPath, csv: folder + "/" + name, format: format, byRows: true,
          in: directory.path + "/rows-\(name)-\(format)")
        #expect(engine.status == rows.status, "\(name)")
        #expect(engine.err == rows.err, "\(name)")
        #expect(engine.files == rows.files, "\(name) (\(format))")
      }
    }
  }

  @Test(
    "chunks read on several threads count what one thread counts",
    arguments: [Platform.generic, .qualtrics, .googleForms])
  func parallel(platform: Platform) throws {
    let directory = try TemporaryDirectory()
    let surveyPath = Self.root.appendingPathComponent("Surveys/connection.survey").path
    let survey = try #require(try SurveyCompiler.compile(path: surveyPath).survey)
    let csv = directory.path + "/answers.csv"
    #expect(try Self.damagedExport(survey, platform: platform, seed: 21, to: csv))
    let context = CommandContext(console: Console(out: CapturedStream(), err: CapturedStream()))
    let options = ImportOptions()
    let (rows, rowsRejected) = try ReportSource.aggregateByRows(
      survey: survey, files: [csv], options: options, threads: 1, context: context)
    let (chunked, chunkedRejected) = try ReportSource.aggregate(
      survey: survey, files: [csv], options: options, threads: 3, context: context,
      parallelThreshold: 0, minimumChunkBytes: 1)
    #expect(chunkedRejected == rowsRejected)
    #expect(rowsRejected > 0, "the damage should have rejected some rows")
    #expect(chunked.waves == rows.waves)
    for wave in rows.waves {
      let findings = { (aggregation: SurveyAggregation, scope: ReportScope) in
        FindingsBuilder(aggregation: aggregation).findings(scope: scope, wave: wave)
      }
      #expect(findings(chunked, .organization) == findings(rows, .organization), "wave \(wave)")
      for chapter in rows.chapters(in: wave) {
        #expect(
          findings(chunked, .chapter(chapter)) == findings(rows, .chapter(chapter)),
          "wave \(wave), chapter \(chapter)")
      }
    }
  }
}
