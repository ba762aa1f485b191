import Glibc

/// A buffered RFC 4180 writer to a file, a file descriptor or memory.
///
/// A field is quoted when it contains the delimiter, a quote, CR or LF, or begins or ends with
/// a space; quotes inside it are doubled. A record made of one empty field is written as `""`
/// so that it does not read back as a blank line. Cells that a spreadsheet would run as a
/// formula are masked by default (see ``CSVFormulaMasking``).
///
/// ```swift
/// let writer = try CSVWriter(path: "clean.csv")
/// try writer.writeRecord(["id", "answer"])
/// try writer.writeRecord(["1", "=SUM(A1:A9)"])  // written as '=SUM(A1:A9)
/// try writer.close()
/// ```
///
/// Call ``close()`` (or ``flush()``) and check for errors: `deinit` flushes too, but can only
/// drop a write error.
package final class CSVWriter {
  private enum Target {
    case file(descriptor: Int32, name: String, owned: Bool)
    case memory
  }

  private let options: CSVWriterOptions
  private let target: Target
  private let delimiter: UInt8
  private let lineEnding: [UInt8]
  private var buffer: [UInt8] = []
  private var fieldsInRecord = 0
  private var lastFieldWasEmpty = false
  private var isClosed = false

  /// Creates (or truncates) a file and writes to it.
  ///
  /// - Parameters:
  ///   - path: The file.
  ///   - options: Writer settings.
  /// - Throws: ``CSVIOError/cannotOpen(path:errno:)``.
  package init(path: String, options: CSVWriterOptions = CSVWriterOptions()) throws(CSVIOError) {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw .cannotOpen(path: path, errno: errno) }
    self.options = options
    self.target = .file(descriptor: descriptor, name: path, owned: true)
    (delimiter, lineEnding) = (options.delimiter.byte, options.lineEnding.bytes)
    start()
  }

  /// Writes to an open file descriptor, which the writer does not close.
  ///
  /// - Parameters:
  ///   - fileDescriptor: A descriptor open for writing.
  ///   - options: Writer settings.
  package init(fileDescriptor: Int32, options: CSVWriterOptions = CSVWriterOptions()) {
    self.options = options
    self.target = .file(
      descriptor: fileDescriptor, name: "file descriptor \(fileDescriptor)", owned: false)
    (delimiter, lineEnding) = (options.delimiter.byte, options.lineEnding.bytes)
    start()
  }

  /// Writes to memory; read the result from ``bytes``.
  ///
  /// - Parameter options: Writer settings.
  package init(options: CSVWriterOptions = CSVWriterOptions()) {
    self.options = options
    self.target = .memory
    (delimiter, lineEnding) = (options.delimiter.byte, options.lineEnding.bytes)
    start()
  }

  deinit {
    try? close()
  }

  /// Everything written so far, for a writer created with ``init(options:)``; empty for a
  /// file writer.
  package var bytes: [UInt8] {
    if case .memory = target { return buffer }
    return []
  }

  /// Appends one field to the current record.
  ///
  /// - Parameter text: The field's value.
  /// - Throws: ``CSVIOError`` when flushing the buffer fails or the writer is closed.
  package func writeField(_ text: some StringProtocol) throws(CSVIOError) {
    try ensureOpen()
    var string = String(text)
    string.withUTF8 { appendField(UnsafeRawBufferPointer($0)) }
    try flushIfFull()
  }

  /// Appends one field, given as bytes, to the current record.
  ///
  /// - Parameter fieldBytes: The field's value, normally UTF-8.
  /// - Throws: ``CSVIOError`` when flushing the buffer fails or the writer is closed.
  package func writeField(bytes fieldBytes: UnsafeRawBufferPointer) throws(CSVIOError) {
    try ensureOpen()
    appendField(fieldBytes)
    try flushIfFull()
  }

  /// Ends the current record with the line ending.
  ///
  /// A record with no fields becomes an empty line, which reads back as a record with no
  /// fields, or not at all at the very end of a file.
  ///
  /// - Throws: ``CSVIOError`` when flushing the buffer fails or the writer is closed.
  package func endRecord() throws(CSVIOError) {
    try ensureOpen()
    if fieldsInRecord == 1, lastFieldWasEmpty {
      buffer.append(CSVByteClass.quoteByte)
      buffer.append(CSVByteClass.quoteByte)
    }
    buffer.append(contentsOf: lineEnding)
    fieldsInRecord = 0
    try flushIfFull()
  }

  /// Writes a whole record.
  ///
  /// - Parameter fields: The fields.
  /// - Throws: ``CSVIOError`` when flushing the buffer fails or the writer is closed.
  package func writeRecord<Fields: Sequence>(_ fields: Fields) throws(CSVIOError)
  where Fields.Element: StringProtocol {
    try ensureOpen()
    for field in fields {
      var string = String(field)
      string.withUTF8 { appendField(UnsafeRawBufferPointer($0)) }
    }
    try endRecord()
  }

  /// Writes bytes verbatim followed by the line ending, e.g. a rejected row kept as it was read
  /// (``CSVRecord/withUnsafeRawBytes(_:)``).
  ///
  /// - Parameter recordBytes: The record's text, already in CSV form.
  /// - Throws: ``CSVIOError`` when flushing the buffer fails or the writer is closed.
  package func writeRawRecord(_ recordBytes: UnsafeRawBufferPointer) throws(CSVIOError) {
    try ensureOpen()
    buffer.append(contentsOf: recordBytes)
    buffer.append(contentsOf: lineEnding)
    fieldsInRecord = 0
    try flushIfFull()
  }

  /// Writes buffered bytes to the file (a no-op in memory).
  ///
  /// - Throws: ``CSVIOError/cannotWrite(path:errno:)``.
  package func flush() throws(CSVIOError) {
    guard case .file(let descriptor, let name, _) = target, !buffer.isEmpty else { return }
    var written = 0
    while written < buffer.count {
      let count = buffer.withUnsafeBytes { all in
        // `written < all.count`, so the source range is inside the array.
        write(descriptor, all.baseAddress.map { $0 + written }, all.count - written)
      }
      if count < 0 {
        if errno == EINTR { continue }
        throw .cannotWrite(path: name, errno: errno)
      }
      written += count
    }
    buffer.removeAll(keepingCapacity: true)
  }

  /// Flushes and closes the file (if the writer opened it). Later writes throw.
  ///
  /// - Throws: ``CSVIOError`` when the final write or the close fails.
  package func close() throws(CSVIOError) {
    guard !isClosed else { return }
    defer { isClosed = true }
    try flush()
    if case .file(let descriptor, let name, true) = target, Glibc.close(descriptor) != 0 {
      throw .cannotClose(path: name, errno: errno)
    }
  }
}

extension CSVWriter {
  private var name: String {
    if case .file(_, let name, _) = target { return name }
    return "memory"
  }

  private func start() {
    buffer.reserveCapacity(max(options.bufferSize, 64) + 64)
    if options.writesByteOrderMark {
      buffer.append(contentsOf: [0xEF, 0xBB, 0xBF])
    }
  }

  private func ensureOpen() throws(CSVIOError) {
    if isClosed { throw .cannotWrite(path: name, errno: EBADF) }
  }

  private func flushIfFull() throws(CSVIOError) {
    try ensureOpen()
    if buffer.count >= options.bufferSize { try flush() }
  }

  private func appendField(_ field: UnsafeRawBufferPointer) {
    if fieldsInRecord > 0 { buffer.append(delimiter) }
    fieldsInRecord += 1
    lastFieldWasEmpty = field.isEmpty
    let masked = options.masksFormulas && CSVFormulaMasking.needsMask(field)
    let quoted = options.quotesAllFields || needsQuotes(field)
    if quoted { buffer.append(CSVByteClass.quoteByte) }
    if masked { buffer.append(0x27) }
    if quoted {
      for byte in field {
        buffer.append(byte)
        if byte == CSVByteClass.quoteByte { buffer.append(byte) }
      }
      buffer.append(CSVByteClass.quoteByte)
    } else {
      buffer.append(contentsOf: field)
    }
  }

  private func needsQuotes(_ field: UnsafeRawBufferPointer) -> Bool {
    if field.first == 0x20 || field.last == 0x20 { return true }
    return field.contains { byte in
      byte == delimiter || byte == CSVByteClass.quoteByte || byte == CSVByteClass.lineFeedByte
        || byte == CSVByteClass.carriageReturnByte
    }
  }
}
