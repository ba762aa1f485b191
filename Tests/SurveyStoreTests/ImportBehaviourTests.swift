import Foundation
import SurveyCore
import SurveyIngest
import SurveySimulation
import SurveyStore
import Testing

@Suite struct ImportBehaviourTests {
  static func simulatedExport(
    _ survey: Survey, respondents: Int, platform: Platform, to path: String
  ) throws {
    let simulator = try ResponseSimulator(
      survey: survey, plan: SimulationPlan(respondents: respondents, chapters: 2, seed: 5))
    let writer = SimulationWriter(simulator: simulator, platform: platform, language: nil)
    let csv = try CSVWriter(path: path, options: writer.options)
    try writer.write(waves: 1...1, to: csv)
    try csv.close()
  }

  @Test(arguments: [Platform.qualtrics, .googleForms])
  func reimportingAddsNothingAndAGrownExportAddsExactlyTheNewRows(_ platform: Platform) throws {
    let survey = try Fixtures.club()
    let scratch = try ScratchStore()
    let small = scratch.directory.path("small.csv")
    let big = scratch.directory.path("big.csv")
    try Self.simulatedExport(survey, respondents: 40, platform: platform, to: small)
    try Self.simulatedExport(survey, respondents: 65, platform: platform, to: big)
    let first = try #require(try scratch.importFile(small, survey: survey).0.summary)
    #expect(first.accepted == 40)
    let again = try #require(try scratch.importFile(small, survey: survey).0.summary)
    #expect(again.accepted == 0)
    #expect(again.alreadyPresent == 40)
    let grown = try #require(try scratch.importFile(big, survey: survey).0.summary)
    #expect(grown.accepted == 25)
    #expect(grown.alreadyPresent == 40)
    #expect(try scratch.store.responseCount() == 65)
  }

  @Test func aBadCellIsReportedAndTheFixedRowReplacesItsRejection() throws {
    let survey = try Fixtures.club()
    let scratch = try ScratchStore()
    let header =
      "respondent_id,submitted_at,chapter,employed,hours,lonely,trust_people,trust_neighbours\n"
    let path = try scratch.write(
      "bad.csv",
      header + "r1,2026-01-01T00:00:00Z,1,1,40,1,1,1\nr2,2026-01-01T00:00:00Z,1,1,140,1,1,1\n")
    let (result, rows) = try scratch.importFile(path, survey: survey)
    let summary = try #require(result.summary)
    #expect(summary.accepted == 1)
    #expect(summary.rejected == 1)
    let problem = try #require(rows.last?.problems.first)
    #expect(problem.id == "ingest.outOfRange")
    #expect(problem.question == "hours")
    #expect(problem.location?.line == 3)
    #expect(problem.location?.column == 29)
    #expect(
      problem.message == "140 is out of range for 'hours' (must be at least 0 and at most 100)")
    let reject = try #require(try scratch.store.rejects().first)
    #expect(String(decoding: reject.raw, as: UTF8.self) == "r2,2026-01-01T00:00:00Z,1,1,140,1,1,1")
    let fixed = try scratch.write("fixed.csv", header + "r2,2026-01-01T00:00:00Z,1,1,14,1,1,1\n")
    let second = try #require(try scratch.importFile(fixed, survey: survey).0.summary)
    #expect(second.accepted == 1)
    #expect(try scratch.store.rejects().isEmpty)
    #expect(try scratch.store.rejects(includeResolved: true).count == 1)
  }

  @Test func answersToHiddenQuestionsRequiredAnswersAndHardChecks() throws {
    let survey = try Fixtures.compile(
      """
      survey s "S"
        version 1
        chapter from chapter

      question chapter "C?"
        text
        required

      question employed "Job?"
        yes-no
        required

      question hours "Hours?"
        integer 0..100
        show if employed = yes
        check this <= 80 "at most 80"
        warn this <= 60 "more than 60: please check"

      """)
    let scratch = try ScratchStore()
    let path = try scratch.write(
      "rows.csv",
      "respondent_id,chapter,employed,hours\nr1,North,no,10\nr2,North,,\nr3,North,yes,90\nr4,North,yes,70\nr5,North,yes,30\n"
    )
    let (result, rows) = try scratch.importFile(path, survey: survey)
    #expect(result.summary?.accepted == 2)
    try #require(rows.count == 5)
    #expect(rows[0].problems.map(\.id) == ["ingest.answerToHiddenQuestion"])
    #expect(rows[1].problems.map(\.id) == ["ingest.requiredMissing"])
    #expect(rows[2].problems.map(\.id) == ["ingest.checkFailed", "ingest.checkWarning"])
    #expect(rows[3].problems.map(\.id) == ["ingest.checkWarning"])
    #expect(!rows[3].isRejected)
    #expect(result.summary?.warnings == 1)
  }

  @Test func headerDriftIsReportedBeforeAnythingIsStored() throws {
    let survey = try Fixtures.club()
    let scratch = try ScratchStore()
    let path = try scratch.write(
      "drift.csv", "respondent_id,chaptr,employed,hours,hours,mystery\nr1,1,1,10,10,x\n")
    let (result, _) = try scratch.importFile(path, survey: survey)
    #expect(result.summary == nil)
    let ids = result.fileDiagnostics.map(\.id)
    #expect(ids.contains("ingest.missingColumn"))
    #expect(ids.contains("ingest.duplicateColumn"))
    #expect(ids.contains("ingest.unknownColumn"))
    let missing = try #require(result.fileDiagnostics.first { $0.id == "ingest.missingColumn" })
    #expect(missing.label == "did you mean the column 'chaptr'?")
    let duplicate = try #require(result.fileDiagnostics.first { $0.id == "ingest.duplicateColumn" })
    #expect(duplicate.location?.line == 1)
    #expect(duplicate.location?.column == 37)
    let unknown = try #require(
      result.fileDiagnostics.first {
        $0.id == "ingest.unknownColumn" && $0.message.contains("mystery")
      })
    #expect(unknown.severity == .warning)
    #expect(try scratch.store.responseCount() == 0)
    #expect(try scratch.store.imports().isEmpty)
  }

  @Test func oldColumnNamesMapThroughRenamedFrom() throws {
    let survey = try Fixtures.compile(
      """
      survey s "S"
        version 2
        chapter from chapter

      question chapter "C?"
        text

      question union_member "Union?"
        yes-no
        renamed from union

      """)
    let scratch = try ScratchStore()
    let path = try scratch.write("old.csv", "respondent_id,chapter,union\nr1,North,yes\n")
    let (result, _) = try scratch.importFile(path, survey: survey)
    #expect(result.summary?.accepted == 1)
    #expect(try scratch.responses(survey).first?.answers[1] == .code(1))
  }

  @Test func emptyAndHeaderOnlyFiles() throws {
    let survey = try Fixtures.club()
    let scratch = try ScratchStore()
    let empty = try scratch.write("empty.csv", "")
    #expect(
      try scratch.importFile(empty, survey: survey).0.fileDiagnostics.map(\.id) == [
        "ingest.emptyFile"
      ])
    let headerOnly = try scratch.write("header.csv", "respondent_id,chapter,employed\n")
    let result = try scratch.importFile(headerOnly, survey: survey).0
    #expect(result.fileDiagnostics.contains { $0.id == "ingest.headerOnly" })
    #expect(result.summary?.rows == 0)
  }

  @Test func chaptersAssignedAtImport() throws {
    let survey = try Fixtures.compile(
      "survey s \"S\"\n  version 1\n\nquestion q \"Q?\"\n  integer\n")
    let scratch = try ScratchStore()
    let path = try scratch.write("rows.csv", "respondent_id,q\nr1,1\n")
    let without = try scratch.importFile(path, survey: survey).0
    #expect(without.fileDiagnostics.map(\.id) == ["ingest.noChapter"])
    let with = try scratch.importFile(
      path, survey: survey, options: ImportOptions(chapter: "Riverside", wave: "2027")
    ).0
    #expect(with.summary?.accepted == 1)
    #expect(
      try scratch.store.groupCounts() == [
        GroupCount(surveyID: "s", chapter: "Riverside", wave: "2027", count: 1)
      ])
  }

  @Test func aSecondWriterWaitsOrFailsClearly() throws {
    let scratch = try ScratchStore()
    let other = try ResponseStore(path: scratch.path, busyTimeout: .milliseconds(50))
    try scratch.store.holdWriteLock {
      #expect(throws: (any Error).self) {
        _ = try other.importRows(
          survey: try Fixtures.club(), codebook: "{}",
          info: ImportInfo(
            fileName: "x", fileSHA256: "", fileBytes: 0, platform: .generic, importedAt: "",
            chapter: nil, wave: nil,
            header: [], delimiter: ",")
        ) { _ in ImportTail() }
      }
    }
  }
}
