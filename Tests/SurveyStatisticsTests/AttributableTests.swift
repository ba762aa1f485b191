import Foundation
import Testing

@testable import SurveyStatistics

/// The attributable excess and fraction equal R's epiR (References/attributable_reference.R):
/// `epi.2by2(method = "cross.sectional")`, zero cells, a cause nobody is exposed to and a chapter
/// at the minimum group size included; the excess of a mean outcome equals the same construction
/// computed in R.
@Suite("attributable excess and fraction against epiR")
struct AttributableTests {
  static var reference: [String: Any] {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("References/attributable.json")
    guard let data = try? Data(contentsOf: url),
      let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    else { return [:] }
    return object
  }

  static func same(_ value: Double, _ expected: Any?) -> Bool {
    guard let expected = expected as? Double else { return value.isNaN }
    if expected == 0 { return abs(value) <= 1e-12 }
    return abs(value - expected) <= 1e-9 * abs(expected)
  }

  @Test("2x2 tables: the excess with its Wald interval and the fraction with Jewell's")
  func tables() throws {
    let tables = try #require(Self.reference["tables"] as? [[String: Any]])
    #expect(tables.count == 8)
    for table in tables {
      let cells = ["a", "b", "c", "d"].map { table[$0] as? Double ?? .nan }
      let measured = AttributableFraction(a: cells[0], b: cells[1], c: cells[2], d: cells[3])
      guard let excess = table["excess"] as? [Any], let fraction = table["fraction"] as? [Any]
      else {
        #expect(table["epiR"] as? String == "error")
        #expect(measured == nil, "\(cells): nobody exposed gives no figure")
        continue
      }
      let value = try #require(measured, "\(cells)")
      #expect(Self.same(value.excess, excess[0]), "\(cells)")
      #expect(Self.same(value.excessLower, excess[1]), "\(cells)")
      #expect(Self.same(value.excessUpper, excess[2]), "\(cells)")
      #expect(Self.same(value.fraction, fraction[0]), "\(cells)")
      #expect(Self.same(value.fractionLower, fraction[1]), "\(cells)")
      #expect(Self.same(value.fractionUpper, fraction[2]), "\(cells)")
    }
  }

  @Test("mean outcomes: the excess with a t interval")
  func means() throws {
    let means = try #require(Self.reference["means"] as? [[String: Any]])
    for entry in means {
      let exposed = try #require(entry["exposed"] as? [Double])
      let unexposed = try #require(entry["unexposed"] as? [Double])
      func summary(_ values: [Double]) -> (count: Double, mean: Double, variance: Double) {
        let mean = values.reduce(0, +) / Double(values.count)
        let variance =
          values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
        return (Double(values.count), mean, variance)
      }
      let excess = try #require(
        AttributableFraction.MeanExcess(
          all: summary(exposed + unexposed), unexposed: summary(unexposed)))
      #expect(Self.same(excess.excess, entry["excess"]))
      #expect(Self.same(excess.standardError, entry["se"]))
      #expect(Self.same(excess.degreesOfFreedom, entry["df"]))
      #expect(Self.same(excess.lower, entry["lower"]))
      #expect(Self.same(excess.upper, entry["upper"]))
    }
    #expect(
      AttributableFraction.MeanExcess(all: (1, 3, 0), unexposed: (5, 2, 1)) == nil)
  }
}
