import Foundation
import SurveyCore
import Testing

@testable import SurveyStatistics

/// Attacks on the reports' numbers: differencing a withheld chapter out of the totals,
/// differencing a newcomer out of two waves, small groups and all-alike answers.
@Suite("Disclosure control under attack")
struct AttackTests {
  struct Person {
    var chapter: String?
    var wave = "1"
    var person: String?
    var lonely: Int?
    var friends: Int?
    var renter: Bool? = nil
  }

  static func aggregate(_ people: [Person], survey: Survey) -> SurveyAggregation {
    var aggregation = SurveyAggregation(survey: survey)
    for person in people {
      aggregation.add(
        answers: AttackSurvey.answers(
          lonely: person.lonely, friends: person.friends, renter: person.renter, survey: survey),
        chapter: person.chapter, wave: person.wave, weight: nil, personKey: person.person)
    }
    return aggregation
  }

  /// `count` people of a chapter with varied answers; `lonelyCount` of them often lonely.
  static func chapter(
    _ name: String?, _ count: Int, lonelyCount: Int? = nil, wave: String = "1", keyOffset: Int = 0
  )
    -> [Person]
  {
    (0..<count).map { index in
      let lonely = lonelyCount.map { index < $0 ? 3 + index % 2 : 1 + index % 2 } ?? (1 + index % 4)
      return Person(
        chapter: name, wave: wave, person: "\(name ?? "none")-\(index + keyOffset)", lonely: lonely,
        friends: index % 7, renter: index % 3 == 0)
    }
  }

  @Test("a withheld chapter cannot be recovered from the organization and the other chapters")
  func differencingChapters() throws {
    let survey = try AttackSurvey.survey()
    let people =
      Self.chapter("alpha", 40) + Self.chapter("beta", 25) + Self.chapter("gamma", 18)
      + Self.chapter("delta", 6)
    let aggregation = Self.aggregate(people, survey: survey)
    let builder = FindingsBuilder(aggregation: aggregation)
    let findings = builder.findings(scope: .organization, wave: "1")
    let shown = findings.chapters.filter { $0.size.value != nil }.map(\.chapter)
    #expect(shown == ["alpha", "beta"])
    let rows = Dictionary(uniqueKeysWithValues: findings.chapters.map { ($0.chapter, $0) })
    #expect(rows["delta"]?.size == .withheld(.minimumGroup, message: "fewer than 10 responses"))
    if case .withheld(let rule, _) = rows["gamma"]?.size {
      #expect(rule == .complementary)
    } else {
      Issue.record("gamma should be withheld to protect delta")
    }
    // The attacker's best case: exact counts of everything shown. The organization minus the
    // shown chapters is gamma and delta together: 24 people, never delta alone.
    let organization = try #require(aggregation.group(.organization("1")))
    let recovered =
      organization.respondents
      - shown.reduce(0) {
        $0 + (aggregation.group(GroupKey(chapter: $1, wave: "1"))?.respondents ?? 0)
      }
    #expect(recovered == 24)
    #expect(recovered >= DisclosurePolicy.standard.minimumGroupSize)
    #expect(findings.audit.entries.contains { $0.rule == .complementary && $0.kind == .group })
    #expect(findings.audit.entries.contains { $0.rule == .minimumGroup && $0.kind == .group })
  }

  @Test("a chapter's bounded share is protected by withholding another chapter's")
  func differencingValues() throws {
    let survey = try AttackSurvey.survey()
    // beta has 2 of 25 often lonely: shown only as a bound. Without more, the organization's
    // count minus alpha's and gamma's would give beta's exactly.
    let people =
      Self.chapter("alpha", 40, lonelyCount: 12) + Self.chapter("beta", 25, lonelyCount: 2)
      + Self.chapter("gamma", 30, lonelyCount: 9)
    let aggregation = Self.aggregate(people, survey: survey)
    let findings = FindingsBuilder(aggregation: aggregation).findings(
      scope: .organization, wave: "1")
    let index = try #require(survey.indicators.firstIndex { $0.id == "often_lonely" })
    let notExact = findings.chapters.filter { row in
      guard case .shown(let estimate) = row.indicators[index] else { return true }
      return !estimate.isExact
    }.map(\.chapter)
    #expect(notExact.count >= 2)
    #expect(notExact.contains("beta"))
    var combined = IndicatorAccumulator()
    for chapter in notExact {
      combined.merge(
        aggregation.group(GroupKey(chapter: chapter, wave: "1"))?.indicators[index]
          ?? IndicatorAccumulator())
    }
    let policy = DisclosurePolicy.standard
    #expect(policy.judgeShare(count: combined.trueCount, size: combined.known) == .exact)
  }

  @Test("a linked person who joined cannot be differenced out; unlinked waves show their trend")
  func differencingWaves() throws {
    let survey = try AttackSurvey.survey()
    let stayers = Self.chapter("alpha", 12, wave: "1") + Self.chapter("alpha", 12, wave: "2")
    let newcomer = [
      Person(chapter: "alpha", wave: "2", person: "newcomer", lonely: 4, friends: 0, renter: true)
    ]
    let others =
      Self.chapter("beta", 30, wave: "1") + Self.chapter("beta", 30, lonelyCount: 12, wave: "2")
    for linked in [true, false] {
      var people = stayers + newcomer + others
      if !linked {
        people = people.map {
          var copy = $0
          copy.person = nil
          return copy
        }
      }
      let aggregation = Self.aggregate(people, survey: survey)
      let builder = FindingsBuilder(aggregation: aggregation)
      for scope in [ReportScope.chapter("alpha"), .organization] {
        let findings = builder.findings(scope: scope, wave: "2", previousWave: "1")
        #expect(Self.derivations(findings, policy: DisclosurePolicy.standard).isEmpty, "\(scope)")
        for finding in findings.indicators {
          guard let change = finding.change else {
            Issue.record("\(scope) indicator \(finding.indicator): no change entry")
            continue
          }
          if linked {
            // With the earlier wave's figure, the later one would be the newcomer's answer.
            #expect(change.value == nil, "\(scope): the change must be withheld")
            #expect(finding.value.value == nil, "\(scope): the later level must be withheld")
            if case .withheld(let rule, _) = finding.value {
              #expect(rule == .waveDifference, "\(scope)")
            }
          } else {
            // Sizes alone say nothing about who answered both waves: the trend is shown.
            #expect(change.value != nil, "\(scope): the trend must be shown")
          }
        }
        #expect(
          findings.audit.entries.contains { $0.rule == .waveDifference && $0.kind == .change }
            == linked, "\(scope)")
      }
      // The other chapter, which nobody joined or left, keeps its figures and its trend.
      let beta = builder.findings(scope: .chapter("beta"), wave: "2", previousWave: "1")
      for finding in beta.indicators {
        #expect(finding.value.value != nil, "beta linked \(linked)")
        if case .withheld(let rule, _)? = finding.change {
          #expect(rule != .waveDifference, "beta linked \(linked): \(finding.indicator)")
        }
      }
      #expect(beta.indicators.contains { $0.change?.value != nil }, "beta linked \(linked)")
    }
    // The control: a wave of entirely new people is compared.
    let fresh =
      Self.chapter("alpha", 20, wave: "1") + Self.chapter("alpha", 24, wave: "2", keyOffset: 100)
    let findings = FindingsBuilder(aggregation: Self.aggregate(fresh, survey: survey))
      .findings(scope: .organization, wave: "2", previousWave: "1")
    let mean = try #require(survey.indicators.firstIndex { $0.id == "friends_mean" })
    #expect(findings.indicators[mean].change?.value != nil)
  }

  @Test(
    "no withheld figure can be worked out from the shown ones, in linked and unlinked waves",
    arguments: 0..<20)
  func randomWaves(seed: Int) throws {
    let survey = try AttackSurvey.survey()
    var generator = SplitMix(seed: UInt64(seed) &+ 1000)
    let linked = seed % 2 == 0
    var people: [Person] = []
    for chapter in 0..<Int.random(in: 2...5, using: &generator) {
      let size = Int.random(in: 5...40, using: &generator)
      let left = Int.random(in: 0...6, using: &generator)
      let joined = Int.random(in: 0...(seed % 3 == 0 ? 15 : 6), using: &generator)
      let lonelyShare = Double.random(in: 0...1, using: &generator)
      let person = { (index: Int, wave: String) in
        Person(
          chapter: "c\(chapter)", wave: wave, person: linked ? "c\(chapter)-\(index)" : nil,
          lonely: Double.random(in: 0...1, using: &generator) < lonelyShare ? 4 : 1,
          friends: Int.random(in: 0...4, using: &generator),
          renter: Bool.random(using: &generator))
      }
      for index in 0..<size { people.append(person(index, "1")) }
      for index in left..<(size + joined) { people.append(person(index, "2")) }
    }
    let aggregation = Self.aggregate(people, survey: survey)
    let builder = FindingsBuilder(aggregation: aggregation)
    let scopes = [ReportScope.organization] + aggregation.chapters(in: "2").map(ReportScope.chapter)
    for scope in scopes {
      let findings = builder.findings(scope: scope, wave: "2", previousWave: "1")
      let found = Self.derivations(findings, policy: DisclosurePolicy.standard)
      #expect(found.isEmpty, "seed \(seed) \(scope): \(found)")
    }
  }

  /// Tries to work out each withheld figure of a report from the shown ones: a change from the
  /// two levels, a level from the other level and the change, a chapter's level from the
  /// organization's and the difference from the rest, and a chapter (with the parts never
  /// shown) from the organization and the shown chapters, whose sizes are known only as bands.
  /// Returns what could be worked out to within its rounding step.
  static func derivations(_ findings: Findings, policy: DisclosurePolicy) -> [String] {
    var found: [String] = []
    for finding in findings.indicators {
      let value = exact(finding.value, policy: policy)
      let previous = finding.previous.flatMap { exact($0, policy: policy) }
      let change = finding.change?.value
      if finding.change != nil, change == nil, value != nil, previous != nil {
        found.append(
          "indicator \(finding.indicator): the withheld change is one level minus the other")
      }
      if value == nil, previous != nil, change != nil {
        found.append(
          "indicator \(finding.indicator): the withheld level is the other plus the change")
      }
    }
    guard findings.scope == .organization else { return found }
    for (index, finding) in findings.indicators.enumerated() {
      guard let total = exact(finding.value, policy: policy),
        let totalSize = finding.value.value?.size, let totalHigh = totalSize.upper
      else { continue }
      var sum = 0.0...0.0
      var sizes = 0...0
      var hidden = 0
      for row in findings.chapters {
        guard index < row.indicators.count,
          let value = exact(row.indicators[index], policy: policy),
          let band = row.indicators[index].value?.size, let high = band.upper
        else {
          hidden += 1
          continue
        }
        sum = add(sum, times(value.range, Double(band.lower)...Double(high)))
        sizes = (sizes.lowerBound + band.lower)...(sizes.upperBound + high)
      }
      guard hidden > 0 else { continue }
      // What is left of the organization once the shown chapters are taken out.
      let rest = subtract(
        times(total.range, Double(totalSize.lower)...Double(totalHigh)), sum)
      let low = max(1, totalSize.lower - sizes.upperBound)
      let high = totalHigh - sizes.lowerBound
      guard high >= low else { continue }
      let corners = [
        rest.lowerBound / Double(low), rest.lowerBound / Double(high),
        rest.upperBound / Double(low), rest.upperBound / Double(high),
      ]
      if let least = corners.min(), let most = corners.max(), most - least < total.step {
        found.append("indicator \(index): the hidden chapters are \(least)...\(most)")
      }
    }
    return found
  }

  /// A shown, exact figure as the range its rounding allows (in percent for shares).
  static func exact(_ released: Released<ReleasedEstimate>, policy: DisclosurePolicy)
    -> (range: ClosedRange<Double>, step: Double)?
  {
    guard case .shown(let estimate) = released else { return nil }
    switch estimate {
    case .share(let share):
      guard case .value(let percent) = share.percent else { return nil }
      let step = Double(policy.percentStep(size: share.size.lower))
      return ((Double(percent) - step / 2)...(Double(percent) + step / 2), step)
    case .mean(let mean):
      let step = 1 / pow(10, Double(mean.decimals))
      return ((mean.mean - step / 2)...(mean.mean + step / 2), step)
    }
  }

  static func add(_ a: ClosedRange<Double>, _ b: ClosedRange<Double>) -> ClosedRange<Double> {
    (a.lowerBound + b.lowerBound)...(a.upperBound + b.upperBound)
  }

  static func subtract(_ a: ClosedRange<Double>, _ b: ClosedRange<Double>) -> ClosedRange<Double> {
    (a.lowerBound - b.upperBound)...(a.upperBound - b.lowerBound)
  }

  static func times(_ a: ClosedRange<Double>, _ b: ClosedRange<Double>) -> ClosedRange<Double> {
    let corners = [
      a.lowerBound * b.lowerBound, a.lowerBound * b.upperBound, a.upperBound * b.lowerBound,
      a.upperBound * b.upperBound,
    ]
    return (corners.min() ?? 0)...(corners.max() ?? 0)
  }

  @Test(
    "no shown group is below the threshold and no small group shows 0 % or 100 %", arguments: 0..<25
  )
  func randomData(seed: Int) throws {
    let survey = try AttackSurvey.survey()
    var generator = SplitMix(seed: UInt64(seed))
    var people: [Person] = []
    for chapter in 0..<Int.random(in: 2...6, using: &generator) {
      let size = Int.random(in: 1...45, using: &generator)
      let lonelyShare = Double.random(in: 0...1, using: &generator)
      for index in 0..<size {
        people.append(
          Person(
            chapter: "c\(chapter)", person: "c\(chapter)-\(index)",
            lonely: Double.random(in: 0...1, using: &generator) < lonelyShare ? 4 : 1,
            friends: Bool.random(using: &generator) ? 2 : Int.random(in: 0...3, using: &generator),
            renter: Bool.random(using: &generator)))
      }
    }
    people += (0..<Int.random(in: 0...4, using: &generator)).map {
      Person(chapter: nil, person: "u\($0)", lonely: 2, friends: 1)
    }
    let aggregation = Self.aggregate(people, survey: survey)
    let builder = FindingsBuilder(aggregation: aggregation)
    let scopes = [ReportScope.organization] + aggregation.chapters(in: "1").map(ReportScope.chapter)
    for scope in scopes {
      let findings = builder.findings(scope: scope, wave: "1")
      let key = GroupKey(chapter: scope.chapter, wave: "1")
      let respondents = aggregation.group(key)?.respondents ?? 0
      if respondents < 10 { #expect(findings.size.value == nil, "\(scope)") }
      for row in findings.chapters {
        let size = aggregation.group(GroupKey(chapter: row.chapter, wave: "1"))?.respondents ?? 0
        if size < 10 { #expect(row.size.value == nil) }
        for estimate in row.indicators { Self.checkSmallGroup(estimate) }
      }
      for finding in findings.indicators {
        Self.checkSmallGroup(finding.value)
        if let band = finding.value.value?.size { #expect(band.lower >= 10) }
      }
      for item in findings.items {
        if let distribution = item.distribution.value {
          #expect(distribution.size.lower >= 10)
          for row in distribution.rows where distribution.size.lower < 20 {
            #expect(row.percent != .value(0) && row.percent != .value(100), "\(scope) \(row)")
          }
        }
      }
    }
  }

  /// A shown share of a group under 20 is never exactly 0 % or 100 %; a shown mean has n ≥ 10.
  static func checkSmallGroup(_ estimate: Released<ReleasedEstimate>) {
    switch estimate {
    case .shown(.share(let share)):
      #expect(share.size.lower >= 10)
      if share.size.lower < 20 {
        #expect(share.percent != .value(0) && share.percent != .value(100))
      }
    case .shown(.mean(let mean)):
      #expect(mean.size.lower >= 10)
    case .withheld:
      break
    }
  }

  @Test("a small group's identical answers are shown only as bounds or withheld")
  func identicalAnswers() throws {
    let survey = try AttackSurvey.survey()
    let alike = (0..<15).map {
      Person(chapter: "alpha", person: "a\($0)", lonely: 4, friends: 3, renter: true)
    }
    let findings = FindingsBuilder(
      aggregation: Self.aggregate(alike + Self.chapter("beta", 40), survey: survey)
    )
    .findings(scope: .chapter("alpha"), wave: "1")
    let share = try #require(survey.indicators.firstIndex { $0.id == "often_lonely" })
    let mean = try #require(survey.indicators.firstIndex { $0.id == "friends_mean" })
    guard case .shown(.share(let released)) = findings.indicators[share].value else {
      Issue.record("the share should be shown as a bound")
      return
    }
    #expect(released.percent == .above(65))
    #expect(released.interval == nil)
    #expect(findings.indicators[mean].value.value == nil)
    #expect(findings.causes.first?.exposed.value?.isExact == false)
    let lonely = try #require(findings.items.first { survey.questions[$0.question].id == "lonely" })
    #expect(lonely.distribution.value == nil)
    #expect(findings.indicators[share].versusRest?.value == nil)
  }

  @Test("the policy refuses thresholds below 5")
  func floor() {
    #expect(DisclosurePolicy(minimumGroupSize: 4) == nil)
    #expect(DisclosurePolicy(minimumGroupSize: 5)?.minimumGroupSize == 5)
    #expect(DisclosurePolicy(minimumGroupSize: 25)?.noExtremesBelow == 25)
  }
}

/// A small deterministic generator for test data.
struct SplitMix: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
