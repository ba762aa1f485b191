import Foundation
import SurveyStore
import Testing

/// Issue 12, "Nothing lost, ever": every data row of a file is stored, already present by the
/// written-down identity, or rejected and kept; never silently dropped.
@Suite("nothing lost")
struct NothingLostTests {
  static let survey = ImportCommandTests.survey
  static let header =
    "respondent_id,submitted_at,chapter,email,employed,hours,lonely,places,places_other,"
    + "trust_people,trust_neighbours,commute,joined,comment\n"

  static func row(_ id: String, lonely: String = "often", chapter: String = "north") -> String {
    "\(id),2026-03-11T10:00:00Z,\(chapter),,yes,30,\(lonely),park,,agree,neutral,0.4,2013-03-03,\n"
  }

  static func responses(_ store: String) throws -> Int {
    try ResponseStore(path: store, readOnly: true).responseCount()
  }

  @Test("six identical paper questionnaires typed into the template stay six")
  func identicalRowsWithoutIDs() throws {
    let directory = try TemporaryDirectory()
    let template = directory.path + "/template.csv"
    #expect(Run(["export", "template", Self.survey, "-o", template]).status == 0)
    let header = try String(contentsOfFile: template, encoding: .utf8)
    let cells = header.split(separator: "\n")[0].split(
      separator: ",", omittingEmptySubsequences: false)
    // Every questionnaire: chapter north, employed yes, 30 hours, the rest blank.
    let answer = cells.map { name -> String in
      switch name {
      case "chapter": "north"
      case "employed": "yes"
      case "hours": "30"
      default: ""
      }
    }.joined(separator: ",")
    let six = try directory.write("six.csv", header + String(repeating: answer + "\n", count: 6))
    let store = directory.path + "/s.db"
    let first = Run(["import", "--survey", Self.survey, "--store", store, six])
    #expect(first.status == 0, "\(first.err)")
    #expect(
      first.out.contains("6 rows): 6 accepted, 0 already present, 0 rejected"), "\(first.out)")
    let again = Run(["import", "--survey", Self.survey, "--store", store, six])
    #expect(
      again.out.contains("6 rows): 0 accepted, 6 already present, 0 rejected"), "\(again.out)")
    let seven = try directory.write(
      "seven.csv", header + String(repeating: answer + "\n", count: 7))
    let grown = Run(["import", "--survey", Self.survey, "--store", store, seven])
    #expect(
      grown.out.contains("7 rows): 1 accepted, 6 already present, 0 rejected"), "\(grown.out)")
    #expect(try Self.responses(store) == 7)
  }

  @Test("a person's id repeated in every wave of a generic file is one response per wave")
  func personIDAcrossWaves() throws {
    let directory = try TemporaryDirectory()
    var text = "respondent_id,wave,chapter,employed,hours,lonely\n"
    for wave in 1...3 {
      for person in 1...5 { text += "p\(person),\(wave),north,yes,\(20 + wave),often\n" }
    }
    let csv = try directory.write("panel.csv", text)
    let store = directory.path + "/s.db"
    let run = Run(["import", "--survey", Self.survey, "--store", store, csv])
    #expect(run.status == 0, "\(run.err)")
    #expect(run.out.contains("15 rows): 15 accepted, 0 already present, 0 rejected"), "\(run.out)")
    #expect(try Self.responses(store) == 15)
  }

  @Test(
    "a later wave whose platform ids repeat those of an earlier wave is stored",
    arguments: ["limesurvey", "qualtrics", "surveymonkey", "kobotoolbox", "odk-central"])
  func idsRepeatedInALaterWave(_ platform: String) throws {
    let directory = try TemporaryDirectory()
    let csv = directory.path + "/\(platform).csv"
    let simulated = Run([
      "simulate", Self.survey, "--as", platform, "-o", csv, "--respondents", "40", "--chapters",
      "2", "--seed", "4",
    ])
    #expect(simulated.status == 0, "\(simulated.err)")
    let store = directory.path + "/s.db"
    let wave1 = Run(["import", "--survey", Self.survey, "--store", store, "--wave", "1", csv])
    let accepted = wave1.out.split(separator: ":").last.map(String.init) ?? ""
    #expect(wave1.out.contains("0 already present"), "\(wave1.out)")
    // The same ids fielded again as wave 2 (a new survey on the platform restarts its ids).
    let wave2 = Run(["import", "--survey", Self.survey, "--store", store, "--wave", "2", csv])
    #expect(wave2.out.split(separator: ":").last.map(String.init) == accepted, "\(wave2.out)")
    #expect(wave2.out.contains("0 already present"), "\(wave2.out)")
    let again = Run(["import", "--survey", Self.survey, "--store", store, "--wave", "2", csv])
    #expect(again.out.contains(" 0 accepted"), "\(again.out)")
    let stored = try Self.responses(store)
    #expect(stored % 2 == 0 && stored > 0)
  }

  @Test("an id that comes back with other answers is rejected and kept, or replaced when asked")
  func changedAnswers() throws {
    let directory = try TemporaryDirectory()
    let store = directory.path + "/s.db"
    let first = try directory.write("a.csv", Self.header + Self.row("r1") + Self.row("r2"))
    #expect(Run(["import", "--survey", Self.survey, "--store", store, first]).status == 0)
    let edited = try directory.write(
      "b.csv", Self.header + Self.row("r1", lonely: "never") + Self.row("r2"))
    let rejected = Run(["import", "--survey", Self.survey, "--store", store, edited])
    #expect(rejected.status == 3)
    #expect(rejected.out.contains("2 rows): 0 accepted, 1 already present, 1 rejected"))
    #expect(rejected.out.contains("--replace-changed"))
    #expect(
      rejected.err.contains(
        "b.csv:2:1: error: this response's id was imported before (a.csv line 2)"))
    #expect(Run(["rejects", "--store", store]).out.contains("b.csv line 2:"))
    let replaced = Run([
      "import", "--survey", Self.survey, "--store", store, "--replace-changed", edited,
    ])
    #expect(replaced.status == 0, "\(replaced.err)")
    #expect(replaced.out.contains("1 stored as new versions of changed responses"))
    #expect(try Self.responses(store) == 2)
    #expect(Run(["rejects", "--store", store]).out.contains("No rejected rows waiting"))
    // Reports and exports use the newest version; the store keeps both.
    let export = directory.path + "/data.csv"
    #expect(
      Run(["export", "data", "--survey", Self.survey, "--store", store, "-o", export]).status == 0)
    let data = try String(contentsOfFile: export, encoding: .utf8)
    #expect(data.split(separator: "\n").count == 3)
  }

  @Test("a corrected row without an id resolves its rejection")
  func correctedGenericRowResolves() throws {
    let directory = try TemporaryDirectory()
    let store = directory.path + "/s.db"
    let bad = Self.row("", lonely: "sometimes").replacingOccurrences(of: "park", with: "beach")
    let csv = try directory.write("x.csv", Self.header + Self.row("") + bad)
    let run = Run(["import", "--survey", Self.survey, "--store", store, csv])
    #expect(run.status == 3)
    let fix = directory.path + "/fix.csv"
    #expect(Run(["rejects", "--store", store, "--csv", fix]).status == 0)
    let written = try String(contentsOfFile: fix, encoding: .utf8)
    #expect(written.hasPrefix(Self.header.dropLast() + ",survey_reject\n"))
    try written.replacingOccurrences(of: "beach", with: "library").write(
      toFile: fix, atomically: true, encoding: .utf8)
    let fixed = Run(["import", "--survey", Self.survey, "--store", store, fix])
    #expect(fixed.status == 0, "\(fixed.err)")
    #expect(Run(["rejects", "--store", store]).out.contains("No rejected rows waiting"))
    #expect(Run(["store", "--store", store]).out.contains("Rejected rows waiting to be fixed: 0"))
  }

  @Test("a corrected row rejected again takes the place of its rejection")
  func correctedRowRejectedAgain() throws {
    let directory = try TemporaryDirectory()
    let store = directory.path + "/s.db"
    let bad = Self.row("").replacingOccurrences(of: "park", with: "beach")
    let csv = try directory.write("x.csv", Self.header + bad)
    #expect(Run(["import", "--survey", Self.survey, "--store", store, csv]).status == 3)
    let fix = directory.path + "/fix.csv"
    #expect(Run(["rejects", "--store", store, "--csv", fix]).status == 0)
    let written = try String(contentsOfFile: fix, encoding: .utf8)
    try written.replacingOccurrences(of: "beach", with: "pier").write(
      toFile: fix, atomically: true, encoding: .utf8)
    #expect(Run(["import", "--survey", Self.survey, "--store", store, fix]).status == 3)
    let listing = Run(["rejects", "--store", store]).out
    let files = listing.split(separator: "\n").filter { $0.hasSuffix(":") && !$0.hasPrefix(" ") }
    #expect(files == ["fix.csv line 2:"], "\(listing)")
    #expect(listing.contains("1 rejected row\n"))
    // Written out again, the column is reused, not added twice.
    let again = directory.path + "/again.csv"
    #expect(Run(["rejects", "--store", store, "--csv", again]).status == 0)
    let text = try String(contentsOfFile: again, encoding: .utf8)
    #expect(text.components(separatedBy: "survey_reject").count == 2)
  }

  @Test("rows of empty cells, as Excel writes them, are skipped and counted")
  func commaOnlyRows() throws {
    let directory = try TemporaryDirectory()
    let store = directory.path + "/s.db"
    let empty = String(repeating: ",", count: 13) + "\n"
    let csv = try directory.write("x.csv", Self.header + Self.row("r1") + empty + empty + "\n")
    let run = Run(["import", "--survey", Self.survey, "--store", store, csv])
    #expect(run.status == 0, "\(run.err)")
    #expect(
      run.out.contains("1 rows): 1 accepted, 0 already present, 0 rejected; 2 empty rows skipped"))
    #expect(!run.err.contains("requiredMissing"))
    #expect(try Self.responses(store) == 1)
  }

  @Test("a platform given with --from is checked against the header")
  func wrongPlatform() throws {
    let directory = try TemporaryDirectory()
    let store = directory.path + "/s.db"
    let lime = ImportCommandTests.fixtures.appendingPathComponent("limesurvey.csv").path
    let run = Run([
      "import", "--survey", Self.survey, "--store", store, "--from", "qualtrics", lime,
    ])
    #expect(run.status == 1)
    #expect(
      run.err.contains("is not a Qualtrics export: its header is that of a LimeSurvey export"))
    #expect(run.err.contains("use --from limesurvey"))
    let stored = FileManager.default.fileExists(atPath: store) ? try Self.responses(store) : 0
    #expect(stored == 0)
    let generic = try directory.write("g.csv", Self.header + Self.row("r1") + Self.row("r2"))
    for platform in ["qualtrics", "surveymonkey"] {
      let forced = Run([
        "import", "--survey", Self.survey, "--store", store, "--from", platform, generic,
      ])
      #expect(forced.status == 1, "\(platform)")
      #expect(forced.err.contains("[ingest.wrongPlatform]"), "\(platform): \(forced.err)")
    }
  }

  @Test("a record over the size limit is one rejected row, in its place, wherever it is")
  func oversizedRecords() throws {
    let directory = try TemporaryDirectory()
    let huge =
      "rb,2026-03-11T10:00:00Z,north,,yes,30,often,park,,agree,neutral,0.4,2013-03-03,\""
      + String(repeating: "a", count: 17 << 20) + "\"\n"
    let middle = try directory.write(
      "middle.csv", Self.header + Self.row("r1") + huge + Self.row("r2") + Self.row("r3"))
    let store = directory.path + "/s.db"
    let run = Run(["import", "--survey", Self.survey, "--store", store, middle])
    #expect(run.status == 3)
    #expect(run.out.contains("4 rows): 3 accepted, 0 already present, 1 rejected"), "\(run.out)")
    #expect(run.err.contains("middle.csv:3:1: error: record starting at line 3 exceeds"))
    let end = try directory.write("end.csv", Self.header + Self.row("r4") + String(huge.dropLast()))
    let atEnd = Run(["import", "--survey", Self.survey, "--store", store, end])
    #expect(atEnd.status == 3)
    #expect(
      atEnd.out.contains("2 rows): 1 accepted, 0 already present, 1 rejected"), "\(atEnd.out)")
    let rejects = Run(["rejects", "--store", store, "--csv", directory.path + "/fix.csv"])
    #expect(rejects.out.contains("middle.csv line 3: too large to read"))
    #expect(rejects.out.contains("end.csv line 3: too large to read"))
    let header = try directory.write(
      "header.csv",
      String(Self.header.dropLast()) + ",\"" + String(repeating: "x", count: 17 << 20) + "\"\n"
        + Self.row("r5"))
    let broken = Run(["import", "--survey", Self.survey, "--store", store, header])
    #expect(broken.status == 1)
    #expect(
      broken.err.contains("header.csv:1:1: error: the header of"), "\(broken.err.prefix(300))")
    #expect(try Self.responses(store) == 4)
  }

  @Test("a report from a CSV with an oversized record says so, and any thread count agrees")
  func oversizedRecordInParallelReport() throws {
    let directory = try TemporaryDirectory()
    var text = Self.header
    for index in 0..<30_000 {
      text += Self.row("r\(index)", chapter: index % 3 == 0 ? "south" : "north")
      if index == 20_000 {
        text +=
          "rb,2026-03-11T10:00:00Z,north,,yes,30,often,park,,agree,neutral,0.4,2013-03-03,\""
          + String(repeating: "a", count: 17 << 20) + "\"\n"
      }
    }
    let csv = try directory.write("big.csv", text)
    var outputs: [String] = []
    for threads in ["1", "2", "4"] {
      let run = Run([
        "report", "--survey", Self.survey, "--format", "json", "--threads", threads, csv,
      ])
      #expect(run.status == 0, "\(run.err.prefix(300))")
      #expect(
        run.err.contains("big.csv:20003:1: error: record starting at line 20003"), "\(threads)")
      #expect(run.err.contains("1 row was rejected") || run.err.contains("1 rows were rejected"))
      outputs.append(run.out)
    }
    #expect(outputs[0] == outputs[1] && outputs[1] == outputs[2])
  }
}
