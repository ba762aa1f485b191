import SurveyCore
import SurveyIngest
import SurveyStatistics

/// The column engine: an export's rows read in batches, each question's column decoded at once
/// (each distinct cell text once), validated and scored by column passes over the batch, and
/// counted by column into the statistics' accumulators. Import, reports from exports and
/// reports from the store all go through it.
package enum ColumnEngine {
  /// Counts the rows of an export whose header a response reader has read.
  ///
  /// Large files are read in chunks on several threads (quote-aware boundaries, see
  /// ``CSVChunker``), each chunk's counts merged in file order; a file whose quoting makes
  /// chunks unsafe, or that was transcoded, is read on one thread.
  ///
  /// - Parameters:
  ///   - reader: The export, its header read; it is used up.
  ///   - threads: The chunks read at once (1 reads serially).
  ///   - parallelThreshold: Files smaller than this are read serially.
  ///   - minimumChunkBytes: The smallest chunk worth a thread.
  ///   - readerOptions: The CSV reader's settings for the chunks.
  ///   - identifiesText: Whether rows without a response id are identified by their text too.
  ///   - filter: With repeated responses, lets only the first row of each be counted; the file
  ///     is then read on one thread, in order.
  /// - Returns: The counts, the rejected rows and the first rejected rows' errors (per chunk).
  /// - Throws: ``CSVIOError`` when the file cannot be read.
  package static func count(
    _ reader: ResponseReader, threads: Int = 1, parallelThreshold: Int = 4 << 20,
    minimumChunkBytes: Int = 1 << 20, readerOptions: CSVReaderOptions = CSVReaderOptions(),
    identifiesText: Bool = false, filter: RepeatFilter? = nil
  ) throws(CSVIOError) -> [CountedExport] {
    guard let rowDecoder = reader.rowDecoder else { return [] }
    let schema = EngineSchema(decoder: rowDecoder.decoder)
    let path = reader.path
    if threads > 1, filter == nil, reader.fileSize >= parallelThreshold, !reader.isTranscoded {
      let plan = try CSVChunker.plan(
        path: path, chunkCount: threads, minimumChunkBytes: minimumChunkBytes,
        options: readerOptions)
      if plan.chunks.count > 1 {
        let outcome = try CSVChunker.parse(plan, options: readerOptions) {
          index, chunk throws(CSVIOError) in
          let feeder = RecordFeeder(
            reader: chunk, headerRows: index == 0 ? rowDecoder.headerRows : 0,
            width: rowDecoder.decoder.headerWidth)
          return try BatchRunner(schema: schema, decoder: rowDecoder.decoder, path: path).count(
            feeder, identifiesText: identifiesText)
        }
        if case .completed(let parts) = outcome { return parts }
      }
    }
    let (ahead, csv) = reader.handOver()
    let feeder = RecordFeeder(
      reader: csv, ahead: ahead, headerRows: 0, width: rowDecoder.decoder.headerWidth)
    return [
      try BatchRunner(schema: schema, decoder: rowDecoder.decoder, path: path).count(
        feeder, identifiesText: identifiesText, filter: filter)
    ]
  }
}
