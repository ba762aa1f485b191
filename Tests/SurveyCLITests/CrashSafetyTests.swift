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

  @Test("SIGKILL at many points during an import: all or nothing, and a re-run completes")
  func killDuringImport() throws {
    let directory = try TemporaryDirectory()
    let csv = Self.export(directory, rows: 20_000)
    for (attempt, delay) in [0.005, 0.02, 0.05, 0.1, 0.2, 0.35, 0.5, 0.8, 1.2, 2.0].enumerated() {
      let store = directory.path + "/kill-\(attempt).db"
      let process = try Executable.start([
        "import", "--survey", Self.survey, "--store", store, "--wave", "1", csv,
      ])
      Thread.sleep(forTimeInterval: delay)
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      if FileManager.default.fileExists(atPath: store) {
        let (responses, imports, integrity) = try Self.count(store)
        #expect(integrity, "attempt \(attempt): integrity check failed")
        #expect(
          responses == 0 || responses == 20_000,
          "attempt \(attempt): a partial import of \(responses) rows")
        #expect(imports == (responses == 0 ? 0 : 1), "attempt \(attempt)")
      }
      let status = try Executable.run([
        "import", "--survey", Self.survey, "--store", store, "--wave", "1", csv,
      ])
      #expect(status == 0, "attempt \(attempt): the re-run failed")
      let (responses, imports, integrity) = try Self.count(store)
      #expect(
        integrity && responses == 20_000 && imports == 1,
        "attempt \(attempt): \(responses) rows, \(imports) imports")
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
    let a = try Executable.start([
      "import", "--survey", Self.survey, "--store", store, "--wave", "1", second,
    ])
    let b = try Executable.start([
      "import", "--survey", Self.survey, "--store", store, "--wave", "1", first,
    ])
    a.waitUntilExit()
    b.waitUntilExit()
    #expect(a.terminationStatus == 0 && b.terminationStatus == 0)
    let (responses, _, integrity) = try Self.count(store)
    #expect(integrity)
    // The first file was already stored; the second adds its own answers (the simulations share
    // response ids, so the stored total is what the store says after both, checked against a
    // serial run).
    let serial = directory.path + "/serial.db"
    #expect(
      try Executable.run([
        "import", "--survey", Self.survey, "--store", serial, "--wave", "1", first,
      ]) == 0)
    #expect(
      try Executable.run([
        "import", "--survey", Self.survey, "--store", serial, "--wave", "1", second,
      ]) == 0)
    #expect(responses == (try Self.count(serial).responses))
  }
}
