import SurveyCore

/// One indicator in one group: weighted moments, success counts and (unless told not to) a
/// histogram of values for exact medians and quartiles.
package struct IndicatorAccumulator: Sendable, Equatable, Codable {
  /// Moments of the values (1/0 for shares), with the respondents' weights.
  package var moments = WeightedMoments()
  /// Respondents for whom a share's condition holds.
  package var trueCount = 0
  /// Respondents for whom it does not.
  package var falseCount = 0
  /// Respondents for whom the value is unknown.
  package var unknown = 0
  /// The values, for medians and quartiles (empty when ``tracksValues`` is false).
  package var values = ValueHistogram()
  /// Whether the histogram of values is kept. Without it (subgroups that only need a mean and
  /// its spread) an update costs a few arithmetic operations and no hashing.
  package let tracksValues: Bool
  /// Unweighted running mean and sum of squared deviations (Welford), when values are not kept.
  private var runningMean = 0.0
  private var runningSquares = 0.0
  /// The smallest and largest value seen (never shown: they tell whether all values are equal).
  private var smallest = Double.infinity
  private var largest = -Double.infinity

  /// Creates an empty accumulator.
  package init(tracksValues: Bool = true) {
    self.tracksValues = tracksValues
  }

  /// Records one respondent's value.
  package mutating func add(_ value: Double?, weight: Double) {
    guard let value, value.isFinite else {
      unknown += 1
      moments.addMissing()
      return
    }
    moments.add(value, weight: weight)
    if tracksValues {
      values.add(value)
    } else {
      let n = Double(moments.count)
      let delta = value - runningMean
      runningMean += delta / n
      runningSquares += delta * (value - runningMean)
    }
    smallest = min(smallest, value)
    largest = max(largest, value)
    if value == 1 { trueCount += 1 } else if value == 0 { falseCount += 1 }
  }

  /// Adds another accumulator.
  package mutating func merge(_ other: IndicatorAccumulator) {
    if !tracksValues {
      let (n, m) = (Double(moments.count), Double(other.moments.count))
      if m > 0 {
        let delta = other.runningMean - runningMean
        runningSquares += other.runningSquares + delta * delta * n * m / (n + m)
        runningMean += delta * m / (n + m)
      }
    }
    moments.merge(other.moments)
    trueCount += other.trueCount
    falseCount += other.falseCount
    unknown += other.unknown
    values.merge(other.values)
    smallest = min(smallest, other.smallest)
    largest = max(largest, other.largest)
  }

  /// The number of known values.
  package var known: Int { moments.count }

  /// Whether every known value is the same (and there is at least one).
  package var isUniform: Bool { known > 0 && smallest == largest }

  /// The unweighted count, mean and sum of squares of the values: exact from the histogram
  /// (summed in value order, so the result does not depend on the order of the data), or from
  /// the running moments when values are not kept.
  package var sampleSummary: SampleSummary? {
    guard known > 0 else { return nil }
    guard tracksValues else {
      return SampleSummary(count: known, mean: runningMean, sumOfSquares: max(0, runningSquares))
    }
    let n = values.count
    var total = 0.0
    let sorted = values.counts.sorted { $0.key < $1.key }
    for (value, count) in sorted { total += value * Double(count) }
    let mean = total / Double(n)
    var squares = 0.0
    for (value, count) in sorted { squares += (value - mean) * (value - mean) * Double(count) }
    return SampleSummary(count: n, mean: mean, sumOfSquares: squares)
  }
}

/// The answers to one question in one group.
package struct ItemAccumulator: Sendable, Equatable, Codable {
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
