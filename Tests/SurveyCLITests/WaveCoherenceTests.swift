import Foundation
import Testing

/// The demo's reports never withhold a change whose two levels they show, nor a level whose
/// other level and change they show: a withheld figure that one subtraction gives back protects
/// nobody and hides the trend.
@Suite("changes between waves in the demo's reports")
struct WaveCoherenceTests {
  @Test("no withheld change or level can be worked out from the shown ones")
  func coherent() throws {
    let folder = ReportCommandTests.root.appendingPathComponent("Reports")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
      $0.hasSuffix(".json") && $0 != "report.schema.json"
    }
    #expect(names.count >= 7)
    var changesShown = 0
    for name in names {
      let data = try Data(contentsOf: folder.appendingPathComponent(name))
      let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
      let indicators = try #require(report["indicators"] as? [[String: Any]], "\(name)")
      for indicator in indicators {
        let id = indicator["id"] as? String ?? "?"
        let shown = { (key: String) in
          (indicator[key] as? [String: Any]).map { $0["value"] is NSNumber } ?? false
        }
        guard let change = indicator["change"] as? [String: Any] else { continue }
        let changeWithheld = change["withheld"] is String
        if !changeWithheld { changesShown += 1 }
        #expect(
          !(changeWithheld && shown("value") && shown("previous")),
          "\(name) \(id): the withheld change is one shown level minus the other")
        #expect(
          !(!shown("value") && shown("previous") && !changeWithheld && change["text"] != nil),
          "\(name) \(id): the withheld level is the other level plus the shown change")
      }
    }
    #expect(changesShown > 0, "the demo's two waves should show their trend")
  }
}
