import SurveyCore

extension Survey {
  /// The indicators that measure social connection rather than exposure: those that read no
  /// question a cause reads, and no cause or index. Relations between causes and outcomes use
  /// only these, so that no cause is related to itself.
  package var outcomeIndicators: [Int] {
    var exposureQuestions: Set<String> = []
    var visited: Set<VariableRef> = []
    for cause in causes {
      collectQuestions(cause.rule.references, into: &exposureQuestions, visited: &visited)
    }
    return indicators.indices.filter { index in
      let reference: [VariableRef]
      switch indicators[index].measure {
      case .share(let condition): reference = condition.references
      case .mean(let variable): reference = [variable]
      }
      var questions: Set<String> = []
      var seen: Set<VariableRef> = []
      let readsExposure = collectQuestions(reference, into: &questions, visited: &seen)
      return !readsExposure && questions.isDisjoint(with: exposureQuestions)
    }
  }

  /// Adds the questions the references read, through derived values and scales.
  ///
  /// - Returns: Whether a cause or an index was read.
  @discardableResult
  func collectQuestions(
    _ references: [VariableRef], into questions: inout Set<String>, visited: inout Set<VariableRef>
  ) -> Bool {
    var readsExposure = false
    for reference in references where visited.insert(reference).inserted {
      switch reference {
      case .question(let id):
        questions.insert(id)
      case .derived(let id):
        if let value = derived.first(where: { $0.id == id }) {
          readsExposure =
            collectQuestions(value.expression.references, into: &questions, visited: &visited)
            || readsExposure
        }
      case .scale(let id):
        if let scale = scales.first(where: { $0.id == id }) {
          readsExposure =
            collectQuestions(
              scale.items.map(VariableRef.question), into: &questions, visited: &visited)
            || readsExposure
        }
      case .cause(let id):
        readsExposure = true
        if let cause = causes.first(where: { $0.id == id }) {
          collectQuestions(cause.rule.references, into: &questions, visited: &visited)
        }
      case .index:
        readsExposure = true
      }
    }
    return readsExposure
  }
}

extension Survey {
  /// Whether a cause can be measured among the survey's respondents: not when the survey is
  /// given to members and the cause's rule cannot hold for a member (its share would be 0 by
  /// construction, not by what anyone answered).
  package func isMeasurable(cause: Int) -> Bool {
    guard causes.indices.contains(cause) else { return false }
    return !(respondents == .members && causes[cause].isUnmeasurableAmongMembers)
  }
}
