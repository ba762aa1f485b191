import SurveyCore

/// Exposure to one cause, and each outcome indicator among the exposed and the unexposed.
package struct CauseAccumulator: Sendable, Equatable, Codable {
  /// Exposure as a 1/0 indicator (so shares of exposed come with intervals).
  package var exposure = IndicatorAccumulator()
  /// Each indicator among the exposed (means and counts only: no histogram of values).
  package var exposed: [IndicatorAccumulator]
  /// Each indicator among the unexposed.
  package var unexposed: [IndicatorAccumulator]

  init(outcomes: Int) {
    exposed = Array(repeating: IndicatorAccumulator(tracksValues: false), count: outcomes)
    unexposed = Array(repeating: IndicatorAccumulator(tracksValues: false), count: outcomes)
  }

  mutating func merge(_ other: CauseAccumulator) {
    exposure.merge(other.exposure)
    for index in exposed.indices {
      exposed[index].merge(other.exposed[index])
      unexposed[index].merge(other.unexposed[index])
    }
  }
}

/// Everything a report needs about one group, from counts: memory does not grow with the
/// number of respondents.
package struct GroupAccumulator: Sendable, Equatable, Codable {
  /// Respondents.
  package var respondents = 0
  /// Weights, for Kish's effective n.
  package var weights = WeightedMoments()
  /// Each indicator.
  package var indicators: [IndicatorAccumulator]
  /// Each question.
  package var items: [ItemAccumulator]
  /// Each cause, with the outcomes split by exposure.
  package var causes: [CauseAccumulator]
  /// Each index.
  package var indexes: [IndicatorAccumulator]

  /// An empty accumulator with room for so many indicators, questions, causes and indexes.
  init(indicators: Int, questions: Int, causes: Int, indexes: Int) {
    self.indicators = Array(repeating: IndicatorAccumulator(), count: indicators)
    items = Array(repeating: ItemAccumulator(), count: questions)
    self.causes = Array(repeating: CauseAccumulator(outcomes: indicators), count: causes)
    self.indexes = Array(repeating: IndicatorAccumulator(), count: indexes)
  }

  /// An empty accumulator for a survey.
  package init(survey: Survey) {
    let outcomes = survey.indicators.count
    indicators = Array(repeating: IndicatorAccumulator(), count: outcomes)
    items = Array(repeating: ItemAccumulator(), count: survey.questions.count)
    causes = Array(repeating: CauseAccumulator(outcomes: outcomes), count: survey.causes.count)
    indexes = Array(repeating: IndicatorAccumulator(), count: survey.indexes.count)
  }

  /// Records one respondent.
  ///
  /// - Parameter outcomes: The indicators split by exposure to each cause (the outcomes); nil
  ///   splits every indicator.
  package mutating func add(
    _ values: RespondentValues, answers: [Answer], shown: [Bool], outcomes: [Int]? = nil
  ) {
    respondents += 1
    weights.add(values.weight)
    for (index, value) in values.indicators.enumerated() where index < indicators.count {
      indicators[index].add(value, weight: values.weight)
    }
    for (position, answer) in answers.enumerated() where position < items.count {
      items[position].add(answer, shown: position < shown.count ? shown[position] : true)
    }
    for (cause, flag) in values.causes.enumerated() where cause < causes.count {
      causes[cause].exposure.add(flag.map { $0 ? 1 : 0 }, weight: values.weight)
      guard let flag else { continue }
      for outcome in outcomes ?? Array(values.indicators.indices)
      where outcome < causes[cause].exposed.count && outcome < values.indicators.count {
        let value = values.indicators[outcome]
        if flag {
          causes[cause].exposed[outcome].add(value, weight: values.weight)
        } else {
          causes[cause].unexposed[outcome].add(value, weight: values.weight)
        }
      }
    }
    for (index, value) in values.indexes.enumerated() where index < indexes.count {
      indexes[index].add(value, weight: values.weight)
    }
  }

  /// Adds another group's counts (for totals over groups).
  package mutating func merge(_ other: GroupAccumulator) {
    respondents += other.respondents
    weights.merge(other.weights)
    for index in indicators.indices { indicators[index].merge(other.indicators[index]) }
    for index in items.indices { items[index].merge(other.items[index]) }
    for index in causes.indices { causes[index].merge(other.causes[index]) }
    for index in indexes.indices { indexes[index].merge(other.indexes[index]) }
  }
}
