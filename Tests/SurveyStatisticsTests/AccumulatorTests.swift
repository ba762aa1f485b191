import Testing

@testable import SurveyStatistics

/// Split-and-merge of every accumulator equals one pass over all the data.
@Suite struct AccumulatorTests {
  /// A deterministic pseudo-random sequence (a linear congruential generator).
  struct Sequence: Sendable {
    var state: UInt64
    mutating func next() -> Double {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Double(state >> 11) / Double(1 << 53)
    }
  }

  static let splits = [1, 2, 7, 50, 199]

  @Test(arguments: splits)
  func weightedMomentsMerge(_ split: Int) throws {
    var random = Sequence(state: 42)
    let values = (0..<200).map { _ in 1e6 + 3 * random.next() }
    let weights = (0..<200).map { _ in 0.2 + 5 * random.next() }
    var whole = WeightedMoments()
    var left = WeightedMoments()
    var right = WeightedMoments()
    for (index, (value, weight)) in zip(values, weights).enumerated() {
      whole.add(value, weight: weight)
      if index < split { left.add(value, weight: weight) } else { right.add(value, weight: weight) }
    }
    left.addMissing(2)
    whole.addMissing(2)
    let merged = left.merged(with: right)
    #expect(merged.count == whole.count)
    #expect(merged.missingCount == whole.missingCount)
    let a = try #require(merged.meanEstimate())
    let b = try #require(whole.meanEstimate())
    expectClose(a.estimate, b.estimate, tolerance: 1e-12, family: "merge.mean")
    expectClose(a.standardError, b.standardError, tolerance: 1e-12, family: "merge.mean.se")
    expectClose(a.designEffect, b.designEffect, tolerance: 1e-12, family: "merge.deff")
    let t1 = try #require(merged.totalEstimate())
    let t2 = try #require(whole.totalEstimate())
    expectClose(t1.estimate, t2.estimate, tolerance: 1e-12, family: "merge.total")
    expectClose(t1.standardError, t2.standardError, tolerance: 1e-12, family: "merge.total.se")
    expectClose(merged.variance(), whole.variance(), tolerance: 1e-12, family: "merge.svyvar")
    expectClose(
      merged.kishEffectiveSize, whole.kishEffectiveSize, tolerance: 1e-12, family: "merge.kish")
  }

  @Test func weightedMomentsAreStableAroundALargeShift() throws {
    // Values near 1e9 with spread 1: a naive Σw²y² − (Σw²y)²/Σw² would lose every digit.
    let base = try #require(WeightedMoments(values: [1, 2, 3, 4, 5], weights: [1, 2, 1, 3, 1]))
    let shifted = try #require(
      WeightedMoments(values: [1, 2, 3, 4, 5].map { $0 + 1e9 }, weights: [1, 2, 1, 3, 1]))
    let a = try #require(base.meanEstimate())
    let b = try #require(shifted.meanEstimate())
    expectClose(b.standardError, a.standardError, tolerance: 1e-6, family: "stability.se")
    expectClose(shifted.variance(), base.variance(), tolerance: 1e-6, family: "stability.svyvar")
  }

  @Test(arguments: splits)
  func histogramMerge(_ split: Int) {
    var random = Sequence(state: 7)
    let codes: [Int?] = (0..<200).map { _ in
      let u = random.next()
      return u < 0.1 ? nil : Int(u * 5) + 1
    }
    let whole = CodeHistogram(codes: codes)
    let merged = CodeHistogram(codes: Array(codes.prefix(split)))
      .merged(with: CodeHistogram(codes: Array(codes.dropFirst(split))))
    #expect(merged == whole)
    #expect(merged.median == whole.median)
    #expect(merged.summary == whole.summary)
  }

  @Test func tablesMerge() throws {
    var whole = try #require(ContingencyTable(rows: 2, columns: 3))
    var left = try #require(ContingencyTable(rows: 2, columns: 3))
    var right = try #require(ContingencyTable(rows: 2, columns: 3))
    var pairsWhole = TwoByTwoTable()
    var pairsLeft = TwoByTwoTable()
    var pairsRight = TwoByTwoTable()
    for index in 0..<60 {
      let row = index % 2
      let column = (index * 7) % 3
      whole.add(row: row, column: column)
      let first = index % 3 == 0
      let second = index % 5 < 2
      pairsWhole.add(first: first, second: second)
      if index < 25 {
        left.add(row: row, column: column)
        pairsLeft.add(first: first, second: second)
      } else {
        right.add(row: row, column: column)
        pairsRight.add(first: first, second: second)
      }
    }
    #expect(left.merged(with: right) == whole)
    #expect(pairsLeft.merged(with: pairsRight) == pairsWhole)
    #expect(whole.total == 60)
    let outside = whole.add(row: 2, column: 0)
    #expect(!outside)
    let other = try #require(ContingencyTable(rows: 3, columns: 3))
    #expect(whole.merged(with: other) == nil)
  }
}
