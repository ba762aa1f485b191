import SurveyCore
import SurveyIngest

/// An export's rows for import, read by the column engine: each batch is decoded and checked
/// by column passes, then its rows are handed over one at a time. A row the engine finds any
/// problem in (a CSV issue, a cell's problem, a broken rule, a warning) is worded by the row
/// decoder, so its problems read exactly as they always have; every other row is assembled
/// from its cells' outcomes, which were worked out once per distinct text.
package final class BatchRowReader: ImportRowSource {
  private let runner: BatchRunner
  private let feeder: RecordFeeder
  private var rows: [ImportedRow] = []
  private var position = 0

  /// Reads the rest of an export whose header a response reader has read.
  ///
  /// - Returns: nil when the header could not be mapped (the reader's own rows are then none).
  package init?(_ reader: ResponseReader) {
    guard let rowDecoder = reader.rowDecoder else { return nil }
    let schema = EngineSchema(decoder: rowDecoder.decoder)
    let (ahead, csv) = reader.handOver()
    feeder = RecordFeeder(
      reader: csv, ahead: ahead, headerRows: 0, width: rowDecoder.decoder.headerWidth)
    runner = BatchRunner(schema: schema, decoder: rowDecoder.decoder, path: reader.path)
  }

  /// The engine's rows when the header was mapped, else the reader's own.
  package static func rows(of reader: ResponseReader) -> any ImportRowSource {
    BatchRowReader(reader) ?? reader
  }

  package var bytesRead: Int { feeder.bytesRead }
  package var emptyRows: Int { feeder.emptyRows }
  package var trailingIssues: [CSVIssue] { feeder.trailingIssues }

  package func next() throws(CSVIOError) -> ImportedRow? {
    if position == rows.count {
      rows.removeAll(keepingCapacity: true)
      position = 0
      guard try feeder.fill(runner.batch) else { return nil }
      _ = runner.analyse()
      let batch = runner.batch
      let facts = runner.facts
      for row in 0..<batch.count {
        let clean =
          !facts.errors.base[row] && !facts.warnings.base[row] && batch.issues[row] == nil
          && !batch.isTooLarge.base[row]
        guard clean else {
          rows.append(runner.explain(row))
          continue
        }
        rows.append(
          runner.rowDecoder.assemble(line: batch.lines.base[row], raw: batch.rawText(row)) {
            column in runner.decoder.cellOutcome(row: row, column: column, batch: batch)
          })
      }
    }
    guard position < rows.count else { return nil }
    defer { position += 1 }
    return rows[position]
  }
}
