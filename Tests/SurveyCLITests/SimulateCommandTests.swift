import Foundation
import SurveyCLI
import SurveyIngest
import Testing

@Suite struct SimulateCommandTests {
  static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Surveys/examples/tenants-union.survey")
    .path

  static func records(_ path: String) throws -> [[String]] {
    let reader = try CSVReader(path: path)
    var rows: [[String]] = []
    while try reader.nextRecord() { rows.append(reader.record.strings) }
    return rows
  }

  @Test func sameSeedWritesTheSameBytes() throws {
    let directory = try TemporaryDirectory()
    let a = directory.path + "/a.csv"
    let b = directory.path + "/b.csv"
    #expect(
      Run(["simulate", Self.example, "-n", "60", "--chapters", "3", "--seed", "9", "-o", a]).status
        == 0)
    #expect(
      Run(["simulate", Self.example, "-n", "60", "--chapters", "3", "--seed", "9", "-o", b]).status
        == 0)
    #expect(FileManager.default.contents(atPath: a) == FileManager.default.contents(atPath: b))
    let c = directory.path + "/c.csv"
    #expect(
      Run(["simulate", Self.example, "-n", "60", "--chapters", "3", "--seed", "10", "-o", c]).status
        == 0)
    #expect(FileManager.default.contents(atPath: a) != FileManager.default.contents(atPath: c))
  }

  @Test func aBiggerRunStartsWithTheSmallerOne() throws {
    let directory = try TemporaryDirectory()
    let small = directory.path + "/small.csv"
    let big = directory.path + "/big.csv"
    #expect(
      Run(["simulate", Self.example, "-n", "20", "--chapters", "3", "-o", small]).status == 0)
    #expect(Run(["simulate", Self.example, "-n", "40", "--chapters", "3", "-o", big]).status == 0)
    let smallRows = try Self.records(small)
    let bigRows = try Self.records(big)
    #expect(smallRows.count == 21)
    #expect(Array(bigRows.prefix(21)) == smallRows)
  }

  @Test(arguments: [
    ("generic", 1), ("google-forms", 1), ("kobotoolbox", 1), ("odk-central", 1), ("qualtrics", 3),
    ("surveymonkey", 2), ("limesurvey", 1),
  ])
  func everyPlatformShape(_ platform: String, _ headerRows: Int) throws {
    let directory = try TemporaryDirectory()
    let path = directory.path + "/\(platform).csv"
    let run = Run([
      "simulate", Self.example, "-n", "25", "--chapters", "3", "--as", platform, "-o", path,
    ])
    #expect(run.status == 0, "\(run.err)")
    let rows = try Self.records(path)
    #expect(rows.count == 25 + headerRows)
    let widths = Set(rows.map(\.count))
    #expect(widths.count == 1)
    let bytes = try #require(FileManager.default.contents(atPath: path))
    #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]) == (platform == "limesurvey"))
  }

  @Test func wavesGoToOneFileEachWhenTheSurveyHasNoWaveQuestion() throws {
    let directory = try TemporaryDirectory()
    let run = Run([
      "simulate", Self.example, "-n", "30", "--chapters", "2", "--waves", "2", "-o",
      directory.path + "/out.csv",
    ])
    #expect(run.status == 0)
    #expect(try Self.records(directory.path + "/out.wave1.csv").count == 31)
    #expect(try Self.records(directory.path + "/out.wave2.csv").count == 31)
    #expect(run.err.contains("out.wave2.csv"))
  }

  @Test func usageErrors() {
    #expect(
      Run(["simulate", Self.example, "--as", "qualtrix", "-o", "x.csv"]).err.contains(
        "did you mean 'qualtrics'?"))
    #expect(Run(["simulate", Self.example]).status == 64)
    #expect(Run(["simulate", Self.example, "-n", "many", "-o", "x.csv"]).status == 64)
    let tooMany = Run(["simulate", Self.example, "--chapters", "9", "-o", "/tmp/never.csv"])
    #expect(tooMany.status == 1)
    #expect(tooMany.err.contains("offers 3 chapters"))
  }
}
