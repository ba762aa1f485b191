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
  /// The identities of the rows counted, to find responses given more than once.
  package var identities: ResponseIdentities
}

extension BatchRunner {
  /// Reads, checks and counts every record a feeder gives.
  ///
  /// - Parameters:
  ///   - explained: How many rejected rows' errors to word (for the first messages).
  ///   - identifiesText: Whether rows without a response id are identified by their text too
  ///     (when several files are read).
  ///   - filter: With repeated responses, lets only the first row of each be counted.
  func count(
    _ feeder: RecordFeeder, explained: Int = 5, identifiesText: Bool = false,
    filter: RepeatFilter? = nil
  ) throws(CSVIOError) -> CountedExport {
    var result = CountedExport(
      aggregation: SurveyAggregation(survey: schema.survey),
      identities: ResponseIdentities(collectsText: identifiesText))
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
      var respondents = respondents(evaluator, validation)
      identify(&respondents, into: &result.identities, filter: filter)
      counter.add(respondents)
    }
    result.aggregation = counter.aggregation()
    result.emptyRows = feeder.emptyRows
    return result
  }
}

extension BatchRunner {
  /// A counted row's identity: its response id and wave as the row decoder reads them (spaces
  /// trimmed), or its text and wave.
  func key(_ row: Int, wave: String) -> RowKey {
    let reference = facts.responseID.base[row]
    if reference != 0 {
      let (start, length) = TextRef.parts(reference)
      let platform = rowDecoder.platform.rawValue
      let identity = batch.withBytes(start: start, length: length) { bytes -> RowKey? in
        // An ASCII id without spaces at its ends is hashed as it is; any other is trimmed as
        // the row decoder trims it.
        let printable: ClosedRange<UInt8> = 0x21...0x7E
        if let first = bytes.first, let last = bytes.last, printable.contains(first),
          printable.contains(last), bytes.allSatisfy({ $0 < 0x80 })
        {
          return .id(ResponseIdentities.key(id: bytes, platform: platform, wave: wave))
        }
        let id = String(decoding: bytes, as: UTF8.self).trimmingSpaces()
        guard !id.isEmpty else { return nil }
        return .id(ResponseIdentities.key(id: id.utf8, platform: platform, wave: wave))
      }
      if let identity { return identity }
    }
    return .text(batch.withRawText(row) { ResponseIdentities.key(text: $0, wave: wave) })
  }

  /// Records the identity of each counted row of the batch, and with a filter takes the rows
  /// it does not let through out of the batch.
  func identify(
    _ respondents: inout RespondentBatch, into identities: inout ResponseIdentities,
    filter: RepeatFilter?
  ) {
    var excluded = false
    for row in respondents.counted {
      let group = Int(respondents.group[row])
      let wave =
        group >= 0 && group < respondents.groups.count ? respondents.groups[group].wave : "1"
      guard filter != nil || facts.responseID.base[row] != 0 || identities.collectsText else {
        continue
      }
      let identity = key(row, wave: wave)
      identities.add(identity)
      if let filter, !filter.admits(identity) {
        respondents.group[row] = -1
        excluded = true
      }
    }
    if excluded { respondents.counted.removeAll { respondents.group[$0] < 0 } }
  }
}
