/// The answers of one respondent, able to evaluate any expression of the survey, including
/// derived values, scale scores, cause exposure and exposure indexes.
///
/// Scores are computed on demand from the answers, with the survey's rules: missing codes never
/// count as answers, reversed items use their choice set's declared bounds, a `sum` with missing
/// items is prorated (the mean of the answered items times the number of items), and a scale
/// with fewer answered items than its minimum has no score. An index counts the causes the
/// respondent is exposed to, scaled up to all of its causes when only some are known.
package struct ResponseContext: EvaluationContext {
  /// The survey the answers belong to.
  package let survey: Survey
  /// One answer per question, in ``Survey/questions`` order.
  package var answers: [Answer]

  /// Creates a context; missing answers are padded with `.blank`.
  package init(survey: Survey, answers: [Answer]) {
    self.survey = survey
    var padded = answers
    if padded.count < survey.questions.count {
      padded += Array(repeating: .blank, count: survey.questions.count - padded.count)
    }
    self.answers = padded
  }

  private var program: SurveyProgram { survey.program }

  /// The answer to a question.
  package func answer(_ id: String) -> Answer {
    guard let position = survey.position(ofQuestion: id), position < answers.count else {
      return .blank
    }
    return answers[position]
  }

  /// The value of a variable.
  package func value(of reference: VariableRef) -> Value {
    guard let position = program.position(of: reference) else { return .missing(nil) }
    switch reference {
    case .question: return program.evaluate(.question(position), answers)
    case .derived: return program.evaluate(.derived(position), answers)
    case .scale: return program.evaluate(.scale(position), answers)
    case .cause: return program.evaluate(.cause(position), answers)
    case .index: return program.evaluate(.index(position), answers)
    }
  }

  /// Whether a question is shown: its section's and its own conditions hold (unknown hides it).
  package func isShown(_ question: Question) -> Bool {
    guard let position = survey.position(ofQuestion: question.id) else { return false }
    return program.isShown(position, answers)
  }

  /// Whether the respondent is exposed to a cause; `nil` when the rule's result is unknown.
  package func exposure(to cause: Cause) -> Bool? {
    program.position(of: .cause(cause.id)).flatMap { program.exposure(cause: $0, answers) }
  }

  /// A scale's score, or `nil` when too few items are answered.
  package func score(of scale: Scale) -> Double? {
    program.position(of: .scale(scale.id)).flatMap { program.score(scale: $0, answers) }
  }

  /// An index's value, or `nil` when fewer than its minimum of causes are known.
  package func score(of index: ExposureIndex) -> Double? {
    program.position(of: .index(index.id)).flatMap { program.score(index: $0, answers) }
  }
}
