import Foundation
import SurveyStore
import Testing

/// Killing an import at any moment loses nothing that was committed and leaves no half import;
/// two imports at once do not corrupt the store.
@Suite("crash safety", .serialized)
struct CrashSafetyTests {
  static let survey = ReportCommandTests.survey

  /// An export of the club survey with `rows` answers.
  static func export(_ directory: TemporaryDirectory, rows: Int, seed: Int = 5) -> String {
    let csv = directory.path + "/export-\(rows)-\(seed).csv"
    let run = Run([
      "simulate", survey, "-o", csv, "--respondents", String(rows), "--chapters", "2", "--waves",
      "1",
      "--seed", String(seed),
    ])
    #expect(run.status == 0)
    return csv
  }

  static func count(_ store: String) throws -> (responses: Int, imports: Int, integrity: Bool) {
    // Read-write, so that SQLite can roll back what a killed writer left in the WAL.
    let opened = try ResponseStore(path: store)
    return (
      try opened.responseCount(), try opened.imports().count, try opened.integrityCheck() == ["ok"]
    )
  }

  /// What crash safety means, whenever the kill landed: the store holds no import or the whole
  /// import, never part of one; then a re-run leaves it holding the whole file exactly once.
  static func expectAllOrNothing(_ store: String, csv: String, rows: Int, _ attempt: String) throws
  {
    var importsBefore = 0
    if FileManager.default.fileExists(atPath: store) {
      let (responses, imports, integrity) = try count(store)
      #expect(integrity, "\(attempt): integrity check failed")
      #expect(
        responses == 0 || responses == rows, "\(attempt): a partial import of \(responses) rows")
      #expect(imports == (responses == 0 ? 0 : 1), "\(attempt): \(imports) imports")
      importsBefore = imports
    }
    let status = try Executable.run([
      "import", "--survey", survey, "--store", store, "--wave", "1", csv,
    ])
    #expect(status == 0, "\(attempt): the re-run failed")
    let (responses, imports, integrity) = try count(store)
    // A re-run after a completed import records one more import that adds nothing.
    #expect(
      integrity && responses == rows && imports == importsBefore + 1,
      "\(attempt): \(responses) rows, \(imports) imports after \(importsBefore)")
  }

  /// The moments an import kills itself at (SIGKILL, through `SURVEY_FAULT_KILL_AT`): before its
  /// first row, after chosen rows inside its transaction, just before committing, and just after
  /// committing. Chosen by row, not by time, so every moment is reached on any machine.
  static let killPoints = [
    "rows:0", "rows:1", "rows:777", "rows:10000", "rows:19999", "rows:20000", "commit",
    "committed",
  ]

  @Test("SIGKILL at chosen moments of an import: all or nothing, and a re-run completes")
  func killAtChosenMoments() throws {
    let directory = try TemporaryDirectory()
    let csv = Self.export(directory, rows: 20_000)
    for point in Self.killPoints {
      let store = directory.path + "/kill-\(point.replacingOccurrences(of: ":", with: "-")).db"
      let process = try Executable.start(
        ["import", "--survey", Self.survey, "--store", store, "--wave", "1", csv],
        environment: ["SURVEY_FAULT_KILL_AT": point])
      process.waitUntilExit()
      #expect(process.terminationReason == .uncaughtSignal, "\(point): the import was not killed")
      #expect(process.terminationStatus == SIGKILL, "\(point)")
      let (responses, imports, _) = try Self.count(store)
      let expected = point == "committed" ? 20_000 : 0
      #expect(
        responses == expected && imports == expected / 20_000, "\(point): \(responses) stored")
      try Self.expectAllOrNothing(store, csv: csv, rows: 20_000, point)
    }
  }

  @Test("two imports at the same time: one waits, nothing is lost or corrupted")
  func concurrentImports() throws {
    let directory = try TemporaryDirectory()
    let first = Self.export(directory, rows: 8_000, seed: 1)
    let second = Self.export(directory, rows: 8_000, seed: 2)
    let store = directory.path + "/both.db"
    #expect(
      try Executable.run([
        "import", "--survey", Self.survey, "--store", store, "--wave", "1", first,
      ]) == 0)
    // The second file is the next wave (its simulated ids repeat the first file's, as a
    // platform's do when a wave is fielded as a new survey).
    let a = try Executable.start([
      "import", "--survey", Self.survey, "--store", store, "--wave", "2", second,
    ])
    let b = try Executable.start([
      "import", "--survey", Self.survey, "--store", store, "--wave", "1", first,
    ])
    a.waitUntilExit()
    b.waitUntilExit()
    #expect(a.terminationStatus == 0 && b.terminationStatus == 0)
    let (responses, imports, integrity) = try Self.count(store)
    #expect(integrity)
    // The first file was already stored; the second adds its 8,000 answers once.
    #expect(responses == 16_000 && imports == 3, "\(responses) responses, \(imports) imports")
  }

  @Test("two imports that both create a new store at once: both succeed, nothing twice")
  func concurrentCreation() throws {
    let directory = try TemporaryDirectory()
    let csv = Self.export(directory, rows: 300, seed: 3)
    for round in 0..<6 {
      let store = directory.path + "/new-\(round).db"
      let arguments = ["import", "--survey", Self.survey, "--store", store, "--wave", "1", csv]
      let a = try Executable.start(arguments)
      let b = try Executable.start(arguments)
      a.waitUntilExit()
      b.waitUntilExit()
      #expect(a.terminationStatus == 0 && b.terminationStatus == 0, "round \(round)")
      let (responses, imports, integrity) = try Self.count(store)
      #expect(integrity && responses == 300 && imports == 2, "round \(round): \(responses)")
    }
  }
}
