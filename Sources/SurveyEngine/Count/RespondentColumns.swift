import SurveyCore
import SurveyIngest
import SurveyStatistics

/// Turns a decoded, validated batch into the columns the statistics count
/// (``RespondentBatch``): each row's group, weight and person key, each indicator, cause,
/// index and scale item.
struct RespondentColumns {
  let schema: EngineSchema
  /// The indicators, compiled once.
  let indicators: [(program: Program, isShare: Bool)]
  /// The scales with at least two items (their reliability is counted).
  let reliabilityScales: [Int]

  init(schema: EngineSchema) {
    self.schema = schema
    let survey = schema.survey
    indicators = survey.indicators.map { indicator in
      switch indicator.measure {
      case .share(let condition): (survey.program.compile(condition), true)
      case .mean(let reference): (survey.program.compile(.variable(reference)), false)
      }
    }
    reliabilityScales = survey.scales.indices.filter { survey.scales[$0].items.count >= 2 }
  }

  /// What the store says of each row of a batch read back from it: the group, the weight and
  /// the person key as they were stored.
  struct StoredFacts {
    var keys: [GroupKey] = []
    var weights: [Double?] = []
    var personKeys: [String?] = []

    mutating func removeAll() {
      keys.removeAll(keepingCapacity: true)
      weights.removeAll(keepingCapacity: true)
      personKeys.removeAll(keepingCapacity: true)
    }
  }

  /// The batch's respondents as columns; rows with errors are not counted.
  ///
  /// - Parameter stored: For responses read back from the store, their stored facts, which
  ///   replace what an export's columns would say.
  func batch(
    _ evaluator: BatchEvaluator, _ grid: AnswerGrid, _ facts: RowFacts,
    _ validation: BatchValidation, names: [String], groups: inout GroupTable,
    stored: StoredFacts? = nil
  ) -> RespondentBatch {
    let count = evaluator.count
    let program = schema.program
    var group = [Int32](repeating: -1, count: count)
    var batchGroups: [GroupKey] = []
    var local: [Int32: Int32] = [:]
    var counted: [Int] = []
    counted.reserveCapacity(count)
    for row in 0..<count where facts.isValid(row) {
      counted.append(row)
      let id =
        if let stored, row < stored.keys.count {
          groups.id(ofStored: stored.keys[row])
        } else {
          groups.id(of: key(row, grid, facts, names: names, evaluator: evaluator))
        }
      if let known = local[id] {
        group[row] = known
      } else {
        let index = Int32(batchGroups.count)
        local[id] = index
        batchGroups.append(groups.keys[Int(id)])
        group[row] = index
      }
    }
    var weights = [Double](repeating: 1, count: count)
    if let stored {
      for (row, weight) in stored.weights.prefix(count).enumerated() {
        if let weight, weight > 0, weight.isFinite { weights[row] = weight }
      }
    } else if let position = schema.weightPosition {
      let kinds = grid.kinds(position)
      let numbers = grid.numbers(position)
      for row in 0..<count where kinds[row] == AnswerGrid.Kind.number.rawValue {
        let weight = numbers[row]
        if weight > 0, weight.isFinite { weights[row] = weight }
      }
    }
    let answers = (0..<grid.questions).map { position in
      RespondentBatch.Answers(
        kinds: Array(UnsafeBufferPointer(start: grid.kinds(position), count: count)),
        numbers: Array(UnsafeBufferPointer(start: grid.numbers(position), count: count)),
        bits: Array(UnsafeBufferPointer(start: grid.bits(position), count: count)),
        codes: schema.multipleCodes[position], overflow: grid.overflowCodes[position] ?? [:])
    }
    let indicatorValues = indicators.map { indicator in
      Self.numbers(evaluator.evaluate(indicator.program), count, truth: indicator.isShare)
    }
    let causes = program.causes.indices.map {
      Self.numbers(evaluator.cause($0), count, truth: true)
    }
    let indexes = program.indexes.indices.map {
      Self.numbers(evaluator.index($0), count, truth: false)
    }
    let scaleItems = program.scales.indices.map { position -> [[Double]] in
      guard reliabilityScales.contains(position) else { return [] }
      let scale = program.scales[position]
      return scale.items.indices.map { item in
        let (values, known) = evaluator.itemValues(item, of: scale)
        return (0..<count).map { known[$0] ? values[$0] : .nan }
      }
    }
    let days = (0..<count).map { row -> Int in
      let seconds = facts.submittedAt.base[row]
      return seconds == .min ? .min : Int((Double(seconds) / 86_400).rounded(.down))
    }
    var result = RespondentBatch(
      count: count, group: group, groups: batchGroups, weights: weights, answers: answers,
      shown: validation.shown, indicators: indicatorValues, causes: causes, indexes: indexes,
      scaleItems: scaleItems, submittedDays: days,
      personKeys: stored.map { Array($0.personKeys.prefix(count)) }
        ?? personKeys(count, grid, evaluator))
    result.counted = counted
    return result
  }

  /// A vector's values as numbers for counting: a truth value as 1 or 0, a number as itself,
  /// anything else (unknown) as NaN.
  static func numbers(_ values: VectorValues, _ count: Int, truth: Bool) -> [Double] {
    var result = [Double](repeating: .nan, count: count)
    values.read { tags, numbers in
      for row in 0..<count {
        if truth {
          if tags[row] == VectorValues.Tag.bool.rawValue { result[row] = numbers[row] != 0 ? 1 : 0 }
        } else if VectorValues.isNumeric(tags[row]) {
          result[row] = numbers[row]
        }
      }
    }
    return result
  }

  /// Each row's person key: the first `private hashed` text, normalised.
  private func personKeys(_ count: Int, _ grid: AnswerGrid, _ evaluator: BatchEvaluator)
    -> [String?]
  {
    guard !schema.personPositions.isEmpty else { return [] }
    var keys = [String?](repeating: nil, count: count)
    for position in schema.personPositions {
      let kinds = grid.kinds(position)
      let bits = grid.bits(position)
      for row in 0..<count where keys[row] == nil && kinds[row] == AnswerGrid.Kind.text.rawValue {
        let (start, length) = TextRef.parts(bits[row])
        keys[row] = MatchKey.text(evaluator.batch.string(start: start, length: length))
      }
    }
    return keys
  }
}

extension RespondentColumns {
  /// A row's chapter and wave, as the row decoder assigns them: a chapter or wave question's
  /// answer (a choice's name, or for a chapter its label when it has no name), else the
  /// metadata column, else what was given at import.
  func key(
    _ row: Int, _ grid: AnswerGrid, _ facts: RowFacts, names: [String], evaluator: BatchEvaluator
  ) -> GroupSignature {
    let options = schema.decoder?.options
    var chapter: RoleKey =
      options?.chapter != nil
      ? .given : facts.chapterName.base[row] >= 0 ? .name(facts.chapterName.base[row]) : .none
    if let position = schema.chapterPosition {
      chapter = role(position, row, grid, evaluator) ?? .none
    }
    var wave: RoleKey =
      options?.wave != nil
      ? .given : facts.waveName.base[row] >= 0 ? .name(facts.waveName.base[row]) : .none
    if let position = schema.wavePosition, let answer = role(position, row, grid, evaluator) {
      wave = answer
    }
    return GroupSignature(chapter: chapter, wave: wave)
  }

  private func role(_ position: Int, _ row: Int, _ grid: AnswerGrid, _ evaluator: BatchEvaluator)
    -> RoleKey?
  {
    switch grid.kind(position, row) {
    case AnswerGrid.Kind.code.rawValue: return .code(Int(grid.numbers(position)[row]))
    case AnswerGrid.Kind.number.rawValue: return .number(grid.numbers(position)[row])
    case AnswerGrid.Kind.text.rawValue:
      let (start, length) = TextRef.parts(grid.bits(position)[row])
      return .text(evaluator.batch.string(start: start, length: length))
    default: return nil
    }
  }
}

/// Where a row's chapter or wave comes from, before it is a name.
enum RoleKey: Hashable {
  case none
  case given
  case name(Int32)
  case code(Int)
  case number(Double)
  case text(String)
}

/// A row's group before it is named.
struct GroupSignature: Hashable {
  var chapter: RoleKey
  var wave: RoleKey
}

/// The groups met so far, numbered, with their names worked out once.
struct GroupTable {
  let schema: EngineSchema
  private(set) var keys: [GroupKey] = []
  private var ids: [GroupSignature: Int32] = [:]
  private var storedIDs: [GroupKey: Int32] = [:]
  /// Metadata names (``BatchDecoder/names``).
  var names: [String] = []

  init(schema: EngineSchema) {
    self.schema = schema
  }

  /// The number of a group named in the store.
  mutating func id(ofStored key: GroupKey) -> Int32 {
    if let id = storedIDs[key] { return id }
    let id = Int32(keys.count)
    keys.append(key)
    storedIDs[key] = id
    return id
  }

  mutating func id(of signature: GroupSignature) -> Int32 {
    if let id = ids[signature] { return id }
    let options = schema.decoder?.options
    let chapter = name(
      signature.chapter, given: options?.chapter, position: schema.chapterPosition, labelled: true)
    let wave = name(
      signature.wave, given: options?.wave, position: schema.wavePosition, labelled: false)
    let id = Int32(keys.count)
    keys.append(GroupKey(chapter: chapter, wave: wave ?? "1"))
    ids[signature] = id
    return id
  }

  private func name(_ key: RoleKey, given: String?, position: Int?, labelled: Bool) -> String? {
    switch key {
    case .none: return nil
    case .given: return given
    case .name(let id): return Int(id) < names.count ? names[Int(id)] : nil
    case .number(let value): return JSONValue.format(value)
    case .text(let text): return text
    case .code(let code):
      let survey = schema.survey
      guard let position,
        let choice = survey.choiceSet(of: survey.questions[position])?.choice(code: code)
      else { return String(code) }
      if let name = choice.name { return name }
      let label = choice.label.text(in: survey.defaultLanguage)
      return labelled && !label.isEmpty ? label : String(code)
    }
  }
}
