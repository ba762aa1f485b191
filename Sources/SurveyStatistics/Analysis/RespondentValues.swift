import SurveyCore

/// Everything the analysis needs about one respondent, computed once from their answers.
package struct RespondentValues: Sendable {
  /// Each indicator's value: 1 or 0 for a share indicator, the number for a mean indicator,
  /// `nil` when unknown for this respondent.
  package var indicators: [Double?]
  /// Each cause's exposure, `nil` when unknown.
  package var causes: [Bool?]
  /// Each index's value.
  package var indexes: [Double?]
  /// The weight (1 without a weight question).
  package var weight: Double
}

/// Computes respondent values with the survey's compiled program.
package struct ValueExtractor: Sendable {
  /// The survey.
  package let survey: Survey
  let indicatorPrograms: [Program]
  package let indicatorIsShare: [Bool]

  /// Compiles the indicators of a survey.
  package init(survey: Survey) {
    self.survey = survey
    indicatorPrograms = survey.indicators.map { indicator in
      switch indicator.measure {
      case .share(let condition): survey.program.compile(condition)
      case .mean(let reference): survey.program.compile(.variable(reference))
      }
    }
    indicatorIsShare = survey.indicators.map { if case .share = $0.measure { true } else { false } }
  }

  /// The values of one respondent.
  package func values(_ answers: [Answer], weight: Double?) -> RespondentValues {
    let program = survey.program
    let indicators = zip(indicatorPrograms, indicatorIsShare).map { compiled, isShare -> Double? in
      let value = program.evaluate(compiled, answers)
      if isShare { return value.truth.map { $0 ? 1 : 0 } }
      return value.number
    }
    return RespondentValues(
      indicators: indicators,
      causes: survey.causes.indices.map { program.exposure(cause: $0, answers) },
      indexes: survey.indexes.indices.map { program.score(index: $0, answers) },
      weight: weight.flatMap { $0 > 0 && $0.isFinite ? $0 : nil } ?? 1)
  }
}
