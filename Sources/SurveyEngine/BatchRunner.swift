import SurveyCore
import SurveyIngest
import SurveyStatistics

/// The engine's work on one stream of records (a file, or a chunk of one): batches read,
/// decoded column by column, validated and scored by column passes, and counted.
///
/// One per thread; it reuses its buffers from batch to batch.
final class BatchRunner {
  let schema: EngineSchema
  /// The export's row decoder.
  let rowDecoder: RowDecoder
  let path: String
  let batch: RecordBatch
  let grid: AnswerGrid
  let facts: RowFacts
  let decoder: BatchDecoder
  let columns: RespondentColumns
  var groups: GroupTable

  /// Rows per batch: enough to amortise each column pass, few enough that a batch's columns
  /// stay in the processor's caches.
  static let batchSize = 1024

  init(schema: EngineSchema, decoder: RowDecoder, path: String) {
    self.schema = schema
    rowDecoder = decoder
    self.path = path
    batch = RecordBatch(capacity: Self.batchSize, width: rowDecoder.headerWidth)
    grid = AnswerGrid(capacity: Self.batchSize, questions: schema.questionCount)
    facts = RowFacts(capacity: Self.batchSize)
    self.decoder = BatchDecoder(schema: schema, decoder: decoder, capacity: Self.batchSize)
    columns = RespondentColumns(schema: schema)
    groups = GroupTable(schema: schema)
  }

  /// Decodes, validates and scores the batch just filled.
  func analyse() -> (evaluator: BatchEvaluator, validation: BatchValidation) {
    decoder.decode(batch, into: grid, facts: facts)
    let evaluator = BatchEvaluator(schema: schema, grid: grid, batch: batch)
    let validation = BatchValidation(evaluator, grid, facts)
    return (evaluator, validation)
  }

  /// The batch's respondents as the statistics count them.
  func respondents(_ evaluator: BatchEvaluator, _ validation: BatchValidation) -> RespondentBatch {
    groups.names = decoder.names
    return columns.batch(evaluator, grid, facts, validation, names: decoder.names, groups: &groups)
  }

  /// A row of the batch as the row decoder reads it, with every problem worded and placed.
  func explain(_ row: Int) -> ImportedRow {
    let issues = batch.issues[row] ?? []
    if batch.isTooLarge.base[row] {
      return rowDecoder.tooLarge(line: batch.lines.base[row], issues: issues, path: path)
    }
    return rowDecoder.explain(
      line: batch.lines.base[row], raw: batch.rawText(row), issues: issues, path: path)
  }
}

/// What counting an export's rows gives.
package struct CountedExport: Sendable {
  /// The counts.
  package var aggregation: SurveyAggregation
  /// Rows rejected (not counted).
  package var rejected = 0
  /// The errors of the first rejected rows.
  package var diagnostics: [Diagnostic] = []
  /// Empty rows skipped.
  package var emptyRows = 0
}

extension BatchRunner {
  /// Reads, checks and counts every record a feeder gives.
  ///
  /// - Parameter explained: How many rejected rows' errors to word (for the first messages).
  func count(_ feeder: RecordFeeder, explained: Int = 5) throws(CSVIOError) -> CountedExport {
    var result = CountedExport(aggregation: SurveyAggregation(survey: schema.survey))
    let counter = ColumnCounter(survey: schema.survey)
    while try feeder.fill(batch) {
      let (evaluator, validation) = analyse()
      for row in 0..<batch.count where facts.errors.base[row] {
        result.rejected += 1
        if result.rejected <= explained {
          result.diagnostics += explain(row).problems.filter { $0.severity == .error }.map(
            \.diagnostic)
        }
      }
      counter.add(respondents(evaluator, validation))
    }
    result.aggregation = counter.aggregation()
    result.emptyRows = feeder.emptyRows
    return result
  }
}
