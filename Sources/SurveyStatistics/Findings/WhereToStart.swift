import Foundation
import SurveyCore

/// A cause whose exposure goes with a clear part of a group's disconnection: the outcome among
/// the exposed and the others, and the attributable excess (how much the group's figure would
/// change if the exposed fared as the others do).
package struct StartingPoint: Sendable, Equatable {
  /// The cause's position.
  package var cause: Int
  /// The outcome indicator's position.
  package var outcome: Int
  /// Whether the outcome is a share (else a mean).
  package var isShare: Bool
  /// The outcome among the exposed, the unexposed and everyone with both known.
  package var exposed: Double
  package var unexposed: Double
  package var all: Double
  /// The attributable excess `all − unexposed` (a proportion for shares) and its interval.
  package var excess: Double
  package var lower: Double
  package var upper: Double
  /// The excess as a fraction of the group's figure (the attributable fraction for shares).
  package var fraction: Double
  /// The people with both the exposure and the outcome known.
  package var size: Double
  /// The excess's standard error and the critical value of its interval.
  package var standardError: Double
  package var critical: Double

  /// The values to nine decimals, so that counts merged in another order (threads, chunks)
  /// give the same section: sums of doubles differ in their last bits, never at 10⁻⁹.
  var rounded: StartingPoint {
    var point = self
    for path in [
      \StartingPoint.exposed, \.unexposed, \.all, \.excess, \.lower, \.upper, \.fraction,
      \.standardError, \.critical,
    ] {
      point[keyPath: path] = Releaser.rounded(point[keyPath: path], decimals: 9)
    }
    return point
  }
}

/// The "Where to start" section of a report: at most three causes, ranked by how much of the
/// group's disconnection goes with them, where the interval excludes no harm; or, when none is
/// clear, the largest gap and how many more answers would show a gap of that size.
package struct WhereToStart: Sendable, Equatable {
  /// The causes to start with, largest share of the group's outcome first.
  package var points: [StartingPoint] = []
  /// When none is clear: the largest gap in the harmful direction.
  package var closest: StartingPoint?
  /// How many more answers (rounded up to tens) would show the closest gap clearly, if the
  /// answers went on as they are.
  package var moreAnswers: Int?
  /// Whether the group is too small for any figure.
  package var isWithheld = false

  /// The most causes the section names.
  package static let limit = 3
}

extension FindingsBuilder {
  /// The section for a group in a wave. Only pairs of a cause and an outcome whose figures the
  /// reports may show take part: the exposed and the unexposed each at least the minimum group,
  /// and for shares every cell of the 2×2 table either 0 or at least the cell minimum (and no
  /// empty cell in a group under the no-extremes size), so the ranking reveals nothing withheld.
  package func whereToStart(_ key: GroupKey) -> WhereToStart {
    let survey = aggregation.survey
    let policy = plan.policy
    guard let group = group(key), group.respondents >= policy.minimumGroupSize else {
      return WhereToStart(isWithheld: true)
    }
    var candidates: [StartingPoint] = []
    for cause in survey.causes.indices where survey.isMeasurable(cause: cause) {
      guard group.causes.indices.contains(cause) else { continue }
      for outcome in outcomes {
        let exposed = group.causes[cause].exposed[outcome]
        let unexposed = group.causes[cause].unexposed[outcome]
        guard let point = startingPoint(cause, outcome, exposed, unexposed, group: group)
        else { continue }
        candidates.append(point.rounded)
      }
    }
    let harmful = candidates.filter { isHarmful($0) }
    var best: [Int: StartingPoint] = [:]
    for point in harmful where isClear(point) {
      if let known = best[point.cause], abs(known.fraction) >= abs(point.fraction) { continue }
      best[point.cause] = point
    }
    var result = WhereToStart()
    result.points = Array(
      best.values.sorted {
        (abs($0.fraction), -$0.cause, -$0.outcome) > (abs($1.fraction), -$1.cause, -$1.outcome)
      }.prefix(WhereToStart.limit))
    if result.points.isEmpty,
      let closest = harmful.filter({ $0.excess != 0 }).max(by: {
        (abs($0.fraction), -$0.cause, -$0.outcome) < (abs($1.fraction), -$1.cause, -$1.outcome)
      })
    {
      result.closest = closest
      // The interval's half-width shrinks as 1/√n: n' = n (z·SE / |excess|)².
      let needed =
        closest.size * pow(closest.critical * closest.standardError / abs(closest.excess), 2)
      // A gap so small that it would take more answers than any organization has is not
      // worth a number (and must not overflow one).
      let more = needed - closest.size
      if needed.isFinite, more > 0, more <= 1_000_000 {
        result.moreAnswers = Int((more / 10).rounded(.up)) * 10
      }
    }
    return result
  }

  /// Whether the excess points to more disconnection with the exposure.
  func isHarmful(_ point: StartingPoint) -> Bool {
    aggregation.survey.indicators[point.outcome].better == .lower
      ? point.excess > 0 : point.excess < 0
  }

  /// Whether the interval excludes zero.
  func isClear(_ point: StartingPoint) -> Bool {
    point.lower > 0 || point.upper < 0
  }

  /// The attributable excess of one cause and one outcome in a group, when its figures may be
  /// shown.
  func startingPoint(
    _ cause: Int, _ outcome: Int, _ exposed: IndicatorAccumulator,
    _ unexposed: IndicatorAccumulator, group: GroupAccumulator
  ) -> StartingPoint? {
    let survey = aggregation.survey
    let policy = plan.policy
    let isShare = if case .share = survey.indicators[outcome].measure { true } else { false }
    let exposedCount = exposed.moments.count
    let unexposedCount = unexposed.moments.count
    guard exposedCount >= policy.minimumGroupSize, unexposedCount >= policy.minimumGroupSize
    else { return nil }
    if isShare {
      let cells = [
        exposed.trueCount, exposed.falseCount, unexposed.trueCount, unexposed.falseCount,
      ]
      guard cells.allSatisfy({ $0 == 0 || $0 >= policy.minimumCell }) else { return nil }
      if cells.contains(0), exposedCount + unexposedCount < policy.noExtremesBelow { return nil }
    }
    let z = NormalDistribution.standardQuantile(lower: 0.975, upper: 0.025)
    if !options.weighted, isShare {
      guard
        let measured = AttributableFraction(
          a: Double(exposed.trueCount), b: Double(exposed.falseCount),
          c: Double(unexposed.trueCount), d: Double(unexposed.falseCount))
      else { return nil }
      return StartingPoint(
        cause: cause, outcome: outcome, isShare: true, exposed: measured.shareExposed,
        unexposed: measured.shareUnexposed, all: measured.shareAll, excess: measured.excess,
        lower: measured.excessLower, upper: measured.excessUpper,
        fraction: measured.shareAll > 0 ? measured.excess / measured.shareAll : 0,
        size: measured.total, standardError: (measured.excessUpper - measured.excess) / z,
        critical: z)
    }
    let all = exposed.moments.merged(with: unexposed.moments)
    if !options.weighted {
      guard let allVariance = all.variance(designSize: all.count),
        let unexposedVariance = unexposed.moments.variance(designSize: unexposedCount),
        let measured = AttributableFraction.MeanExcess(
          all: (Double(all.count), all.mean, allVariance),
          unexposed: (Double(unexposedCount), unexposed.moments.mean, unexposedVariance))
      else { return nil }
      let critical =
        measured.standardError > 0 ? (measured.upper - measured.excess) / measured.standardError : z
      return StartingPoint(
        cause: cause, outcome: outcome, isShare: false, exposed: exposed.moments.mean,
        unexposed: measured.meanUnexposed, all: measured.meanAll, excess: measured.excess,
        lower: measured.lower, upper: measured.upper,
        fraction: measured.meanAll != 0 ? measured.excess / measured.meanAll : 0,
        size: Double(all.count), standardError: measured.standardError, critical: critical)
    }
    // Weighted: the weighted figures with their linearization SEs, combined as the Wald
    // interval of shares combines the unweighted ones.
    guard let allEstimate = all.meanEstimate(designEffect: nil),
      let unexposedEstimate = unexposed.moments.meanEstimate(designEffect: nil)
    else { return nil }
    let excess = allEstimate.estimate - unexposedEstimate.estimate
    let standardError = sqrt(
      allEstimate.standardError * allEstimate.standardError
        + unexposedEstimate.standardError * unexposedEstimate.standardError)
    return StartingPoint(
      cause: cause, outcome: outcome, isShare: isShare, exposed: exposed.moments.mean,
      unexposed: unexposedEstimate.estimate, all: allEstimate.estimate, excess: excess,
      lower: excess - z * standardError, upper: excess + z * standardError,
      fraction: allEstimate.estimate != 0 ? excess / allEstimate.estimate : 0,
      size: Double(all.count), standardError: standardError, critical: z)
  }
}
