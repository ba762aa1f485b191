import SurveyCore

extension ItemShape {
  /// The shape of every question of a survey, by position.
  package static func shapes(of survey: Survey) -> [ItemShape] {
    let scaleItems = Set(survey.scales.flatMap(\.items))
    return survey.questions.map { question in
      let codes = survey.choiceSet(of: question)?.substantive.map(\.code) ?? []
      switch question.type {
      case .single:
        return question.grid != nil || scaleItems.contains(question.id)
          ? .ordinal(codes: codes) : .nominal(codes: codes)
      case .multiple:
        return .multiple(codes: codes)
      case .number, .text, .date:
        return .other
      }
    }
  }
}

extension Survey {
  /// Whether an indicator is a share (rather than a mean).
  package func indicatorIsShare(_ index: Int) -> Bool {
    guard indicators.indices.contains(index) else { return false }
    if case .share = indicators[index].measure { return true }
    return false
  }
}

extension MeasureKey {
  /// Whether the value is a share (an exposure, or a share indicator) rather than a mean.
  package func isShare(in survey: Survey) -> Bool {
    switch self {
    case .indicator(let index): survey.indicatorIsShare(index)
    case .exposure, .nonresponse: true
    case .index, .item: false
    }
  }
}

extension GroupAccumulator {
  /// The accumulator behind a share or mean value (nil for item values).
  package func accumulator(_ key: MeasureKey) -> IndicatorAccumulator? {
    switch key {
    case .indicator(let index): indicators.indices.contains(index) ? indicators[index] : nil
    case .exposure(let index): causes.indices.contains(index) ? causes[index].exposure : nil
    case .index(let index): indexes.indices.contains(index) ? indexes[index] : nil
    case .item, .nonresponse: nil
    }
  }
}

extension DisclosurePolicy {
  /// Whether a value of a group would be shown exactly: a share without a bound, a mean not
  /// withheld, a distribution with every option, a non-response rate without a bound.
  package func isExact(
    _ key: MeasureKey, in group: GroupAccumulator, survey: Survey, shapes: [ItemShape],
    empty: Bool = false
  ) -> Bool {
    isExact(key, MeasureValue(key: key, group: group), survey: survey, shapes: shapes, empty: empty)
  }

  /// Whether a value would be shown exactly.
  ///
  /// - Parameter empty: Count a value nobody has as passing (for the combined hidden parts:
  ///   nothing about nobody can be disclosed).
  func isExact(
    _ key: MeasureKey, _ value: MeasureValue, survey: Survey, shapes: [ItemShape],
    empty: Bool = false
  ) -> Bool {
    switch (key, value) {
    case (.indicator, .estimate(let accumulator)), (.exposure, .estimate(let accumulator)),
      (.index, .estimate(let accumulator)):
      if key.isShare(in: survey) {
        let size = accumulator.trueCount + accumulator.falseCount
        if size == 0 { return empty }
        return judgeShare(count: accumulator.trueCount, size: size) == .exact
      }
      if accumulator.known == 0 { return empty }
      return judgeMean(accumulator) == nil
    case (.item(let position), .item(let item)):
      guard shapes.indices.contains(position) else { return false }
      if item.answered == 0 { return empty }
      switch shapes[position] {
      case .ordinal, .nominal:
        return distributionRows(item.codes, shape: shapes[position]).map { !$0.collapsed } ?? false
      case .multiple(let codes):
        return codes.allSatisfy {
          judgeShare(count: item.codes.count(of: $0), size: item.multipleAnswered) == .exact
        }
      case .other:
        guard item.numbers.count > 0 else { return empty }
        return judgeMean(item.numbers) == nil
      }
    case (.nonresponse, .item(let item)):
      if item.shown == 0 { return empty }
      return judgeShare(count: item.shown - item.answered, size: item.shown) == .exact
    default:
      return empty
    }
  }
}
