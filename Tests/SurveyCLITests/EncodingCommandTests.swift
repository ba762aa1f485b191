import Foundation
import SurveyCLI
import SurveyDSL
import SurveyIngest
import Testing

/// `--encoding` on `survey import` and `survey report`.
@Suite struct EncodingCommandTests {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let survey = root.appendingPathComponent(
    "Tests/SurveyIngestTests/Fixtures/platforms/club.survey"
  ).path

  /// A generic export of the club survey saved in Windows-1252, "Café" in a label and a comment.
  static func windows1252(in directory: TemporaryDirectory) throws -> String {
    let text = """
      respondent_id,chapter,employed,places,comment
      r1,north,yes,"Park;Caf\u{E9}, bar or diner",caf\u{E9} \u{20AC}5
      r2,south,no,library,d\u{E9}j\u{E0} vu

      """
    let bytes = text.unicodeScalars.map { scalar in
      scalar.value == 0x20AC ? 0x80 : UInt8(truncatingIfNeeded: scalar.value)
    }
    let path = directory.path + "/members.csv"
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
  }

  @Test func aWindows1252FileIsRefusedWithWhatToDoThenImportsWithTheEncoding() throws {
    let directory = try TemporaryDirectory()
    let csv = try Self.windows1252(in: directory)
    let store = directory.path + "/club.db"
    let refused = Run(["import", "--survey", Self.survey, "--store", store, csv])
    #expect(refused.status == 1)
    #expect(refused.err.contains("members.csv:2:"), "\(refused.err)")
    #expect(refused.err.contains("'members.csv' is not UTF-8"), "\(refused.err)")
    #expect(refused.err.contains("CSV UTF-8"), "\(refused.err)")
    #expect(refused.err.contains("--encoding windows-1252"), "\(refused.err)")
    #expect(refused.err.components(separatedBy: "[ingest.notUTF8]").count == 2, "\(refused.err)")

    let imported = Run([
      "import", "--survey", Self.survey, "--store", store, "--encoding", "windows-1252", csv,
    ])
    #expect(imported.status == 0, "\(imported.err)")
    #expect(imported.out.contains("2 accepted"), "\(imported.out)")
    let export = directory.path + "/data.csv"
    #expect(
      Run(["export", "data", "--survey", Self.survey, "--store", store, "-o", export]).status == 0)
    let data = try String(contentsOfFile: export, encoding: .utf8)
    #expect(data.contains("café €5"), "\(data)")
    #expect(data.contains(",1;3,"), "\(data)")
  }

  @Test func reportsFromCSVTakeTheEncodingToo() throws {
    let directory = try TemporaryDirectory()
    let csv = try Self.windows1252(in: directory)
    let refused = Run(["report", "--survey", Self.survey, csv])
    #expect(refused.status == 1)
    #expect(refused.err.contains("--encoding windows-1252"), "\(refused.err)")
    let report = Run(["report", "--survey", Self.survey, "--encoding", "cp1252", csv])
    #expect(report.status == 0, "\(report.err)")
  }

  @Test func anUnknownEncodingIsAUsageError() {
    let run = Run(["import", "--survey", Self.survey, "--encoding", "ebcdic", "x.csv"])
    #expect(run.status == 64)
    #expect(run.err.contains("'--encoding' takes utf-8, windows-1252 or latin-1"), "\(run.err)")
  }

  @Test func aTranscodedFileIsNotReadAgainInParallelChunks() throws {
    let directory = try TemporaryDirectory()
    var text = "respondent_id,chapter,employed,comment\n"
    for index in 0..<300 { text += "r\(index),north,yes,caf\u{E9} \(index)\n" }
    let path = directory.path + "/many.csv"
    try Data(text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }).write(
      to: URL(fileURLWithPath: path))
    let survey = try #require(try SurveyCompiler.compile(path: Self.survey).survey)
    let context = CommandContext(console: Console(out: CapturedStream(), err: CapturedStream()))
    var options = ImportOptions(wave: "1")
    options.encoding = .windows1252
    let (aggregation, rejected) = try ReportSource.aggregate(
      survey: survey, files: [path], options: options, threads: 3, context: context,
      parallelThreshold: 0, minimumChunkBytes: 1)
    #expect(rejected == 0)
    #expect(aggregation.group(.organization("1"))?.respondents == 300)
  }
}
