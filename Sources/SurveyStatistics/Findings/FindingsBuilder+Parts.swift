import SurveyCore

/// A cause–outcome relation whose test awaits the report's adjustment.
struct RelationDraft {
  var inChapter: Bool
  var cause: Int
  var outcome: Int
  var exposed: ReleasedEstimate
  var unexposed: ReleasedEstimate
  var standardized: Double
}

/// An index–outcome correlation whose p value awaits the report's adjustment.
struct CorrelationDraft {
  var index: Int
  var outcome: Int
  var size: SizeBand
  var result: SpearmanCorrelation.Result
}

extension Work {
  /// The decimals to compare two released values with.
  static func decimals(_ first: Released<ReleasedEstimate>, _ second: Released<ReleasedEstimate>)
    -> Int
  {
    [first, second].compactMap { released -> Int? in
      if case .shown(.mean(let mean)) = released { return mean.decimals }
      return nil
    }.min() ?? 2
  }

  mutating func indicatorFinding(_ index: Int) -> IndicatorFinding {
    let key = MeasureKey.indicator(index)
    let isShare = key.isShare(in: survey)
    let value = releaser.estimate(key, of: group, key: groupKey, designSize: designSize)
    var finding = IndicatorFinding(indicator: index, value: value)
    let first =
      group.indicators.indices.contains(index) ? group.indicators[index] : IndicatorAccumulator()
    if let rest {
      finding.organization = releaser.estimate(
        key, of: organization, key: .organization(wave), designSize: designSize)
      var scratch = releaser
      let restValue = scratch.estimate(
        key, of: rest, key: .organization(wave), designSize: designSize)
      if let rule = releaser.comparisonRule(value, restValue) {
        finding.versusRest = releaser.withheldComparison(rule, .comparison)
      } else if let comparison = Comparison.groups(
        first, rest.indicators[index], isShare: isShare, weighted: builder.options.weighted,
        level: builder.options.level)
      {
        pending.append(
          (.indicatorRest(index), comparison, isShare, Self.decimals(value, restValue)))
      }
    }
    guard let previousWave else { return finding }
    if let reason = builder.blocked(index, wave: previousWave) {
      // The survey changed in a way that breaks this indicator: no previous value, no change.
      finding.notComparable = reason
      return finding
    }
    let previousKey = GroupKey(chapter: scope.chapter, wave: previousWave)
    let previousGroup = builder.group(previousKey) ?? GroupAccumulator(survey: survey)
    let previousDesign = builder.group(.organization(previousWave))?.respondents ?? 0
    let previous = releaser.estimate(
      key, of: previousGroup, key: previousKey, designSize: previousDesign)
    finding.previous = previous
    let pairs =
      pairsCache
      ?? builder.aggregation.pairs(chapter: scope.chapter, earlier: previousWave, later: wave)
    pairsCache = pairs
    let earlier =
      previousGroup.indicators.indices.contains(index)
      ? previousGroup.indicators[index] : IndicatorAccumulator()
    let paired =
      pairs.indicators.indices.contains(index) ? pairs.indicators[index] : PairedAccumulator()
    // A change is shown when both levels are: it tells a reader nothing the two levels do not.
    // When too few linked people joined or left, the later level is withheld by the plan (see
    // ``DisclosurePlan/linkedGroups``), and the change with it.
    if let rule = releaser.comparisonRule(previous, value) {
      finding.change = releaser.withheldComparison(rule, .change)
      return finding
    }
    if let comparison = Comparison.change(
      first, earlier, paired: paired, isShare: isShare, weighted: builder.options.weighted,
      minimumPairs: policy.minimumGroupSize, level: builder.options.level)
    {
      pending.append((.indicatorChange(index), comparison, isShare, Self.decimals(previous, value)))
    }
    return finding
  }

  mutating func itemFinding(_ position: Int) -> ItemFinding {
    let shape = builder.shapes[position]
    let distribution = releaser.distribution(
      question: position, shape: shape, of: group, key: groupKey)
    var finding = ItemFinding(
      question: position, distribution: distribution,
      nonresponse: releaser.nonresponse(question: position, of: group, key: groupKey))
    guard let rest, distribution.value != nil else { return finding }
    let mine = group.items[position].codes
    let theirs = rest.items[position].codes
    guard theirs.count >= policy.minimumGroupSize else {
      finding.versusRest = releaser.withheldComparison(.minimumGroup, .comparison)
      return finding
    }
    let comparison: Comparison?
    switch shape {
    case .ordinal: comparison = Comparison.ordinal(mine, theirs)
    case .nominal: comparison = Comparison.categorical([mine, theirs])
    case .multiple, .other: comparison = nil
    }
    if let comparison, let index = builder.reportedQuestions.firstIndex(of: position) {
      pending.append((.itemRest(index), comparison, false, 2))
    }
    return finding
  }

  /// Every cause against every outcome in the whole organization, and in a reported chapter,
  /// where both the exposed and the unexposed values pass disclosure control. Within a chapter
  /// (a breakdown of a small group) each side must also hold at least two different answers.
  mutating func relationDrafts() -> [RelationDraft] {
    var drafts: [RelationDraft] = []
    relations(in: organization, inChapter: false, into: &drafts)
    if scope.chapter != nil, releaser.groupRule(groupKey, group) == nil {
      relations(in: group, inChapter: true, into: &drafts)
    }
    return drafts
  }

  mutating func relations(
    in group: GroupAccumulator, inChapter: Bool, into drafts: inout [RelationDraft]
  ) {
    guard group.respondents >= policy.minimumGroupSize else { return }
    for cause in group.causes.indices where survey.isMeasurable(cause: cause) {
      let accumulator = group.causes[cause]
      for outcome in builder.outcomes {
        let isShare = survey.indicatorIsShare(outcome)
        let level = builder.options.level
        guard
          let relation = CauseRelation.relation(
            cause: cause, outcome: outcome, accumulator: accumulator, isShare: isShare,
            level: level,
            weighted: builder.options.weighted)
        else { continue }
        let sides = [accumulator.exposed[outcome], accumulator.unexposed[outcome]]
        let decimals = policy.decimals(size: min(sides[0].known, sides[1].known))
        let exposed = subgroup(sides[0], isShare: isShare, decimals: decimals)
        let unexposed = subgroup(sides[1], isShare: isShare, decimals: decimals)
        let varied = sides.allSatisfy { $0.known >= 2 && !$0.isUniform }
        guard case .shown(let a) = exposed, case .shown(let b) = unexposed, a.isExact, b.isExact,
          varied || !inChapter
        else {
          releaser.audit.record(releaser.comparisonRule(exposed, unexposed) ?? .extremes, .relation)
          continue
        }
        pending.append(
          (.relation(drafts.count), relation.comparison, isShare, Self.decimals(exposed, unexposed))
        )
        drafts.append(
          RelationDraft(
            inChapter: inChapter, cause: cause, outcome: outcome, exposed: a, unexposed: b,
            standardized: relation.standardizedDifference))
      }
    }
  }

  /// A subgroup of the organization (the exposed or the unexposed), released without recording
  /// in the audit (the relation records once).
  func subgroup(
    _ accumulator: IndicatorAccumulator, isShare: Bool, decimals: Int
  ) -> Released<ReleasedEstimate> {
    var scratch = releaser
    if isShare {
      return scratch.share(accumulator, designSize: designSize, kind: .relation).map(
        ReleasedEstimate.share)
    }
    return scratch.mean(accumulator, designSize: designSize, decimals: decimals).map(
      ReleasedEstimate.mean)
  }

  /// Each exposure index against each outcome in the organization (Spearman's ρ from counts).
  mutating func correlationDrafts() -> [CorrelationDraft] {
    var drafts: [CorrelationDraft] = []
    guard organization.respondents >= policy.minimumGroupSize else { return drafts }
    for (index, outcome, joint) in builder.aggregation.correlations(wave: wave) {
      guard let size = SizeBand.band(for: joint.count, policy: policy) else {
        releaser.audit.record(.minimumGroup, .relation)
        continue
      }
      guard let result = SpearmanCorrelation.test(joint) else { continue }
      drafts.append(CorrelationDraft(index: index, outcome: outcome, size: size, result: result))
    }
    return drafts
  }

  /// Scale reliability on the organization's pooled sample in the wave.
  mutating func reliability() -> [ReliabilityFinding] {
    let pooled = builder.aggregation.reliability(wave: wave)
    return survey.scales.indices.compactMap { scale -> ReliabilityFinding? in
      guard pooled.indices.contains(scale), let accumulator = pooled[scale] else { return nil }
      guard let band = SizeBand.band(for: accumulator.rows, policy: policy) else {
        return ReliabilityFinding(
          scale: scale, value: releaser.withhold(.minimumGroup, .reliability))
      }
      guard let alpha = CronbachAlpha(accumulator: accumulator, level: builder.options.level) else {
        return nil
      }
      let round = { (value: Double) in Releaser.rounded(value, decimals: 2) }
      return ReliabilityFinding(
        scale: scale,
        value: .shown(
          ReleasedReliability(
            alpha: round(alpha.rawAlpha), standardizedAlpha: round(alpha.standardizedAlpha),
            interval: alpha.feldtInterval.map {
              round($0.lower)...max(round($0.lower), round($0.upper))
            }, size: band,
            items: alpha.items.map {
              .init(
                item: $0.column, alphaIfDropped: round($0.rawAlphaIfDropped),
                correctedItemTotal: round($0.dropCorrelation))
            })))
    }
  }

  /// Each chapter's size, indicators and differences from the rest (organization reports only).
  mutating func chapterRows() -> [ChapterRow] {
    guard scope.chapter == nil else { return [] }
    return builder.aggregation.chapters(in: wave).enumerated().map { row, chapter in
      let key = GroupKey(chapter: chapter, wave: wave)
      let accumulator = builder.group(key) ?? GroupAccumulator(survey: survey)
      let size = releaser.group(key, accumulator)
      let values = survey.indicators.indices.map {
        releaser.estimate(.indicator($0), of: accumulator, key: key, designSize: designSize)
      }
      var versusRest: [Released<ReleasedComparison>?] = Array(repeating: nil, count: values.count)
      if size.value != nil {
        let rest = builder.aggregation.rest(excluding: chapter, wave: wave)
        for index in values.indices {
          let measure = MeasureKey.indicator(index)
          var scratch = releaser
          let restValue = scratch.estimate(
            measure, of: rest, key: .organization(wave), designSize: designSize)
          if let rule = releaser.comparisonRule(values[index], restValue) {
            versusRest[index] = releaser.withheldComparison(rule, .comparison)
            continue
          }
          let isShare = measure.isShare(in: survey)
          let level = builder.options.level
          let comparison = Comparison.groups(
            accumulator.indicators[index], rest.indicators[index], isShare: isShare,
            weighted: builder.options.weighted, level: level)
          if let comparison {
            pending.append(
              (
                .chapterRest(row, index), comparison, isShare,
                Self.decimals(values[index], restValue)
              ))
          }
        }
      }
      return ChapterRow(chapter: chapter, size: size, indicators: values, versusRest: versusRest)
    }
  }
}

extension RelationFinding {
  /// Largest standardized difference first; ties by cause, then outcome.
  static func ranked(_ relations: [RelationFinding]) -> [RelationFinding] {
    relations.sorted { a, b in
      let (x, y) = (abs(a.standardizedDifference), abs(b.standardizedDifference))
      if x != y { return x > y }
      return (a.cause, a.outcome) < (b.cause, b.outcome)
    }
  }
}
