import Foundation
import Testing

/// Escape sequences and bidirectional overrides in CSV cells, CSV headers, file names and survey
/// files never reach the terminal: every command prints them as U+FFFD, with or without colour.
@Suite("terminal escapes")
struct TerminalEscapeTests {
  static let survey = ImportCommandTests.survey
  /// An OSC sequence that sets the window title, one that clears the screen, a right-to-left
  /// override and a carriage return that would let the rest of a line overwrite its start.
  static let title = "\u{1B}]0;owned\u{07}"
  static let clear = "\u{1B}[2J"
  static let override = "\u{202E}"
  static let hostile = title + clear + override + "\r"

  static let header =
    "respondent_id,submitted_at,chapter,email,employed,hours,lonely,places,places_other,"
    + "trust_people,trust_neighbours,commute,joined,comment"

  /// What no output may hold: ESC, BEL, CR and U+202E.
  static func unsafe(_ text: String) -> [String] {
    var found: [String] = []
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x1B: found.append("ESC")
      case 0x07: found.append("BEL")
      case 0x0D: found.append("CR")
      case 0x202E: found.append("U+202E")
      default: continue
      }
    }
    return found
  }

  /// The text without the tool's own colour codes (`ESC [ digits and semicolons m`).
  static func withoutColourCodes(_ text: String) -> String {
    text.replacingOccurrences(
      of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
  }

  static func expectInert(_ run: Run, colour: Bool, _ what: String) {
    for (name, text) in [("stdout", run.out), ("stderr", run.err)] {
      let shown = colour ? withoutColourCodes(text) : text
      let found = unsafe(shown)
      #expect(found.isEmpty, "\(what) \(name): \(found) in \(shown.debugDescription.prefix(2000))")
    }
  }

  /// A CSV with the sequences in a header cell, in cells that are rejected (and so quoted in
  /// messages and excerpts) and in a text answer, under a file name that holds them too.
  static func writeExport(_ directory: TemporaryDirectory) throws -> String {
    // Quoted, so that the CR is part of the cell rather than a line break.
    let csv =
      header + ",\"extra\(hostile)\"\n"
      + "r1,2026-03-11T10:00:00Z,north,,yes,\"4\(hostile)0\",\"\(hostile)often\",park,,agree,"
      + "agree,,,\"\(hostile)hi\",x\n"
      + "r2,2026-03-11T10:00:00Z,south,,no,,never,park,,agree,agree,,,\"\(hostile)\",x\n"
    return try directory.write("in" + hostile + "put.csv", csv)
  }

  @Test("import, rejects and store print no escape sequence", arguments: [false, true])
  func importRejectsStore(colour: Bool) throws {
    let directory = try TemporaryDirectory()
    let csv = try Self.writeExport(directory)
    let store = directory.path + "/s.db"
    let colourFlag = ["--color", colour ? "always" : "never"]
    let imported = Run(colourFlag + ["import", "--survey", Self.survey, "--store", store, csv])
    #expect(imported.status == 3, "\(imported.err)")
    #expect(imported.err.contains("[ingest.unknownAnswer]"), "\(imported.err)")
    #expect(imported.err.contains("[ingest.unknownColumn]"), "\(imported.err)")
    #expect(imported.err.contains("\u{FFFD}]0;owned\u{FFFD}"), "\(imported.err)")
    if colour { #expect(imported.err.contains("\u{1B}[1;31merror:")) }
    Self.expectInert(imported, colour: colour, "import")

    let rejects = Run(colourFlag + ["rejects", "--store", store])
    #expect(rejects.status == 0, "\(rejects.err)")
    #expect(rejects.out.contains("1 rejected row"), "\(rejects.out)")
    Self.expectInert(rejects, colour: colour, "rejects")

    let listing = Run(colourFlag + ["store", "--store", store])
    #expect(listing.status == 0, "\(listing.err)")
    #expect(listing.out.contains("put.csv"), "\(listing.out)")
    Self.expectInert(listing, colour: colour, "store")
  }

  @Test("a chapter name given on the command line is shown inert by 'survey store'")
  func chapterNames() throws {
    let directory = try TemporaryDirectory()
    let survey = try directory.write("t.survey", goodSurvey)
    let csv = try directory.write("a.csv", "respondent_id,a\nr1,3\n")
    let store = directory.path + "/s.db"
    let imported = Run([
      "import", "--survey", survey, "--store", store, "--chapter", "c" + Self.hostile, "--wave",
      "1", csv,
    ])
    #expect(imported.status == 0, "\(imported.err)")
    let listing = Run(["store", "--store", store])
    #expect(listing.out.contains("c\u{FFFD}]0;owned"), "\(listing.out)")
    Self.expectInert(listing, colour: false, "store")
  }

  @Test("check prints survey lines, names and file names inert", arguments: [false, true])
  func check(colour: Bool) throws {
    let directory = try TemporaryDirectory()
    let text = """
      survey t "T\(Self.title)"
        version 1

      question a "A?\(Self.clear)"
        integer 0..10
        requird \(Self.override)x \(Self.clear)

      question b\(Self.title) "B"
        text

      """
    let path = try directory.write("s" + Self.hostile + ".survey", text)
    let run = Run(["--color", colour ? "always" : "never", "check", path])
    #expect(run.status == 1)
    #expect(run.err.contains("[dsl.unknownAttribute]"), "\(run.err)")
    #expect(run.err.contains("requird \u{FFFD}x \u{FFFD}[2J"), "\(run.err)")
    if colour { #expect(run.err.contains("\u{1B}[1;31merror:")) }
    Self.expectInert(run, colour: colour, "check")
  }

  @Test("documents on standard output are exact, and inert on a terminal")
  func documents() throws {
    let directory = try TemporaryDirectory()
    let text = """
      survey t "T\(Self.override)\(Self.clear)"
        version 1

      question a "A?\(Self.override)"
        integer 0..10

      """
    let path = try directory.write("doc.survey", text)
    let piped = Run(["fmt", path])
    #expect(piped.status == 0, "\(piped.err)")
    #expect(piped.out == text)
    let described = Run(["describe", "--format", "json", path])
    #expect(described.out.contains("A?\(Self.override)"))
    for arguments in [["fmt", path], ["describe", "--format", "json", path]] {
      let shown = Run(arguments, terminal: true)
      #expect(shown.status == 0, "\(shown.err)")
      #expect(shown.out.contains("A?\u{FFFD}"), "\(shown.out)")
      Self.expectInert(shown, colour: false, arguments.joined(separator: " "))
    }
    // Simulated answers written to a terminal: Google Forms headers are the question texts,
    // with CR LF line breaks.
    let simulated = Run(
      ["simulate", path, "-n", "3", "--chapters", "1", "--as", "google-forms", "-o", "-"],
      terminal: true)
    #expect(simulated.status == 0, "\(simulated.err)")
    #expect(simulated.out.contains("A?\u{FFFD}"), "\(simulated.out)")
    Self.expectInert(simulated, colour: false, "simulate")
  }
}
