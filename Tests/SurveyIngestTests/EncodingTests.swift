import Foundation
import SurveyCore
import SurveyIngest
import Testing

/// Exports saved in Windows-1252 or Latin-1 (Excel's "CSV" on Windows): recognised and refused
/// with one clear message, or read with `--encoding`, line numbers unchanged.
@Suite struct EncodingTests {
  /// A Google Forms export of the club survey in Windows-1252: "Café, bar or diner" as a label,
  /// "é" and "€" in a comment, and a comment over two lines.
  static let windows1252: [UInt8] = {
    var text = "Timestamp,Which chapter are you in?,Do you have a paid job?,"
    text += "Where do you meet people?,Anything else?\r\n"
    text +=
      "2026/03/01 10:09:52 AM UTC+3,North,Yes,\"Park, Caf\u{E9}, bar or diner\",caf\u{E9} \u{20AC}5\r\n"
    text += "2026/03/01 11:09:52 AM UTC+3,South,No,Library,\"two\r\nlines\"\r\n"
    text += "2026/03/01 12:09:52 AM UTC+3,North,No,\"Caf\u{E9}, bar or diner\",\r\n"
    return text.unicodeScalars.map { scalar in
      scalar.value == 0x20AC ? 0x80 : UInt8(truncatingIfNeeded: scalar.value)
    }
  }()

  static func places(_ row: ImportedRow, _ survey: Survey) -> Answer {
    ClubExport.answer(row, survey, "places")
  }

  @Test func withoutAnEncodingTheFileIsRefusedOnceWithWhatToDo() throws {
    let survey = try ClubExport.survey()
    let (rows, diagnostics) = try ClubExport.read(
      Self.windows1252, survey: survey, name: "members.csv")
    #expect(rows.isEmpty)
    let errors = diagnostics.filter { $0.severity == .error }
    #expect(errors.count == 1, "\(diagnostics.map(\.message))")
    let error = try #require(errors.first)
    #expect(error.id == "ingest.notUTF8")
    #expect(error.message.contains("'members.csv'"), "\(error.message)")
    #expect(error.message.contains("Windows-1252"), "\(error.message)")
    #expect(error.message.contains("CSV UTF-8"), "\(error.message)")
    #expect(error.message.contains("--encoding windows-1252"), "\(error.message)")
    #expect(error.location?.line == 2)
    #expect(error.location?.column == 50)
  }

  @Test func windows1252IsReadWithTheEncodingGiven() throws {
    let survey = try ClubExport.survey()
    var options = ImportOptions()
    options.encoding = .windows1252
    let (rows, diagnostics) = try ClubExport.read(
      Self.windows1252, survey: survey, options: options)
    #expect(!diagnostics.hasErrors, "\(diagnostics.map(\.message))")
    #expect(rows.map(\.line) == [2, 3, 5])
    #expect(rows.allSatisfy { !$0.isRejected }, "\(rows.map { $0.problems.map(\.message) })")
    #expect(Self.places(rows[0], survey) == .codes([1, 3]))
    #expect(ClubExport.answer(rows[0], survey, "comment") == .text("café €5"))
    #expect(ClubExport.answer(rows[1], survey, "comment") == .text("two\r\nlines"))
    #expect(Self.places(rows[2], survey) == .codes([3]))
  }

  @Test func latin1MapsEveryByteToTheSameCodePoint() throws {
    let survey = try ClubExport.survey()
    var options = ImportOptions()
    options.encoding = .latin1
    let (rows, _) = try ClubExport.read(Self.windows1252, survey: survey, options: options)
    #expect(ClubExport.answer(rows[0], survey, "comment") == .text("café \u{80}5"))
  }

  @Test func aUTF8FileReadAsWindows1252IsRefused() throws {
    let survey = try ClubExport.survey()
    var options = ImportOptions()
    options.encoding = .windows1252
    let text =
      "Timestamp,Which chapter are you in?,Anything else?\n2026/03/01 10:09:52 AM UTC+3,North,café\n"
    let (_, diagnostics) = try ClubExport.read(Array(text.utf8), survey: survey, options: options)
    let error = try #require(diagnostics.first { $0.severity == .error })
    #expect(error.id == "ingest.alreadyUTF8")
    #expect(error.message.contains("without --encoding"), "\(error.message)")
  }

  @Test func aStrayByteInAUTF8FileRejectsItsRowAndSaysWhatToDo() throws {
    let survey = try ClubExport.survey()
    var bytes = Array(
      "respondent_id,chapter,employed,comment\nr1,north,yes,café\nr2,north,yes,caf".utf8)
    bytes += [0xE9] + Array("\n".utf8)
    let (rows, diagnostics) = try ClubExport.read(bytes, survey: survey)
    #expect(!diagnostics.hasErrors, "\(diagnostics.map(\.message))")
    #expect(rows.count == 2)
    #expect(!rows[0].isRejected)
    let problem = try #require(rows[1].problems.first)
    #expect(problem.id == "csv.invalidUTF8")
    #expect(problem.message.contains("--encoding"), "\(problem.message)")
    #expect(problem.location?.line == 3)
    #expect(problem.location?.column == 17)
    #expect(problem.diagnostic.location?.column == 17)
  }

  @Test func theTranscodedCopyIsRemovedAtOnce() throws {
    let directory = try TemporaryDirectory()
    let scratch = try TemporaryDirectory()
    let path = try directory.write("members.csv", Self.windows1252)
    let input = try ExportInput(
      path: path, encoding: .windows1252, temporaryDirectory: scratch.path)
    #expect(input.diagnostics.isEmpty)
    #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty)
    var lines = 0
    while try input.reader.nextRecord() { lines += 1 }
    #expect(lines == 4)
  }

  @Test func utf16AndBinaryFilesAreLeftToTheCSVReader() throws {
    let survey = try ClubExport.survey()
    let utf16: [UInt8] = [0xFF, 0xFE] + Array("a,b\n".utf8).flatMap { [$0, 0] }
    let (_, diagnostics) = try ClubExport.read(utf16, survey: survey)
    #expect(diagnostics.map(\.id) == ["csv.utf16Encoding"])
    let binary: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0xE9, 0x8F, 0xFF]
    let (_, other) = try ClubExport.read(binary, survey: survey)
    #expect(other.map(\.id) == ["csv.notText"])
  }

  @Test func oneStrayByteOnOneLineRejectsOnlyItsRow() throws {
    let survey = try ClubExport.survey()
    var bytes = Array(
      "respondent_id,chapter,employed,comment\nr1,north,yes,fine\nr2,north,yes,x".utf8)
    bytes += [0xFF, 0xFE] + Array("\n".utf8)
    let (rows, diagnostics) = try ClubExport.read(bytes, survey: survey)
    #expect(!diagnostics.hasErrors, "\(diagnostics.map(\.message))")
    #expect(rows.map(\.isRejected) == [false, true])
  }
}
