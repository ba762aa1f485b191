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

  /// Records many respondents' values at once (the batch form of ``add(_:weight:)``): the
  /// rows of `values` (NaN for unknown) given by `rows`, with their weights.
  package mutating func add(_ values: [Double], rows: [Int], weights: [Double]?) {
    var sums = MomentSums()
    values.withUnsafeBufferPointer { values in
      if let weights {
        weights.withUnsafeBufferPointer { weights in
          for row in rows {
            let value = values[row]
            if value.isFinite { sums.add(value, weight: weights[row]) } else { sums.unknown += 1 }
          }
        }
      } else {
        for row in rows {
          let value = values[row]
          if value.isFinite { sums.add(value) } else { sums.unknown += 1 }
        }
      }
    }
    var batch = IndicatorAccumulator(sums, weighted: weights != nil, tracksValues: tracksValues)
    if tracksValues, sums.count > 0 {
      batch.values.add(counting: rows.lazy.map { values[$0] }.filter(\.isFinite))
    }
    merge(batch)
  }

  /// An accumulator of a batch from its sums (without its histogram of values).
  init(_ sums: MomentSums, weighted: Bool, tracksValues: Bool) {
    self.tracksValues = tracksValues
    moments = sums.moments(weighted: weighted)
    trueCount = sums.trues
    falseCount = sums.falses
    unknown = sums.unknown
    smallest = sums.smallest
    largest = sums.largest
    if !tracksValues { (runningMean, runningSquares) = sums.running }
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

  /// Records many respondents' answers at once (the batch form of ``add(_:shown:)``): the
  /// rows of `answers` given by `rows`.
  package mutating func add(_ answers: RespondentBatch.Answers, shown: [Bool], rows: [Int]) {
    var dense = [Int](repeating: 0, count: 64)
    var numbers: [Double] = []
    var missingCounts = [Int](repeating: 0, count: 3)
    for row in rows {
      switch answers.kinds[row] {
      case RespondentBatch.AnswerKind.blank.rawValue:
        if row < shown.count, !shown[row] { hidden += 1 } else { blank += 1 }
      case RespondentBatch.AnswerKind.code.rawValue:
        let code = Int(answers.numbers[row])
        if code >= 0, code < 64 { dense[code] += 1 } else { codes.add(code) }
      case RespondentBatch.AnswerKind.codes.rawValue:
        multipleAnswered += 1
        if let chosen = answers.overflow[row] {
          for code in chosen { codes.add(code) }
          continue
        }
        var bits = answers.bits[row]
        while bits != 0 {
          let bit = bits.trailingZeroBitCount
          bits &= bits &- 1
          let code = bit < answers.codes.count ? answers.codes[bit] : bit
          if code >= 0, code < 64 { dense[code] += 1 } else { codes.add(code) }
        }
      case RespondentBatch.AnswerKind.number.rawValue: numbers.append(answers.numbers[row])
      case RespondentBatch.AnswerKind.dontKnow.rawValue: missingCounts[0] += 1
      case RespondentBatch.AnswerKind.refused.rawValue: missingCounts[1] += 1
      case RespondentBatch.AnswerKind.notApplicable.rawValue: missingCounts[2] += 1
      default: break
      }
    }
    for (code, count) in dense.enumerated() where count > 0 { codes.add(code, count: count) }
    if !numbers.isEmpty { self.numbers.add(counting: numbers) }
    for (index, kind) in [MissingKind.dontKnow, .refused, .notApplicable].enumerated()
    where missingCounts[index] > 0 {
      missing[kind, default: 0] += missingCounts[index]
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

extension IndicatorAccumulator {
  /// Whether every count and sum is within ``ReadBack``'s bounds (the smallest and largest
  /// value may also be the infinities an empty accumulator starts with).
  var isPlausible: Bool {
    func extreme(_ value: Double) -> Bool { ReadBack.number(value) || value.isInfinite }
    return moments.isPlausible && ReadBack.count(trueCount) && ReadBack.count(falseCount)
      && ReadBack.count(unknown) && values.isPlausible && ReadBack.number(runningMean)
      && ReadBack.sum(runningSquares) && extreme(smallest) && extreme(largest)
  }
}

extension ItemAccumulator {
  /// Whether every count is a possible one.
  var isPlausible: Bool {
    codes.isPlausible && ReadBack.count(multipleAnswered) && numbers.isPlausible
      && missing.values.allSatisfy(ReadBack.count) && ReadBack.count(blank)
      && ReadBack.count(hidden)
  }
}
