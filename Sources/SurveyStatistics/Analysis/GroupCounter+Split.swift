import SurveyCore

extension GroupCounter {
  /// Adds each row's outcomes to each cause's exposed or unexposed sums: the row's outcomes are
  /// laid out once as vectors (value about the shift, known, 1, 0, extremes), then added to the
  /// side of each cause the row is on.
  func addSplit(_ batch: RespondentBatch, _ rows: [Int]) {
    let outcomes = self.outcomes.map { indicator -> [Double] in
      indicator < batch.indicators.count ? batch.indicators[indicator] : []
    }
    for (column, values) in outcomes.enumerated() where splitShift.base[column].isNaN {
      if let first = rows.first(where: { column < values.count && values[$0].isFinite }) {
        splitShift.base[column] = values[first]
      }
    }
    if weighted {
      addWeightedSplit(batch, rows, outcomes)
      return
    }
    countSides(batch, rows)
    addShareSplit(batch, rows, outcomes)
    addMeanSplit(batch, rows, outcomes)
  }

  /// The share outcomes (values 1 and 0 only): each row's known and 1 flags as bytes, sixteen
  /// outcomes to a vector, added up in byte counters flushed every 255 rows.
  private func addShareSplit(_ batch: RespondentBatch, _ rows: [Int], _ outcomes: [[Double]]) {
    let blocks = shareBlocks
    guard blocks > 0 else { return }
    var known = [SIMD16<UInt8>](repeating: SIMD16(repeating: 0), count: rows.count * blocks)
    var ones = [SIMD16<UInt8>](repeating: SIMD16(repeating: 0), count: rows.count * blocks)
    for (lane, column) in shareColumns.enumerated() where !outcomes[column].isEmpty {
      let (block, offset) = (lane / 16, lane % 16)
      outcomes[column].withUnsafeBufferPointer { values in
        for (index, row) in rows.enumerated() {
          let y = values[row]
          guard y.isFinite else { continue }
          known[index * blocks + block][offset] = 1
          if y == 1 { ones[index * blocks + block][offset] = 1 }
        }
      }
    }
    let sides = causeCount * 2
    var knownCounts = [SIMD16<UInt8>](repeating: SIMD16(repeating: 0), count: sides * blocks)
    var oneCounts = [SIMD16<UInt8>](repeating: SIMD16(repeating: 0), count: sides * blocks)
    func flush() {
      for side in 0..<sides {
        for block in 0..<blocks {
          let (k, o) = (knownCounts[side * blocks + block], oneCounts[side * blocks + block])
          for offset in 0..<16 {
            let lane = block * 16 + offset
            guard lane < shareColumns.count else { break }
            shareKnown.base[side * shareColumns.count + lane] += Int(k[offset])
            shareOnes.base[side * shareColumns.count + lane] += Int(o[offset])
          }
          knownCounts[side * blocks + block] = SIMD16(repeating: 0)
          oneCounts[side * blocks + block] = SIMD16(repeating: 0)
        }
      }
    }
    var start = 0
    while start < rows.count {
      let end = min(start + 255, rows.count)
      known.withUnsafeBufferPointer { known in
        ones.withUnsafeBufferPointer { ones in
          knownCounts.withUnsafeMutableBufferPointer { knownCounts in
            oneCounts.withUnsafeMutableBufferPointer { oneCounts in
              for cause in 0..<causeCount where cause < batch.causes.count {
                batch.causes[cause].withUnsafeBufferPointer { flags in
                  for index in start..<end {
                    let flag = flags[rows[index]]
                    guard flag == 0 || flag == 1 else { continue }
                    let target = (cause * 2 + (flag == 1 ? 1 : 0)) * blocks
                    let source = index * blocks
                    for block in 0..<blocks {
                      knownCounts[target + block] &+= known[source + block]
                      oneCounts[target + block] &+= ones[source + block]
                    }
                  }
                }
              }
            }
          }
        }
      }
      flush()
      start = end
    }
  }

  /// The mean outcomes: each row's values as vectors of 4 (known flag, value about the shift,
  /// its square, 1 and 0 flags, the value for the extremes), added to the side of each cause.
  private func addMeanSplit(_ batch: RespondentBatch, _ rows: [Int], _ outcomes: [[Double]]) {
    let blocks = meanBlocks
    guard blocks > 0 else { return }
    let stride = 7 * blocks
    var vectors = [SIMD4<Double>](repeating: SIMD4(repeating: 0), count: rows.count * stride)
    vectors.withUnsafeMutableBufferPointer { vectors in
      for index in rows.indices {
        for block in 0..<blocks {
          vectors[index * stride + 5 * blocks + block] = SIMD4(repeating: .infinity)
          vectors[index * stride + 6 * blocks + block] = SIMD4(repeating: -.infinity)
        }
      }
      for (lane, column) in meanColumns.enumerated() where !outcomes[column].isEmpty {
        let base = splitShift.base[column]
        let (block, offset) = (lane / 4, lane % 4)
        outcomes[column].withUnsafeBufferPointer { values in
          for (index, row) in rows.enumerated() {
            let y = values[row]
            guard y.isFinite else { continue }
            let slot = index * stride + block
            let d = y - base
            vectors[slot][offset] = 1
            vectors[slot + blocks][offset] = d
            vectors[slot + 2 * blocks][offset] = d * d
            if y == 1 {
              vectors[slot + 3 * blocks][offset] = 1
            } else if y == 0 {
              vectors[slot + 4 * blocks][offset] = 1
            }
            vectors[slot + 5 * blocks][offset] = y
            vectors[slot + 6 * blocks][offset] = y
          }
        }
      }
    }
    let totals = meanTotals.base
    vectors.withUnsafeBufferPointer { vectors in
      for cause in 0..<causeCount where cause < batch.causes.count {
        batch.causes[cause].withUnsafeBufferPointer { flags in
          for (index, row) in rows.enumerated() {
            let flag = flags[row]
            guard flag == 0 || flag == 1 else { continue }
            // Every index stays within the side's `stride` totals and the row's vectors.
            let target = totals + (cause * 2 + (flag == 1 ? 1 : 0)) * stride
            let source = index * stride
            for block in 0..<(5 * blocks) { target[block] += vectors[source + block] }
            for block in (5 * blocks)..<(6 * blocks) {
              target[block] = pointwiseMin(target[block], vectors[source + block])
            }
            for block in (6 * blocks)..<stride {
              target[block] = pointwiseMax(target[block], vectors[source + block])
            }
          }
        }
      }
    }
  }

  /// Counts each cause's sides (the rows whose exposure is known).
  private func countSides(_ batch: RespondentBatch, _ rows: [Int]) {
    for cause in 0..<causeCount where cause < batch.causes.count {
      batch.causes[cause].withUnsafeBufferPointer { flags in
        for row in rows {
          let flag = flags[row]
          if flag == 1 {
            splitRows.base[cause * 2 + 1] += 1
          } else if flag == 0 {
            splitRows.base[cause * 2] += 1
          }
        }
      }
    }
  }

  private func addWeightedSplit(_ batch: RespondentBatch, _ rows: [Int], _ outcomes: [[Double]]) {
    let width = outcomeCount
    for cause in 0..<causeCount where cause < batch.causes.count {
      let flags = batch.causes[cause]
      for row in rows {
        let flag = flags[row]
        guard flag == 0 || flag == 1 else { continue }
        let side = cause * 2 + (flag == 1 ? 1 : 0)
        splitRows.base[side] += 1
        for column in 0..<width where !outcomes[column].isEmpty {
          let y = outcomes[column][row]
          if y.isFinite {
            splitWeighted.base[side * width + column].add(y, weight: batch.weights[row])
          } else {
            splitWeighted.base[side * width + column].unknown += 1
          }
        }
      }
    }
  }

  /// The group's accumulator, as counting respondent by respondent makes it.
  func accumulator() -> GroupAccumulator {
    var group = GroupAccumulator(
      indicators: indicatorCount, questions: questionCount, causes: causeCount,
      indexes: indexCount)
    group.respondents = respondents
    group.weights = weightSums.moments(weighted: false)
    let tracked = (0..<(indicatorCount + causeCount + indexCount)).map { trackedAccumulator($0) }
    group.indicators = Array(tracked[0..<indicatorCount])
    for cause in 0..<causeCount {
      group.causes[cause].exposure = tracked[indicatorCount + cause]
      for (column, outcome) in outcomes.enumerated() where outcome < indicatorCount {
        group.causes[cause].exposed[outcome] = splitAccumulator(cause * 2 + 1, column)
        group.causes[cause].unexposed[outcome] = splitAccumulator(cause * 2, column)
      }
    }
    group.indexes = Array(tracked[(indicatorCount + causeCount)...])
    for question in 0..<questionCount {
      var item = ItemAccumulator()
      for code in 0..<64 where codes.base[question * 64 + code] > 0 {
        item.codes.add(code, count: codes.base[question * 64 + code])
      }
      for (code, count) in otherCodes[question] ?? [:] { item.codes.add(code, count: count) }
      item.multipleAnswered = multipleAnswered.base[question]
      item.numbers = numbers[question].histogram
      for (index, kind) in [MissingKind.dontKnow, .refused, .notApplicable].enumerated()
      where missing.base[question * 3 + index] > 0 {
        item.missing[kind] = missing.base[question * 3 + index]
      }
      item.blank = blank.base[question]
      item.hidden = hidden.base[question]
      group.items[question] = item
    }
    return group
  }

  private func trackedAccumulator(_ k: Int) -> IndicatorAccumulator {
    var sums: MomentSums
    if weighted {
      sums = weightedSums[k]
    } else {
      sums = MomentSums()
      sums.shift = shift.base[k]
      sums.count = count.base[k]
      sums.unknown = unknown.base[k]
      sums.sum = sum.base[k]
      sums.squares = squares.base[k]
      sums.trues = trues.base[k]
      sums.falses = falses.base[k]
      sums.smallest = smallest.base[k]
      sums.largest = largest.base[k]
    }
    var accumulator = IndicatorAccumulator(sums, weighted: weighted, tracksValues: true)
    if isShare[k] {
      accumulator.values.add(0, count: sums.falses)
      accumulator.values.add(1, count: sums.trues)
    } else {
      accumulator.values = histograms[k].histogram
    }
    return accumulator
  }

  private func splitAccumulator(_ side: Int, _ column: Int) -> IndicatorAccumulator {
    let index = side * outcomeCount + column
    var sums: MomentSums
    if weighted {
      sums = splitWeighted[index]
    } else {
      sums = MomentSums()
      sums.shift = splitShift.base[column]
      if let lane = shareLane[column] {
        let known = shareKnown.base[side * shareColumns.count + lane]
        let ones = shareOnes.base[side * shareColumns.count + lane]
        sums.count = known
        sums.trues = ones
        sums.falses = known - ones
        if known > 0 {
          let shift = sums.shift
          sums.sum = Double(ones) - shift * Double(known)
          sums.squares =
            Double(ones) * (1 - shift) * (1 - shift) + Double(known - ones) * shift * shift
          sums.smallest = known > ones ? 0 : 1
          sums.largest = ones > 0 ? 1 : 0
        }
      } else if let lane = meanLane[column] {
        let blocks = meanBlocks
        let target = meanTotals.base + side * 7 * blocks + lane / 4
        let offset = lane % 4
        sums.count = Int(target[0][offset])
        sums.sum = target[blocks][offset]
        sums.squares = target[2 * blocks][offset]
        sums.trues = Int(target[3 * blocks][offset])
        sums.falses = Int(target[4 * blocks][offset])
        sums.smallest = target[5 * blocks][offset]
        sums.largest = target[6 * blocks][offset]
      }
      sums.unknown = splitRows.base[side] - sums.count
    }
    return IndicatorAccumulator(sums, weighted: weighted, tracksValues: false)
  }
}
