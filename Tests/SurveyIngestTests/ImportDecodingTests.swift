import Foundation
import SurveyCore
import SurveyDSL
import SurveyIngest
import Testing

/// Reads small exports of the club survey (Fixtures/platforms/club.survey) row by row.
enum ClubExport {
  static func survey() throws -> Survey {
    let url = try #require(Fixtures.directory("platforms")).appendingPathComponent("club.survey")
    return try compile(String(contentsOf: url, encoding: .utf8))
  }

  static func compile(_ text: String) throws -> Survey {
    let compiled = SurveyCompiler.compile(text: text)
    return try #require(compiled.survey, "\(DiagnosticRenderer().render(compiled.diagnostics))")
  }

  /// The rows of an export, and the reader's file diagnostics.
  static func read(
    _ bytes: [UInt8], survey: Survey, options: ImportOptions = ImportOptions(),
    name: String = "export.csv"
  ) throws -> (rows: [ImportedRow], diagnostics: [Diagnostic]) {
    let directory = try TemporaryDirectory()
    let path = try directory.write(name, bytes)
    let reader = try ResponseReader(path: path, survey: survey, options: options)
    var rows: [ImportedRow] = []
    while let row = try reader.next() { rows.append(row) }
    return (rows, reader.fileDiagnostics)
  }

  static func read(
    _ text: String, survey: Survey, options: ImportOptions = ImportOptions()
  ) throws -> (rows: [ImportedRow], diagnostics: [Diagnostic]) {
    try read(Array(text.utf8), survey: survey, options: options)
  }

  static func answer(_ row: ImportedRow, _ survey: Survey, _ id: String) -> Answer {
    survey.position(ofQuestion: id).map { row.answers[$0] } ?? .blank
  }

  static func other(_ row: ImportedRow, _ survey: Survey, _ id: String) -> String? {
    survey.position(ofQuestion: id).flatMap { row.otherTexts[$0] }
  }
}

/// Free text is kept exactly as written.
@Suite struct FreeTextTests {
  @Test func textAndOtherAnswersKeepTheirSpaces() throws {
    let survey = try ClubExport.survey()
    let csv = """
      respondent_id,chapter,employed,places,places_other,comment
      a1,north,yes,park,"  a bench  ","  two  spaces\tand a tab "
      a2,north,yes,park,"   ","\t "

      """
    let (rows, _) = try ClubExport.read(csv, survey: survey)
    #expect(rows.count == 2)
    #expect(!rows[0].isRejected, "\(rows[0].problems.map(\.message))")
    #expect(ClubExport.answer(rows[0], survey, "comment") == .text("  two  spaces\tand a tab "))
    #expect(ClubExport.other(rows[0], survey, "places") == "  a bench  ")
    // A cell of white space only is no answer.
    #expect(ClubExport.answer(rows[1], survey, "comment") == .blank)
    #expect(ClubExport.other(rows[1], survey, "places") == nil)
  }

  @Test func codesNumbersAndLabelsAreStillMatchedAfterTrimming() throws {
    let survey = try ClubExport.survey()
    let csv = """
      respondent_id,chapter,employed,hours,lonely,places,joined
      a1, north , yes , 30 , Often , park ; library , 2020-01-02 

      """
    let (rows, _) = try ClubExport.read(csv, survey: survey)
    let row = try #require(rows.first)
    #expect(!row.isRejected, "\(row.problems.map(\.message))")
    #expect(row.chapter == "north")
    #expect(ClubExport.answer(row, survey, "hours") == .number(30))
    #expect(ClubExport.answer(row, survey, "lonely") == .code(3))
    #expect(ClubExport.answer(row, survey, "places") == .codes([1, 2]))
  }
}
