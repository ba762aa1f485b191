import Foundation
import SurveyCore

/// One exact estimate for the analyst: a group's share or mean, or a difference with its test.
package struct EstimateRow: Sendable, Equatable {
  /// The wave.
  package var wave: String
  /// "organization" or the chapter.
  package var group: String
  /// What is estimated: `indicator:ID`, `exposure:CAUSE`, `index:ID`, and for differences
  /// `indicator:ID:versus-rest`, `indicator:ID:change-from:WAVE` or `relation:CAUSE:OUTCOME`.
  package var estimateID: String
  /// "share", "mean", "share difference" or "mean difference".
  package var measure: String
  package var estimate: Double
  package var standardError: Double?
  package var lower: Double?
  package var upper: Double?
  package var degreesOfFreedom: Double?
  /// Respondents with a value (both sides for a difference).
  package var count: Int
  /// Kish's effective sample size, for weighted estimates.
  package var effectiveSize: Double?
  /// How it was computed, in METHODS.md's words.
  package var method: String
  package var pValue: Double?
  /// Benjamini–Hochberg over every test in the file.
  package var adjustedPValue: Double?
}

/// Every estimate the reports of an aggregation rest on, in full precision, for the analyst:
/// each indicator, exposure share and index in the organization and in each chapter, each wave;
/// each indicator's difference from the rest of the organization and from the previous wave;
/// and each cause against each outcome in the organization. Disclosure control decides which
/// appear, as it decides what the reports show: no group or value the reports would withhold or
/// show only as a bound.
package struct EstimateTable {
  let builder: FindingsBuilder

  /// A table of the estimates of a findings builder's aggregation.
  package init(builder: FindingsBuilder) {
    self.builder = builder
  }

  var survey: Survey { builder.aggregation.survey }
  var options: EstimateOptions { builder.options }

  /// The rows, wave by wave (only `wave` when given), the organization first, then the chapters
  /// in their order; the tests' p values adjusted together.
  package func rows(wave only: String? = nil) -> (rows: [EstimateRow], withheld: Int) {
    var rows: [EstimateRow] = []
    var comparisons: [(row: Int, comparison: Comparison)] = []
    var withheld = 0
    let waves = builder.aggregation.waves
    for (position, wave) in waves.enumerated() where only == nil || only == wave {
      let previous = position > 0 ? waves[position - 1] : nil
      let scopes: [String?] = [nil] + builder.aggregation.chapters(in: wave).map { Optional($0) }
      if let raking = builder.aggregation.rakingResults.first(where: { $0.wave == wave }),
        let group = builder.group(.organization(wave)),
        Releaser(plan: builder.plan, options: options, survey: survey)
          .groupRule(.organization(wave), group) == nil
      {
        rows.append(Self.weightingRow(raking))
      }
      for chapter in scopes {
        var work = Work(table: self, wave: wave, previous: previous, chapter: chapter)
        work.run()
        withheld += work.withheld
        for (row, comparison) in work.comparisons {
          comparisons.append((rows.count + row, comparison))
        }
        rows += work.rows
      }
    }
    var tests = comparisons.map(\.comparison)
    ComparisonFamily.adjust(&tests)
    for (index, test) in tests.enumerated() {
      rows[comparisons[index].row].adjustedPValue = test.adjustedPValue
    }
    return (rows, withheld)
  }
}

extension EstimateTable {
  /// A wave's weights raked to the membership roll: Kish's design effect, the respondents and
  /// the effective n, and how the raking went.
  static func weightingRow(_ raking: WaveRaking) -> EstimateRow {
    EstimateRow(
      wave: raking.wave, group: "organization", estimateID: "weights:raking",
      measure: "Kish design effect", estimate: raking.designEffect, standardError: nil,
      lower: raking.factorRange.lowerBound, upper: raking.factorRange.upperBound,
      degreesOfFreedom: nil, count: raking.respondents, effectiveSize: raking.effectiveSize,
      method: "raking to the membership roll, \(raking.iterations) sweeps, "
        + (raking.converged
          ? "converged"
          : "not converged (largest gap \(raking.largestMarginError) of the members)")
        + "; lower and upper: the smallest and largest weight adjustment relative to the average",
      pValue: nil, adjustedPValue: nil)
  }

  /// The estimates of one group in one wave.
  struct Work {
    let table: EstimateTable
    let wave: String
    let previous: String?
    let chapter: String?
    var releaser: Releaser
    var rows: [EstimateRow] = []
    var comparisons: [(Int, Comparison)] = []
    var withheld = 0

    init(table: EstimateTable, wave: String, previous: String?, chapter: String?) {
      self.table = table
      self.wave = wave
      self.previous = previous
      self.chapter = chapter
      releaser = Releaser(
        plan: table.builder.plan, options: table.builder.options, survey: table.survey)
    }

    var builder: FindingsBuilder { table.builder }
    var survey: Survey { table.survey }
    var key: GroupKey { GroupKey(chapter: chapter, wave: wave) }
    var groupName: String { chapter ?? "organization" }

    mutating func run() {
      guard let group = builder.group(key) else { return }
      if releaser.groupRule(key, group) != nil {
        withheld += 1
        return
      }
      let design = builder.group(.organization(wave))?.respondents ?? group.respondents
      var measures = survey.indicators.indices.map {
        (MeasureKey.indicator($0), "indicator:" + survey.indicators[$0].id)
      }
      measures += survey.causes.indices.filter { survey.isMeasurable(cause: $0) }.map {
        (MeasureKey.exposure($0), "exposure:" + survey.causes[$0].id)
      }
      measures += survey.indexes.indices.map {
        (MeasureKey.index($0), "index:" + survey.indexes[$0].id)
      }
      for (measure, id) in measures {
        if let row = estimate(measure, id: id, of: group, key: key, design: design) {
          rows.append(row)
        } else {
          withheld += 1
        }
      }
      differences(group, design: design)
      if chapter == nil { relations(group, design: design) }
    }

    /// A value's exact estimate, when the reports would show it exactly.
    mutating func estimate(
      _ measure: MeasureKey, id: String, of group: GroupAccumulator, key: GroupKey, design: Int
    ) -> EstimateRow? {
      var scratch = releaser
      guard
        case .shown(let released) = scratch.estimate(
          measure, of: group, key: key, designSize: design), released.isExact,
        let accumulator = group.accumulator(measure)
      else { return nil }
      return exact(accumulator, isShare: measure.isShare(in: survey), id: id, design: design)
    }

    /// The estimate of an accumulator in full precision.
    func exact(_ accumulator: IndicatorAccumulator, isShare: Bool, id: String, design: Int)
      -> EstimateRow?
    {
      let options = table.options
      if isShare {
        guard
          let share = accumulator.share(
            level: options.level, method: options.shareMethod, weighted: options.weighted,
            designSize: design)
        else { return nil }
        let n = Double(share.trials)
        let se =
          share.isWeighted
          ? accumulator.moments.meanEstimate(designSize: design, designEffect: nil)?.standardError
          : (share.proportion * (1 - share.proportion) / n).squareRoot()
        let method =
          share.isWeighted
          ? "Hajek share, linearization SE, Korn-Graubard interval"
          : options.shareMethod == .wilson
            ? "share, Wilson score interval" : "share, Clopper-Pearson interval"
        return EstimateRow(
          wave: wave, group: groupName, estimateID: id, measure: "share",
          estimate: share.proportion, standardError: se, lower: share.interval?.lower,
          upper: share.interval?.upper, degreesOfFreedom: share.isWeighted ? n - 1 : nil,
          count: share.trials, effectiveSize: share.effectiveSize, method: method)
      }
      guard
        let mean = accumulator.mean(
          level: options.level, weighted: options.weighted, designSize: design)
      else { return nil }
      let n = Double(mean.count)
      let se =
        mean.isWeighted
        ? accumulator.moments.meanEstimate(designSize: design, designEffect: nil)?.standardError
        : mean.standardDeviation.map { $0 / n.squareRoot() }
      return EstimateRow(
        wave: wave, group: groupName, estimateID: id, measure: "mean", estimate: mean.mean,
        standardError: se, lower: mean.interval?.lower, upper: mean.interval?.upper,
        degreesOfFreedom: mean.count > 1 ? n - 1 : nil, count: mean.count,
        effectiveSize: mean.effectiveSize,
        method: mean.isWeighted ? "Hajek mean, linearization SE, t interval" : "mean, t interval")
    }

    /// Each indicator against the rest of the organization and against the previous wave, where
    /// the reports would show both sides exactly.
    mutating func differences(_ group: GroupAccumulator, design: Int) {
      let level = table.options.level
      for index in survey.indicators.indices {
        let id = "indicator:" + survey.indicators[index].id
        let isShare = survey.indicatorIsShare(index)
        var scratch = releaser
        let value = scratch.estimate(.indicator(index), of: group, key: key, designSize: design)
        let first = group.indicators[index]
        if let chapter {
          let rest = builder.aggregation.rest(excluding: chapter, wave: wave)
          let restValue = scratch.estimate(
            .indicator(index), of: rest, key: .organization(wave), designSize: design)
          if releaser.comparisonRule(value, restValue) == nil,
            let comparison = Comparison.groups(
              first, rest.indicators[index], isShare: isShare, weighted: table.options.weighted,
              level: level)
          {
            append(comparison, id: id + ":versus-rest", isShare: isShare)
          }
        }
        guard let previous, builder.blocked(index, wave: previous) == nil else { continue }
        let previousKey = GroupKey(chapter: chapter, wave: previous)
        guard let before = builder.group(previousKey) else { continue }
        let previousDesign = builder.group(.organization(previous))?.respondents ?? 0
        let previousValue = scratch.estimate(
          .indicator(index), of: before, key: previousKey, designSize: previousDesign)
        guard releaser.comparisonRule(previousValue, value) == nil else { continue }
        let pairs = builder.aggregation.pairs(chapter: chapter, earlier: previous, later: wave)
        let paired =
          pairs.indicators.indices.contains(index) ? pairs.indicators[index] : PairedAccumulator()
        if let comparison = Comparison.change(
          first, before.indicators[index], paired: paired, isShare: isShare,
          weighted: table.options.weighted, minimumPairs: builder.plan.policy.minimumGroupSize,
          level: level)
        {
          append(comparison, id: id + ":change-from:" + previous, isShare: isShare)
        }
      }
    }

    /// Each measurable cause against each outcome in the organization, where both the exposed
    /// and the unexposed value would be shown exactly.
    mutating func relations(_ group: GroupAccumulator, design: Int) {
      guard group.respondents >= builder.plan.policy.minimumGroupSize else { return }
      for cause in group.causes.indices where survey.isMeasurable(cause: cause) {
        let accumulator = group.causes[cause]
        for outcome in builder.outcomes {
          let isShare = survey.indicatorIsShare(outcome)
          guard
            let relation = CauseRelation.relation(
              cause: cause, outcome: outcome, accumulator: accumulator, isShare: isShare,
              level: table.options.level, weighted: table.options.weighted)
          else { continue }
          let sides = [accumulator.exposed[outcome], accumulator.unexposed[outcome]]
          let shown = sides.allSatisfy { side in
            var scratch = releaser
            let released =
              isShare
              ? scratch.share(side, designSize: design, kind: .relation).map(
                ReleasedEstimate.share)
              : scratch.mean(side, designSize: design).map(ReleasedEstimate.mean)
            if case .shown(let value) = released { return value.isExact }
            return false
          }
          guard shown else {
            withheld += 1
            continue
          }
          append(
            relation.comparison,
            id: "relation:" + survey.causes[cause].id + ":" + survey.indicators[outcome].id,
            isShare: isShare)
        }
      }
    }

    /// A difference as a row, kept for the adjustment of p values.
    mutating func append(_ comparison: Comparison, id: String, isShare: Bool) {
      guard let difference = comparison.difference else { return }
      let interval = isShare ? "Newcombe interval" : "t interval"
      comparisons.append((rows.count, comparison))
      rows.append(
        EstimateRow(
          wave: wave, group: groupName, estimateID: id,
          measure: isShare ? "share difference" : "mean difference", estimate: difference,
          standardError: nil, lower: comparison.interval?.lower, upper: comparison.interval?.upper,
          degreesOfFreedom: comparison.degreesOfFreedom,
          count: comparison.firstCount + comparison.secondCount, effectiveSize: nil,
          method: comparison.test.rawValue + ", " + interval, pValue: comparison.pValue))
    }
  }
}
