import Foundation
import Testing

/// Hostile files given to `survey import`: each gets a clear message naming the file (and line
/// when there is one), with nothing half-stored and no row silently dropped. (That the work is
/// linear in the input is measured by `Benchmarks/hostile_inputs.py`, not here: a test must not
/// depend on the machine's speed.)
@Suite("import limits")
struct ImportLimitsTests {
  static let survey = ReportCommandTests.survey
  static let header =
    "respondent_id,submitted_at,chapter,employed,hours,lonely,places,trust_people,trust_neighbours\n"

  struct Case: Sendable, CustomStringConvertible {
    var name: String
    var bytes: @Sendable () -> [UInt8]
    var status: Int32
    var message: String
    var description: String { name }
  }

  static let cases: [Case] = [
    Case(name: "empty file", bytes: { [] }, status: 1, message: "empty"),
    Case(name: "header only", bytes: { Array(header.utf8) }, status: 0, message: "0 rows"),
    Case(
      name: "not CSV at all",
      bytes: {
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + (0..<4000).map { UInt8($0 % 256) }
      },
      status: 1, message: "input.csv"),
    Case(
      name: "NUL bytes",
      bytes: {
        Array(header.utf8)
          + Array("r1,2026-03-11T10:00:00Z,1,yes,4\u{0}0,1,park,agree,agree\n".utf8)
      },
      status: 3, message: "input.csv:2:"),
    Case(
      name: "invalid UTF-8",
      bytes: {
        Array(header.utf8) + Array("r1,2026-03-11T10:00:00Z,1,yes,40,".utf8) + [0xFF, 0xFE]
          + Array(",park,agree,agree\n".utf8)
      },
      status: 3, message: "input.csv:2:"),
    Case(
      name: "100,000 columns",
      bytes: { Array((0..<100_000).map { "c\($0)" }.joined(separator: ",").utf8) + [0x0A] },
      status: 1, message: "input.csv"),
    Case(
      name: "a line of a million delimiters",
      bytes: { Array(header.utf8) + Array(repeating: 0x2C, count: 1_000_000) + [0x0A] },
      status: 3, message: "input.csv:2:"),
    Case(
      name: "a 100 MB field",
      bytes: {
        Array(header.utf8) + Array("r1,2026-03-11T10:00:00Z,1,yes,40,1,\"".utf8)
          + Array(repeating: 0x61, count: 100 << 20)
          + Array("\",agree,agree\nr2,2026-03-11T10:00:00Z,1,yes,40,1,park,agree,agree\n".utf8)
      }, status: 3, message: "input.csv:2:"),
  ]

  @Test("hostile files", arguments: cases)
  func hostile(_ item: Case) throws {
    let directory = try TemporaryDirectory()
    let path = directory.path + "/input.csv"
    #expect(FileManager.default.createFile(atPath: path, contents: Data(item.bytes())))
    let store = directory.path + "/limits.db"
    let run = Run(["import", "--survey", Self.survey, "--store", store, "--wave", "1", path])
    #expect(run.status == item.status, "\(item.name): \(run.err.prefix(400))")
    #expect(
      (run.out + run.err).contains(item.message), "\(item.name): \((run.out + run.err).prefix(400))"
    )
    if item.status == 3 {
      // Rejected rows are kept with their reasons, not dropped.
      let rejects = Run(["rejects", "--store", store])
      #expect(rejects.out.contains("rejected row"), "\(item.name)")
    }
  }
}
