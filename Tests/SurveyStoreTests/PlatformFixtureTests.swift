import Foundation
import SurveyCore
import SurveyIngest
import SurveyStore
import Testing

/// Hand-made exports in each platform's real shape import as expected.
@Suite struct PlatformFixtureTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var file: String
    var platform: Platform
    var accepted: Int
    /// Rejected rows: physical line and problem id.
    var rejected: [(Int, String)]
    var testDescription: String { file }
  }

  static let cases: [Case] = [
    Case(file: "generic.csv", platform: .generic, accepted: 2, rejected: []),
    Case(file: "generic-semicolon.csv", platform: .generic, accepted: 1, rejected: []),
    Case(
      file: "google-forms.csv", platform: .googleForms, accepted: 2,
      rejected: [(4, "ingest.decimalComma"), (5, "ingest.outOfRange")]),
    Case(file: "kobotoolbox.csv", platform: .kobo, accepted: 3, rejected: []),
    Case(
      file: "odk-central.csv", platform: .odk, accepted: 2, rejected: [(4, "ingest.unknownAnswer")]),
    Case(
      file: "qualtrics.csv", platform: .qualtrics, accepted: 2,
      rejected: [(5, "ingest.testResponse")]),
    Case(
      file: "surveymonkey.csv", platform: .surveyMonkey, accepted: 2,
      rejected: [(5, "ingest.unknownAnswer")]),
    Case(
      file: "limesurvey.csv", platform: .limeSurvey, accepted: 2,
      rejected: [(4, "ingest.invalidDate")]),
  ]

  @Test(arguments: cases)
  func importsWithTheExpectedRejections(_ testCase: Case) throws {
    let survey = try Fixtures.club()
    let scratch = try ScratchStore()
    let (result, rows) = try scratch.importFile(
      Fixtures.platforms.appendingPathComponent(testCase.file).path, survey: survey)
    #expect(result.platform == testCase.platform)
    #expect(
      !result.fileDiagnostics.hasErrors, "\(DiagnosticRenderer().render(result.fileDiagnostics))")
    let summary = try #require(result.summary)
    #expect(summary.accepted == testCase.accepted)
    #expect(summary.rejected == testCase.rejected.count)
    let rejected = rows.filter(\.isRejected)
    #expect(rejected.map(\.line) == testCase.rejected.map(\.0))
    for (row, expected) in zip(rejected, testCase.rejected) {
      #expect(
        row.problems.contains { $0.id == expected.1 && $0.location?.line == expected.0 },
        "\(row.problems)")
    }
    #expect(try scratch.store.rejects().count == testCase.rejected.count)
  }

  static func answer(_ response: StoredResponse, _ survey: Survey, _ id: String) -> Answer {
    survey.position(ofQuestion: id).map { response.answers[$0] } ?? .blank
  }

  @Test func googleFormsLabelsCommasOtherTextAndTimeZones() throws {
    let survey = try Fixtures.club()
    let scratch = try ScratchStore()
    _ = try scratch.importFile(
      Fixtures.platforms.appendingPathComponent("google-forms.csv").path, survey: survey)
    let stored = try scratch.responses(survey)
    #expect(stored.count == 2)
    let first = try #require(stored.first)
    #expect(first.chapter == "north")
    #expect(Self.answer(first, survey, "places") == .codes([1, 3]))
    #expect(Self.answer(first, survey, "trust_people") == .code(3))
    #expect(Self.answer(first, survey, "commute") == .number(0.5))
    #expect(first.submittedAt == "2026-03-01T07:09:52Z")
    #expect(first.personKey?.count == 64)
    let second = try #require(stored.last)
    #expect(Self.answer(second, survey, "places") == .codes([2]))
    let position = try #require(survey.position(ofQuestion: "places"))
    #expect(second.otherTexts[position] == "the laundry room")
    #expect(Self.answer(second, survey, "employed") == .code(0))
  }

  @Test func koboSplitColumnsAndMissingCodes() throws {
    let survey = try Fixtures.club()
    let scratch = try ScratchStore()
    _ = try scratch.importFile(
      Fixtures.platforms.appendingPathComponent("kobotoolbox.csv").path, survey: survey)
    let stored = try scratch.responses(survey)
    #expect(Self.answer(stored[0], survey, "places") == .codes([1, 3]))
    #expect(Self.answer(stored[0], survey, "commute") == .number(0.75))
    #expect(stored[0].submittedAt == "2026-03-01T13:10:44Z")
    #expect(Self.answer(stored[2], survey, "lonely") == .missing(.refused, code: 9))
    #expect(Self.answer(stored[2], survey, "places") == .blank)
  }

  @Test func spanishLabelsSemicolonDecimalCommaAndCodes() throws {
    let survey = try Fixtures.club()
    let scratch = try ScratchStore()
    _ = try scratch.importFile(
      Fixtures.platforms.appendingPathComponent("generic-semicolon.csv").path, survey: survey)
    let stored = try scratch.responses(survey)
    #expect(Self.answer(stored[0], survey, "commute") == .number(1.75))
    #expect(stored[0].submittedAt == "2026-03-12T10:00:00Z")
    var options = ImportOptions()
    options.timeZoneOffsetMinutes = -300
    let other = try ScratchStore()
    _ = try other.importFile(
      Fixtures.platforms.appendingPathComponent("generic-semicolon.csv").path, survey: survey,
      options: options)
    #expect(try other.responses(survey).first?.submittedAt == "2026-03-12T15:00:00Z")
  }

  @Test func privateFieldsNeverReachTheStoreInClear() throws {
    let survey = try Fixtures.club()
    let scratch = try ScratchStore()
    for file in [
      "generic.csv", "google-forms.csv", "kobotoolbox.csv", "odk-central.csv", "qualtrics.csv",
      "limesurvey.csv",
    ] {
      _ = try scratch.importFile(
        Fixtures.platforms.appendingPathComponent(file).path, survey: survey)
    }
    try scratch.store.checkpoint()
    let bytes = try #require(FileManager.default.contents(atPath: scratch.path))
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(try scratch.store.rejects().count == 5)
    for secret in [
      "ana@example.org", "Ana García", "luis@example.org", "mia@example.org", "zoe@example.org",
      "kai@example.org", "203.0.113.9", "192.0.2.44", "R_1a2B3c4D5e6F7g8", "ben@example.org",
      "Ben Okafor", "203.0.113.10",
    ] {
      #expect(!text.contains(secret), "'\(secret)' is in the store file")
    }
    #expect(try scratch.responses(survey).contains { $0.personKey != nil })
  }
}
