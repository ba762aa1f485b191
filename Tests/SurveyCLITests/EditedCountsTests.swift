import Foundation
import SurveyCore
import Testing

/// Counts files edited by hand, their checksums written again: whatever numbers they hold, a
/// coalition report either refuses them with a message or is written; it never crashes.
@Suite("edited counts files")
struct EditedCountsTests {
  /// A deterministic generator (SplitMix64), so that every run edits the same numbers.
  struct Generator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    mutating func pick<T>(_ values: [T]) -> T { values[Int(next() % UInt64(values.count))] }
  }

  /// Keys whose numbers give the counts their shape (positions, formats, sizes): edited, they
  /// make counts that do not fit the survey, which `refusals` in CoalitionTests covers.
  static let shapeKeys: Set<String> = [
    "chapterCells", "unassignedCells", "waveIndex", "format", "itemCount", "tracksPanel",
  ]

  /// Every number of a JSON value, each replaced with probability `rate` by a number the
  /// bounds on saved counts let through (non-negative, at most 2³², finite), or also by numbers
  /// beyond them (`extremes`).
  static func edit(_ value: Any, rate: Double, extremes: Bool, generator: inout Generator) -> Any {
    if let object = value as? [String: Any] {
      var edited: [String: Any] = [:]
      // In a fixed order: a dictionary's own order changes from run to run.
      for (key, inner) in object.sorted(by: { $0.key < $1.key }) {
        edited[key] =
          shapeKeys.contains(key)
          ? inner : edit(inner, rate: rate, extremes: extremes, generator: &generator)
      }
      return edited
    }
    if let array = value as? [Any] {
      return array.map { edit($0, rate: rate, extremes: extremes, generator: &generator) }
    }
    guard let number = value as? NSNumber, !(value is Bool), generator.unit() < rate else {
      return value
    }
    let whole = number.doubleValue == number.doubleValue.rounded()
    if whole {
      let values: [Any] = [
        0, 1, 1 << 32, Int(generator.next() % (1 << 32)), number.intValue + 1,
      ]
      return generator.pick(extremes ? values + [-1, Int.max] : values)
    }
    let values: [Any] = [
      0.0, abs(number.doubleValue) * 1e6, 1e100, 1e-300, generator.unit() * 1e9,
    ]
    return generator.pick(extremes ? values + [-1.0, "nan", "inf"] : values)
  }

  @Test("counts edited at random give a report or a refusal, never a crash")
  func editedCounts() throws {
    let directory = try TemporaryDirectory()
    let survey = ReportCommandTests.root.appendingPathComponent("Surveys/connection.survey").path
    var files: [String] = []
    for (name, seed) in [("North", 1), ("South", 2)] {
      let csv = directory.path + "/\(seed).csv"
      let store = directory.path + "/\(seed).db"
      let output = directory.path + "/\(seed).counts"
      #expect(
        Run(["simulate", survey, "-o", csv, "--respondents", "60", "--seed", String(seed)])
          .status == 0)
      #expect(Run(["import", "--survey", survey, "--store", store, csv]).status == 0)
      let exported = Run([
        "export", "counts", "--survey", survey, "--store", store, "--organization", name, "-o",
        output,
      ])
      #expect(exported.status == 0, "\(exported.err)")
      files.append(output)
    }
    let text = try String(contentsOfFile: files[0], encoding: .utf8)
    let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
    let encoded = try #require(object?["counts"] as? String)
    let counts = try #require(Data(base64Encoded: encoded))
    let parts = try SnapshotEditing.parts(counts)
    var generator = Generator(state: 20_261_204)
    var outcomes: [Int32: Int] = [:]
    let formats = ["text", "json", "html"]
    for round in 0..<8 {
      let rate = [0.0005, 0.003, 0.02][round % 3]
      // Every other round also writes numbers beyond the bounds (a negative count, Int.max,
      // NaN), which are refused where they are counts or sums; refusals are checked one by one
      // in SavedCountsTests.implausibleCounts and CoalitionTests.refusals.
      let extremes = round % 2 == 1
      let edited = parts.map {
        Self.edit($0, rate: rate, extremes: extremes, generator: &generator) as? [String: Any] ?? $0
      }
      let path = directory.path + "/edited-\(round).counts"
      try SnapshotEditing.countsFile(text, counts: try SnapshotEditing.data(edited)).write(
        toFile: path, atomically: true, encoding: .utf8)
      let folder = directory.path + "/reports-\(round)"
      let run = Run([
        "report", "--survey", survey, "--counts", path, files[1], "--all", "-o", folder,
        "--format", formats[round % formats.count],
      ])
      outcomes[run.status, default: 0] += 1
      #expect(run.status == 0 || run.status == 1, "round \(round): \(run.err)")
      if run.status == 1 {
        #expect(run.err.contains("the counts of North"), "round \(round): \(run.err)")
      } else {
        let written = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(written.count == 3, "round \(round): \(written)")
      }
    }
    // Both outcomes occur: some edits stay within the bounds and are pooled, others are refused.
    #expect((outcomes[0] ?? 0) > 0 && (outcomes[1] ?? 0) > 0, "\(outcomes)")
  }
}
