import Foundation
import SurveyCLI
import Testing

@Suite struct ImportCommandTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .appendingPathComponent("SurveyIngestTests/Fixtures/platforms")
  static let survey = fixtures.appendingPathComponent("club.survey").path

  @Test func importSummarisesAndTheExitStatusTellsAboutRejects() throws {
    let directory = try TemporaryDirectory()
    let store = directory.path + "/s.db"
    let good = Run([
      "import", "--survey", Self.survey, "--store", store,
      Self.fixtures.appendingPathComponent("kobotoolbox.csv").path,
    ])
    #expect(good.status == 0, "\(good.err)")
    #expect(good.out.contains("(KoboToolbox, 3 rows): 3 accepted, 0 already present, 0 rejected"))
    let bad = Run([
      "import", "--survey", Self.survey, "--store", store,
      Self.fixtures.appendingPathComponent("qualtrics.csv").path,
    ])
    #expect(bad.status == 3)
    #expect(bad.out.contains("2 accepted, 0 already present, 1 rejected"))
    #expect(bad.out.contains("1 × testResponse"))
    #expect(bad.err.contains("qualtrics.csv:5:"))
    let again = Run([
      "import", "--survey", Self.survey, "--store", store,
      Self.fixtures.appendingPathComponent("kobotoolbox.csv").path,
    ])
    #expect(again.out.contains("0 accepted, 3 already present"))
  }

  @Test func headerErrorsStoreNothingAndExitOne() throws {
    let directory = try TemporaryDirectory()
    let csv = try directory.write("drift.csv", "respondent_id,employed\nr1,1\n")
    let run = Run(["import", "--survey", Self.survey, "--store", directory.path + "/s.db", csv])
    #expect(run.status == 1)
    #expect(run.err.contains("[ingest.missingColumn]"))
    #expect(run.err.contains("not imported"))
  }

  @Test func storeRejectsAndExport() throws {
    let directory = try TemporaryDirectory()
    let store = directory.path + "/s.db"
    _ = Run([
      "import", "--survey", Self.survey, "--store", store,
      Self.fixtures.appendingPathComponent("limesurvey.csv").path,
    ])
    let listing = Run(["store", "--store", store])
    #expect(listing.status == 0)
    #expect(listing.out.contains("limesurvey.csv (limesurvey): 3 rows, 2 accepted"))
    #expect(listing.out.contains("Rejected rows waiting to be fixed: 1"))
    let rejects = Run(["rejects", "--store", store])
    #expect(rejects.out.contains("limesurvey.csv line 4:"))
    #expect(rejects.out.contains("'2012-13-01' is not a date for 'joined'"))
    let out = directory.path + "/fix.csv"
    #expect(Run(["rejects", "--store", store, "--csv", out]).status == 0)
    let fix = try String(contentsOfFile: out, encoding: .utf8)
    #expect(fix.hasPrefix("\"id\",\"submitdate\""))
    #expect(fix.contains(",2012-13-01,"))
    #expect(!fix.contains("192.0.2.46"))
    let export = directory.path + "/data.csv"
    let exported = Run(["export", "data", "--survey", Self.survey, "--store", store, "-o", export])
    #expect(exported.status == 0, "\(exported.err)")
    let data = try String(contentsOfFile: export, encoding: .utf8)
    #expect(data.hasPrefix("_response_id,_chapter,_wave,_submitted_at,_weight,chapter,employed,"))
    #expect(data.contains("'=HYPERLINK"))
    #expect(!data.contains("@example.org"))
    #expect(FileManager.default.fileExists(atPath: directory.path + "/data.codebook.json"))
    let json = directory.path + "/data.json"
    #expect(
      Run([
        "export", "data", "--survey", Self.survey, "--store", store, "--format", "json", "-o", json,
      ]).status == 0)
    let object =
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json)))
      as? [String: Any]
    #expect((object?["responses"] as? [Any])?.count == 2)
  }

  @Test func usageErrors() {
    #expect(Run(["import", "x.csv"]).err.contains("missing --survey"))
    #expect(
      Run(["import", "--survey", Self.survey, "--from", "googleforms", "x.csv"]).err.contains(
        "did you mean 'google-forms'?"))
    #expect(Run(["import", "--survey", Self.survey, "--timezone", "3", "x.csv"]).status == 64)
    #expect(Run(["store"]).status == 64)
    #expect(Run(["export", "--survey", Self.survey, "-o", "x"]).err.contains("say what to export"))
  }
}
