import SurveyCore

/// Evaluates the survey's compiled expressions over every row of a batch at once, with the
/// semantics of ``SurveyProgram/evaluate(_:_:)`` (three-valued logic, numbers from booleans and
/// dates, unknown inputs propagating): one loop over the rows per operation instead of one
/// tree walk per row. Derived values, scales, causes and indexes are worked out once per batch
/// and shared by every expression that reads them.
final class BatchEvaluator {
  let schema: EngineSchema
  let grid: AnswerGrid
  let batch: RecordBatch
  let count: Int
  private var derivedCache: [Int: VectorValues] = [:]
  private var scaleCache: [Int: VectorValues] = [:]
  private var causeCache: [Int: VectorValues] = [:]
  private var indexCache: [Int: VectorValues] = [:]
  private var questionCache: [Int: VectorValues] = [:]

  init(schema: EngineSchema, grid: AnswerGrid, batch: RecordBatch) {
    self.schema = schema
    self.grid = grid
    self.batch = batch
    count = batch.count
  }

  var program: SurveyProgram { schema.program }

  /// The values of an expression on every row.
  func evaluate(_ expression: Program) -> VectorValues {
    switch expression {
    case .constant(let value): return VectorValues(constant: value, count: count)
    case .question(let position): return question(position)
    case .derived(let position): return derived(position)
    case .scale(let position): return scale(position)
    case .cause(let position): return cause(position)
    case .index(let position): return index(position)
    case .negate(let inner):
      var values = evaluate(inner)
      values.write { tags, numbers in
        for row in 0..<count {
          if VectorValues.isNumeric(tags[row]) {
            tags[row] = VectorValues.Tag.number.rawValue
            numbers[row] = -numbers[row]
          } else {
            tags[row] = VectorValues.Tag.missing.rawValue
          }
        }
      }
      return values
    case .not(let inner):
      var values = evaluate(inner)
      values.write { tags, numbers in
        for row in 0..<count {
          let truth = VectorValues.truth(tags[row], numbers[row])
          if truth < 0 {
            tags[row] = VectorValues.Tag.missing.rawValue
          } else {
            numbers[row] = truth == 0 ? 1 : 0
          }
        }
      }
      return values
    case .arithmetic(let op, let lhs, let rhs): return arithmetic(op, evaluate(lhs), evaluate(rhs))
    case .comparison(let op, let lhs, let rhs): return compare(op, evaluate(lhs), evaluate(rhs))
    case .and(let lhs, let rhs): return logic(evaluate(lhs), evaluate(rhs), isAnd: true)
    case .or(let lhs, let rhs): return logic(evaluate(lhs), evaluate(rhs), isAnd: false)
    case .isAnswered(let inner):
      var values = evaluate(inner)
      values.write { tags, numbers in
        for row in 0..<count {
          numbers[row] = tags[row] >= 4 ? 1 : 0
          tags[row] = VectorValues.Tag.bool.rawValue
        }
      }
      return values
    case .isMissing(let inner, let kind):
      var values = evaluate(inner)
      let wanted = kind.map { VectorValues.tag(of: $0).rawValue }
      values.write { tags, numbers in
        for row in 0..<count {
          let tag = tags[row]
          numbers[row] = tag < 4 && (wanted == nil || tag == wanted) ? 1 : 0
          tags[row] = VectorValues.Tag.bool.rawValue
        }
      }
      return values
    case .includes(let inner, let codes, let all): return includes(evaluate(inner), codes, all: all)
    case .isOneOf(let inner, let candidates):
      var values = evaluate(inner)
      values.write { tags, numbers in
        for row in 0..<count {
          if VectorValues.isNumeric(tags[row]) {
            numbers[row] = candidates.contains(numbers[row]) ? 1 : 0
            tags[row] = VectorValues.Tag.bool.rawValue
          } else {
            tags[row] = VectorValues.Tag.missing.rawValue
          }
        }
      }
      return values
    case .call(let function, let arguments): return call(function, arguments.map(evaluate))
    }
  }

  /// Whether each row's value is the boolean true (a relevance condition holds).
  func holds(_ expression: Program) -> [Bool] {
    let values = evaluate(expression)
    var result = [Bool](repeating: false, count: count)
    values.read { tags, numbers in
      for row in 0..<count {
        result[row] = tags[row] == VectorValues.Tag.bool.rawValue && numbers[row] != 0
      }
    }
    return result
  }
}

extension BatchEvaluator {
  /// A question's answers as values.
  func question(_ position: Int) -> VectorValues {
    if let cached = questionCache[position] { return cached }
    var values = VectorValues(count: count)
    guard position >= 0, position < grid.questions else { return values }
    let kinds = grid.kinds(position)
    let numbers = grid.numbers(position)
    let bits = grid.bits(position)
    let fits = schema.fitsInBits(position)
    var references: [Int] = []
    values.write { tags, values in
      for row in 0..<count {
        switch kinds[row] {
        case AnswerGrid.Kind.code.rawValue, AnswerGrid.Kind.number.rawValue:
          tags[row] = VectorValues.Tag.number.rawValue
          values[row] = numbers[row]
        case AnswerGrid.Kind.date.rawValue:
          tags[row] = VectorValues.Tag.date.rawValue
          values[row] = numbers[row]
        case AnswerGrid.Kind.codes.rawValue, AnswerGrid.Kind.text.rawValue: references.append(row)
        case AnswerGrid.Kind.dontKnow.rawValue: tags[row] = VectorValues.Tag.dontKnow.rawValue
        case AnswerGrid.Kind.refused.rawValue: tags[row] = VectorValues.Tag.refused.rawValue
        case AnswerGrid.Kind.notApplicable.rawValue:
          tags[row] = VectorValues.Tag.notApplicable.rawValue
        default: break
        }
      }
    }
    for row in references {
      values.allowReferences()
      if kinds[row] == AnswerGrid.Kind.text.rawValue {
        values.tags[row] = VectorValues.Tag.text.rawValue
        values.sources[row] = -1
        values.references[row] = bits[row]
      } else if fits {
        values.tags[row] = VectorValues.Tag.codes.rawValue
        values.sources[row] = Int32(position)
        values.references[row] = bits[row]
      } else {
        values.tags[row] = VectorValues.Tag.codes.rawValue
        values.sources[row] = -1
        values.overflow[row] = grid.overflowCodes[position]?[row] ?? []
      }
    }
    questionCache[position] = values
    return values
  }

  func derived(_ position: Int) -> VectorValues {
    if let cached = derivedCache[position] { return cached }
    guard position >= 0, position < program.derived.count else {
      return VectorValues(count: count)
    }
    let values = evaluate(program.derived[position])
    derivedCache[position] = values
    return values
  }

  /// A scale's score on every row (``SurveyProgram/score(scale:_:)``).
  func scale(_ position: Int) -> VectorValues {
    if let cached = scaleCache[position] { return cached }
    var values = VectorValues(count: count)
    guard position >= 0, position < program.scales.count else { return values }
    let scale = program.scales[position]
    var totals = [Double](repeating: 0, count: count)
    var answered = [Int](repeating: 0, count: count)
    for item in scale.items.indices {
      let (itemValues, known) = itemValues(item, of: scale)
      for row in 0..<count where known[row] {
        totals[row] += itemValues[row]
        answered[row] += 1
      }
    }
    let items = Double(scale.items.count)
    values.write { tags, numbers in
      for row in 0..<count {
        let n = answered[row]
        guard n > 0, n >= scale.minAnswered else { continue }
        let mean = totals[row] / Double(n)
        tags[row] = VectorValues.Tag.number.rawValue
        switch scale.rule {
        case .sum: numbers[row] = n == scale.items.count ? totals[row] : mean * items
        case .mean, .percent: numbers[row] = mean
        }
      }
    }
    scaleCache[position] = values
    return values
  }

  /// The value each row's answer to a scale's item contributes
  /// (``SurveyProgram/itemValue(_:of:_:)``), and whether it contributes one.
  func itemValues(_ item: Int, of scale: ScaleProgram) -> (values: [Double], known: [Bool]) {
    var values = [Double](repeating: 0, count: count)
    var known = [Bool](repeating: false, count: count)
    let position = scale.items[item]
    guard position >= 0, position < grid.questions else { return (values, known) }
    let kinds = grid.kinds(position)
    let numbers = grid.numbers(position)
    let bounds = scale.bounds[item]
    let reversed = scale.reversed[item]
    let isPercent = scale.rule == .percent
    for row in 0..<count {
      let kind = kinds[row]
      guard kind == AnswerGrid.Kind.code.rawValue || kind == AnswerGrid.Kind.number.rawValue
      else { continue }
      let raw = numbers[row]
      guard let bounds else {
        if !isPercent {
          values[row] = raw
          known[row] = true
        }
        continue
      }
      let value = reversed ? bounds.lowerBound + bounds.upperBound - raw : raw
      if !isPercent {
        values[row] = value
        known[row] = true
        continue
      }
      let width = bounds.upperBound - bounds.lowerBound
      guard width > 0 else { continue }
      values[row] = (value - bounds.lowerBound) / width * 100
      known[row] = true
    }
    return (values, known)
  }

  /// Exposure to a cause on every row: true, false or unknown.
  func cause(_ position: Int) -> VectorValues {
    if let cached = causeCache[position] { return cached }
    var values = VectorValues(count: count)
    guard position >= 0, position < program.causes.count else { return values }
    let rule = evaluate(program.causes[position])
    values.write { tags, numbers in
      rule.read { ruleTags, ruleNumbers in
        for row in 0..<count where ruleTags[row] == VectorValues.Tag.bool.rawValue {
          tags[row] = VectorValues.Tag.bool.rawValue
          numbers[row] = ruleNumbers[row] != 0 ? 1 : 0
        }
      }
    }
    causeCache[position] = values
    return values
  }

  /// An exposure index on every row (``SurveyProgram/score(index:_:)``).
  func index(_ position: Int) -> VectorValues {
    if let cached = indexCache[position] { return cached }
    var values = VectorValues(count: count)
    guard position >= 0, position < program.indexes.count else { return values }
    let index = program.indexes[position]
    var known = [Int](repeating: 0, count: count)
    var exposed = [Int](repeating: 0, count: count)
    for cause in index.causes {
      let flags = self.cause(cause)
      flags.read { tags, numbers in
        for row in 0..<count where tags[row] == VectorValues.Tag.bool.rawValue {
          known[row] += 1
          if numbers[row] != 0 { exposed[row] += 1 }
        }
      }
    }
    let causes = Double(index.causes.count)
    values.write { tags, numbers in
      for row in 0..<count where known[row] > 0 && known[row] >= index.minKnown {
        tags[row] = VectorValues.Tag.number.rawValue
        numbers[row] = Double(exposed[row]) * causes / Double(known[row])
      }
    }
    indexCache[position] = values
    return values
  }
}
