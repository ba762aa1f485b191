import Foundation
import SurveyCLI
import SurveyCore
import SurveyDSL
import SurveyIngest
import SurveyStatistics
import Testing

/// "Where to start": the causes named are those whose attributable excess (epiR's, checked in
/// AttributableTests) is clear and harmful, at most three, largest share first, each from a 2×2
/// table whose figures the report may show; when none is clear, the report says how many more
/// answers would show the largest gap.
@Suite("where to start")
struct WhereToStartTests {
  static let survey = ReportCommandTests.root.appendingPathComponent("Surveys/connection.survey")
    .path

  static func aggregation(respondents: Int, chapters: Int, seed: Int) throws -> SurveyAggregation {
    let directory = try TemporaryDirectory()
    let csv = directory.path + "/answers.csv"
    let simulated = Run([
      "simulate", survey, "-o", csv, "--respondents", String(respondents), "--chapters",
      String(chapters), "--seed", String(seed),
    ])
    #expect(simulated.status == 0, "\(simulated.err)")
    let compiled = try #require(try SurveyCompiler.compile(path: survey).survey)
    let context = CommandContext(console: Console(out: CapturedStream(), err: CapturedStream()))
    let (aggregation, rejected) = try ReportSource.aggregate(
      survey: compiled, files: [csv], options: ImportOptions(wave: "1"), threads: 1,
      context: context)
    #expect(rejected == 0)
    return aggregation
  }

  @Test("each cause named is clear, harmful, showable and equal to epiR's measure of its table")
  func namedCauses() throws {
    let aggregation = try Self.aggregation(respondents: 400, chapters: 3, seed: 5)
    let builder = FindingsBuilder(aggregation: aggregation)
    let survey = aggregation.survey
    var named = 0
    for chapter in [nil] + aggregation.chapters(in: "1").map(Optional.some) {
      let key = GroupKey(chapter: chapter, wave: "1")
      let section = builder.whereToStart(key)
      let group = try #require(aggregation.group(key) ?? builder.group(key))
      #expect(section.points.count <= 3)
      #expect(Set(section.points.map(\.cause)).count == section.points.count)
      #expect(
        section.points.map { abs($0.fraction) }
          == section.points.map { abs($0.fraction) }.sorted(
            by: >))
      for point in section.points {
        named += 1
        let lowerIsBetter = survey.indicators[point.outcome].better == .lower
        #expect(lowerIsBetter ? point.lower > 0 : point.upper < 0)
        let exposed = group.causes[point.cause].exposed[point.outcome]
        let unexposed = group.causes[point.cause].unexposed[point.outcome]
        #expect(exposed.moments.count >= 10 && unexposed.moments.count >= 10)
        if point.isShare {
          let cells = [
            exposed.trueCount, exposed.falseCount, unexposed.trueCount, unexposed.falseCount,
          ]
          #expect(cells.allSatisfy { $0 == 0 || $0 >= 5 })
          let table = try #require(
            AttributableFraction(
              a: Double(cells[0]), b: Double(cells[1]), c: Double(cells[2]), d: Double(cells[3])))
          #expect(point.excess == Releaser.rounded(table.excess, decimals: 9))
          #expect(point.lower == Releaser.rounded(table.excessLower, decimals: 9))
          #expect(point.upper == Releaser.rounded(table.excessUpper, decimals: 9))
        }
      }
    }
    #expect(named > 0)
    // A chapter nobody answered in gives no figure.
    #expect(builder.whereToStart(GroupKey(chapter: "nowhere", wave: "1")).isWithheld)
  }

  @Test("when no cause is clear, the report says how many more answers would show the gap")
  func nothingClear() throws {
    let aggregation = try Self.aggregation(respondents: 24, chapters: 1, seed: 2)
    let builder = FindingsBuilder(aggregation: aggregation)
    let section = builder.whereToStart(.organization("1"))
    #expect(section.points.isEmpty)
    let closest = try #require(section.closest)
    let more = try #require(section.moreAnswers)
    #expect(more > 0 && more % 10 == 0)
    // With that many more answers like these the interval would exclude zero; with ten fewer
    // it would not.
    let n = closest.size
    let halfWidth = { (extra: Double) in
      closest.critical * closest.standardError * (n / (n + extra)).squareRoot()
    }
    #expect(halfWidth(Double(more)) <= abs(closest.excess))
    #expect(halfWidth(Double(more - 10)) > abs(closest.excess) || more == 10)
    let directory = try TemporaryDirectory()
    let csv = directory.path + "/small.csv"
    #expect(
      Run([
        "simulate", Self.survey, "-o", csv, "--respondents", "24", "--chapters", "1", "--seed", "2",
      ])
      .status == 0)
    let report = Run(["report", "--survey", Self.survey, csv, "--overview"])
    let flat = report.out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(flat.contains("WHERE TO START"))
    #expect(flat.contains("No cause goes clearly with more disconnection here yet."))
    #expect(flat.contains("would be clear with about \(more) more answers like these"))
  }

  @Test("every report of the demo begins with the section, in every format")
  func demoReportsBeginWithIt() throws {
    let reports = ReportCommandTests.root.appendingPathComponent("Reports").path
    for folder in [reports, reports + "/coalition"] {
      for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
        let path = folder + "/" + name
        if name.hasSuffix(".txt") {
          let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
          #expect(lines.count > 6 && lines[4] == "WHERE TO START", "\(name)")
        } else if name.hasSuffix(".html") {
          let html = try String(contentsOfFile: path, encoding: .utf8)
          let start = try #require(html.range(of: "<section id=\"start\""), "\(name)")
          let summary = try #require(html.range(of: "<section id=\"summary\""))
          #expect(start.lowerBound < summary.lowerBound)
        } else if name.hasSuffix(".json"), name != "report.schema.json" {
          let data = try Data(contentsOf: URL(fileURLWithPath: path))
          let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
          #expect(object["whereToStart"] is [String: Any], "\(name)")
        }
      }
    }
  }
}
