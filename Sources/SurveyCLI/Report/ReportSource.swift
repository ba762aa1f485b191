import Dispatch
import Foundation
import SurveyCore
import SurveyEngine
import SurveyIngest
import SurveyStatistics
import SurveyStore

/// Where a report's responses come from: the store, or CSV exports read directly.
package enum ReportSource {
  /// Every stored response of the survey. With several threads, the responses are split into
  /// ranges of ids, each read on its own read-only connection (the store is in WAL mode, so
  /// readers do not block each other), and the ranges' counts are merged in id order.
  ///
  /// - Parameter minimumSpan: Fewer ids than this are read on one connection.
  ///
  /// Counts saved in the store by an earlier report of the same survey definition are read
  /// instead of the responses they cover, and only the responses stored since are added; the
  /// result is then saved for the next report (when the store can be written; otherwise the
  /// report is simply not sped up). `recount` ignores saved counts.
  ///
  /// The responses are counted by the column engine; `byRows` counts them one at a time, as
  /// the oracle the engine is compared with (such counts are not saved).
  package static func aggregate(
    survey: Survey, store: ResponseStore, threads: Int = 1, minimumSpan: Int64 = 20_000,
    recount: Bool = false, byRows: Bool = false
  ) throws -> SurveyAggregation {
    let bounds: ClosedRange<Int64>?
    do {
      bounds = try store.responseIDBounds(of: survey)
    } catch {
      throw CommandFailure.input(
        "cannot read the store '\(store.path)': \(error.localizedDescription)")
    }
    guard let bounds else { return SurveyAggregation(survey: survey) }
    let fingerprint = countsFingerprint(survey)
    var aggregation = SurveyAggregation(survey: survey)
    var first = bounds.lowerBound
    if !recount, !byRows,
      let saved = try? store.savedAggregate(surveyID: survey.id, fingerprint: fingerprint),
      saved.throughResponse <= bounds.upperBound,
      let restored = SurveyAggregation(survey: survey, snapshotData: saved.counts),
      Int64(restored.responseCount) == saved.responses
    {
      aggregation = restored
      first = saved.throughResponse + 1
    }
    guard first <= bounds.upperBound else { return aggregation }
    aggregation.merge(
      try aggregate(
        survey: survey, store: store, bounds: first...bounds.upperBound, threads: threads,
        minimumSpan: minimumSpan, byRows: byRows))
    guard !byRows else { return aggregation }
    // Counts with raking factors are saved beside the unweighted counts the factors come from.
    var unraked = survey
    unraked.raking = nil
    saveCounts(
      aggregation, of: survey, fingerprint: fingerprint, through: bounds.upperBound,
      path: store.path,
      keeping: survey.raking == nil ? nil : countsFingerprint(unraked))
    return aggregation
  }

  /// Counts a survey for a report: a survey raked to a population is counted twice, once for
  /// its raking cells, whose weights are then raked to the roll (per wave), and again with the
  /// raked weights. `count` counts the survey it is given; its second call is told to be quiet
  /// (its diagnostics repeat the first call's).
  package static func counted(
    _ survey: Survey, _ count: (_ survey: Survey, _ quiet: Bool) throws -> SurveyAggregation
  ) throws -> SurveyAggregation {
    let first = try count(survey, false)
    guard let population = survey.population else { return first }
    let (adjustments, waves) = try raking(population, first)
    var raked = survey
    raked.raking = adjustments
    var result = try count(raked, true)
    result.rakingResults = waves
    return result
  }

  /// The raking of every wave of an aggregation's raking cells; a wave that cannot be raked is
  /// an error that says why and what to do.
  package static func raking(_ population: Population, _ aggregation: SurveyAggregation) throws
    -> (RakingAdjustments, [WaveRaking])
  {
    for margin in population.margins where margin.variable == .chapter {
      for wave in aggregation.waves {
        let uncounted = aggregation.chapters(in: wave).filter {
          !margin.categories.contains(.chapter($0))
        }
        guard uncounted.isEmpty else {
          throw CommandFailure.input(
            "wave \(wave) has respondents in "
              + uncounted.map { "'\($0)'" }.joined(separator: ", ")
              + ", which the margin 'chapter' does not count; add "
              + (uncounted.count == 1 ? "it" : "them")
              + " to the survey's 'rake chapter' line with the number of members")
        }
      }
    }
    do {
      return try Raking.adjustments(population, cells: aggregation.rakingCells)
    } catch {
      throw CommandFailure.input("cannot weight the answers to the roll: " + error.message)
    }
  }

  /// What saved counts must match: the survey's whole definition (its codebook), the layout of
  /// the counts and the toolkit's version.
  package static func countsFingerprint(_ survey: Survey) -> String {
    var text =
      Codebook.json(survey).compact + "\ncounts \(SurveyAggregation.snapshotFormat)\ntoolkit "
      + CommandLineTool.version
    if let population = survey.population { text += "\nraked to\n" + population.fingerprintText }
    if let raking = survey.raking { text += "\nraking factors\n" + raking.fingerprintText }
    return SHA256.hex(SHA256.hash(Array(text.utf8)))
  }

  /// Saves counts for the next report; best effort (a read-only or busy store is left as it is).
  private static func saveCounts(
    _ aggregation: SurveyAggregation, of survey: Survey, fingerprint: String, through: Int64,
    path: String, keeping: String?
  ) {
    guard let data = try? aggregation.snapshotData(),
      let writer = try? ResponseStore(path: path, busyTimeout: .seconds(1))
    else { return }
    try? writer.saveAggregate(
      surveyID: survey.id, fingerprint: fingerprint, throughResponse: through, counts: data,
      keeping: keeping)
  }

  /// The responses with ids in `bounds`, split over threads.
  private static func aggregate(
    survey: Survey, store: ResponseStore, bounds: ClosedRange<Int64>, threads: Int,
    minimumSpan: Int64, byRows: Bool
  ) throws -> SurveyAggregation {
    let span = bounds.upperBound - bounds.lowerBound + 1
    let parts = threads > 1 && span >= minimumSpan ? threads : 1
    let ranges = (0..<parts).map { part -> Range<Int64> in
      (bounds.lowerBound + span * Int64(part) / Int64(parts))..<(bounds.lowerBound + span
        * Int64(part + 1) / Int64(parts))
    }
    guard parts > 1 else {
      return try aggregate(survey: survey, store: store, ids: ranges[0], byRows: byRows)
    }
    let path = store.path
    let results = ParallelResults<Result<SurveyAggregation, CommandFailure>>(count: parts)
    DispatchQueue.concurrentPerform(iterations: parts) { part in
      do {
        let reader = try ResponseStore(path: path, readOnly: true)
        results.set(
          part,
          .success(try aggregate(survey: survey, store: reader, ids: ranges[part], byRows: byRows)))
      } catch let failure as CommandFailure {
        results.set(part, .failure(failure))
      } catch {
        results.set(
          part,
          .failure(
            CommandFailure.input("cannot read the store '\(path)': \(error.localizedDescription)")))
      }
    }
    var aggregation = SurveyAggregation(survey: survey)
    for result in results.values {
      switch result {
      case .success(let part)?: aggregation.merge(part)
      case .failure(let failure)?: throw failure
      case nil: throw CommandFailure.input("cannot read the store '\(path)'")
      }
    }
    return aggregation
  }

  /// The stored responses with ids in a range, in one pass, counted by the column engine (or
  /// one at a time with `byRows`).
  static func aggregate(
    survey: Survey, store: ResponseStore, ids: Range<Int64>, byRows: Bool = false
  ) throws -> SurveyAggregation {
    var aggregation = SurveyAggregation(survey: survey)
    let counter = byRows ? nil : StoredResponseCounter(survey: survey)
    do {
      try store.forEachResponse(of: survey, ids: ids) { response in
        let day = response.submittedAt.flatMap { CivilDate.parseISO($0.prefix(10)) }
        if let counter {
          counter.add(
            answers: response.answers, chapter: response.chapter, wave: response.wave,
            weight: response.weight, personKey: response.personKey, submittedDay: day)
        } else {
          aggregation.add(
            answers: response.answers, chapter: response.chapter, wave: response.wave,
            weight: response.weight, personKey: response.personKey, submittedDay: day)
        }
      }
    } catch {
      throw CommandFailure.input(
        "cannot read the store '\(store.path)': \(error.localizedDescription)")
    }
    return counter?.aggregation() ?? aggregation
  }

  /// The accepted rows of CSV exports, validated as an import would, without storing them.
  /// Large files are read in parallel chunks (one per core, quote-aware), and the chunks'
  /// counts are merged in file order; a file whose quoting makes chunking unsafe is read
  /// serially.
  ///
  /// - Parameter threads: The chunks to read at once (1 reads serially).
  /// - Returns: The aggregation and the number of rejected rows (reported, never silently
  ///   dropped: the caller says how many and how to see why).
  ///   - parallelThreshold: Files smaller than this are read serially.
  ///   - minimumChunkBytes: The smallest chunk worth a thread.
  package static func aggregate(
    survey: Survey, files: [String], options: ImportOptions, threads: Int, context: CommandContext,
    parallelThreshold: Int = 4 << 20, minimumChunkBytes: Int = 1 << 20
  ) throws -> (SurveyAggregation, rejected: Int) {
    var first = try aggregateOnce(
      survey: survey, files: files, options: options, threads: threads, context: context,
      parallelThreshold: parallelThreshold, minimumChunkBytes: minimumChunkBytes, filter: nil)
    let identities = first.identities
    first.identities = []
    guard let filter = repeatFilter(consume identities, files: files, context: context) else {
      return (first.aggregation, first.rejected)
    }
    let second = try aggregateOnce(
      survey: survey, files: files, options: options, threads: 1, context: context,
      parallelThreshold: parallelThreshold, minimumChunkBytes: minimumChunkBytes, filter: filter)
    return (second.aggregation, second.rejected)
  }

  /// One reading of the exports; with a filter, on one thread and saying nothing (the first
  /// reading said it).
  private static func aggregateOnce(
    survey: Survey, files: [String], options: ImportOptions, threads: Int, context: CommandContext,
    parallelThreshold: Int, minimumChunkBytes: Int, filter: RepeatFilter?
  ) throws -> (aggregation: SurveyAggregation, rejected: Int, identities: [ResponseIdentities]) {
    var aggregation = SurveyAggregation(survey: survey)
    var rejected = 0
    var identities: [ResponseIdentities] = []
    for path in files {
      filter?.startFile()
      let reader = try openExport(
        path, survey: survey, options: options, context: context, quiet: filter != nil)
      let parts: [CountedExport]
      do {
        parts = try ColumnEngine.count(
          reader, threads: threads, parallelThreshold: parallelThreshold,
          minimumChunkBytes: minimumChunkBytes, identifiesText: files.count > 1, filter: filter)
      } catch {
        throw CommandFailure.input("\(path): \(error.localizedDescription)")
      }
      var file = ResponseIdentities(collectsText: files.count > 1)
      for part in parts {
        aggregation.merge(part.aggregation)
        rejected += part.rejected
        if filter == nil { context.emit(part.diagnostics) }
        file.append(part.identities)
      }
      identities.append(file)
    }
    return (aggregation, rejected, identities)
  }

  /// When the exports give a response more than once (the same response id in the same wave,
  /// or rows of one file again in another), says so and returns the filter that lets a second
  /// reading count each response once, from its first row, as import keeps it; nil when every
  /// row is a response of its own.
  static func repeatFilter(
    _ identities: consuming [ResponseIdentities], files: [String], context: CommandContext
  ) -> RepeatFilter? {
    let repeated = ResponseIdentities.repeatedKeys(&identities)
    guard repeated.count > 0 else { return nil }
    let source = files.count > 1 ? "these exports" : "'\(files.first ?? "")'"
    context.console.err.write(
      "warning: \(repeated.count) row(s) of \(source) give a response that an earlier row "
        + "already gave (the same response id in the same wave, or the same row in an earlier "
        + "file, as 'survey import' identifies responses); each response is counted once, from "
        + "its first row, as an import keeps it ('survey import' also says which of them "
        + "changed)\n")
    return RepeatFilter(ids: repeated.ids, texts: repeated.texts)
  }

  /// An export opened and its header read, its file diagnostics shown; a header with errors
  /// stops the report.
  private static func openExport(
    _ path: String, survey: Survey, options: ImportOptions, context: CommandContext,
    quiet: Bool = false
  ) throws -> ResponseReader {
    let reader: ResponseReader
    do {
      reader = try ResponseReader(path: path, survey: survey, options: options)
    } catch {
      throw CommandFailure.input("\(path): \(error.localizedDescription)")
    }
    if !quiet { context.emit(reader.fileDiagnostics) }
    if reader.fileDiagnostics.contains(where: { $0.severity == .error }) {
      throw CommandFailure.input("\(path): cannot be read as answers to this survey (see above)")
    }
    return reader
  }

  /// The row-at-a-time reading of exports that the column engine replaces, kept as the oracle
  /// the engine's reports are compared with.
  package static func aggregateByRows(
    survey: Survey, files: [String], options: ImportOptions, threads: Int, context: CommandContext,
    parallelThreshold: Int = 4 << 20, minimumChunkBytes: Int = 1 << 20
  ) throws -> (SurveyAggregation, rejected: Int) {
    var first = try aggregateByRowsOnce(
      survey: survey, files: files, options: options, threads: threads, context: context,
      parallelThreshold: parallelThreshold, minimumChunkBytes: minimumChunkBytes, filter: nil)
    let identities = first.identities
    first.identities = []
    guard let filter = repeatFilter(consume identities, files: files, context: context) else {
      return (first.aggregation, first.rejected)
    }
    let second = try aggregateByRowsOnce(
      survey: survey, files: files, options: options, threads: 1, context: context,
      parallelThreshold: parallelThreshold, minimumChunkBytes: minimumChunkBytes, filter: filter)
    return (second.aggregation, second.rejected)
  }

  private static func aggregateByRowsOnce(
    survey: Survey, files: [String], options: ImportOptions, threads: Int, context: CommandContext,
    parallelThreshold: Int, minimumChunkBytes: Int, filter: RepeatFilter?
  ) throws -> (aggregation: SurveyAggregation, rejected: Int, identities: [ResponseIdentities]) {
    var aggregation = SurveyAggregation(survey: survey)
    var rejected = 0
    var identities: [ResponseIdentities] = []
    for path in files {
      filter?.startFile()
      let reader = try openExport(
        path, survey: survey, options: options, context: context, quiet: filter != nil)
      let platform = reader.rowDecoder?.decoder.platform.rawValue ?? ""
      var file = ResponseIdentities(collectsText: files.count > 1)
      if threads > 1, filter == nil, reader.fileSize >= parallelThreshold, !reader.isTranscoded,
        let decoder = reader.rowDecoder,
        let parts = try parallel(
          path: path, survey: survey, decoder: decoder, threads: threads,
          minimumChunkBytes: minimumChunkBytes, identifiesText: files.count > 1)
      {
        for part in parts {
          aggregation.merge(part.aggregation)
          rejected += part.rejected
          context.emit(part.diagnostics)
          file.append(part.identities)
        }
        identities.append(file)
        continue
      }
      var part = Part(
        survey: survey, platform: platform, identifiesText: files.count > 1, filter: filter)
      while let row = try readRow(reader, path) { part.add(row) }
      aggregation.merge(part.aggregation)
      rejected += part.rejected
      if filter == nil { context.emit(part.diagnostics) }
      identities.append(part.identities)
    }
    return (aggregation, rejected, identities)
  }

  /// One chunk's (or one file's) counts and its first rejections.
  struct Part: Sendable {
    var aggregation: SurveyAggregation
    var rejected = 0
    var diagnostics: [Diagnostic] = []
    var identities: ResponseIdentities
    let platform: String
    /// With repeated responses: lets only the first row of each be counted.
    let filter: RepeatFilter?

    init(survey: Survey, platform: String, identifiesText: Bool, filter: RepeatFilter? = nil) {
      aggregation = SurveyAggregation(survey: survey)
      identities = ResponseIdentities(collectsText: identifiesText)
      self.platform = platform
      self.filter = filter
    }

    mutating func add(_ row: ImportedRow) {
      if row.isRejected {
        rejected += 1
        if rejected <= 5 {
          diagnostics += row.problems.filter { $0.severity == .error }.map(\.diagnostic)
        }
        return
      }
      let wave = row.wave ?? "1"
      if filter != nil || identities.collectsText || !(row.responseID ?? "").isEmpty {
        let key: RowKey =
          if let id = row.responseID, !id.isEmpty {
            .id(ResponseIdentities.key(id: id.utf8, platform: platform, wave: wave))
          } else {
            .text(row.raw.withUnsafeBytes { ResponseIdentities.key(text: $0, wave: wave) })
          }
        identities.add(key)
        if let filter, !filter.admits(key) { return }
      }
      aggregation.add(
        answers: row.answers, chapter: row.chapter, wave: row.wave ?? "1", weight: row.weight,
        personKey: row.personValue,
        submittedDay: row.submittedAt.map { Int(floor(Double($0) / 86_400)) })
    }
  }

  /// Reads a file in parallel chunks; nil when it must be read serially.
  static func parallel(
    path: String, survey: Survey, decoder: ResponseRowDecoder, threads: Int, minimumChunkBytes: Int,
    identifiesText: Bool
  ) throws -> [Part]? {
    do {
      let plan = try CSVChunker.plan(
        path: path, chunkCount: threads, minimumChunkBytes: minimumChunkBytes)
      guard plan.chunks.count > 1 else { return nil }
      let outcome = try CSVChunker.parse(plan) { index, reader throws(CSVIOError) in
        let chunk = ResponseChunkReader(
          reader: reader, decoder: decoder, path: path, isFirstChunk: index == 0)
        var part = Part(
          survey: survey, platform: decoder.decoder.platform.rawValue,
          identifiesText: identifiesText)
        while let row = try chunk.next() { part.add(row) }
        return part
      }
      switch outcome {
      case .completed(let parts): return parts
      case .needsSerialFallback: return nil
      }
    } catch {
      throw CommandFailure.input("\(path): \(error.localizedDescription)")
    }
  }

  static func readRow(_ reader: ResponseReader, _ path: String) throws -> ImportedRow? {
    do {
      return try reader.next()
    } catch {
      throw CommandFailure.input("\(path): \(error.localizedDescription)")
    }
  }
}

/// One slot per parallel task, each written by its own task only and read after all finish.
final class ParallelResults<Value: Sendable>: @unchecked Sendable {
  // Checked by hand: `set` takes the lock, and `values` is read after `concurrentPerform`
  // has returned, which waits for every task.
  private var slots: [Value?]
  private let lock = NSLock()

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func set(_ index: Int, _ value: Value) {
    lock.lock()
    defer { lock.unlock() }
    slots[index] = value
  }

  var values: [Value?] {
    lock.lock()
    defer { lock.unlock() }
    return slots
  }
}
