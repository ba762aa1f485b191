import Foundation
import Testing

/// A cause whose rule cannot hold for a member, in the default survey (given to members): the
/// demo's reports say it cannot be measured instead of showing 0 %, and never rank or compare it.
@Suite("causes that cannot be measured among members")
struct UnmeasurableCauseTests {
  static let cause = "traditional_structures"

  @Test("every demo report says so, ranks it last and compares it with no outcome")
  func demoReports() throws {
    let folder = ReportCommandTests.root.appendingPathComponent("Reports")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
      $0.hasSuffix(".json") && $0 != "report.schema.json"
    }
    #expect(names.count >= 7)
    for name in names {
      let data = try Data(contentsOf: folder.appendingPathComponent(name))
      let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
      let causes = try #require(report["causes"] as? [[String: Any]], "\(name)")
      let entry = try #require(causes.first { $0["id"] as? String == Self.cause }, "\(name)")
      #expect(entry["unmeasurable"] as? Bool == true, "\(name)")
      let exposed = try #require(entry["exposed"] as? [String: Any])
      #expect(exposed["value"] == nil || exposed["value"] is NSNull, "\(name): a share is shown")
      #expect(exposed["text"] as? String == "not measurable among members", "\(name)")
      #expect(entry["organization"] == nil || entry["organization"] is NSNull, "\(name)")
      #expect(causes.last?["id"] as? String == Self.cause, "\(name): ranked among the causes")
      let others = causes.filter { $0["id"] as? String != Self.cause }
      #expect(others.allSatisfy { $0["unmeasurable"] as? Bool == false }, "\(name)")
      for key in ["relations", "chapterRelations"] {
        let relations = report[key] as? [[String: Any]] ?? []
        #expect(!relations.contains { $0["cause"] as? String == Self.cause }, "\(name): \(key)")
      }
    }
  }
}
