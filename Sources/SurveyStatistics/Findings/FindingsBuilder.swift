import SurveyCore

/// Turns an aggregation into the findings of a report: estimates, comparisons with the rest of
/// the organization and the previous wave, causes, reliability, all adjusted together for
/// multiple testing and all through disclosure control.
package struct FindingsBuilder: Sendable {
  /// The aggregated responses.
  package let aggregation: SurveyAggregation
  /// The cross-group disclosure decisions, shared by every report made from the aggregation.
  package let plan: DisclosurePlan
  /// How estimates are made.
  package let options: EstimateOptions
  let shapes: [ItemShape]
  let outcomes: [Int]
  /// The questions a report describes: single and multiple choice, not private, not roles.
  let reportedQuestions: [Int]
  /// The organization in each wave, summed once.
  let totals: [String: GroupAccumulator]
  /// Per wave, the questions whose answers cannot be compared with the current survey (the
  /// survey changed in a breaking way since), with why.
  package let incomparable: [String: [String: String]]
  /// The questions each indicator reads.
  let indicatorQuestions: [Set<String>]

  /// A builder for an aggregation.
  package init(
    aggregation: SurveyAggregation, policy: DisclosurePolicy = .standard,
    options: EstimateOptions = EstimateOptions(), incomparable: [String: [String: String]] = [:]
  ) {
    self.aggregation = aggregation
    self.options = options
    let survey = aggregation.survey
    plan = DisclosurePlan(aggregation: aggregation, policy: policy)
    var totals: [String: GroupAccumulator] = [:]
    for wave in aggregation.waves { totals[wave] = aggregation.group(.organization(wave)) }
    self.totals = totals
    self.incomparable = incomparable
    indicatorQuestions = aggregation.survey.indicators.map { indicator in
      var questions: Set<String> = []
      var visited: Set<VariableRef> = []
      let references: [VariableRef]
      switch indicator.measure {
      case .share(let condition): references = condition.references
      case .mean(let variable): references = [variable]
      }
      aggregation.survey.collectQuestions(references, into: &questions, visited: &visited)
      return questions
    }
    shapes = ItemShape.shapes(of: survey)
    outcomes = survey.outcomeIndicators
    let roles = Set(
      [survey.roles.chapter, survey.roles.wave, survey.roles.weight].compactMap { $0 })
    reportedQuestions = survey.questions.indices.filter { position in
      let question = survey.questions[position]
      guard question.privateMode == nil, !roles.contains(question.id) else { return false }
      switch question.type {
      case .single, .multiple: return true
      case .number, .text, .date: return false
      }
    }
  }

  var survey: Survey { aggregation.survey }

  /// Why an indicator cannot be compared in a wave, if it cannot.
  func blocked(_ indicator: Int, wave: String) -> String? {
    guard let questions = incomparable[wave], indicatorQuestions.indices.contains(indicator) else {
      return nil
    }
    return indicatorQuestions[indicator].sorted().compactMap { id in
      questions[id].map { "\(id): \($0)" }
    }.first
  }

  /// A chapter in a wave, or the organization in a wave (computed once).
  package func group(_ key: GroupKey) -> GroupAccumulator? {
    key.chapter == nil ? totals[key.wave] : aggregation.group(key)
  }

  /// The findings of one report.
  ///
  /// - Parameters:
  ///   - scope: The organization or one chapter.
  ///   - wave: The wave reported.
  ///   - previousWave: The wave to compare with, if any.
  package func findings(scope: ReportScope, wave: String, previousWave: String? = nil) -> Findings {
    var work = Work(builder: self, scope: scope, wave: wave, previousWave: previousWave)
    return work.run()
  }
}

/// A slot in the findings that a comparison fills once the report's tests are adjusted together.
enum ComparisonSlot {
  case indicatorRest(Int)
  case indicatorChange(Int)
  case itemRest(Int)
  case relation(Int)
  case chapterRest(Int, Int)
}

/// One report in the making.
struct Work {
  let builder: FindingsBuilder
  let scope: ReportScope
  let wave: String
  let previousWave: String?
  var releaser: Releaser
  let organization: GroupAccumulator
  let group: GroupAccumulator
  let groupKey: GroupKey
  /// The organization without the reported chapter (chapter reports only).
  let rest: GroupAccumulator?
  /// The people linked across the previous and the reported wave, computed once.
  var pairsCache: PanelPairs?
  var pending: [(slot: ComparisonSlot, comparison: Comparison, isShare: Bool, decimals: Int)] = []

  init(builder: FindingsBuilder, scope: ReportScope, wave: String, previousWave: String?) {
    self.builder = builder
    self.scope = scope
    self.wave = wave
    self.previousWave = previousWave
    let survey = builder.aggregation.survey
    releaser = Releaser(plan: builder.plan, options: builder.options, survey: survey)
    let empty = GroupAccumulator(survey: survey)
    organization = builder.group(.organization(wave)) ?? empty
    groupKey = GroupKey(chapter: scope.chapter, wave: wave)
    group = builder.group(groupKey) ?? empty
    rest = scope.chapter.map { builder.aggregation.rest(excluding: $0, wave: wave) }
  }

  var survey: Survey { builder.aggregation.survey }
  var policy: DisclosurePolicy { builder.plan.policy }
  var designSize: Int { organization.respondents }

  mutating func run() -> Findings {
    let size = releaser.group(groupKey, builder.group(groupKey))
    let organizationSize =
      scope.chapter == nil
      ? size : releaser.group(.organization(wave), builder.group(.organization(wave)))
    let waves = builder.aggregation.waves.filter { !WaveOrder.less(wave, $0) }
    var indicators = survey.indicators.indices.map { indicatorFinding($0) }
    for index in indicators.indices {
      indicators[index].trend = waves.map { trendWave -> Released<ReleasedEstimate>? in
        if builder.blocked(index, wave: trendWave) != nil { return nil }
        let key = GroupKey(chapter: scope.chapter, wave: trendWave)
        let accumulator = builder.group(key) ?? GroupAccumulator(survey: survey)
        let design = builder.group(.organization(trendWave))?.respondents ?? 0
        // The reported and the previous wave are audited once, as the value and the previous value.
        if trendWave == wave || trendWave == previousWave {
          var scratch = releaser
          return scratch.estimate(.indicator(index), of: accumulator, key: key, designSize: design)
        }
        return releaser.estimate(.indicator(index), of: accumulator, key: key, designSize: design)
      }
    }
    let causes = survey.causes.indices.map { cause in
      guard survey.isMeasurable(cause: cause) else {
        var finding = CauseFinding(
          cause: cause, exposed: .withheld(.minimumGroup, message: "not measurable among members"),
          organization: nil)
        finding.isMeasurable = false
        return finding
      }
      return CauseFinding(
        cause: cause,
        exposed: releaser.estimate(
          .exposure(cause), of: group, key: groupKey, designSize: designSize),
        organization: scope.chapter == nil
          ? nil
          : releaser.estimate(
            .exposure(cause), of: organization, key: .organization(wave), designSize: designSize))
    }
    let indexes = survey.indexes.indices.map { index in
      IndexFinding(
        index: index,
        value: releaser.estimate(.index(index), of: group, key: groupKey, designSize: designSize),
        organization: scope.chapter == nil
          ? nil
          : releaser.estimate(
            .index(index), of: organization, key: .organization(wave), designSize: designSize))
    }
    var items = builder.reportedQuestions.map { itemFinding($0) }
    var chapters = chapterRows()
    let relationDrafts = relationDrafts()
    let correlationDrafts = correlationDrafts()
    let adjustedCorrelations = adjust(correlations: correlationDrafts.map(\.result.pValue))
    var relations: [RelationFinding] = []
    var chapterRelations: [RelationFinding] = []
    for (slot, comparison, isShare, decimals) in pending {
      let released = releaser.release(comparison, isShare: isShare, decimals: decimals)
      switch slot {
      case .indicatorRest(let index): indicators[index].versusRest = .shown(released)
      case .indicatorChange(let index): indicators[index].change = .shown(released)
      case .itemRest(let index): items[index].versusRest = .shown(released)
      case .chapterRest(let row, let index): chapters[row].versusRest[index] = .shown(released)
      case .relation(let index):
        let draft = relationDrafts[index]
        let finding = RelationFinding(
          cause: draft.cause, outcome: draft.outcome, exposed: draft.exposed,
          unexposed: draft.unexposed,
          comparison: released,
          standardizedDifference: Releaser.rounded(draft.standardized, decimals: 2))
        if draft.inChapter { chapterRelations.append(finding) } else { relations.append(finding) }
      }
    }
    let correlations = zip(correlationDrafts, adjustedCorrelations).map { draft, adjusted in
      IndexRelationFinding(
        index: draft.index, outcome: draft.outcome, size: draft.size,
        rho: Releaser.rounded(draft.result.rho, decimals: 2),
        pValue: Releaser.rounded(draft.result.pValue, decimals: 3),
        adjustedPValue: Releaser.rounded(adjusted, decimals: 3))
    }
    var findings = Findings(
      scope: scope, wave: wave, previousWave: previousWave, waves: waves,
      fieldwork: builder.aggregation.fieldwork(wave: wave), size: size,
      organizationSize: organizationSize,
      isWeighted: builder.options.weighted, options: builder.options, indicators: indicators,
      causes: causes,
      indexes: indexes, items: items, relations: RelationFinding.ranked(relations),
      chapterRelations: RelationFinding.ranked(chapterRelations),
      indexRelations: correlations,
      reliability: reliability(), chapters: chapters,
      testCount: pending.count + correlationDrafts.count,
      audit: releaser.audit)
    findings.raking = builder.aggregation.rakingResults.first { $0.wave == wave }
    findings.whereToStart = builder.whereToStart(groupKey)
    return findings
  }

  /// Adjusts every pending comparison and every index correlation together (Benjamini–Hochberg
  /// over all the tests the report shows).
  ///
  /// - Returns: The correlations' adjusted p values.
  mutating func adjust(correlations: [Double]) -> [Double] {
    let pValues = pending.map(\.comparison.pValue) + correlations
    guard let adjusted = PValueAdjustment.adjusted(pValues) else { return correlations }
    for index in pending.indices { pending[index].comparison.adjustedPValue = adjusted[index] }
    return Array(adjusted[pending.count...])
  }
}
