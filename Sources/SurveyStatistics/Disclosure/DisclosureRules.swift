/// A value a report can show per group, for disclosure control across groups.
package enum MeasureKey: Sendable, Hashable, Comparable {
  /// A survey indicator (share or mean).
  case indicator(Int)
  /// The share exposed to a cause.
  case exposure(Int)
  /// An exposure index (a mean).
  case index(Int)
  /// A question's answer distribution.
  case item(Int)
  /// A question's item non-response rate.
  case nonresponse(Int)
}

/// How a share may be displayed under a policy.
package enum ShareJudgement: Sendable, Equatable {
  /// Show the percentage.
  case exact
  /// Show a bound, for this rule.
  case bound(DisclosureRule)
  /// Withhold it.
  case withheld(DisclosureRule)
}

extension DisclosurePolicy {
  /// Judges a share of `count` out of `size`.
  package func judgeShare(count: Int, size: Int) -> ShareJudgement {
    guard size >= minimumGroupSize else { return .withheld(.minimumGroup) }
    let complement = size - count
    if size < noExtremesBelow && (count == 0 || complement == 0) { return .bound(.extremes) }
    if !cellPasses(count) || !cellPasses(complement) { return .bound(.cell) }
    return .exact
  }

  /// Judges a mean over a histogram of values: withheld below the minimum group size, and when
  /// every value is the same in a group below the extremes threshold.
  package func judgeMean(_ values: ValueHistogram) -> DisclosureRule? {
    let size = values.count
    if size < minimumGroupSize { return .minimumGroup }
    if size < noExtremesBelow && values.counts.count <= 1 { return .extremes }
    return nil
  }

  /// Judges a mean of an indicator's known values, as ``judgeMean(_:)-(ValueHistogram)`` does.
  package func judgeMean(_ accumulator: IndicatorAccumulator) -> DisclosureRule? {
    if accumulator.known < minimumGroupSize { return .minimumGroup }
    if accumulator.known < noExtremesBelow && accumulator.isUniform { return .extremes }
    return nil
  }

  /// Whether a count of answers passes every rule for a category of a distribution.
  package func categoryPasses(count: Int, size: Int) -> Bool {
    judgeShare(count: count, size: size) == .exact
  }
}

/// The shape of a question's answers, for how its distribution is shown and tested.
package enum ItemShape: Sendable, Equatable {
  /// Single choice with ordered options (a scale item or a grid row): collapse into adjacent
  /// bands; compare with Mann–Whitney.
  case ordinal(codes: [Int])
  /// Single choice without order: merge rare options into one row; compare with chi-square.
  case nominal(codes: [Int])
  /// Multiple choice: each option is its own share of those who answered.
  case multiple(codes: [Int])
  /// A number, text or date: no distribution.
  case other
}

extension DisclosurePolicy {
  /// The rows a distribution can show: every option when each passes the cell rules; else,
  /// for ordinal items, three then two adjacent bands; for nominal items, the rare options
  /// merged into one row. Nil when nothing passes (or for multiple choice and other shapes).
  ///
  /// - Returns: The rows' codes and counts, and whether options were collapsed.
  package func distributionRows(
    _ histogram: CodeHistogram, shape: ItemShape
  ) -> (rows: [(codes: [Int], count: Int)], collapsed: Bool)? {
    let size = histogram.count
    guard size >= minimumGroupSize else { return nil }
    func passes(_ rows: [(codes: [Int], count: Int)]) -> Bool {
      rows.count >= 2 && rows.allSatisfy { categoryPasses(count: $0.count, size: size) }
    }
    func row(_ codes: [Int]) -> (codes: [Int], count: Int) {
      (codes, codes.reduce(0) { $0 + histogram.count(of: $1) })
    }
    switch shape {
    case .ordinal(let codes):
      let full = codes.map { row([$0]) }
      if passes(full) { return (full, false) }
      for bandCount in [3, 2] where codes.count > bandCount {
        let bands = Self.adjacentBands(codes, count: bandCount).map(row)
        if passes(bands) { return (bands, true) }
      }
      return nil
    case .nominal(let codes):
      let full = codes.map { row([$0]) }
      if passes(full) { return (full, false) }
      let kept = full.filter { categoryPasses(count: $0.count, size: size) && $0.count > 0 }
      let merged = full.filter { !(categoryPasses(count: $0.count, size: size) && $0.count > 0) }
      let rest = (merged.flatMap(\.codes), merged.reduce(0) { $0 + $1.count })
      let rows = kept + (rest.0.isEmpty ? [] : [rest])
      return passes(rows) ? (rows, true) : nil
    case .multiple, .other:
      return nil
    }
  }

  /// Splits ordered codes into `count` adjacent bands as even as possible (the middle band takes
  /// the odd code: 5 codes in 3 bands are 2, 1, 2).
  static func adjacentBands(_ codes: [Int], count: Int) -> [[Int]] {
    guard count >= 2, codes.count > count else { return codes.map { [$0] } }
    if count == 2 {
      let half = codes.count / 2
      if codes.count % 2 == 0 { return [Array(codes[..<half]), Array(codes[half...])] }
      // Odd: the middle option goes with the lower half (the upper half against the rest).
      return [Array(codes[...half]), Array(codes[(half + 1)...])]
    }
    let side = codes.count / 3 + (codes.count % 3 == 2 ? 1 : 0)
    return [
      Array(codes[..<side]), Array(codes[side..<(codes.count - side)]),
      Array(codes[(codes.count - side)...]),
    ]
  }
}
