import Foundation
import Testing

@testable import SurveyStatistics

/// Weighted comparisons against R's `survey` package (`svyttest`, `svychisq`), from
/// `References/design_tests.json`, which `References/design_tests_reference.R` writes from
/// `References/groups.csv`.
@Suite("design-based tests of weighted comparisons")
struct DesignTestTests {
  static func reference() throws -> [[String: Any]] {
    let url = try #require(
      Bundle.module.url(
        forResource: "design_tests", withExtension: "json", subdirectory: "References"))
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
    return list(json, "comparisons")
  }

  /// The two groups of a reference comparison.
  static func groups(_ entry: [String: Any], _ data: GroupData) -> (
    [GroupData.Row], [GroupData.Row]
  ) {
    let chapter = entry["chapter"] as? String
    if entry["kind"] as? String == "rest", let wave = number(entry, "wave").map(Int.init) {
      let rows = data.rows(chapter: nil, wave: wave)
      return (rows.filter { $0.chapter == chapter }, rows.filter { $0.chapter != chapter })
    }
    return (data.rows(chapter: chapter, wave: 1), data.rows(chapter: chapter, wave: 2))
  }

  static func close(_ value: Double?, _ expected: Double?, _ what: String) {
    guard let value, let expected else {
      Issue.record("\(what): \(String(describing: value)) against \(String(describing: expected))")
      return
    }
    #expect(
      abs(value - expected) <= 1e-9 * max(1, abs(expected)), "\(what): \(value) vs \(expected)")
  }

  @Test("svyttest and svychisq, chapters against the rest and wave against wave")
  func againstR() throws {
    let data = try #require(GroupData.shared)
    let entries = try Self.reference()
    #expect(entries.count == 12)
    for entry in entries {
      let (first, second) = Self.groups(entry, data)
      let name =
        "\(entry["kind"] ?? "") \(entry["chapter"] ?? "organization") \(entry["wave"] ?? "")"
      let scores = (GroupData.accumulate(first, \.score), GroupData.accumulate(second, \.score))
      let mean = try #require(Comparison.weighted(scores.0, scores.1, isShare: false))
      #expect(mean.test == .designBasedT)
      Self.close(mean.difference, number(entry, "score", "difference"), "\(name) score difference")
      Self.close(mean.statistic, number(entry, "score", "t"), "\(name) score t")
      Self.close(mean.degreesOfFreedom, number(entry, "score", "df"), "\(name) score df")
      Self.close(mean.pValue, number(entry, "score", "p"), "\(name) score p")
      Self.close(mean.interval?.lower, number(entry, "score", "lower"), "\(name) score lower")
      Self.close(mean.interval?.upper, number(entry, "score", "upper"), "\(name) score upper")
      let flags = (GroupData.accumulate(first, \.flag), GroupData.accumulate(second, \.flag))
      let share = try #require(Comparison.weighted(flags.0, flags.1, isShare: true))
      #expect(share.test == .raoScottF)
      Self.close(share.difference, number(entry, "flag", "difference"), "\(name) flag difference")
      Self.close(share.interval?.lower, number(entry, "flag", "lower"), "\(name) flag lower")
      Self.close(share.interval?.upper, number(entry, "flag", "upper"), "\(name) flag upper")
      Self.close(share.statistic, number(entry, "chisq", "F"), "\(name) Rao-Scott F")
      Self.close(share.degreesOfFreedom, number(entry, "chisq", "ddf"), "\(name) Rao-Scott ddf")
      Self.close(share.pValue, number(entry, "chisq", "p"), "\(name) Rao-Scott p")
    }
  }

  @Test("unweighted surveys keep the unweighted tests")
  func unweighted() throws {
    let data = try #require(GroupData.shared)
    let rows = data.rows(chapter: nil, wave: 1)
    let north = GroupData.accumulate(rows.filter { $0.chapter == "north" }, \.score)
    let rest = GroupData.accumulate(rows.filter { $0.chapter != "north" }, \.score)
    #expect(Comparison.groups(north, rest, isShare: false, weighted: false)?.test == .welch)
    #expect(Comparison.groups(north, rest, isShare: false, weighted: true)?.test == .designBasedT)
  }
}
