import SurveyCore

/// One group's counts, as flat tables that each batch adds to (see ``ColumnCounter``).
///
/// Tracked columns are the indicators, then each cause's exposure, then the indexes; each has
/// its moments about a shift (its first value), its count of 1s and 0s, its extremes and, unless
/// it only takes 0 and 1, a histogram of its values. Each cause splits each outcome into the
/// exposed and the unexposed, summed in vectors over the outcomes.
final class GroupCounter {
  let indicatorCount: Int
  let causeCount: Int
  let indexCount: Int
  /// The indicators split by exposure (the outcomes).
  let outcomes: [Int]
  let outcomeCount: Int
  let questionCount: Int
  let weighted: Bool
  let isShare: [Bool]
  var respondents = 0
  var weightSums = MomentSums()
  // Tracked columns (written through pointers: see ``ColumnBuffer``).
  let count: ColumnBuffer<Int>
  let unknown: ColumnBuffer<Int>
  let shift: ColumnBuffer<Double>
  let sum: ColumnBuffer<Double>
  let squares: ColumnBuffer<Double>
  let trues: ColumnBuffer<Int>
  let falses: ColumnBuffer<Int>
  let smallest: ColumnBuffer<Double>
  let largest: ColumnBuffer<Double>
  let weightedSums: ColumnBuffer<MomentSums>
  let histograms: ColumnBuffer<SmallHistogram>
  // Answers: 64 dense code counts per question, then the rest.
  let codes: ColumnBuffer<Int>
  var otherCodes: [Int: [Int: Int]] = [:]
  let multipleAnswered: ColumnBuffer<Int>
  let numbers: ColumnBuffer<SmallHistogram>
  let missing: ColumnBuffer<Int>
  let blank: ColumnBuffer<Int>
  let hidden: ColumnBuffer<Int>
  // Each cause's outcomes among the exposed (side 1) and unexposed (side 0): index
  // `(cause * 2 + side) * outcomes + outcome`.
  let splitShift: ColumnBuffer<Double>
  let splitRows: ColumnBuffer<Int>
  /// The outcomes that are shares, and each outcome's place among the shares or the means.
  let shareColumns: [Int]
  let meanColumns: [Int]
  let shareLane: [Int: Int]
  let meanLane: [Int: Int]
  /// The shares in vectors of 16, the means in vectors of 4.
  let shareBlocks: Int
  let meanBlocks: Int
  /// Per side of each cause, each share's known values and 1s.
  let shareKnown: ColumnBuffer<Int>
  let shareOnes: ColumnBuffer<Int>
  /// Per side of each cause, seven rows of `meanBlocks` vectors: known values, sums about the
  /// shift, sums of squares, 1s, 0s, smallest and largest values.
  let meanTotals: ColumnBuffer<SIMD4<Double>>
  let splitWeighted: ColumnBuffer<MomentSums>

  init(survey: Survey, outcomes: [Int], weighted: Bool, isShare: [Bool]) {
    indicatorCount = survey.indicators.count
    causeCount = survey.causes.count
    indexCount = survey.indexes.count
    self.outcomes = outcomes
    outcomeCount = outcomes.count
    questionCount = survey.questions.count
    self.weighted = weighted
    self.isShare = isShare
    let tracked = indicatorCount + causeCount + indexCount
    count = ColumnBuffer(capacity: tracked, repeating: 0)
    unknown = ColumnBuffer(capacity: tracked, repeating: 0)
    shift = ColumnBuffer(capacity: tracked, repeating: .nan)
    sum = ColumnBuffer(capacity: tracked, repeating: 0)
    squares = ColumnBuffer(capacity: tracked, repeating: 0)
    trues = ColumnBuffer(capacity: tracked, repeating: 0)
    falses = ColumnBuffer(capacity: tracked, repeating: 0)
    smallest = ColumnBuffer(capacity: tracked, repeating: .infinity)
    largest = ColumnBuffer(capacity: tracked, repeating: -.infinity)
    weightedSums = ColumnBuffer(capacity: weighted ? tracked : 0, repeating: MomentSums())
    histograms = ColumnBuffer(capacity: tracked, repeating: SmallHistogram())
    codes = ColumnBuffer(capacity: questionCount * 64, repeating: 0)
    multipleAnswered = ColumnBuffer(capacity: questionCount, repeating: 0)
    numbers = ColumnBuffer(capacity: questionCount, repeating: SmallHistogram())
    missing = ColumnBuffer(capacity: questionCount * 3, repeating: 0)
    blank = ColumnBuffer(capacity: questionCount, repeating: 0)
    hidden = ColumnBuffer(capacity: questionCount, repeating: 0)
    let split = causeCount * 2 * outcomes.count
    splitShift = ColumnBuffer(capacity: outcomes.count, repeating: .nan)
    splitRows = ColumnBuffer(capacity: causeCount * 2, repeating: 0)
    let columns = outcomes.indices
    shareColumns = columns.filter { outcomes[$0] < isShare.count && isShare[outcomes[$0]] }
    meanColumns = columns.filter { !(outcomes[$0] < isShare.count && isShare[outcomes[$0]]) }
    shareLane = Dictionary(uniqueKeysWithValues: shareColumns.enumerated().map { ($1, $0) })
    meanLane = Dictionary(uniqueKeysWithValues: meanColumns.enumerated().map { ($1, $0) })
    shareBlocks = (shareColumns.count + 15) / 16
    meanBlocks = (meanColumns.count + 3) / 4
    shareKnown = ColumnBuffer(capacity: causeCount * 2 * shareColumns.count, repeating: 0)
    shareOnes = ColumnBuffer(capacity: causeCount * 2 * shareColumns.count, repeating: 0)
    meanTotals = ColumnBuffer(
      capacity: causeCount * 2 * 7 * meanBlocks, repeating: SIMD4(repeating: 0))
    for side in 0..<(causeCount * 2) {
      for block in 0..<meanBlocks {
        meanTotals.base[(side * 7 + 5) * meanBlocks + block] = SIMD4(repeating: .infinity)
        meanTotals.base[(side * 7 + 6) * meanBlocks + block] = SIMD4(repeating: -.infinity)
      }
    }
    splitWeighted = ColumnBuffer(capacity: weighted ? split : 0, repeating: MomentSums())
  }

  /// The tracked column `k` of a batch.
  private func column(_ batch: RespondentBatch, _ k: Int) -> [Double] {
    if k < indicatorCount { return batch.indicators[k] }
    if k < indicatorCount + causeCount { return batch.causes[k - indicatorCount] }
    return batch.indexes[k - indicatorCount - causeCount]
  }

  /// Counts the rows of a batch that belong to this group.
  func add(_ batch: RespondentBatch, rows: [Int]) {
    respondents += rows.count
    for row in rows { weightSums.add(batch.weights[row]) }
    for k in 0..<(indicatorCount + causeCount + indexCount) {
      addTracked(k, column(batch, k), rows, batch.weights)
    }
    for question in 0..<min(questionCount, batch.answers.count) {
      addAnswers(question, batch.answers[question], batch.shown[question], rows)
    }
    if causeCount > 0, outcomeCount > 0 { addSplit(batch, rows) }
  }

  private func addTracked(_ k: Int, _ values: [Double], _ rows: [Int], _ weights: [Double]) {
    let keepsValues = !isShare[k]
    values.withUnsafeBufferPointer { values in
      if weighted {
        for row in rows {
          let y = values[row]
          if y.isFinite {
            weightedSums.base[k].add(y, weight: weights[row])
            if keepsValues { histograms.base[k].add(y) }
          } else {
            weightedSums.base[k].unknown += 1
          }
        }
        return
      }
      if shift.base[k].isNaN, let first = rows.first(where: { values[$0].isFinite }) {
        shift.base[k] = values[first]
      }
      let base = shift.base[k]
      var n = 0
      var missed = 0
      var s = 0.0
      var ss = 0.0
      var ones = 0
      var zeros = 0
      var low = smallest.base[k]
      var high = largest.base[k]
      for row in rows {
        let y = values[row]
        guard y.isFinite else {
          missed += 1
          continue
        }
        n += 1
        let d = y - base
        s += d
        ss += d * d
        if y == 1 { ones += 1 } else if y == 0 { zeros += 1 }
        if y < low { low = y }
        if y > high { high = y }
        if keepsValues { histograms.base[k].add(y) }
      }
      count.base[k] += n
      unknown.base[k] += missed
      sum.base[k] += s
      squares.base[k] += ss
      trues.base[k] += ones
      falses.base[k] += zeros
      smallest.base[k] = low
      largest.base[k] = high
    }
  }

  private func addAnswers(
    _ question: Int, _ answers: RespondentBatch.Answers, _ shown: [Bool], _ rows: [Int]
  ) {
    let dense = codes.base + question * 64
    var blanks = 0
    var hiddens = 0
    var answered = 0
    var missed = (0, 0, 0)
    answers.kinds.withUnsafeBufferPointer { kinds in
      answers.numbers.withUnsafeBufferPointer { numbers in
        answers.bits.withUnsafeBufferPointer { bits in
          shown.withUnsafeBufferPointer { shown in
            for row in rows {
              switch kinds[row] {
              case RespondentBatch.AnswerKind.blank.rawValue:
                if row < shown.count, !shown[row] { hiddens += 1 } else { blanks += 1 }
              case RespondentBatch.AnswerKind.code.rawValue:
                let code = Int(numbers[row])
                if code >= 0, code < 64 { dense[code] += 1 } else { count(code: code, question) }
              case RespondentBatch.AnswerKind.codes.rawValue:
                answered += 1
                if let chosen = answers.overflow[row] {
                  for code in chosen { count(code: code, question) }
                  continue
                }
                var chosen = bits[row]
                while chosen != 0 {
                  let bit = chosen.trailingZeroBitCount
                  chosen &= chosen &- 1
                  let code = bit < answers.codes.count ? answers.codes[bit] : bit
                  if code >= 0, code < 64 { dense[code] += 1 } else { count(code: code, question) }
                }
              case RespondentBatch.AnswerKind.number.rawValue:
                self.numbers.base[question].add(numbers[row])
              case RespondentBatch.AnswerKind.dontKnow.rawValue: missed.0 += 1
              case RespondentBatch.AnswerKind.refused.rawValue: missed.1 += 1
              case RespondentBatch.AnswerKind.notApplicable.rawValue: missed.2 += 1
              default: break
              }
            }
          }
        }
      }
    }
    blank.base[question] += blanks
    hidden.base[question] += hiddens
    multipleAnswered.base[question] += answered
    missing.base[question * 3] += missed.0
    missing.base[question * 3 + 1] += missed.1
    missing.base[question * 3 + 2] += missed.2
  }

  private func count(code: Int, _ question: Int) {
    if code >= 0, code < 64 {
      codes.base[question * 64 + code] += 1
    } else {
      otherCodes[question, default: [:]][code, default: 0] += 1
    }
  }
}
/// A histogram of a handful of distinct values: a short list searched first, a dictionary for
/// values beyond it.
struct SmallHistogram {
  var values: [Double] = []
  var counts: [Int] = []
  var more: [Double: Int] = [:]

  @inline(__always)
  mutating func add(_ value: Double) {
    var index = 0
    while index < values.count {
      if values[index] == value {
        counts[index] += 1
        return
      }
      index += 1
    }
    if values.count < 16 {
      values.append(value)
      counts.append(1)
    } else {
      more[value, default: 0] += 1
    }
  }

  /// The histogram as the statistics keep it.
  var histogram: ValueHistogram {
    var histogram = ValueHistogram()
    for (index, value) in values.enumerated() { histogram.add(value, count: counts[index]) }
    for (value, count) in more { histogram.add(value, count: count) }
    return histogram
  }
}
