import Foundation
import SurveyCLI
import SurveyDSL
import SurveyIngest
import SurveyStatistics
import SurveyStore
import Testing

/// `survey report` and `survey demo` end to end, in-process.
@Suite("survey report and survey demo")
struct ReportCommandTests {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let survey = root.appendingPathComponent(
    "Tests/SurveyIngestTests/Fixtures/platforms/club.survey"
  ).path

  /// A store with simulated answers of two chapters in two waves.
  static func store(_ directory: TemporaryDirectory) -> (store: String, csv: [String]) {
    let csv = directory.path + "/answers.csv"
    let simulated = Run([
      "simulate", survey, "-o", csv, "--respondents", "120", "--chapters", "2", "--waves", "1",
      "--seed", "3",
    ])
    #expect(simulated.status == 0, "\(simulated.err)")
    let store = directory.path + "/club.db"
    let imported = Run(["import", "--survey", survey, "--store", store, "--wave", "1", csv])
    #expect(imported.status == 0, "\(imported.err)")
    return (store, [csv])
  }

  @Test("a chapter report from the store, in every format")
  func chapterReport() throws {
    let directory = try TemporaryDirectory()
    let (store, _) = Self.store(directory)
    let text = Run(["report", "--survey", Self.survey, "--store", store, "--chapter", "North"])
    #expect(text.status == 0, "\(text.err)")
    #expect(text.out.contains("Neighbourhood Club Survey: North chapter"))
    #expect(text.out.contains("PRIVACY AUDIT"))
    let json = Run([
      "report", "--survey", Self.survey, "--store", store, "--chapter", "north", "--format", "json",
    ])
    let object = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any]
    #expect(object?["schema"] as? String == "survey-report/1")
    #expect(object?["chapter"] as? String == "North")
    let path = directory.path + "/north.html"
    let html = Run([
      "report", "--survey", Self.survey, "--store", store, "--chapter", "North", "--format", "html",
      "-o", path,
    ])
    #expect(html.status == 0)
    let page = try String(contentsOfFile: path, encoding: .utf8)
    #expect(page.hasPrefix("<!doctype html>") || page.hasPrefix("<!DOCTYPE html>"))
    #expect(!page.contains("<script"))
  }

  @Test("the same report straight from the CSV export")
  func fromCSV() throws {
    let directory = try TemporaryDirectory()
    let (store, csv) = Self.store(directory)
    let stored = Run(["report", "--survey", Self.survey, "--store", store, "--format", "json"])
    let direct = Run(
      ["report", "--survey", Self.survey, "--set-wave", "1", "--format", "json"] + csv)
    #expect(direct.status == 0, "\(direct.err)")
    #expect(direct.out == stored.out)
  }

  @Test("all chapters go to a folder")
  func allChapters() throws {
    let directory = try TemporaryDirectory()
    let (store, _) = Self.store(directory)
    let folder = directory.path + "/reports"
    let run = Run([
      "report", "--survey", Self.survey, "--store", store, "--all-chapters", "--format", "text",
      "-o", folder,
    ])
    #expect(run.status == 0, "\(run.err)")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    #expect(files == ["chapter-north.txt", "chapter-south.txt", "overview.txt"])
  }

  @Test("mistakes get clear errors")
  func errors() throws {
    let directory = try TemporaryDirectory()
    let (store, csv) = Self.store(directory)
    let base = ["report", "--survey", Self.survey, "--store", store]
    let unknown = Run(base + ["--chapter", "Nort"])
    #expect(unknown.status == 1)
    #expect(unknown.err.contains("there is no chapter 'Nort'"))
    #expect(unknown.err.contains("Did you mean 'North'?"))
    let small = Run(base + ["--min-group", "3"])
    #expect(small.status == 64)
    #expect(small.err.contains("at least 5"))
    let wave = Run(base + ["--wave", "7"])
    #expect(wave.err.contains("there is no wave '7'; the waves are 1"))
    let both = Run(base + csv)
    #expect(both.status == 64)
    let format = Run(base + ["--format", "pdf"])
    #expect(format.err.contains("'--format' takes text, html or json"))
    let language = Run(base + ["--language", "fr"])
    #expect(language.err.contains("the survey has no language 'fr'"))
    let folder = Run(base + ["--all-chapters"])
    #expect(folder.err.contains("give a folder with -o DIR"))
  }

  @Test("survey demo writes exactly the committed Reports/")
  func demoMatchesReports() throws {
    let directory = try TemporaryDirectory()
    let output = directory.path + "/Reports"
    let run = Run([
      "demo", "--survey", Self.root.appendingPathComponent("Surveys/connection.survey").path, "-o",
      output, "--quiet",
    ])
    #expect(run.status == 0, "\(run.err)")
    #expect(run.out.contains("Wrote 21 reports"))
    #expect(run.out.contains("(12 reports from their counts alone)"))
    let committed = Self.root.appendingPathComponent("Reports").path
    let isReport = { (name: String) in
      name.hasSuffix(".txt") || name.hasSuffix(".html")
        || name.hasSuffix(".json") && name != "report.schema.json"
    }
    for folder in ["", "/coalition"] {
      let written = try FileManager.default.contentsOfDirectory(atPath: output + folder).filter(
        isReport
      ).sorted()
      let expected = try FileManager.default.contentsOfDirectory(atPath: committed + folder)
        .filter(isReport).sorted()
      #expect(written == expected)
      #expect(written.count == (folder.isEmpty ? 21 : 12))
      for name in written {
        let new = try Data(contentsOf: URL(fileURLWithPath: output + folder + "/" + name))
        let old = try Data(contentsOf: URL(fileURLWithPath: committed + folder + "/" + name))
        #expect(
          new == old,
          "Reports\(folder)/\(name) differs from what 'survey demo' writes now: run 'swift run survey demo' and commit"
        )
      }
    }
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: output).filter { !isReport($0) }
        == ["coalition"])
  }
}

/// Reading in parallel gives exactly what reading serially gives.
@Suite("parallel reading")
struct ParallelReadingTests {
  @Test("CSV chunks and store ranges give the serial result")
  func parallelEqualsSerial() throws {
    let directory = try TemporaryDirectory()
    let csv = directory.path + "/answers.csv"
    let survey = ReportCommandTests.survey
    let simulated = Run([
      "simulate", survey, "-o", csv, "--respondents", "6000", "--chapters", "2", "--waves", "1",
      "--seed", "9",
    ])
    #expect(simulated.status == 0)
    let compiled = try #require(try SurveyCompiler.compile(path: survey).survey)
    let context = CommandContext(console: Console(out: CapturedStream(), err: CapturedStream()))
    let options = ImportOptions(wave: "1")
    let (serial, _) = try ReportSource.aggregate(
      survey: compiled, files: [csv], options: options, threads: 1, context: context)
    let (parallel, rejected) = try ReportSource.aggregate(
      survey: compiled, files: [csv], options: options, threads: 3, context: context,
      parallelThreshold: 0,
      minimumChunkBytes: 1)
    #expect(rejected == 0)
    #expect(try CSVChunker.plan(path: csv, chunkCount: 3, minimumChunkBytes: 1).chunks.count == 3)
    let findings = { (aggregation: SurveyAggregation) in
      FindingsBuilder(aggregation: aggregation).findings(scope: .organization, wave: "1")
    }
    #expect(parallel.group(.organization("1"))?.respondents == 6000)
    #expect(findings(parallel) == findings(serial))
    let store = directory.path + "/club.db"
    #expect(Run(["import", "--survey", survey, "--store", store, "--wave", "1", csv]).status == 0)
    let opened = try ResponseStore(path: store, readOnly: true)
    let oneRange = try ReportSource.aggregate(
      survey: compiled, store: opened, threads: 1, recount: true)
    let ranges = try ReportSource.aggregate(
      survey: compiled, store: opened, threads: 3, minimumSpan: 1, recount: true)
    #expect(findings(oneRange) == findings(serial))
    #expect(findings(ranges) == findings(serial))
  }
}
