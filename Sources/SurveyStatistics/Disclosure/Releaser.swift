import Foundation
import SurveyCore

/// How estimates are made.
package struct EstimateOptions: Sendable, Equatable {
  /// The confidence level of every interval.
  package var level: Double
  /// The interval for unweighted shares.
  package var shareMethod: ShareIntervalMethod
  /// Whether to use the respondents' weights.
  package var weighted: Bool

  /// Creates options (95 %, Wilson, unweighted by default).
  package init(
    level: Double = 0.95, shareMethod: ShareIntervalMethod = .wilson, weighted: Bool = false
  ) {
    self.level = level
    self.shareMethod = shareMethod
    self.weighted = weighted
  }
}

/// The only way from estimates to something a report can show: every value passes the plan's
/// rules here, and everything withheld is counted in the audit.
package struct Releaser: Sendable {
  /// The cross-group decisions.
  package let plan: DisclosurePlan
  /// How estimates are made.
  package let options: EstimateOptions
  /// The survey.
  package let survey: Survey
  /// What was withheld so far.
  package internal(set) var audit: DisclosureAudit

  /// A releaser for one report.
  package init(plan: DisclosurePlan, options: EstimateOptions, survey: Survey) {
    self.plan = plan
    self.options = options
    self.survey = survey
    audit = DisclosureAudit(policy: plan.policy)
  }

  var policy: DisclosurePolicy { plan.policy }

  /// Records a withheld value and returns it.
  mutating func withhold<Value>(_ rule: DisclosureRule, _ kind: CellKind) -> Released<Value> {
    audit.record(rule, kind)
    let message =
      switch rule {
      case .minimumGroup: policy.tooFewMessage
      case .complementary: "withheld to protect a smaller group"
      case .extremes: "withheld: every answer alike in a small group"
      case .cell: "withheld: too few answers in a category"
      case .waveDifference:
        "withheld: with the previous wave's figure it would describe the few people who joined or left"
      }
    return .withheld(rule, message: message)
  }

  /// The group's size band, or why it is withheld.
  package mutating func group(_ key: GroupKey, _ group: GroupAccumulator?) -> Released<SizeBand> {
    guard let group, let band = SizeBand.band(for: group.respondents, policy: policy) else {
      return withhold(.minimumGroup, .group)
    }
    if let chapter = key.chapter, plan.isGroupWithheld(chapter, wave: key.wave) {
      return withhold(.complementary, .group)
    }
    return .shown(band)
  }

  /// Why a group's values are all withheld, if they are.
  func groupRule(_ key: GroupKey, _ group: GroupAccumulator) -> DisclosureRule? {
    if group.respondents < policy.minimumGroupSize { return .minimumGroup }
    if plan.isLinkedWithheld(key.chapter, wave: key.wave) { return .waveDifference }
    if let chapter = key.chapter, plan.isGroupWithheld(chapter, wave: key.wave) {
      return .complementary
    }
    return nil
  }

  /// Why a value of a group is withheld because of its group or of complementary suppression.
  func contextRule(_ measure: MeasureKey, _ key: GroupKey, _ group: GroupAccumulator)
    -> DisclosureRule?
  {
    if let rule = groupRule(key, group) { return rule }
    if plan.isLinkedWithheld(measure, chapter: key.chapter, wave: key.wave) {
      return .waveDifference
    }
    if let chapter = key.chapter, plan.isValueWithheld(measure, chapter: chapter, wave: key.wave) {
      return .complementary
    }
    return nil
  }

  /// A share or mean value of a group.
  ///
  /// - Parameter designSize: The respondents of the whole design (the organization in the wave),
  ///   for the weighted standard error of a domain.
  package mutating func estimate(
    _ measure: MeasureKey, of group: GroupAccumulator, key: GroupKey, designSize: Int
  ) -> Released<ReleasedEstimate> {
    let isShare = measure.isShare(in: survey)
    let kind: CellKind = isShare ? .share : .mean
    if let rule = contextRule(measure, key, group) { return withhold(rule, kind) }
    guard let accumulator = group.accumulator(measure) else { return withhold(.minimumGroup, kind) }
    if isShare {
      return share(accumulator, designSize: designSize, kind: kind).map(ReleasedEstimate.share)
    }
    return mean(accumulator, designSize: designSize).map(ReleasedEstimate.mean)
  }

  /// A share after the cell and extremes rules.
  mutating func share(
    _ accumulator: IndicatorAccumulator, designSize: Int, kind: CellKind
  ) -> Released<ReleasedShare> {
    guard
      let estimate = accumulator.share(
        level: options.level, method: options.shareMethod, weighted: options.weighted,
        designSize: designSize)
    else { return withhold(.minimumGroup, kind) }
    return releaseShare(
      count: estimate.successes, size: estimate.trials, proportion: estimate.proportion,
      interval: estimate.interval, effectiveSize: estimate.effectiveSize,
      isWeighted: estimate.isWeighted,
      kind: kind)
  }

  /// An unweighted share from counts (for facts about the data, such as non-response).
  mutating func countShare(count: Int, size: Int, kind: CellKind) -> Released<ReleasedShare> {
    guard size > 0 else { return withhold(.minimumGroup, kind) }
    let interval = ProportionInterval.interval(
      successes: count, trials: size, level: options.level,
      method: options.shareMethod == .wilson ? .wilson : .clopperPearson)
    return releaseShare(
      count: count, size: size, proportion: Double(count) / Double(size), interval: interval,
      effectiveSize: nil, isWeighted: false, kind: kind)
  }

  /// Applies the share rules to an estimate.
  mutating func releaseShare(
    count: Int, size: Int, proportion: Double, interval: ConfidenceInterval?,
    effectiveSize: Double?,
    isWeighted: Bool, kind: CellKind
  ) -> Released<ReleasedShare> {
    guard let band = SizeBand.band(for: size, policy: policy) else {
      return withhold(.minimumGroup, kind)
    }
    let effective = effectiveSize ?? Double(size)
    switch policy.judgeShare(count: count, size: size) {
    case .withheld(let rule):
      return withhold(rule, kind)
    case .bound(let rule):
      audit.record(rule, kind)
      let bound = policy.lowBound(size: size)
      return .shown(
        ReleasedShare(
          percent: count * 2 < size ? .below(bound) : .above(100 - bound), interval: nil,
          size: band,
          isWeighted: isWeighted, isLowPrecision: effective < 30))
    case .exact:
      let points = interval.map { interval in
        Self.percentPoints(
          interval.lower)...max(
            Self.percentPoints(interval.lower), Self.percentPoints(interval.upper))
      }
      let wide = interval.map { $0.upper - $0.lower > 0.30 } ?? true
      return .shown(
        ReleasedShare(
          percent: .value(policy.percent(proportion, size: size)), interval: points, size: band,
          isWeighted: isWeighted, isLowPrecision: effective < 30 || wide))
    }
  }

  /// A mean after the group-size and identical-answers rules; never a minimum or maximum.
  ///
  /// - Parameter decimals: The decimals to round to (default: by the group's size); two groups
  ///   compared side by side share the coarser rounding.
  mutating func mean(
    _ accumulator: IndicatorAccumulator, designSize: Int, decimals: Int? = nil
  ) -> Released<ReleasedMean> {
    if let rule = policy.judgeMean(accumulator) { return withhold(rule, .mean) }
    guard
      let estimate = accumulator.mean(
        level: options.level, weighted: options.weighted, designSize: designSize),
      let band = SizeBand.band(for: estimate.count, policy: policy)
    else { return withhold(.minimumGroup, .mean) }
    let decimals = decimals ?? policy.decimals(size: estimate.count)
    let round = { (value: Double) in Self.rounded(value, decimals: decimals) }
    return .shown(
      ReleasedMean(
        mean: round(estimate.mean),
        interval: estimate.interval.map { round($0.lower)...max(round($0.lower), round($0.upper)) },
        standardDeviation: estimate.standardDeviation.map(round),
        median: estimate.median.map(round),
        lowerQuartile: estimate.lowerQuartile.map(round),
        upperQuartile: estimate.upperQuartile.map(round),
        decimals: decimals, size: band, isWeighted: estimate.isWeighted,
        isLowPrecision: (estimate.effectiveSize ?? Double(estimate.count)) < 30))
  }

  /// A proportion as whole percentage points.
  static func percentPoints(_ proportion: Double) -> Int {
    Int(roundHalfAway(min(1, max(0, proportion)) * 100))
  }

  /// A number rounded half away from zero.
  package static func rounded(_ value: Double, decimals: Int) -> Double {
    let scale = pow(10, Double(decimals))
    return roundHalfAway(value * scale) / scale
  }

  /// A value, in units of the last digit shown, rounded half away from zero once the
  /// floating-point noise below 1e-9 of that digit is removed: a share that is exactly 37.5%
  /// rounds to 38% whether its sums came out as 0.375 or 0.37499999999999994, so the figure
  /// does not depend on the order in which rows were added.
  package static func roundHalfAway(_ scaled: Double) -> Double {
    guard scaled.isFinite, abs(scaled) < 1e6 else {
      return scaled.rounded(.toNearestOrAwayFromZero)
    }
    return ((scaled * 1e9).rounded() / 1e9).rounded(.toNearestOrAwayFromZero)
  }
}

extension Released {
  /// Transforms a shown value.
  package func map<Other>(_ transform: (Value) -> Other) -> Released<Other> {
    switch self {
    case .shown(let value): .shown(transform(value))
    case .withheld(let rule, let message): .withheld(rule, message: message)
    }
  }
}
