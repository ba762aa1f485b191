import SurveyCore
import SurveyStatistics

/// Counts responses read back from the store through the engine: each response's answers are
/// laid into a batch of answer columns, and every full batch is scored and counted by column
/// passes, as an export's batches are. Stored responses were validated when they were
/// imported, so none is set aside here; only which questions each was shown is worked out.
///
/// One per reading thread.
package final class StoredResponseCounter {
  let schema: EngineSchema
  let batch: RecordBatch
  let grid: AnswerGrid
  let facts: RowFacts
  let columns: RespondentColumns
  let counter: ColumnCounter
  var groups: GroupTable
  var stored = RespondentColumns.StoredFacts()
  /// Rows added to the current batch.
  private var count = 0

  /// Creates a counter of responses to a survey.
  package init(survey: Survey) {
    schema = EngineSchema(survey: survey)
    batch = RecordBatch(capacity: BatchRunner.batchSize, width: 0)
    grid = AnswerGrid(capacity: BatchRunner.batchSize, questions: schema.questionCount)
    facts = RowFacts(capacity: BatchRunner.batchSize)
    columns = RespondentColumns(schema: schema)
    counter = ColumnCounter(survey: survey)
    groups = GroupTable(schema: schema)
    reset()
  }

  /// Adds one stored response.
  ///
  /// - Parameters:
  ///   - answers: One answer per question of the survey (missing ones blank).
  ///   - chapter: The stored chapter, or nil.
  ///   - wave: The stored wave.
  ///   - weight: The stored weight (1 when absent or not positive).
  ///   - personKey: The stored person key, when the survey links waves.
  ///   - submittedDay: The day it was submitted (days since 1970), when known.
  package func add(
    answers: [Answer], chapter: String?, wave: String, weight: Double?, personKey: String?,
    submittedDay: Int?
  ) {
    let row = count
    batch.appendStored()
    for (position, answer) in answers.prefix(grid.questions).enumerated() {
      set(answer, position: position, row: row)
    }
    if let submittedDay { facts.submittedAt.base[row] = submittedDay * 86_400 }
    stored.keys.append(GroupKey(chapter: chapter, wave: wave))
    stored.weights.append(weight)
    stored.personKeys.append(personKey)
    count += 1
    if count == BatchRunner.batchSize { flush() }
  }

  /// The counts of every response added.
  package func aggregation() -> SurveyAggregation {
    flush()
    return counter.aggregation()
  }

  /// Scores and counts the rows gathered, then starts a new batch.
  private func flush() {
    guard count > 0 else { return }
    let evaluator = BatchEvaluator(schema: schema, grid: grid, batch: batch)
    let validation = BatchValidation(evaluator, grid, facts)
    counter.add(
      columns.batch(
        evaluator, grid, facts, validation, names: [], groups: &groups, stored: stored))
    reset()
  }

  private func reset() {
    batch.removeAll()
    grid.reset(count: grid.capacity, questionsWithOther: schema.questionsWithOther)
    facts.reset(count: facts.errors.capacity)
    stored.removeAll()
    count = 0
  }

  /// Lays one answer into its column.
  private func set(_ answer: Answer, position: Int, row: Int) {
    let kinds = grid.kinds(position)
    let numbers = grid.numbers(position)
    switch answer {
    case .blank:
      kinds[row] = AnswerGrid.Kind.blank.rawValue
    case .code(let code):
      kinds[row] = AnswerGrid.Kind.code.rawValue
      numbers[row] = Double(code)
    case .number(let value):
      kinds[row] = AnswerGrid.Kind.number.rawValue
      numbers[row] = value
    case .date(let days):
      kinds[row] = AnswerGrid.Kind.date.rawValue
      numbers[row] = Double(days)
    case .missing(let kind, let code):
      kinds[row] = BatchDecoder.kind(of: kind).rawValue
      numbers[row] = Double(code)
    case .text(let text):
      kinds[row] = AnswerGrid.Kind.text.rawValue
      grid.bits(position)[row] = batch.appendText(text)
    case .codes(let codes):
      kinds[row] = AnswerGrid.Kind.codes.rawValue
      let bitOf = schema.multipleBits[position]
      var bits: UInt64 = 0
      var everyCodeHasABit = schema.fitsInBits(position)
      for code in codes {
        if let bit = bitOf[code], bit < 64 {
          bits |= 1 << UInt64(bit)
        } else {
          everyCodeHasABit = false
        }
      }
      grid.bits(position)[row] = bits
      if !everyCodeHasABit { grid.overflowCodes[position, default: [:]][row] = codes }
    }
  }
}
