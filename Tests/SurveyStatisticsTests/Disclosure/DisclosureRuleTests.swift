import Testing

@testable import SurveyStatistics

/// The policy's rules one by one (statistics.md §5.8).
@Suite("Disclosure rules")
struct DisclosureRuleTests {
  let policy = DisclosurePolicy.standard

  @Test(
    "percentages round to whole points, in 5-point steps under 30, never to 0 or 100 by rounding")
  func rounding() {
    #expect(policy.percent(0.4167, size: 12) == 40)
    #expect(policy.percent(0.4375, size: 16) == 45)
    #expect(policy.percent(0.123, size: 100) == 12)
    #expect(policy.percent(0.125, size: 200) == 13)
    #expect(policy.percent(0.996, size: 1000) == 99)
    #expect(policy.percent(0.004, size: 1000) == 1)
    #expect(policy.percent(0.99, size: 25) == 95)
    #expect(policy.percent(1, size: 25) == 100)
    #expect(policy.percent(0, size: 40) == 0)
  }

  @Test("a tie rounds as its exact value does, whatever order the sums were taken in")
  func ties() {
    // 3/8 or 121/20 summed in another order can come out an ulp away from the exact value.
    #expect(policy.percent(0.375.nextDown, size: 800) == 38)
    #expect(policy.percent(0.375.nextUp, size: 800) == 38)
    #expect(policy.percent(0.375, size: 800) == 38)
    #expect(policy.percent(0.3749, size: 800) == 37)
    #expect(Releaser.rounded(6.05.nextDown, decimals: 1) == 6.1)
    #expect(Releaser.rounded(6.05.nextUp, decimals: 1) == 6.1)
    #expect(Releaser.rounded(6.0499, decimals: 1) == 6.0)
    #expect(Releaser.rounded(-2.5, decimals: 0) == -3)
  }

  @Test("the bound shown for a small count covers every count below the cell minimum")
  func bounds() {
    #expect(policy.lowBound(size: 12) == 45)
    #expect(policy.lowBound(size: 25) == 20)
    #expect(policy.lowBound(size: 100) == 5)
    #expect(policy.lowBound(size: 1000) == 1)
    for size in 10...300 {
      let bound = Double(policy.lowBound(size: size))
      #expect(Double(policy.minimumCell - 1) / Double(size) * 100 < bound, "\(size)")
    }
  }

  @Test("shares: minimum group, extremes under 20, the cell rule")
  func shares() {
    #expect(policy.judgeShare(count: 3, size: 9) == .withheld(.minimumGroup))
    #expect(policy.judgeShare(count: 0, size: 15) == .bound(.extremes))
    #expect(policy.judgeShare(count: 15, size: 15) == .bound(.extremes))
    #expect(policy.judgeShare(count: 0, size: 20) == .exact)
    #expect(policy.judgeShare(count: 3, size: 40) == .bound(.cell))
    #expect(policy.judgeShare(count: 37, size: 40) == .bound(.cell))
    #expect(policy.judgeShare(count: 8, size: 12) == .bound(.cell))
    #expect(policy.judgeShare(count: 5, size: 12) == .exact)
    #expect(policy.judgeShare(count: 6, size: 12) == .exact)
  }

  @Test("means: minimum group, identical answers in a small group")
  func means() {
    var alike = ValueHistogram()
    alike.add(3, count: 15)
    #expect(policy.judgeMean(alike) == .extremes)
    alike.add(3, count: 5)
    #expect(policy.judgeMean(alike) == nil)
    var few = ValueHistogram()
    few.add(1, count: 4)
    few.add(2, count: 5)
    #expect(policy.judgeMean(few) == .minimumGroup)
  }

  @Test("sizes are shown as bands")
  func bands() {
    #expect(SizeBand.band(for: 9, policy: policy) == nil)
    #expect(SizeBand.band(for: 10, policy: policy)?.description == "10–19")
    #expect(SizeBand.band(for: 49, policy: policy)?.description == "20–49")
    #expect(SizeBand.band(for: 100, policy: policy)?.description == "100–249")
    #expect(SizeBand.band(for: 2_600, policy: policy)?.description == "2,500–4,999")
    #expect(SizeBand.band(for: 1_000_000, policy: policy)?.description == "100,000+")
    let strict = DisclosurePolicy(minimumGroupSize: 25)
    #expect(strict.flatMap { SizeBand.band(for: 30, policy: $0) }?.description == "25–49")
  }

  @Test("distributions collapse into adjacent bands, or merge rare options, or are withheld")
  func distributions() throws {
    let shape = ItemShape.ordinal(codes: [1, 2, 3, 4, 5])
    let full = CodeHistogram(counts: [1: 6, 2: 7, 3: 8, 4: 9, 5: 10])
    #expect(policy.distributionRows(full, shape: shape)?.collapsed == false)
    let sparse = CodeHistogram(counts: [1: 2, 2: 5, 3: 8, 4: 9, 5: 3])
    let collapsed = try #require(policy.distributionRows(sparse, shape: shape))
    #expect(collapsed.collapsed)
    #expect(collapsed.rows.map(\.codes) == [[1, 2], [3], [4, 5]])
    #expect(collapsed.rows.map(\.count) == [7, 8, 12])
    let lopsided = CodeHistogram(counts: [1: 1, 5: 26])
    #expect(policy.distributionRows(lopsided, shape: shape) == nil)
    let nominal = ItemShape.nominal(codes: [1, 2, 3, 4])
    let rare = CodeHistogram(counts: [1: 20, 2: 15, 3: 3, 4: 2])
    let merged = try #require(policy.distributionRows(rare, shape: nominal))
    #expect(merged.rows.map(\.codes) == [[1], [2], [3, 4]])
    #expect(DisclosurePolicy.adjacentBands([1, 2, 3, 4], count: 2) == [[1, 2], [3, 4]])
    #expect(DisclosurePolicy.adjacentBands([1, 2, 3, 4, 5], count: 2) == [[1, 2, 3], [4, 5]])
    #expect(
      DisclosurePolicy.adjacentBands([1, 2, 3, 4, 5, 6, 7], count: 3) == [
        [1, 2], [3, 4, 5], [6, 7],
      ])
  }

  @Test("complementary suppression adds the smallest shown parts until the hidden ones pass")
  func complementary() {
    let parts = [("a", 40), ("b", 12), ("c", 30), ("d", 11)].map {
      Piece(chapter: $0.0, respondents: $0.1, value: $0.1)
    }
    let small = [Piece<Int>(chapter: "e", respondents: 3, value: 3)]
    let added = complement(
      parts, exact: { $0 >= 10 }, passes: { $0 >= 10 }, merge: { $0 += $1 }, alreadyHidden: small)
    #expect(added == ["d"])
    let none = complement(parts, exact: { $0 >= 10 }, passes: { $0 >= 10 }, merge: { $0 += $1 })
    #expect(none.isEmpty)
    let unassigned = [Piece<Int>(chapter: nil, respondents: 2, value: 2)]
    let forUnassigned = complement(
      parts + unassigned, exact: { $0 >= 10 }, passes: { $0 >= 10 }, merge: { $0 += $1 })
    #expect(forUnassigned == ["d"])
  }
}
