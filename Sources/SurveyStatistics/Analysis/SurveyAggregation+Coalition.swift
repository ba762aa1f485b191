import SurveyCore

/// What organizations share with a coalition: their counts, never their members' answers.
extension SurveyAggregation {
  /// An organization's counts as it may share them.
  package struct Shared: Sendable {
    /// The counts: no panel of linked people, no raking cells, no answers to private fields,
    /// every chapter of at least the minimum group size.
    package var aggregation: SurveyAggregation
    /// Per wave, the chapters folded into the organization's remainder.
    package var folded: [String: [String]]
    /// The waves left out because the whole organization had fewer respondents than the
    /// minimum group.
    package var omittedWaves: [String]
  }

  /// The counts an organization shares: per wave, each chapter of at least `minimumGroup`
  /// respondents, and the rest of the organization (respondents without a chapter and the
  /// smaller chapters) as one remainder, itself either empty or of at least `minimumGroup` (the
  /// smallest chapters are folded into it until it is). A wave with fewer respondents than
  /// `minimumGroup` in all is left out. The panel of linked people, the raking cells (a joint
  /// table of a few questions) and the answers to private fields are never shared.
  package func shared(minimumGroup: Int) -> Shared {
    var result = SurveyAggregation(survey: survey, tracksPanel: false)
    var folded: [String: [String]] = [:]
    var omitted: [String] = []
    for wave in waves {
      guard let whole = group(.organization(wave)), whole.respondents >= minimumGroup else {
        omitted.append(wave)
        continue
      }
      var kept = chapters(in: wave).compactMap { chapter -> (String, GroupAccumulator)? in
        group(GroupKey(chapter: chapter, wave: wave)).map { (chapter, $0) }
      }
      var remainder = unassigned(wave: wave) ?? GroupAccumulator(survey: survey)
      var small = kept.filter { $0.1.respondents < minimumGroup }
      kept.removeAll { $0.1.respondents < minimumGroup }
      for (_, cell) in small { remainder.merge(cell) }
      while remainder.respondents > 0, remainder.respondents < minimumGroup,
        let smallest = kept.indices.min(by: {
          (kept[$0].1.respondents, kept[$0].0) < (kept[$1].1.respondents, kept[$1].0)
        })
      {
        small.append(kept[smallest])
        remainder.merge(kept[smallest].1)
        kept.remove(at: smallest)
      }
      if !small.isEmpty { folded[wave] = small.map(\.0).sorted() }
      for (chapter, cell) in kept {
        let index = result.cellIndex(chapter: chapter, wave: wave)
        result.cells[index] = cell
      }
      if remainder.respondents > 0 {
        let index = result.cellIndex(chapter: nil, wave: wave)
        result.cells[index] = remainder
      }
      if let position = waveIndex[wave] {
        var data = waveStore[position]
        data.rakingCells = [:]
        let mine = result.wavePosition(wave)
        result.waveStore[mine] = data
      }
    }
    let empty = GroupAccumulator(survey: survey)
    for (position, question) in survey.questions.enumerated() where question.privateMode != nil {
      for index in result.cells.indices where result.cells[index].items.indices.contains(position) {
        result.cells[index].items[position] = empty.items[position]
      }
    }
    return Shared(aggregation: result, folded: folded, omittedWaves: omitted)
  }

  /// The counts as one chapter named `name` in each wave (an organization in a coalition):
  /// every chapter and the remainder of each wave merged, the wave's pooled data kept.
  package func asChapter(_ name: String) -> SurveyAggregation {
    var result = SurveyAggregation(survey: survey, tracksPanel: false)
    for wave in waves {
      let index = result.cellIndex(chapter: name, wave: wave)
      for chapter in chapters(in: wave) {
        if let cell = group(GroupKey(chapter: chapter, wave: wave)) {
          result.cells[index].merge(cell)
        }
      }
      if let remainder = unassigned(wave: wave) { result.cells[index].merge(remainder) }
      if let position = waveIndex[wave] {
        let mine = result.wavePosition(wave)
        result.waveStore[mine] = waveStore[position]
      }
    }
    return result
  }
}

extension SurveyAggregation {
  /// The counts without what reads any of `questions`: their answers, and every indicator,
  /// cause, index and scale that reads one of them (through derived values and scales), also in
  /// the cause-outcome tables, the scales' reliability and the index-outcome pairs. For pooling
  /// an organization whose version of the survey asks those questions differently.
  package func without(questions ids: Set<String>) -> SurveyAggregation {
    guard !ids.isEmpty else { return self }
    let survey = self.survey
    func reads(_ references: [VariableRef]) -> Bool {
      var questions: Set<String> = []
      var visited: Set<VariableRef> = []
      survey.collectQuestions(references, into: &questions, visited: &visited)
      return !questions.isDisjoint(with: ids)
    }
    let items = Set(survey.questions.indices.filter { ids.contains(survey.questions[$0].id) })
    let causes = Set(survey.causes.indices.filter { reads(survey.causes[$0].rule.references) })
    let causeIDs = Set(causes.map { survey.causes[$0].id })
    let indexes = Set(
      survey.indexes.indices.filter { index in
        survey.indexes[index].causes.contains { causeIDs.contains($0) }
      })
    let indexIDs = Set(indexes.map { survey.indexes[$0].id })
    let indicators = Set(
      survey.indicators.indices.filter { index in
        let references: [VariableRef]
        switch survey.indicators[index].measure {
        case .share(let condition): references = condition.references
        case .mean(let variable): references = [variable]
        }
        return reads(references)
          || references.contains { reference in
            switch reference {
            case .cause(let id): causeIDs.contains(id)
            case .index(let id): indexIDs.contains(id)
            default: false
            }
          }
      })
    let scales = Set(
      survey.scales.indices.filter { reads(survey.scales[$0].items.map(VariableRef.question)) })
    let empty = GroupAccumulator(survey: survey)
    var result = self
    for cell in result.cells.indices {
      for item in items where result.cells[cell].items.indices.contains(item) {
        result.cells[cell].items[item] = empty.items[item]
      }
      for indicator in indicators where result.cells[cell].indicators.indices.contains(indicator) {
        result.cells[cell].indicators[indicator] = empty.indicators[indicator]
      }
      for cause in result.cells[cell].causes.indices {
        if causes.contains(cause) {
          result.cells[cell].causes[cause] = empty.causes[cause]
          continue
        }
        for indicator in indicators
        where result.cells[cell].causes[cause].exposed.indices.contains(indicator) {
          result.cells[cell].causes[cause].exposed[indicator] =
            empty.causes[cause].exposed[indicator]
          result.cells[cell].causes[cause].unexposed[indicator] =
            empty.causes[cause].unexposed[indicator]
        }
      }
      for index in indexes where result.cells[cell].indexes.indices.contains(index) {
        result.cells[cell].indexes[index] = empty.indexes[index]
      }
    }
    for position in result.waveStore.indices {
      for scale in scales where result.waveStore[position].reliability.indices.contains(scale) {
        if result.waveStore[position].reliability[scale] != nil {
          result.waveStore[position].reliability[scale] = ReliabilityAccumulator(
            items: survey.scales[scale].items.count)
        }
      }
      for index in result.waveStore[position].correlations.indices {
        for (column, outcome) in outcomes.enumerated()
        where indexes.contains(index) || indicators.contains(outcome) {
          result.waveStore[position].correlations[index][column] = JointHistogram()
        }
      }
    }
    return result
  }
}
