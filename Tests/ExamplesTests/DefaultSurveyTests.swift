import Foundation
import SurveyCLI
import SurveyCore
import Testing

/// The default survey as the codebook shows it: 16 causes, every indicator, a source for every item.
@Suite struct DefaultSurveyTests {
  static let path = SurveyFilesTests.surveysDirectory.appendingPathComponent("connection.survey")
    .path

  static func codebook() throws -> [String: Any] {
    let out = CapturedStream()
    let err = CapturedStream()
    let status = CommandLineTool(console: Console(out: out, err: err)).run([
      "describe", "--format", "json", path,
    ])
    #expect(status == 0, "\(err.text)")
    return try #require(
      try JSONSerialization.jsonObject(with: Data(out.text.utf8)) as? [String: Any])
  }

  @Test func listsTheSixteenCausesWithRules() throws {
    let causes = try #require(try Self.codebook()["causes"] as? [[String: Any]])
    #expect(causes.count == 16)
    for cause in causes {
      #expect((cause["exposedIf"] as? String)?.isEmpty == false)
      #expect(["work", "place", "culture"].contains(cause["group"] as? String))
      #expect((cause["items"] as? [String])?.isEmpty == false)
    }
  }

  @Test func everyItemHasASourceAndEveryIndicatorADirection() throws {
    let codebook = try Self.codebook()
    let questions = try #require(codebook["questions"] as? [[String: Any]])
    #expect(questions.count > 60)
    for question in questions {
      let provenance = question["provenance"] as? [String: Any]
      #expect(provenance?["source"] is String, "\(question["id"] ?? "?") has no source")
      #expect(provenance?["wording"] is String, "\(question["id"] ?? "?") has no wording status")
    }
    let indicators = try #require(codebook["indicators"] as? [[String: Any]])
    #expect(indicators.count >= 20)
    let ids = Set(indicators.compactMap { $0["id"] as? String })
    for required in [
      "lonely", "chronically_lonely", "isolation_risk", "general_trust", "cohesion_mean",
      "belonging_mean", "civic_acts_mean", "no_confidant", "civic_desert", "exposure_mean",
    ] {
      #expect(ids.contains(required), "missing indicator \(required)")
    }
  }

  @Test func spanishIsMarkedAsADraft() throws {
    let languages = try #require(try Self.codebook()["languages"] as? [[String: Any]])
    #expect(languages.map { $0["code"] as? String } == ["en", "es"])
    #expect(languages.last?["draft"] as? Bool == true)
  }
}
