/// The thresholds of disclosure control (product design, "Privacy rules"; statistics.md §5.8).
///
/// Every estimate goes through a ``Releaser`` built on a policy before anything renders it.
package struct DisclosurePolicy: Sendable, Equatable {
  /// The version of the rules, printed in every report's audit section.
  package static let rulesVersion = "1"
  /// No policy may show a group smaller than this.
  package static let floor = 5

  /// No statistic for a group (or a value) with fewer respondents than this.
  package let minimumGroupSize: Int
  /// A count and its complement must each be 0 or at least this.
  package let minimumCell: Int
  /// No 0 % or 100 % (and no mean of identical answers) for groups smaller than this.
  package let noExtremesBelow: Int
  /// Percentages are rounded to 5-point steps for groups smaller than this.
  package let coarseRoundingBelow: Int

  /// The default policy: groups of 10, cells of 5, no extremes under 20, coarse rounding under 30.
  package static let standard = DisclosurePolicy(checkedMinimumGroupSize: 10)

  /// A policy with a different minimum group size.
  ///
  /// - Parameter minimumGroupSize: At least ``floor``.
  /// - Returns: nil when the size is below the floor.
  package init?(minimumGroupSize: Int) {
    guard minimumGroupSize >= Self.floor else { return nil }
    self.init(checkedMinimumGroupSize: minimumGroupSize)
  }

  private init(checkedMinimumGroupSize size: Int) {
    minimumGroupSize = size
    minimumCell = 5
    noExtremesBelow = max(20, size)
    coarseRoundingBelow = max(30, size)
  }

  /// "fewer than 10 responses".
  package var tooFewMessage: String { "fewer than \(minimumGroupSize) responses" }

  /// Whether a count passes the cell rule: 0 or at least ``minimumCell``.
  package func cellPasses(_ count: Int) -> Bool { count == 0 || count >= minimumCell }

  /// The percentage step for a group: 5 under ``coarseRoundingBelow``, else 1.
  package func percentStep(size: Int) -> Int { size < coarseRoundingBelow ? 5 : 1 }

  /// Rounds a proportion to a whole percentage in the group's step (half away from zero), never
  /// to 0 or 100 unless the proportion is exactly 0 or 1.
  package func percent(_ proportion: Double, size: Int) -> Int {
    let step = percentStep(size: size)
    let clamped = min(1, max(0, proportion))
    var value = Int(Releaser.roundHalfAway(clamped * 100 / Double(step))) * step
    if value == 0 && clamped > 0 { value = step }
    if value == 100 && clamped < 1 { value = 100 - step }
    return value
  }

  /// The smallest step multiple at or above `minimumCell/size` as a percentage: the bound shown
  /// instead of a share whose count is below the cell minimum.
  package func lowBound(size: Int) -> Int {
    let step = percentStep(size: size)
    guard size > 0 else { return 100 - step }
    let raw = Double(minimumCell) * 100 / Double(size)
    let bound = Int((raw / Double(step)).rounded(.up)) * step
    return min(100 - step, max(step, bound))
  }

  /// Decimal places for means of a group: 1 under ``coarseRoundingBelow``, else 2.
  package func decimals(size: Int) -> Int { size < coarseRoundingBelow ? 1 : 2 }
}

/// A range of respondents shown instead of an exact count.
package struct SizeBand: Sendable, Hashable, CustomStringConvertible {
  /// The smallest count in the band.
  package var lower: Int
  /// The largest, or nil for an open band ("1,000+").
  package var upper: Int?

  /// The lower bounds of the bands above the minimum group size.
  static let bounds = [20, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 25_000, 50_000, 100_000]

  /// The band holding a count, or nil when the count is below the policy's minimum.
  package static func band(for count: Int, policy: DisclosurePolicy) -> SizeBand? {
    guard count >= policy.minimumGroupSize else { return nil }
    let lowers = [policy.minimumGroupSize] + bounds.filter { $0 > policy.minimumGroupSize }
    guard let index = lowers.lastIndex(where: { $0 <= count }) else { return nil }
    let upper = index + 1 < lowers.count ? lowers[index + 1] - 1 : nil
    return SizeBand(lower: lowers[index], upper: upper)
  }

  /// "10–19", "100–249", "100,000+".
  package var description: String {
    guard let upper else { return Self.grouped(lower) + "+" }
    return Self.grouped(lower) + "–" + Self.grouped(upper)
  }

  /// Digits grouped by thousands with commas.
  static func grouped(_ value: Int) -> String {
    let digits = String(value)
    var result = ""
    for (offset, character) in digits.enumerated() {
      if offset > 0 && (digits.count - offset) % 3 == 0 { result.append(",") }
      result.append(character)
    }
    return result
  }
}
