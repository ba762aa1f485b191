import Foundation
import SurveyCore
import SurveyIngest
import Testing

/// Several answers in one cell: labels (in any language), names and codes are matched whole in
/// every platform's shape, joined by `;`, `,`, `|` or spaces.
@Suite struct MultipleAnswerTests {
  static let heardSurvey = """
    survey heard "How people heard of us"
      version 1
      languages en "English", es "Español"

    choices sources
      1 meetup "Meetup" es "Reunión"
      2 mouth "Word of mouth" es "Boca a boca"
      3 flyer "Flyer" es "Folleto"
      10 radio_show "Radio show, local" es "Programa de radio"

    question heard "How did you hear about us?"
      es "¿Cómo supo de nosotros?"
      multiple sources

    """

  struct Case: Sendable, CustomTestStringConvertible {
    var platform: Platform
    var cell: String
    var expected: [Int]
    var testDescription: String { "\(platform.rawValue): \(cell)" }
  }

  /// The export of one response in a platform's shape, with `cell` as the answer to `question`
  /// (and, for the club survey, its two required answers).
  static func export(
    _ platform: Platform, question: String, cell: String, club: Bool = false
  ) -> String {
    func quoted(_ text: String) -> String {
      "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
    let headers = (club ? ["chapter", "employed"] : []) + [question]
    let values = (club ? ["north", "yes"] : []) + [cell]
    let header = headers.map(quoted)
    let row = values.map(quoted)
    switch platform {
    case .generic:
      return (["respondent_id"] + header).joined(separator: ",") + "\n"
        + (["r1"] + row).joined(separator: ",") + "\n"
    case .kobo:
      return (header + [quoted("_id")]).joined(separator: ";") + "\n"
        + (row + [quoted("1")]).joined(separator: ";") + "\n"
    case .odk:
      return (header + ["KEY"]).joined(separator: ",") + "\n"
        + (row + ["uuid:1"]).joined(separator: ",") + "\n"
    case .qualtrics:
      let ids = headers.indices.map { quoted("{\"ImportId\":\"QID\($0 + 1)\"}") }
      return (["ResponseId"] + header).joined(separator: ",") + "\n"
        + (["Response ID"] + headers.map { _ in "Question" }).joined(separator: ",") + "\n"
        + ([quoted("{\"ImportId\":\"_recordId\"}")] + ids).joined(separator: ",") + "\n"
        + (["R_1"] + row).joined(separator: ",") + "\n"
    case .limeSurvey:
      return "\u{FEFF}" + ([quoted("id")] + header).joined(separator: ",") + "\r\n"
        + ([quoted("1")] + row).joined(separator: ",") + "\r\n"
    case .googleForms:
      return (["Timestamp"] + header).joined(separator: ",") + "\n"
        + (["2026/03/01 10:09:52 AM UTC+3"] + row).joined(separator: ",") + "\n"
    case .surveyMonkey:
      return ""
    }
  }

  static let platforms: [Platform] = [.generic, .kobo, .odk, .qualtrics, .limeSurvey]

  static let heardCases: [Case] = platforms.flatMap { platform in
    [
      Case(platform: platform, cell: "Meetup,Word of mouth", expected: [1, 2]),
      Case(platform: platform, cell: "Word of mouth, Meetup", expected: [2, 1]),
      Case(platform: platform, cell: "Word of mouth;Flyer", expected: [2, 3]),
      Case(platform: platform, cell: "Word of mouth Flyer", expected: [2, 3]),
      Case(platform: platform, cell: "meetup mouth", expected: [1, 2]),
      Case(platform: platform, cell: "meetup|radio_show", expected: [1, 10]),
      Case(platform: platform, cell: "1 2 10", expected: [1, 2, 10]),
      Case(platform: platform, cell: "10,1", expected: [10, 1]),
      Case(platform: platform, cell: "Radio show, local,Meetup", expected: [10, 1]),
      Case(platform: platform, cell: "Boca a boca, Programa de radio", expected: [2, 10]),
      Case(platform: platform, cell: "WORD OF  MOUTH;", expected: [2]),
    ]
  }

  @Test(arguments: heardCases)
  func labelsNamesAndCodesAreMatchedWhole(_ testCase: Case) throws {
    let survey = try ClubExport.compile(Self.heardSurvey)
    let options = ImportOptions(platform: testCase.platform, chapter: "north")
    let (rows, diagnostics) = try ClubExport.read(
      Self.export(testCase.platform, question: "heard", cell: testCase.cell), survey: survey,
      options: options)
    #expect(!diagnostics.hasErrors, "\(diagnostics.map(\.message))")
    let row = try #require(rows.first)
    #expect(!row.isRejected, "\(row.problems.map(\.message))")
    #expect(ClubExport.answer(row, survey, "heard") == .codes(testCase.expected))
  }

  static let placesCases: [Case] = platforms.flatMap { platform in
    [
      Case(platform: platform, cell: "Café, bar or diner,Park", expected: [3, 1]),
      Case(platform: platform, cell: "Park;Café, bar or diner", expected: [1, 3]),
      Case(platform: platform, cell: "Park, Café, bar or diner", expected: [1, 3]),
      Case(platform: platform, cell: "park cafe", expected: [1, 3]),
      Case(platform: platform, cell: "Café, bar o restaurante, Biblioteca", expected: [3, 2]),
      Case(platform: platform, cell: "3,1", expected: [3, 1]),
    ]
  }

  @Test(arguments: placesCases)
  func aLabelWithACommaIsOneAnswer(_ testCase: Case) throws {
    let survey = try ClubExport.survey()
    let options = ImportOptions(platform: testCase.platform)
    let (rows, diagnostics) = try ClubExport.read(
      Self.export(testCase.platform, question: "places", cell: testCase.cell, club: true),
      survey: survey, options: options)
    #expect(!diagnostics.hasErrors, "\(diagnostics.map(\.message))")
    let row = try #require(rows.first)
    #expect(!row.isRejected, "\(row.problems.map(\.message))")
    #expect(ClubExport.answer(row, survey, "places") == .codes(testCase.expected))
  }

  @Test(arguments: platforms)
  func anUnknownAnswerIsNamedAlone(_ platform: Platform) throws {
    let survey = try ClubExport.compile(Self.heardSurvey)
    let options = ImportOptions(platform: platform, chapter: "north")
    let (rows, _) = try ClubExport.read(
      Self.export(platform, question: "heard", cell: "Word of mouth,Radio,Meetup"), survey: survey,
      options: options)
    let row = try #require(rows.first)
    let problem = try #require(row.problems.first)
    #expect(problem.id == "ingest.unknownAnswer")
    #expect(problem.message.hasPrefix("'Radio' is not an answer of 'heard'"), "\(problem.message)")
  }

  @Test func googleFormsKeepsTheRestAsTheOtherAnswer() throws {
    let survey = try ClubExport.survey()
    let options = ImportOptions(platform: .googleForms)
    let cells: [(String, [Int], String?)] = [
      ("Park, Café, bar or diner", [1, 3], nil),
      ("Library, the laundry room", [2], "the laundry room"),
      ("Library bench", [], "Library bench"),
      ("Park, Other: a  bench ", [1], "a  bench "),
    ]
    for (cell, codes, other) in cells {
      let (rows, _) = try ClubExport.read(
        Self.export(
          .googleForms, question: "Where do you meet people?", cell: cell, club: true),
        survey: survey, options: options)
      let row = try #require(rows.first)
      #expect(!row.isRejected, "\(cell): \(row.problems.map(\.message))")
      #expect(ClubExport.answer(row, survey, "places") == (codes.isEmpty ? .blank : .codes(codes)))
      #expect(ClubExport.other(row, survey, "places") == other, "\(cell)")
    }
  }
}
