import Foundation
import SurveyCLI
import SurveyCore
import SurveyDSL
import SurveyIngest
import SurveyStatistics
import SurveyStore
import Testing

/// A report straight from exports counts each response once, as import keeps it once: when
/// exports give a response again (the same file twice, an export and its grown copy, an id
/// repeated in one wave) the report says so and counts the first row of each, serially and in
/// parallel chunks, by the column engine and the row path alike, as an import keeps them.
@Suite("responses given more than once in a report's exports")
struct RepeatedResponsesTests {
  /// Lines of a simulated export of the club survey (header first), with or without its ids.
  static func export(_ directory: TemporaryDirectory, seed: Int, ids: Bool) throws -> [String] {
    let csv = directory.path + "/sim-\(seed).csv"
    let simulated = Run([
      "simulate", ReportCommandTests.survey, "-o", csv, "--respondents", "200", "--chapters", "2",
      "--waves", "1", "--seed", String(seed),
    ])
    #expect(simulated.status == 0, "\(simulated.err)")
    let lines = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n").map(
      String.init)
    #expect(lines.first?.hasPrefix("respondent_id,") == true)
    // Without ids: the first column dropped (the generic shape does not need one).
    return ids ? lines : lines.map { String($0.drop { $0 != "," }.dropFirst()) }
  }

  static func write(_ lines: [String], _ name: String, in directory: TemporaryDirectory) throws
    -> String
  {
    let path = directory.path + "/" + name
    try (lines.joined(separator: "\n") + "\n").write(
      toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  /// The respondents each way of reading counts (serial and parallel, engine and rows), after
  /// checking that every way counts the same and finds the same figures; and what an import of
  /// the same files into a fresh store keeps.
  static func counted(_ files: [String], in directory: TemporaryDirectory) throws -> (
    report: Int?, imported: Int?
  ) {
    let survey = try #require(try SurveyCompiler.compile(path: ReportCommandTests.survey).survey)
    let context = CommandContext(console: Console(out: CapturedStream(), err: CapturedStream()))
    let options = ImportOptions(wave: "1")
    let readings = [
      try ReportSource.aggregate(
        survey: survey, files: files, options: options, threads: 1, context: context),
      try ReportSource.aggregate(
        survey: survey, files: files, options: options, threads: 3, context: context,
        parallelThreshold: 0, minimumChunkBytes: 1),
      try ReportSource.aggregateByRows(
        survey: survey, files: files, options: options, threads: 1, context: context),
      try ReportSource.aggregateByRows(
        survey: survey, files: files, options: options, threads: 3, context: context,
        parallelThreshold: 0, minimumChunkBytes: 1),
    ].map(\.0)
    let findings = readings.map {
      FindingsBuilder(aggregation: $0).findings(scope: .organization, wave: "1")
    }
    #expect(findings.allSatisfy { $0 == findings[0] })
    let store = directory.path + "/store-\(UUID().uuidString).db"
    for file in files {
      let run = Run([
        "import", "--survey", ReportCommandTests.survey, "--store", store, "--wave", "1", file,
      ])
      #expect(run.status == 0 || run.status == 3, "\(run.err)")
    }
    let stored = try ReportSource.aggregate(
      survey: survey, store: try ResponseStore(path: store, readOnly: true), recount: true)
    // The report from the store equals the report from the exports.
    #expect(
      FindingsBuilder(aggregation: stored).findings(scope: .organization, wave: "1")
        == findings[0])
    return (
      readings[0].group(.organization("1"))?.respondents,
      stored.group(.organization("1"))?.respondents
    )
  }

  @Test("the same file twice, a grown copy and repeated ids count each response once")
  func repeatedResponses() throws {
    let directory = try TemporaryDirectory()
    let withIDs = try Self.export(directory, seed: 3, ids: true)
    let first = try Self.write(withIDs, "a.csv", in: directory)
    // What a report from the exports counts, checked against an import of the same files.
    func counted(_ files: [String], line: Int = #line) throws -> Int {
      let (report, imported) = try Self.counted(files, in: directory)
      #expect(report != nil && report == imported, "line \(line)")
      return report ?? -1
    }
    #expect(try counted([first]) == 200)
    #expect(try counted([first, first]) == 200)
    // An export and its grown copy: the first 150 rows again.
    let early = try Self.write(Array(withIDs.prefix(151)), "early.csv", in: directory)
    #expect(try counted([early, first]) == 200)
    // One file that repeats four rows and gives a fifth id again with other answers: import
    // keeps the first of each (the changed one is rejected), and so does the report.
    var repeated = withIDs
    repeated += withIDs[1...4]
    let changed = withIDs[5].split(separator: ",", omittingEmptySubsequences: false)
    repeated.append((changed.prefix(changed.count - 1) + ["1"]).joined(separator: ","))
    #expect(try counted([try Self.write(repeated, "repeated.csv", in: directory)]) == 200)

    // Without ids: identical rows within one file are different responses (their occurrence),
    // and across files each text counts as often as the file that has it most. (Some simulated
    // rows are rejected without their id column; the counts compare with import's.)
    let bare = try Self.export(directory, seed: 4, ids: false)
    let plain = try Self.write(bare, "plain.csv", in: directory)
    let alone = try counted([plain])
    #expect(alone > 100)
    #expect(try counted([plain, plain]) == alone)
    let accepted = try counted([try Self.write(Array(bare.prefix(2)), "one.csv", in: directory)])
    #expect(accepted == 1, "the first simulated row should be accepted")
    let six = try Self.write(bare + Array(repeating: bare[1], count: 5), "six.csv", in: directory)
    #expect(try counted([six]) == alone + 5)
    #expect(try counted([plain, six]) == alone + 5)
    #expect(try counted([six, plain]) == alone + 5)
    let grown = try Self.write(
      bare + Array(repeating: bare[1], count: 2), "grown.csv", in: directory)
    #expect(try counted([plain, grown, six]) == alone + 5)
    #expect(try counted([grown, plain]) == alone + 2)
  }

  @Test("the same ids in different waves, and different files, are different responses")
  func differentResponses() throws {
    let directory = try TemporaryDirectory()
    let csv = directory.path + "/answers.csv"
    let simulated = Run([
      "simulate", ReportCommandTests.survey, "-o", csv, "--respondents", "120", "--chapters", "2",
      "--waves", "2", "--seed", "8",
    ])
    #expect(simulated.status == 0)
    let waves = [directory.path + "/answers.wave1.csv", directory.path + "/answers.wave2.csv"]
    let run = Run(["report", "--survey", ReportCommandTests.survey, "--overview"] + waves)
    #expect(run.status == 0, "\(run.err)")
    #expect(!run.err.contains("warning"), "\(run.err)")
    // Both files given twice: the same report, with a warning that names the repeated rows.
    let twice = Run(
      ["report", "--survey", ReportCommandTests.survey, "--overview"] + waves + waves)
    #expect(twice.status == run.status)
    #expect(twice.out == run.out)
    #expect(twice.err.contains("warning: 240 row(s) of these exports give a response that an "))
    #expect(twice.err.contains("each response is counted once, from its first row"))
  }
}
