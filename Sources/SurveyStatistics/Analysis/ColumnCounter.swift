import SurveyCore

/// Counts batches of respondents column by column into flat per-group tables, and turns the
/// tables into a ``SurveyAggregation`` at the end.
///
/// A group's counts are sums and counts that every batch adds to (the moments about a shift per
/// column, shares' trues and falses, answer codes, the values of measures for their quartiles),
/// so nothing is merged batch by batch: a batch costs a few loops over contiguous columns. The
/// aggregation built at the end holds the same accumulators as counting respondent by respondent
/// would, up to the rounding of floating-point sums.
///
/// One per reading thread; the aggregations of several are merged in file order.
package final class ColumnCounter {
  let survey: Survey
  let outcomes: [Int]
  let weighted: Bool
  let tracksPanel: Bool
  /// Whether each tracked column (indicators, then causes' exposures, then indexes) takes only
  /// the values 0 and 1 (so its histogram is its trues and falses).
  let isShare: [Bool]
  private(set) var keys: [GroupKey] = []
  private var ids: [GroupKey: Int] = [:]
  private var groups: [GroupCounter] = []
  private var waves: [String: WaveCounter] = [:]
  private var waveOrder: [String] = []
  private var panel: [String: [String: SurveyAggregation.PanelEntry]] = [:]

  /// A counter for a survey.
  ///
  /// - Parameters:
  ///   - survey: The survey.
  ///   - tracksPanel: Keep each linked person's indicator values per wave.
  package init(survey: Survey, tracksPanel: Bool = true) {
    self.survey = survey
    outcomes = survey.outcomeIndicators
    weighted = survey.isWeighted
    self.tracksPanel = tracksPanel
    let shares = survey.indicators.map { if case .share = $0.measure { true } else { false } }
    isShare =
      shares + Array(repeating: true, count: survey.causes.count)
      + Array(repeating: false, count: survey.indexes.count)
  }

  /// Counts a batch's counted rows.
  package func add(_ batch: RespondentBatch) {
    guard !batch.counted.isEmpty else { return }
    var batch = batch
    if let population = survey.population { rake(&batch, population) }
    var local = [Int](repeating: -1, count: batch.groups.count)
    var rowsOf: [[Int]] = []
    var order: [Int] = []
    for row in batch.counted {
      let group = Int(batch.group[row])
      guard group >= 0, group < local.count else { continue }
      if local[group] < 0 {
        local[group] = rowsOf.count
        rowsOf.append([])
        order.append(group)
      }
      rowsOf[local[group]].append(row)
    }
    var waveRows: [String: [Int]] = [:]
    for group in order {
      let key = batch.groups[group]
      let rows = rowsOf[local[group]]
      counter(for: key).add(batch, rows: rows)
      waveRows[key.wave, default: []].append(contentsOf: rows)
    }
    for (wave, rows) in waveRows {
      if waves[wave] == nil {
        waves[wave] = WaveCounter(survey: survey, outcomes: outcomes)
        waveOrder.append(wave)
      }
      waves[wave]?.add(batch, rows: rows.sorted())
    }
    if tracksPanel, !batch.personKeys.isEmpty {
      for row in batch.counted {
        guard let person = batch.personKeys[row] else { continue }
        let key = batch.groups[Int(batch.group[row])]
        panel[person, default: [:]][key.wave] = SurveyAggregation.PanelEntry(
          chapter: key.chapter,
          indicators: batch.indicators.map { $0[row].isFinite ? $0[row] : nil })
      }
    }
  }

  /// Counts the batch's rows into their waves' raking cells, and applies the survey's raking
  /// adjustments, when it has them, to their weights.
  private func rake(_ batch: inout RespondentBatch, _ population: Population) {
    for row in batch.counted {
      let group = Int(batch.group[row])
      guard batch.groups.indices.contains(group) else { continue }
      let key = batch.groups[group]
      let cell = RakingCell(
        population.margins.map { margin -> Int in
          switch margin.variable {
          case .chapter:
            return margin.slot(answer: nil, chapter: key.chapter)
          case .question(let position):
            guard batch.answers.indices.contains(position) else { return -1 }
            let answers = batch.answers[position]
            guard answers.kinds[row] == RespondentBatch.AnswerKind.code.rawValue else { return -1 }
            return margin.slot(answer: .code(Int(answers.numbers[row])), chapter: nil)
          }
        })
      let base = batch.weights[row]
      if waves[key.wave] == nil {
        waves[key.wave] = WaveCounter(survey: survey, outcomes: outcomes)
        waveOrder.append(key.wave)
      }
      waves[key.wave]?.data.rakingCells[cell, default: RakingCellSums()].add(base)
      if let factors = survey.raking?.factors[key.wave] {
        batch.weights[row] = base * (factors[cell] ?? 1)
      }
    }
  }

  private func counter(for key: GroupKey) -> GroupCounter {
    if let id = ids[key] { return groups[id] }
    ids[key] = groups.count
    keys.append(key)
    let counter = GroupCounter(
      survey: survey, outcomes: outcomes, weighted: weighted, isShare: isShare)
    groups.append(counter)
    return counter
  }

  /// The aggregation of everything counted.
  package func aggregation() -> SurveyAggregation {
    var aggregation = SurveyAggregation(survey: survey, tracksPanel: tracksPanel)
    for (index, key) in keys.enumerated() {
      let cell = aggregation.cellIndex(chapter: key.chapter, wave: key.wave)
      aggregation.cells[cell].merge(groups[index].accumulator())
    }
    for wave in waveOrder {
      guard let counter = waves[wave] else { continue }
      let position = aggregation.wavePosition(wave)
      aggregation.waveStore[position] = counter.finished
    }
    for (person, entries) in panel {
      aggregation.panel[person, default: [:]].merge(entries) { _, new in new }
    }
    return aggregation
  }
}

/// What is pooled over a wave, counted batch by batch.
struct WaveCounter {
  var data: SurveyAggregation.WaveData
  let outcomes: [Int]
  /// The values of each index and each outcome, numbered as they are met.
  var indexNumbers: [ValueNumbering]
  var outcomeNumbers: [ValueNumbering]
  /// For each index and outcome, the count of each pair of numbered values.
  var pairs: [[PairTable]]

  init(survey: Survey, outcomes: [Int]) {
    self.outcomes = outcomes
    data = SurveyAggregation.WaveData(
      reliability: survey.scales.map {
        $0.items.count >= 2 ? ReliabilityAccumulator(items: $0.items.count) : nil
      },
      correlations: Array(
        repeating: Array(repeating: JointHistogram(), count: outcomes.count),
        count: survey.indexes.count),
      fieldwork: nil)
    indexNumbers = Array(repeating: ValueNumbering(), count: survey.indexes.count)
    outcomeNumbers = Array(repeating: ValueNumbering(), count: outcomes.count)
    pairs = Array(
      repeating: Array(repeating: PairTable(), count: outcomes.count), count: survey.indexes.count)
  }

  mutating func add(_ batch: RespondentBatch, rows: [Int]) {
    for (index, items) in batch.scaleItems.enumerated()
    where index < data.reliability.count && data.reliability[index] != nil {
      data.reliability[index]?.add(items: items, rows: rows)
    }
    if !batch.indexes.isEmpty, !outcomes.isEmpty {
      let outcomeIDs = outcomes.enumerated().map { column, outcome in
        outcome < batch.indicators.count
          ? outcomeNumbers[column].number(batch.indicators[outcome], rows: rows)
          : Array(repeating: -1, count: rows.count)
      }
      for (index, values) in batch.indexes.enumerated() where index < pairs.count {
        let indexIDs = indexNumbers[index].number(values, rows: rows)
        for column in outcomeIDs.indices {
          pairs[index][column].add(indexIDs, outcomeIDs[column])
        }
      }
    }
    var first = Int.max
    var last = Int.min
    for row in rows where batch.submittedDays[row] != .min {
      first = min(first, batch.submittedDays[row])
      last = max(last, batch.submittedDays[row])
    }
    if first <= last {
      data.fieldwork =
        data.fieldwork.map { min($0.lowerBound, first)...max($0.upperBound, last) } ?? first...last
    }
  }

  /// The wave's data with the pairs counted so far.
  var finished: SurveyAggregation.WaveData {
    var result = data
    for index in pairs.indices {
      for column in pairs[index].indices {
        let table = pairs[index][column]
        for (x, y, count) in table.counts {
          result.correlations[index][column].add(
            indexNumbers[index].values[x], outcomeNumbers[column].values[y], count: count)
        }
      }
    }
    return result
  }
}

/// Numbers a column's known values 0, 1, 2… in the order they are met, over every batch.
struct ValueNumbering {
  var values: [Double] = []
  var numbers: [Double: Int32] = [:]

  /// Each row's number (-1 when unknown), for the rows given.
  mutating func number(_ column: [Double], rows: [Int]) -> [Int32] {
    rows.map { row in
      let value = column[row]
      guard value.isFinite else { return -1 }
      // A handful of distinct values: a look along them is quicker than hashing.
      if values.count <= 16, let found = values.firstIndex(of: value) { return Int32(found) }
      if let found = numbers[value] { return found }
      let id = Int32(values.count)
      values.append(value)
      numbers[value] = id
      return id
    }
  }
}

/// Counts of pairs of numbers, in a table that grows as numbers are met.
struct PairTable {
  private var width = 0
  private var height = 0
  private var table: [Int] = []

  mutating func add(_ x: [Int32], _ y: [Int32]) {
    for index in x.indices {
      let (i, j) = (Int(x[index]), Int(y[index]))
      guard i >= 0, j >= 0 else { continue }
      if i >= width || j >= height { grow(to: i + 1, j + 1) }
      table[i * height + j] += 1
    }
  }

  private mutating func grow(to columns: Int, _ rows: Int) {
    let (newWidth, newHeight) = (max(width, columns, 4) * 2, max(height, rows, 4) * 2)
    var grown = [Int](repeating: 0, count: newWidth * newHeight)
    for i in 0..<width {
      for j in 0..<height { grown[i * newHeight + j] = table[i * height + j] }
    }
    (width, height, table) = (newWidth, newHeight, grown)
  }

  /// The counted pairs.
  var counts: [(Int, Int, Int)] {
    var result: [(Int, Int, Int)] = []
    for i in 0..<width {
      for j in 0..<height where table[i * height + j] > 0 {
        result.append((i, j, table[i * height + j]))
      }
    }
    return result
  }
}
