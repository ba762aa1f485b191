import Foundation
import SurveyIngest
import Testing

/// `survey export estimates`: exact numbers for the analyst, the same numbers the reports round,
/// behind the same disclosure control.
@Suite("export estimates")
struct EstimatesExportTests {
  static let survey = ReportCommandTests.root.appendingPathComponent("Surveys/connection.survey")
    .path

  /// A store with two waves of the default survey.
  static func store(in directory: TemporaryDirectory) throws -> String {
    let csv = directory.path + "/answers.csv"
    let simulated = Run([
      "simulate", survey, "-o", csv, "--respondents", "300", "--chapters", "4", "--waves", "2",
      "--seed", "11",
    ])
    #expect(simulated.status == 0, "\(simulated.err)")
    let store = directory.path + "/store.db"
    for wave in 1...2 {
      let path = directory.path + "/answers.wave\(wave).csv"
      let imported = Run([
        "import", "--survey", survey, "--store", store, "--wave", String(wave), path,
      ])
      #expect(imported.status == 0 || imported.status == 3, "\(imported.err)")
    }
    return store
  }

  /// The rows of an estimates CSV, by column name.
  static func rows(_ path: String) throws -> (header: [String], rows: [[String: String]]) {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text.hasPrefix("# For the analyst, not for publication"))
    let body = text.split(separator: "\n", maxSplits: 1).last.map(String.init) ?? ""
    let reader = CSVReader(bytes: Array(body.utf8))
    var records: [[String]] = []
    while (try? reader.nextRecord()) == true {
      records.append((0..<reader.record.count).map { reader.record.string($0) })
    }
    let header = records.first ?? []
    let rows = records.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    return (header, rows)
  }

  @Test("every estimate rounds to the figure its report shows, and no withheld group appears")
  func matchesReports() throws {
    let directory = try TemporaryDirectory()
    let store = try Self.store(in: directory)
    let output = directory.path + "/estimates.csv"
    let run = Run([
      "export", "estimates", "--survey", Self.survey, "--store", store, "--wave", "2", "-o",
      output,
    ])
    #expect(run.status == 0, "\(run.err)")
    let (header, rows) = try Self.rows(output)
    #expect(
      header == [
        "wave", "group", "estimate_id", "measure", "estimate", "se", "lower", "upper", "df", "n",
        "n_eff", "method", "p", "p_adjusted",
      ])
    #expect(rows.count > 100)
    #expect(rows.allSatisfy { $0["wave"] == "2" })
    let reports = directory.path + "/reports"
    #expect(
      Run([
        "report", "--survey", Self.survey, "--store", store, "--all-chapters", "--format", "json",
        "-o", reports,
      ]).status == 0)
    var checked = 0
    for name in try FileManager.default.contentsOfDirectory(atPath: reports) {
      let data = try Data(contentsOf: URL(fileURLWithPath: reports + "/" + name))
      let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
      let group =
        name == "overview.json"
        ? "organization" : String(name.dropFirst("chapter-".count).dropLast(".json".count))
      let mine = rows.filter { $0["group"] == group }
      let indicators = report["indicators"] as? [[String: Any]] ?? []
      for indicator in indicators {
        let id = "indicator:" + (indicator["id"] as? String ?? "")
        let figure = indicator["value"] as? [String: Any] ?? [:]
        let row = mine.first { $0["estimate_id"] == id }
        guard let shown = figure["value"] as? Double, figure["bound"] == nil else {
          #expect(row == nil, "\(group) \(id): withheld in the report, exact in the file")
          continue
        }
        let estimate = try #require(row.flatMap { Double($0["estimate"] ?? "") }, "\(group) \(id)")
        if figure["unit"] as? String == "percent" {
          // 5-point steps under 30 people, else whole points.
          #expect(abs(estimate * 100 - shown) <= 2.5 + 1e-9, "\(group) \(id)")
          if let text = figure["text"] as? String, !text.isEmpty, abs(estimate * 100 - shown) > 0.5
          {
            #expect((row?["n"]).flatMap(Int.init).map { $0 < 30 } == true, "\(group) \(id)")
          }
        } else {
          #expect(abs(estimate - shown) <= 0.05 + 1e-9, "\(group) \(id)")
        }
        checked += 1
      }
    }
    #expect(checked > 50)
    // The intervals are the ones METHODS.md names, written out here from the exported numbers:
    // Wilson's for shares, the t interval (symmetric, estimate ± t·se) for means.
    let z = 1.959963984540054
    for row in rows where row["measure"] == "share" {
      let p = try #require(Double(row["estimate"] ?? ""))
      let n = try #require(Double(row["n"] ?? ""))
      let centre = (p + z * z / (2 * n)) / (1 + z * z / n)
      let half = z / (1 + z * z / n) * (p * (1 - p) / n + z * z / (4 * n * n)).squareRoot()
      #expect(abs((Double(row["lower"] ?? "") ?? .nan) - (centre - half)) < 1e-12)
      #expect(abs((Double(row["upper"] ?? "") ?? .nan) - (centre + half)) < 1e-12)
      #expect(abs((Double(row["se"] ?? "") ?? .nan) - (p * (1 - p) / n).squareRoot()) < 1e-15)
    }
    for row in rows where row["measure"] == "mean" {
      guard let lower = Double(row["lower"] ?? ""), let upper = Double(row["upper"] ?? ""),
        let mean = Double(row["estimate"] ?? ""), let se = Double(row["se"] ?? ""),
        let df = Double(row["df"] ?? ""), df >= 30
      else { continue }
      #expect(abs((lower + upper) / 2 - mean) < 1e-9)
      let t = (upper - mean) / se
      #expect(t > 1.96 && t < 2.05, "t(0.975, \(df)) = \(t)")
    }
  }

  @Test("p values are adjusted together with Benjamini-Hochberg over the whole file")
  func adjustedTogether() throws {
    let directory = try TemporaryDirectory()
    let store = try Self.store(in: directory)
    let output = directory.path + "/estimates.csv"
    #expect(
      Run(["export", "estimates", "--survey", Self.survey, "--store", store, "-o", output]).status
        == 0)
    let (_, rows) = try Self.rows(output)
    let tested = rows.filter { !($0["p"] ?? "").isEmpty }
    #expect(tested.count > 20)
    #expect(Set(rows.map { $0["wave"] ?? "" }) == ["1", "2"])
    let p = tested.compactMap { Double($0["p"] ?? "") }
    let adjusted = tested.compactMap { Double($0["p_adjusted"] ?? "") }
    #expect(p.count == tested.count && adjusted.count == tested.count)
    // Benjamini-Hochberg written out here: p(i) · m / rank, made monotone from the largest.
    let order = p.indices.sorted { p[$0] < p[$1] }
    var expected = [Double](repeating: 0, count: p.count)
    var running = 1.0
    for (rank, index) in order.enumerated().reversed() {
      running = min(running, p[index] * Double(p.count) / Double(rank + 1))
      expected[index] = running
    }
    for index in p.indices {
      #expect(abs(adjusted[index] - expected[index]) <= 1e-12 * max(1, expected[index]))
    }
    // Full precision: the numbers read back are the doubles written.
    #expect(rows.contains { ($0["estimate"] ?? "").count > 12 })
  }

  @Test("refusals: no source, an unknown wave, both a store and files")
  func refusals() throws {
    let directory = try TemporaryDirectory()
    let store = try Self.store(in: directory)
    let unknownWave = Run([
      "export", "estimates", "--survey", Self.survey, "--store", store, "--wave", "9", "-o",
      directory.path + "/x.csv",
    ])
    #expect(unknownWave.status != 0)
    #expect(unknownWave.err.contains("there is no wave '9'"))
    let both = Run([
      "export", "estimates", "--survey", Self.survey, "--store", store, directory.path + "/a.csv",
      "-o", directory.path + "/x.csv",
    ])
    #expect(both.status == 64)
    let format = Run([
      "export", "estimates", "--survey", Self.survey, "--store", store, "--format", "xml", "-o",
      directory.path + "/x.csv",
    ])
    #expect(format.status == 64)
  }
}
