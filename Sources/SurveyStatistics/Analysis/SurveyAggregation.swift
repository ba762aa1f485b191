import SurveyCore

/// Streams responses into per-group counts: each chapter in each wave, and the whole
/// organization in each wave, plus pooled item moments for reliability and, when the survey
/// links people across waves, each person's indicator values per wave for paired tests.
///
/// Memory depends on the number of groups, questions and distinct values, not on the number of
/// responses (except the panel, which holds one entry per linked person).
package struct SurveyAggregation: Sendable {
  /// The survey.
  package let survey: Survey
  let extractor: ValueExtractor
  /// The groups.
  package private(set) var groups: [GroupKey: GroupAccumulator] = [:]
  /// Per wave, the respondents without a chapter (counted in the organization, never shown on
  /// their own, and always part of what disclosure control must protect).
  package private(set) var unassigned: [String: GroupAccumulator] = [:]
  /// Per wave, the first and last day responses were submitted (days since 1970), for the
  /// fieldwork period of the organization (never shown per chapter).
  package private(set) var fieldwork: [String: ClosedRange<Int>] = [:]
  /// Pooled item moments per wave, one per scale with at least two items (nil for others).
  package private(set) var reliability: [String: [ReliabilityAccumulator?]] = [:]
  /// Each linked person's chapter and indicator values, per wave.
  package private(set) var panel: [String: [String: PanelEntry]] = [:]
  /// Whether to keep the panel (memory grows with the number of linked people).
  package let tracksPanel: Bool

  /// One linked person in one wave.
  package struct PanelEntry: Sendable, Equatable {
    /// The chapter they answered in.
    package var chapter: String?
    /// Their indicator values.
    package var indicators: [Double?]
  }

  /// An empty aggregation.
  ///
  /// - Parameters:
  ///   - survey: The survey.
  ///   - tracksPanel: Keep each linked person's values per wave, for paired tests and for the
  ///     wave-difference disclosure rule. Needed only when a report compares waves.
  package init(survey: Survey, tracksPanel: Bool = true) {
    self.survey = survey
    self.tracksPanel = tracksPanel
    extractor = ValueExtractor(survey: survey)
  }

  /// Adds one response.
  package mutating func add(
    answers: [Answer], chapter: String?, wave: String, weight: Double?, personKey: String?,
    submittedDay: Int? = nil
  ) {
    if let day = submittedDay {
      let range =
        fieldwork[wave].map { min($0.lowerBound, day)...max($0.upperBound, day) } ?? day...day
      fieldwork[wave] = range
    }
    let values = extractor.values(answers, weight: weight)
    let program = survey.program
    let shown = answers.indices.map { program.isShown($0, answers) }
    var keys = [GroupKey.organization(wave)]
    if let chapter { keys.append(GroupKey(chapter: chapter, wave: wave)) }
    for key in keys {
      groups[key, default: GroupAccumulator(survey: survey)].add(
        values, answers: answers, shown: shown)
    }
    if chapter == nil {
      unassigned[wave, default: GroupAccumulator(survey: survey)].add(
        values, answers: answers, shown: shown)
    }
    var pooled =
      reliability[wave]
      ?? survey.scales.map {
        $0.items.count >= 2 ? ReliabilityAccumulator(items: $0.items.count) : nil
      }
    for (index, scale) in program.scales.enumerated() where pooled[index] != nil {
      pooled[index]?.add(scale.items.indices.map { program.itemValue($0, of: scale, answers) })
    }
    reliability[wave] = pooled
    if tracksPanel, let personKey {
      panel[personKey, default: [:]][wave] = PanelEntry(
        chapter: chapter, indicators: values.indicators)
    }
  }

  /// Adds another aggregation of the same survey (for parallel streaming).
  package mutating func merge(_ other: SurveyAggregation) {
    for (key, group) in other.groups {
      if groups[key] == nil {
        groups[key] = group
      } else {
        groups[key]?.merge(group)
      }
    }
    for (wave, range) in other.fieldwork {
      let mine = fieldwork[wave] ?? range
      fieldwork[wave] =
        min(mine.lowerBound, range.lowerBound)...max(mine.upperBound, range.upperBound)
    }
    for (wave, group) in other.unassigned {
      if unassigned[wave] == nil {
        unassigned[wave] = group
      } else {
        unassigned[wave]?.merge(group)
      }
    }
    for (wave, scales) in other.reliability {
      guard var mine = reliability[wave] else {
        reliability[wave] = scales
        continue
      }
      for index in mine.indices { if let theirs = scales[index] { mine[index]?.merge(theirs) } }
      reliability[wave] = mine
    }
    for (person, waves) in other.panel {
      panel[person, default: [:]].merge(waves) { _, new in new }
    }
  }

  /// The waves, in order.
  package var waves: [String] {
    Array(Set(groups.keys.map(\.wave))).sorted(by: WaveOrder.less)
  }

  /// The chapters with responses in a wave (all waves when nil), in order.
  package func chapters(in wave: String? = nil) -> [String] {
    Array(Set(groups.keys.filter { wave == nil || $0.wave == wave }.compactMap(\.chapter))).sorted()
  }

  /// The group accumulator for a key.
  package func group(_ key: GroupKey) -> GroupAccumulator? { groups[key] }

  /// The respondents linked across two waves in a group (a chapter, or the organization when
  /// `chapter` is nil), with each indicator's paired values. A person counts for a chapter when
  /// they answered in it in both waves.
  package func pairs(chapter: String?, earlier: String, later: String) -> PanelPairs {
    var result = PanelPairs(
      indicators: Array(repeating: PairedAccumulator(), count: survey.indicators.count))
    // In key order, so the floating-point sums are the same in every run.
    for (_, waves) in panel.sorted(by: { $0.key < $1.key }) {
      let first = waves[earlier].flatMap { chapter == nil || $0.chapter == chapter ? $0 : nil }
      let second = waves[later].flatMap { chapter == nil || $0.chapter == chapter ? $0 : nil }
      if first != nil { result.earlierLinked += 1 }
      if second != nil { result.laterLinked += 1 }
      guard let first, let second else { continue }
      result.matched += 1
      for index in result.indicators.indices
      where index < first.indicators.count && index < second.indicators.count {
        result.indicators[index].add(
          earlier: first.indicators[index], later: second.indicators[index],
          isShare: extractor.indicatorIsShare[index])
      }
    }
    return result
  }

  /// The organization in a wave without one chapter (for "this chapter against the rest").
  package func rest(excluding chapter: String, wave: String) -> GroupAccumulator {
    var total = GroupAccumulator(survey: survey)
    // In key order, so the floating-point sums are the same in every run.
    for (key, group) in groups.sorted(by: { $0.key < $1.key })
    where key.wave == wave && key.chapter != nil && key.chapter != chapter {
      total.merge(group)
    }
    return total
  }
}

/// The people linked across two waves in one group.
package struct PanelPairs: Sendable, Equatable {
  /// People who answered in both waves.
  package var matched = 0
  /// People with a link key in the earlier wave.
  package var earlierLinked = 0
  /// People with a link key in the later wave.
  package var laterLinked = 0
  /// Each indicator's paired values.
  package var indicators: [PairedAccumulator]
}
