import Foundation
import SurveyCLI
import SurveyCore
import SurveyDSL
import SurveyStatistics
import SurveyStore
import Testing

/// Counts saved in the store by one report and reused by the next.
@Suite("saved counts")
struct SavedCountsTests {
  /// Two waves of 300 respondents, one file each.
  static func simulate(_ directory: TemporaryDirectory) -> [String] {
    let csv = directory.path + "/answers.csv"
    let simulated = Run([
      "simulate", ReportCommandTests.survey, "-o", csv, "--respondents", "300", "--chapters", "2",
      "--waves", "2", "--seed", "5",
    ])
    #expect(simulated.status == 0, "\(simulated.err)")
    return [directory.path + "/answers.wave1.csv", directory.path + "/answers.wave2.csv"]
  }

  static func findings(_ aggregation: SurveyAggregation, wave: String) -> Findings {
    FindingsBuilder(aggregation: aggregation).findings(scope: .organization, wave: wave)
  }

  @Test("a report reuses saved counts, adds new responses, and ignores stale or broken counts")
  func reuse() throws {
    let directory = try TemporaryDirectory()
    let survey = ReportCommandTests.survey
    let compiled = try #require(try SurveyCompiler.compile(path: survey).survey)
    let store = directory.path + "/club.db"
    let files = Self.simulate(directory)
    #expect(
      Run(["import", "--survey", survey, "--store", store, "--wave", "1", files[0]]).status == 0)
    let reader = try ResponseStore(path: store, readOnly: true)
    let counted = try ReportSource.aggregate(survey: compiled, store: reader)
    let fingerprint = ReportSource.countsFingerprint(compiled)
    let saved = try #require(
      try ResponseStore(path: store).savedAggregate(surveyID: compiled.id, fingerprint: fingerprint)
    )
    #expect(saved.responses == 300)

    // A second wave: the saved counts plus the new responses give what counting everything gives.
    #expect(
      Run(["import", "--survey", survey, "--store", store, "--wave", "2", files[1]]).status == 0)
    let incremental = try ReportSource.aggregate(survey: compiled, store: reader)
    let recounted = try ReportSource.aggregate(survey: compiled, store: reader, recount: true)
    for wave in ["1", "2"] {
      #expect(Self.findings(incremental, wave: wave) == Self.findings(recounted, wave: wave))
    }
    #expect(Self.findings(incremental, wave: "1") == Self.findings(counted, wave: "1"))
    #expect(incremental.group(.organization("2"))?.respondents == 300)

    // Saved counts are really read: change stored answers behind the toolkit's back (same number
    // of responses) and the report still gives the saved figures, while a recount does not.
    let connection = try SQLiteConnection(path: store, mode: .readWrite)
    let columns = try connection.prepare("SELECT name FROM pragma_table_info('answers')")
    var answerColumns: [String] = []
    while try columns.step() == .row { answerColumns.append(columns.string(at: 0)) }
    let column = try #require(answerColumns.first { $0.contains("lonely") })
    try connection.execute("UPDATE answers SET \"\(column)\" = NULL")
    let fromSaved = try ReportSource.aggregate(survey: compiled, store: reader)
    let afterEdit = try ReportSource.aggregate(survey: compiled, store: reader, recount: true)
    #expect(Self.findings(fromSaved, wave: "1") == Self.findings(recounted, wave: "1"))
    #expect(Self.findings(afterEdit, wave: "1") != Self.findings(recounted, wave: "1"))

    // Counts that do not hold as many responses as they claim are ignored.
    let bounds = try #require(try reader.responseIDBounds(of: compiled))
    try ResponseStore(path: store).saveAggregate(
      surveyID: compiled.id, fingerprint: fingerprint, throughResponse: bounds.upperBound,
      counts: try SurveyAggregation(survey: compiled).snapshotData())
    let mismatched = try ReportSource.aggregate(survey: compiled, store: reader)
    #expect(mismatched.responseCount == 600)

    // Broken counts are ignored, and so are counts whose responses were removed.
    try connection.execute("UPDATE aggregates SET counts = X'7B7D'")
    let broken = try ReportSource.aggregate(survey: compiled, store: reader)
    #expect(Self.findings(broken, wave: "1") == Self.findings(afterEdit, wave: "1"))
    try connection.execute("DELETE FROM answers WHERE response = (SELECT min(id) FROM responses)")
    try connection.execute("DELETE FROM warnings WHERE response = (SELECT min(id) FROM responses)")
    try connection.execute("DELETE FROM responses WHERE id = (SELECT min(id) FROM responses)")
    let removed = try ReportSource.aggregate(survey: compiled, store: reader)
    #expect(removed.group(.organization("1"))?.respondents == 299)
  }

  @Test("counts saved for another definition of the survey are not used")
  func otherDefinition() throws {
    let survey = try #require(try SurveyCompiler.compile(path: ReportCommandTests.survey).survey)
    let source = try String(contentsOfFile: ReportCommandTests.survey, encoding: .utf8)
    let changed = try #require(
      SurveyCompiler.compile(
        text: source.replacingOccurrences(of: "integer 0..100", with: "integer 0..99"),
        path: ReportCommandTests.survey
      ).survey)
    #expect(source.contains("integer 0..100"))
    #expect(ReportSource.countsFingerprint(survey) != ReportSource.countsFingerprint(changed))
    let data = try SurveyAggregation(survey: survey).snapshotData()
    #expect(SurveyAggregation(survey: survey, snapshotData: data) != nil)
    #expect(SurveyAggregation(survey: survey, snapshotData: Data("{}".utf8)) == nil)
  }

  @Test("counts no survey could give (negative, huge, not numbers) are refused, never trusted")
  func implausibleCounts() throws {
    let directory = try TemporaryDirectory()
    let survey = ReportCommandTests.survey
    let compiled = try #require(try SurveyCompiler.compile(path: survey).survey)
    let store = directory.path + "/club.db"
    let files = Self.simulate(directory)
    #expect(
      Run(["import", "--survey", survey, "--store", store, "--wave", "1", files[0]]).status == 0)
    let reader = try ResponseStore(path: store, readOnly: true)
    let counted = try ReportSource.aggregate(survey: compiled, store: reader, recount: true)
    let parts = try SnapshotEditing.parts(try counted.snapshotData())
    #expect(parts.count > 1)
    // Written back unedited, the counts are read as they were.
    guard
      case .success(let same) = SurveyAggregation.restore(
        survey: compiled, snapshotData: try SnapshotEditing.data(parts))
    else {
      Issue.record("unedited counts were refused")
      return
    }
    #expect(Self.findings(same, wave: "1") == Self.findings(counted, wave: "1"))
    // Each edit alone makes the counts impossible: summing them would overflow, or a figure
    // would not be a number.
    let edits: [(String, (inout [String: Any]) -> Void)] = [
      ("respondents below zero", { $0["respondents"] = -1 }),
      ("respondents beyond any membership", { $0["respondents"] = Int.max }),
      (
        "a count of blank answers beyond any membership",
        { cell in
          var items = cell["items"] as? [[String: Any]] ?? []
          items[0]["blank"] = Int(1) << 40
          cell["items"] = items
        }
      ),
      (
        "a sum of weights that is not a number",
        { cell in
          var weights = cell["weights"] as? [String: Any] ?? [:]
          weights["weightSum"] = "nan"
          cell["weights"] = weights
        }
      ),
      (
        "a sum of squared weights below zero",
        { cell in
          var weights = cell["weights"] as? [String: Any] ?? [:]
          weights["squaredWeightSum"] = -5.0
          cell["weights"] = weights
        }
      ),
    ]
    for (what, edit) in edits {
      var edited = parts
      edit(&edited[1])
      let result = SurveyAggregation.restore(
        survey: compiled, snapshotData: try SnapshotEditing.data(edited))
      guard case .failure(let problem) = result else {
        Issue.record("\(what): the counts were read")
        continue
      }
      #expect(problem == .implausible, "\(what)")
    }
  }

  @Test("a store of schema version 1 gains the new tables when opened for writing")
  func migration() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path + "/old.db"
    let survey = try #require(try SurveyCompiler.compile(path: ReportCommandTests.survey).survey)
    let files = Self.simulate(directory)
    for (wave, file) in zip(["1", "2"], files) {
      let imported = Run([
        "import", "--survey", ReportCommandTests.survey, "--store", path, "--wave", wave, file,
      ])
      #expect(imported.status == 0)
    }
    let expected = try ResponseStore(path: path, readOnly: true).waveCodebooks(of: survey)
    #expect(expected.keys.sorted() == ["1", "2"])
    let connection = try SQLiteConnection(path: path, mode: .readWrite)
    try connection.execute("DROP TABLE aggregates; DROP TABLE import_waves")
    try connection.setUserVersion(1)
    let reader = try ResponseStore(path: path, readOnly: true)
    #expect(try reader.savedAggregate(surveyID: "x", fingerprint: "y") == nil)
    #expect(try reader.waveCodebooks(of: survey) == expected)
    _ = try ResponseStore(path: path)
    #expect(try connection.userVersion() == 3)
    let waves = try connection.prepare("SELECT count(*) FROM import_waves")
    _ = try waves.step()
    #expect(waves.int(at: 0) == 2)
    #expect(try ResponseStore(path: path, readOnly: true).waveCodebooks(of: survey) == expected)
  }
}
