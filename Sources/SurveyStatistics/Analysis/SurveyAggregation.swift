import SurveyCore

/// Streams responses into per-group counts: each chapter in each wave, and the respondents
/// without a chapter in each wave; the whole organization is their sum. Per wave it also keeps
/// pooled item moments for reliability, each exposure index against each outcome for Spearman's
/// ρ, and, when the survey links people across waves, each person's indicator values.
///
/// Memory depends on the number of groups, questions and distinct values, not on the number of
/// responses (except the panel, which holds one entry per linked person). Each response updates
/// one group in place.
package struct SurveyAggregation: Sendable {
  /// The survey.
  package let survey: Survey
  let extractor: ValueExtractor
  /// The outcome indicators (the correlations' columns).
  let outcomes: [Int]
  /// The cells, in order of first appearance.
  var cells: [GroupAccumulator] = []
  /// Each chapter cell's position in `cells`.
  var chapterCells: [GroupKey: Int] = [:]
  /// Each wave's cell of respondents without a chapter.
  var unassignedCells: [String: Int] = [:]
  /// Per wave: reliability, correlations and fieldwork (positions in `waveStore`).
  var waveIndex: [String: Int] = [:]
  var waveStore: [WaveData] = []
  /// Each linked person's chapter and indicator values, per wave.
  package internal(set) var panel: [String: [String: PanelEntry]] = [:]
  /// Whether to keep the panel (memory grows with the number of linked people).
  package let tracksPanel: Bool
  /// For a survey raked to a population, how each wave's weights were raked (set by whoever
  /// raked them; not saved with the counts).
  package var rakingResults: [WaveRaking] = []

  /// One linked person in one wave.
  package struct PanelEntry: Sendable, Equatable, Codable {
    /// The chapter they answered in.
    package var chapter: String?
    /// Their indicator values.
    package var indicators: [Double?]
  }

  /// What is pooled over a whole wave.
  struct WaveData: Sendable, Codable {
    var reliability: [ReliabilityAccumulator?]
    /// Per index, per outcome (in ``SurveyAggregation/outcomes`` order).
    var correlations: [[JointHistogram]]
    var fieldwork: ClosedRange<Int>?
    /// For a survey raked to a population: the respondents in each raking cell and their base
    /// weights, which the raking fits.
    var rakingCells: [RakingCell: RakingCellSums] = [:]
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
    outcomes = survey.outcomeIndicators
  }

  /// Adds one response.
  package mutating func add(
    answers: [Answer], chapter: String?, wave: String, weight: Double?, personKey: String?,
    submittedDay: Int? = nil
  ) {
    var weight = weight
    if let population = survey.population {
      let base = weight.flatMap { $0 > 0 && $0.isFinite ? $0 : nil } ?? 1
      let cell = population.cell(answers: answers, chapter: chapter)
      waveStore[wavePosition(wave)].rakingCells[cell, default: RakingCellSums()].add(base)
      if let factors = survey.raking?.factors[wave] { weight = base * (factors[cell] ?? 1) }
    }
    let values = extractor.values(answers, weight: weight)
    let program = survey.program
    let shown = answers.indices.map { program.isShown($0, answers) }
    let cell = cellIndex(chapter: chapter, wave: wave)
    cells[cell].add(values, answers: answers, shown: shown, outcomes: outcomes)
    addToWave(wave, values: values, answers: answers, submittedDay: submittedDay)
    if tracksPanel, let personKey {
      panel[personKey, default: [:]][wave] = PanelEntry(
        chapter: chapter, indicators: values.indicators)
    }
  }

  mutating func cellIndex(chapter: String?, wave: String) -> Int {
    if let chapter {
      let key = GroupKey(chapter: chapter, wave: wave)
      if let index = chapterCells[key] { return index }
      cells.append(GroupAccumulator(survey: survey))
      chapterCells[key] = cells.count - 1
      return cells.count - 1
    }
    if let index = unassignedCells[wave] { return index }
    cells.append(GroupAccumulator(survey: survey))
    unassignedCells[wave] = cells.count - 1
    return cells.count - 1
  }

  private mutating func addToWave(
    _ wave: String, values: RespondentValues, answers: [Answer], submittedDay: Int?
  ) {
    let program = survey.program
    let position = wavePosition(wave)
    for (index, scale) in program.scales.enumerated()
    where waveStore[position].reliability[index] != nil {
      waveStore[position].reliability[index]?.add(
        scale.items.indices.map { program.itemValue($0, of: scale, answers) })
    }
    for (index, value) in values.indexes.enumerated() {
      guard let value else { continue }
      for (column, outcome) in outcomes.enumerated() {
        if let outcomeValue = values.indicators[outcome] {
          waveStore[position].correlations[index][column].add(value, outcomeValue)
        }
      }
    }
    if let day = submittedDay {
      let range =
        waveStore[position].fieldwork.map { min($0.lowerBound, day)...max($0.upperBound, day) }
        ?? day...day
      waveStore[position].fieldwork = range
    }
  }

  /// The position of a wave's data in `waveStore`, made when the wave is new.
  mutating func wavePosition(_ wave: String) -> Int {
    if let known = waveIndex[wave] { return known }
    waveStore.append(
      WaveData(
        reliability: survey.scales.map {
          $0.items.count >= 2 ? ReliabilityAccumulator(items: $0.items.count) : nil
        },
        correlations: Array(
          repeating: Array(repeating: JointHistogram(), count: outcomes.count),
          count: survey.indexes.count),
        fieldwork: nil))
    waveIndex[wave] = waveStore.count - 1
    return waveStore.count - 1
  }

  /// Adds another aggregation of the same survey (for parallel streaming).
  package mutating func merge(_ other: SurveyAggregation) {
    for (key, index) in other.chapterCells.sorted(by: { $0.key < $1.key }) {
      let mine = cellIndex(chapter: key.chapter, wave: key.wave)
      cells[mine].merge(other.cells[index])
    }
    for (wave, index) in other.unassignedCells.sorted(by: { $0.key < $1.key }) {
      let mine = cellIndex(chapter: nil, wave: wave)
      cells[mine].merge(other.cells[index])
    }
    for (wave, theirIndex) in other.waveIndex.sorted(by: { $0.key < $1.key }) {
      let theirs = other.waveStore[theirIndex]
      guard let position = waveIndex[wave] else {
        waveStore.append(theirs)
        waveIndex[wave] = waveStore.count - 1
        continue
      }
      for index in waveStore[position].reliability.indices {
        if let accumulator = theirs.reliability[index] {
          waveStore[position].reliability[index]?.merge(accumulator)
        }
      }
      for index in waveStore[position].correlations.indices {
        for column in waveStore[position].correlations[index].indices {
          waveStore[position].correlations[index][column].merge(theirs.correlations[index][column])
        }
      }
      waveStore[position].rakingCells.merge(theirs.rakingCells) { $0.merged(with: $1) }
      if let range = theirs.fieldwork {
        waveStore[position].fieldwork =
          waveStore[position].fieldwork.map {
            min($0.lowerBound, range.lowerBound)...max($0.upperBound, range.upperBound)
          }
          ?? range
      }
    }
    for (person, waves) in other.panel {
      panel[person, default: [:]].merge(waves) { _, new in new }
    }
  }

  /// For a survey raked to a population: each wave's raking cells with their respondents and
  /// base weights.
  package var rakingCells: [String: [RakingCell: RakingCellSums]] {
    waveIndex.mapValues { waveStore[$0].rakingCells }.filter { !$0.value.isEmpty }
  }

  /// The waves, in order.
  package var waves: [String] {
    Array(Set(chapterCells.keys.map(\.wave)).union(unassignedCells.keys)).sorted(by: WaveOrder.less)
  }

  /// The chapters with responses in a wave (all waves when nil), in ``ChapterOrder``: the order
  /// of the chapter question's choices, else natural order.
  package func chapters(in wave: String? = nil) -> [String] {
    ChapterOrder(survey: survey).sorted(
      Set(chapterCells.keys.filter { wave == nil || $0.wave == wave }.compactMap(\.chapter)))
  }

  /// A chapter's group in a wave, or the whole organization in a wave (the sum of its chapters
  /// and of the respondents without a chapter) when `key.chapter` is nil.
  package func group(_ key: GroupKey) -> GroupAccumulator? {
    guard key.chapter == nil else { return chapterCells[key].map { cells[$0] } }
    return total(wave: key.wave, excluding: nil)
  }

  /// Every group: each chapter and the organization in each wave.
  package var groups: [GroupKey: GroupAccumulator] {
    var groups = chapterCells.mapValues { cells[$0] }
    for wave in waves { groups[.organization(wave)] = group(.organization(wave)) }
    return groups
  }

  /// The respondents without a chapter in a wave.
  package func unassigned(wave: String) -> GroupAccumulator? {
    unassignedCells[wave].map { cells[$0] }
  }

  /// The organization in a wave without one chapter (for "this chapter against the rest").
  package func rest(excluding chapter: String, wave: String) -> GroupAccumulator {
    total(wave: wave, excluding: chapter) ?? GroupAccumulator(survey: survey)
  }

  /// The sum of a wave's cells, in key order (so that floating-point sums are the same in every
  /// run), leaving out one chapter; nil when the wave has no responses.
  private func total(wave: String, excluding chapter: String?) -> GroupAccumulator? {
    let keys = chapterCells.keys.filter { $0.wave == wave && $0.chapter != chapter }.sorted()
    var indices = keys.compactMap { chapterCells[$0] }
    if let unassigned = unassignedCells[wave] { indices.append(unassigned) }
    guard chapterCells.keys.contains(where: { $0.wave == wave }) || unassignedCells[wave] != nil
    else { return nil }
    var total = GroupAccumulator(survey: survey)
    for index in indices { total.merge(cells[index]) }
    return total
  }

  /// Pooled item moments of each scale with at least two items, in a wave.
  package func reliability(wave: String) -> [ReliabilityAccumulator?] {
    waveIndex[wave].map { waveStore[$0].reliability } ?? []
  }

  /// Each exposure index against each outcome indicator in a wave: `(index, outcome, pairs)`.
  package func correlations(wave: String) -> [(index: Int, outcome: Int, pairs: JointHistogram)] {
    guard let data = waveIndex[wave].map({ waveStore[$0] }) else { return [] }
    return data.correlations.enumerated().flatMap { index, row in
      row.enumerated().map { column, pairs in (index, outcomes[column], pairs) }
    }
  }

  /// The first and last day of submissions in a wave (days since 1970).
  package func fieldwork(wave: String) -> ClosedRange<Int>? {
    waveIndex[wave].flatMap { waveStore[$0].fieldwork }
  }

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
