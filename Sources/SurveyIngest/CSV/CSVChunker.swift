import Dispatch
import Glibc

/// Splits a file into record-aligned byte ranges and parses them in parallel.
///
/// Planning works in two parallel passes over the file:
///
/// 1. The file is cut into N equal segments. The bytes before the last cut are scanned for
///    quotes and line breaks, in N × (N − 1) pieces shared by all cores
///    (`DispatchQueue.concurrentPerform`). A prefix sum then gives, at each cut, the line number
///    and the quote parity, which in well-formed CSV equals the quote state.
/// 2. Each cut moves forward to just after the first line ending at which the parity says
///    "outside quotes" (and past any blank lines after it), so it lands on a record boundary;
///    each chunk records the line on which it starts.
///
/// Parity is only reliable when no quote appears in the middle of an unquoted field, and no
/// local test can tell such a stray quote from legal text after a closing quote. So the check
/// is made where it is exact: every chunk reader watches for stray quotes, and
/// ``parse(_:options:_:)`` returns ``CSVParallelOutcome/needsSerialFallback(reason:)`` if any
/// chunk saw one. When none did, the quote state at every cut was right, and the chunks'
/// records and issues, taken in order, are exactly those of the serial reader.
package enum CSVChunker {
  /// Plans the parallel reading of a file.
  ///
  /// - Parameters:
  ///   - path: The file; it must be a regular file.
  ///   - chunkCount: The number of chunks wanted, typically the number of cores.
  ///   - minimumChunkBytes: The smallest chunk worth a thread; smaller files get fewer chunks.
  ///   - options: Reader settings; the delimiter, if forced, is used instead of sniffing.
  /// - Returns: The plan.
  /// - Throws: ``CSVIOError`` when the file cannot be opened or read.
  package static func plan(
    path: String, chunkCount: Int, minimumChunkBytes: Int = 1 << 20,
    options: CSVReaderOptions = CSVReaderOptions()
  ) throws(CSVIOError) -> CSVChunkPlan {
    let descriptor = try CSVReader.open(path)
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { throw .cannotRead(path: path, errno: errno) }
    let size = Int(status.st_size)
    let sample = try CSVReader.readSample(descriptor: descriptor, path: path)
    let sniffed = sample.withUnsafeBytes {
      CSVSniffer.sniff(
        $0, isWholeInput: sample.count < CSVSniffer.sampleLimit,
        forcedDelimiter: options.delimiter)
    }
    var plan = CSVChunkPlan(
      path: path, dialect: sniffed.dialect, fileSize: size,
      chunks: [CSVChunk(byteRange: 0..<size, firstLine: 1)], serialFallbackReason: nil)
    if let fatal = sniffed.fatalIssue {
      plan.serialFallbackReason = fatal.message
      return plan
    }
    let dataStart = sniffed.dialect.hasByteOrderMark ? 3 : 0
    let count = min(max(chunkCount, 1), max((size - dataStart) / max(minimumChunkBytes, 1), 1))
    guard count > 1 else { return plan }
    let cuts = (0...count).map { dataStart + (size - dataStart) * $0 / count }
    let file = CSVChunkScanner(descriptor: descriptor, path: path, size: size)
    // Only the bytes before the last cut matter. Each of the count - 1 segments before it is
    // split into `count` pieces, so that all cores share pass 1.
    var pieces: [Range<Int>] = []
    for index in 0..<(count - 1) {
      let length = cuts[index + 1] - cuts[index]
      for part in 0..<count {
        pieces.append(
          (cuts[index] + length * part / count)..<(cuts[index] + length * (part + 1) / count))
      }
    }
    let allPieces = pieces
    let counted = try parallelMap(allPieces.count) { index throws(CSVIOError) in
      try file.scanSegment(allPieces[index])
    }
    var quotesBefore = [0]
    var linesBefore = [0]
    for (index, piece) in counted.enumerated() {
      quotesBefore.append(quotesBefore[index] + piece.quotes)
      linesBefore.append(linesBefore[index] + piece.lineBreaks)
    }
    // The state at cut k (k >= 1) is the one after the first k * count pieces.
    let parities = (0..<count).map { quotesBefore[$0 * count] % 2 == 1 }
    let lineCounts = (0..<count).map { linesBefore[$0 * count] }
    let boundaries = try parallelMap(count - 1) { index throws(CSVIOError) in
      try file.recordBoundary(
        after: cuts[index + 1], insideQuotes: parities[index + 1],
        linesBefore: lineCounts[index + 1])
    }
    plan.chunks = makeChunks(boundaries: boundaries, size: size)
    return plan
  }

  /// Parses every chunk of a plan in parallel, one ``CSVReader`` per chunk.
  ///
  /// `body` runs once per chunk, on worker threads, with a reader for that chunk; it should
  /// read all the records and return what the caller needs (counts, sums, issues). After all
  /// chunks are done, the readers' stray-quote checks decide whether the results are valid.
  ///
  /// - Parameters:
  ///   - plan: The plan; a plan that requires serial reading returns
  ///     ``CSVParallelOutcome/needsSerialFallback(reason:)`` at once.
  ///   - options: Reader settings for the chunk readers.
  ///   - body: The work for one chunk.
  /// - Returns: The chunk results in file order, or the signal to read serially.
  /// - Throws: ``CSVIOError`` when a chunk cannot be read; the first chunk's error wins.
  package static func parse<Value: Sendable>(
    _ plan: CSVChunkPlan, options: CSVReaderOptions = CSVReaderOptions(),
    _ body: @Sendable (CSVReader) throws(CSVIOError) -> Value
  ) throws(CSVIOError) -> CSVParallelOutcome<Value> {
    try parse(plan, options: options) { _, reader throws(CSVIOError) in try body(reader) }
  }

  /// Parses each chunk of a plan on its own thread, as ``parse(_:options:_:)-(_,_,(CSVReader)->Value)``,
  /// telling the work which chunk it has (0 starts the file).
  package static func parse<Value: Sendable>(
    _ plan: CSVChunkPlan, options: CSVReaderOptions = CSVReaderOptions(),
    _ body: @Sendable (Int, CSVReader) throws(CSVIOError) -> Value
  ) throws(CSVIOError) -> CSVParallelOutcome<Value> {
    if let reason = plan.serialFallbackReason {
      return .needsSerialFallback(reason: reason)
    }
    let results = try parallelMap(plan.chunks.count) { index throws(CSVIOError) in
      let chunk = plan.chunks[index]
      let reader = try CSVReader(
        path: plan.path, byteRange: chunk.byteRange, firstLine: chunk.firstLine,
        dialect: plan.dialect, options: options)
      let value = try body(index, reader)
      let stray = reader.issues.first { $0.kind == .strayQuote }
      return (value, reader.quoteParityIsReliable, stray)
    }
    for (_, reliable, stray) in results where !reliable {
      let place = stray.map { " at \($0.position)" } ?? ""
      return .needsSerialFallback(
        reason: "stray quote in an unquoted field\(place); "
          + "quote parity cannot locate record boundaries")
    }
    return .completed(results.map(\.0))
  }
}

extension CSVChunker {
  private static func makeChunks(boundaries: [CSVChunkScanner.Boundary], size: Int) -> [CSVChunk] {
    var chunks: [CSVChunk] = []
    var start = 0
    var firstLine = 1
    for boundary in boundaries where boundary.offset > start {
      chunks.append(CSVChunk(byteRange: start..<boundary.offset, firstLine: firstLine))
      start = boundary.offset
      firstLine = boundary.line
    }
    if start < size || chunks.isEmpty {
      chunks.append(CSVChunk(byteRange: start..<size, firstLine: firstLine))
    }
    return chunks
  }

  /// Runs `work` for `0..<count` on all cores and collects the results in order.
  ///
  /// The one place where the CSV code shares memory between threads without the compiler's
  /// help: `slots` is opted out of isolation checking because every iteration writes only its
  /// own element, and the elements are read only after `concurrentPerform` has returned, which
  /// waits for all iterations.
  private static func parallelMap<Value: Sendable>(
    _ count: Int, _ work: @Sendable (Int) throws(CSVIOError) -> Value
  ) throws(CSVIOError) -> [Value] {
    nonisolated(unsafe) let slots = UnsafeMutableBufferPointer<Result<Value, CSVIOError>?>
      .allocate(capacity: count)
    slots.initialize(repeating: nil)
    defer {
      slots.deinitialize()
      slots.deallocate()
    }
    DispatchQueue.concurrentPerform(iterations: count) { index in
      // Each iteration writes only its own slot, `index < count`.
      do throws(CSVIOError) {
        slots[index] = .success(try work(index))
      } catch {
        slots[index] = .failure(error)
      }
    }
    var values: [Value] = []
    values.reserveCapacity(count)
    for slot in slots {
      switch slot {
      case .success(let value): values.append(value)
      case .failure(let error): throw error
      case nil: continue
      }
    }
    return values
  }
}
