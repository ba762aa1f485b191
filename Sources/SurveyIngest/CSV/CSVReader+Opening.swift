import Glibc

/// The ways to create a reader: a file, bytes in memory, or a byte range of a file.
extension CSVReader {
  /// Opens a file and sniffs its dialect.
  ///
  /// - Parameters:
  ///   - path: The file to read; it must be a regular file.
  ///   - options: Reader settings.
  /// - Throws: ``CSVIOError`` when the file cannot be opened or read.
  package convenience init(path: String, options: CSVReaderOptions = CSVReaderOptions())
    throws(CSVIOError)
  {
    let descriptor = try Self.open(path)
    let sample: [UInt8]
    do {
      sample = try Self.readSample(descriptor: descriptor, path: path)
    } catch {
      close(descriptor)
      throw error
    }
    let sniffed = sample.withUnsafeBytes {
      CSVSniffer.sniff(
        $0, isWholeInput: sample.count < CSVSniffer.sampleLimit,
        forcedDelimiter: options.delimiter)
    }
    self.init(
      source: .file(descriptor: descriptor, path: path),
      range: (sniffed.dialect.hasByteOrderMark ? 3 : 0)..<Int.max, firstLine: 1,
      dialect: sniffed.dialect, fatalIssue: sniffed.fatalIssue, endsAtEndOfInput: true,
      options: options)
  }

  /// Reads CSV from bytes in memory, sniffing the dialect.
  ///
  /// - Parameters:
  ///   - bytes: The whole input.
  ///   - options: Reader settings.
  package convenience init(bytes: [UInt8], options: CSVReaderOptions = CSVReaderOptions()) {
    let sniffed = bytes.withUnsafeBytes {
      CSVSniffer.sniff(
        UnsafeRawBufferPointer(rebasing: $0.prefix(CSVSniffer.sampleLimit)),
        isWholeInput: bytes.count <= CSVSniffer.sampleLimit, forcedDelimiter: options.delimiter)
    }
    self.init(
      source: .memory(bytes), range: (sniffed.dialect.hasByteOrderMark ? 3 : 0)..<bytes.count,
      firstLine: 1, dialect: sniffed.dialect, fatalIssue: sniffed.fatalIssue,
      endsAtEndOfInput: true, options: options)
  }

  /// Reads one byte range of a file, for parallel parsing of chunks.
  ///
  /// The range must start at a record boundary (see ``CSVChunker``). No sniffing is done; a
  /// UTF-8 byte order mark is skipped only when the range starts at offset 0. Blank lines at the
  /// end of the range are delivered unless the range reaches the end of the file.
  ///
  /// - Parameters:
  ///   - path: The file.
  ///   - byteRange: The bytes to read, `start..<end`.
  ///   - firstLine: The physical line on which `byteRange` starts.
  ///   - dialect: The dialect to read with, normally the one sniffed for the whole file.
  ///   - options: Reader settings; ``CSVReaderOptions/delimiter`` is ignored.
  /// - Throws: ``CSVIOError`` when the file cannot be opened or read.
  package convenience init(
    path: String, byteRange: Range<Int>, firstLine: Int, dialect: CSVDialect,
    options: CSVReaderOptions = CSVReaderOptions()
  ) throws(CSVIOError) {
    let descriptor = try Self.open(path)
    var status = stat()
    guard fstat(descriptor, &status) == 0 else {
      let code = errno
      close(descriptor)
      throw .cannotRead(path: path, errno: code)
    }
    var start = max(byteRange.lowerBound, 0)
    if start == 0, dialect.hasByteOrderMark {
      start = min(3, byteRange.upperBound)
    }
    self.init(
      source: .file(descriptor: descriptor, path: path), range: start..<byteRange.upperBound,
      firstLine: firstLine, dialect: dialect, fatalIssue: nil,
      endsAtEndOfInput: byteRange.upperBound >= Int(status.st_size), options: options)
  }
}
