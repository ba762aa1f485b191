import Foundation
import SurveyCore
import SurveyIngest
import Testing

/// Qualtrics declares the time zone of its date columns in the third header row; the
/// timestamps are local times there, converted to UTC with daylight saving time.
@Suite struct QualtricsTimeZoneTests {
  /// A Qualtrics export of the club survey with the given date-column import ids and rows of
  /// (recorded date, row-2 text of EndDate).
  static func export(
    zone: String?, endDateText: String = "End Date", recorded: [String]
  ) -> String {
    let zonePart = zone.map { ",\"\"timeZone\"\":\"\"\($0)\"\"" } ?? ""
    func id(_ name: String, dated: Bool = false) -> String {
      "\"{\"\"ImportId\"\":\"\"\(name)\"\"\(dated ? zonePart : "")}\""
    }
    var text = """
      StartDate,EndDate,Status,RecordedDate,ResponseId,chapter,employed
      Start Date,\(endDateText),Response Type,Recorded Date,Response ID,Which chapter are you in?,Do you have a paid job?
      \(id("startDate", dated: true)),\(id("endDate", dated: true)),\(id("status")),\(id("recordedDate", dated: true)),\(id("_recordId")),\(id("QID1")),\(id("QID4"))

      """
    for (index, time) in recorded.enumerated() {
      text += "\(time),\(time),0,\(time),R_\(index),1,1\n"
    }
    return text
  }

  /// The diagnostics other than the list of questions the short export has no column for.
  static func notable(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    diagnostics.filter { $0.id != "ingest.questionsWithoutColumn" }
  }

  static func submitted(_ rows: [ImportedRow]) -> [String] {
    rows.map { $0.submittedAt.map(TimestampParser.iso) ?? "-" }
  }

  @Test func localTimesInTheDeclaredZoneBecomeUTCWithDaylightSavingTime() throws {
    let survey = try ClubExport.survey()
    let csv = Self.export(
      zone: "America/Denver",
      recorded: ["2026-03-06 09:12:31", "2026-07-01 09:00:00", "2026-11-01 01:30:00"])
    let (rows, diagnostics) = try ClubExport.read(csv, survey: survey)
    #expect(Self.notable(diagnostics).isEmpty, "\(diagnostics.map(\.message))")
    #expect(rows.allSatisfy { !$0.isRejected })
    // MST (UTC-7) before 8 March 2026, MDT (UTC-6) in July; 1:30 on 1 November happens twice
    // and is read as the first (daylight) one.
    #expect(
      Self.submitted(rows) == [
        "2026-03-06T16:12:31Z", "2026-07-01T15:00:00Z", "2026-11-01T07:30:00Z",
      ])
  }

  @Test func anExplicitTimeZoneWinsAndTheConflictIsSaid() throws {
    let survey = try ClubExport.survey()
    var options = ImportOptions()
    options.timeZoneOffsetMinutes = 60
    let csv = Self.export(zone: "America/Denver", recorded: ["2026-03-06 09:12:31"])
    let (rows, diagnostics) = try ClubExport.read(csv, survey: survey, options: options)
    #expect(Self.submitted(rows) == ["2026-03-06T08:12:31Z"])
    let warning = try #require(diagnostics.first { $0.id == "ingest.timeZoneOverridden" })
    #expect(warning.severity == .warning)
    #expect(warning.message.contains("America/Denver"), "\(warning.message)")
    #expect(warning.message.contains("--timezone"), "\(warning.message)")
  }

  @Test func withoutADeclaredZoneTimesAreUTC() throws {
    let survey = try ClubExport.survey()
    let csv = Self.export(zone: nil, recorded: ["2026-03-06 09:12:31"])
    let (rows, diagnostics) = try ClubExport.read(csv, survey: survey)
    #expect(Self.notable(diagnostics).isEmpty, "\(diagnostics.map(\.message))")
    #expect(Self.submitted(rows) == ["2026-03-06T09:12:31Z"])
  }

  @Test func anUnknownZoneIsSaidAndTimesAreReadAsUTC() throws {
    let survey = try ClubExport.survey()
    let csv = Self.export(zone: "Mars/Olympus_Mons", recorded: ["2026-03-06 09:12:31"])
    let (rows, diagnostics) = try ClubExport.read(csv, survey: survey)
    #expect(Self.submitted(rows) == ["2026-03-06T09:12:31Z"])
    let warning = try #require(diagnostics.first { $0.id == "ingest.unknownTimeZone" })
    #expect(warning.message.contains("Mars/Olympus_Mons"), "\(warning.message)")
  }

  @Test(arguments: ["End Date", "Enddatum", ""])
  func endDateIsMetadataWhateverItsText(_ text: String) throws {
    let survey = try ClubExport.survey()
    for zone in ["America/Denver", nil] {
      let csv = Self.export(zone: zone, endDateText: text, recorded: ["2026-03-06 09:12:31"])
      let (rows, diagnostics) = try ClubExport.read(csv, survey: survey)
      #expect(
        !diagnostics.contains { $0.id == "ingest.unknownColumn" },
        "\(diagnostics.map(\.message))")
      #expect(rows.count == 1)
    }
  }

  @Test func theFixtureHasNoUnknownColumn() throws {
    let survey = try ClubExport.survey()
    let url = try #require(Fixtures.directory("platforms")).appendingPathComponent(
      "qualtrics.csv")
    let (rows, diagnostics) = try ClubExport.read(
      Array(try Data(contentsOf: url)), survey: survey)
    #expect(!diagnostics.contains { $0.id == "ingest.unknownColumn" })
    // RecordedDate 2026-03-06 09:12:31 in America/Denver (MST).
    #expect(rows.first?.submittedAt.map(TimestampParser.iso) == "2026-03-06T16:12:31Z")
  }
}
