import SurveyCore

/// One indicator in one group: weighted moments, success counts and a histogram of values.
package struct IndicatorAccumulator: Sendable, Equatable {
  /// Moments of the values (1/0 for shares), with the respondents' weights.
  package var moments = WeightedMoments()
  /// Respondents for whom a share's condition holds.
  package var trueCount = 0
  /// Respondents for whom it does not.
  package var falseCount = 0
  /// Respondents for whom the value is unknown.
  package var unknown = 0
  /// The values, for medians and quartiles.
  package var values = ValueHistogram()

  /// Creates an empty accumulator.
  package init() {}

  /// Records one respondent's value.
  package mutating func add(_ value: Double?, weight: Double) {
    guard let value else {
      unknown += 1
      moments.addMissing()
      return
    }
    moments.add(value, weight: weight)
    values.add(value)
    if value == 1 { trueCount += 1 } else if value == 0 { falseCount += 1 }
  }

  /// Adds another accumulator.
  package mutating func merge(_ other: IndicatorAccumulator) {
    moments.merge(other.moments)
    trueCount += other.trueCount
    falseCount += other.falseCount
    unknown += other.unknown
    values.merge(other.values)
  }

  /// The number of known values.
  package var known: Int { moments.count }
}

/// The answers to one question in one group.
package struct ItemAccumulator: Sendable, Equatable {
  /// Substantive answer codes (single choice) or chosen options (multiple choice).
  package var codes = CodeHistogram()
  /// Respondents who answered a multiple-choice question (chose at least one option).
  package var multipleAnswered = 0
  /// Numeric answers.
  package var numbers = ValueHistogram()
  /// Typed missing answers by kind.
  package var missing: [MissingKind: Int] = [:]
  /// Shown but not answered (item nonresponse).
  package var blank = 0
  /// Not shown.
  package var hidden = 0

  /// Creates an empty accumulator.
  package init() {}

  /// Records one answer.
  package mutating func add(_ answer: Answer, shown: Bool) {
    switch answer {
    case .blank: if shown { blank += 1 } else { hidden += 1 }
    case .code(let code): codes.add(code)
    case .codes(let chosen):
      multipleAnswered += 1
      for code in chosen { codes.add(code) }
    case .number(let value): numbers.add(value)
    case .missing(let kind, _): missing[kind, default: 0] += 1
    case .text, .date: break
    }
  }

  /// Adds another accumulator.
  package mutating func merge(_ other: ItemAccumulator) {
    codes.merge(other.codes)
    multipleAnswered += other.multipleAnswered
    numbers.merge(other.numbers)
    for (kind, count) in other.missing { missing[kind, default: 0] += count }
    blank += other.blank
    hidden += other.hidden
  }

  /// Respondents with a substantive answer.
  package var answered: Int {
    multipleAnswered > 0 ? multipleAnswered : codes.count + numbers.count
  }

  /// Respondents who were shown the question.
  package var shown: Int { answered + blank + missing.values.reduce(0, +) }
}
