import Foundation
import Glibc
import SurveyCore

/// The text encoding of an export.
package enum TextEncoding: String, Sendable, CaseIterable {
  /// UTF-8, with or without a byte order mark (what every platform writes).
  case utf8 = "utf-8"
  /// Windows-1252 (Excel's "CSV" on Windows in Western Europe and the Americas): Latin-1 with
  /// printable characters such as `€`, `’` and `—` at 0x80 to 0x9F.
  case windows1252 = "windows-1252"
  /// ISO 8859-1 (Latin-1): every byte is the code point of the same number.
  case latin1 = "latin-1"

  /// The encoding a name on the command line stands for (`utf-8`, `utf8`, `windows-1252`,
  /// `cp1252`, `latin-1`, `latin1`, `iso-8859-1`, in any case).
  package init?(name: String) {
    switch name.lowercased() {
    case "utf-8", "utf8": self = .utf8
    case "windows-1252", "cp1252", "windows1252": self = .windows1252
    case "latin-1", "latin1", "iso-8859-1", "iso8859-1": self = .latin1
    default: return nil
    }
  }
}

/// An export opened for reading as UTF-8.
///
/// A file in UTF-8 is read as it is. Without an encoding given, the start of the file (the
/// 64 KiB the CSV reader sniffs) is checked first: bytes that are not UTF-8, in the header or on
/// more than one line, with no UTF-8 character among them, mean a file saved in a single-byte
/// encoding, refused with one diagnostic saying what to do instead of one per row (a stray byte
/// on one line only rejects its row). A file in Windows-1252 or Latin-1 is
/// transcoded, in a streaming way in constant memory, into a private temporary copy that is
/// unlinked as soon as the reader has opened it (so nothing is left behind, whatever happens),
/// and read from there: line endings are kept, so every line and column number is the file's.
package struct ExportInput {
  /// The reader of the file (or of its UTF-8 copy).
  package let reader: CSVReader
  /// Problems with the encoding: an error means the file must not be read.
  package let diagnostics: [Diagnostic]
  /// Whether the reader reads a transcoded copy (which cannot be reopened by path).
  package let isTranscoded: Bool

  /// Opens an export.
  ///
  /// - Parameters:
  ///   - path: The file, as the user named it (diagnostics use it).
  ///   - encoding: Its encoding; nil for UTF-8, checked as described above.
  ///   - temporaryDirectory: Where a transcoded copy is made (default: the system's).
  /// - Throws: ``CSVIOError`` when the file cannot be read or the copy cannot be written.
  ///   - options: The CSV reader's settings.
  package init(
    path: String, encoding: TextEncoding?, temporaryDirectory: String? = nil,
    options: CSVReaderOptions = CSVReaderOptions()
  ) throws(CSVIOError) {
    let sample = try Self.sample(path)
    let verdict = EncodingVerdict(sample)
    switch (encoding, verdict.kind) {
    case (nil, .singleByte):
      reader = try CSVReader(path: path, options: options)
      diagnostics = [verdict.notUTF8(path)]
      isTranscoded = false
    case (.windows1252?, .multiByte), (.latin1?, .multiByte):
      reader = try CSVReader(path: path, options: options)
      diagnostics = [verdict.alreadyUTF8(path, encoding: encoding ?? .utf8)]
      isTranscoded = false
    case (.windows1252?, _), (.latin1?, _):
      let copy = try Transcoder.copy(
        of: path, from: encoding ?? .windows1252,
        into: temporaryDirectory ?? NSTemporaryDirectory())
      defer { unlink(copy) }
      reader = try CSVReader(path: copy, options: options)
      diagnostics = []
      isTranscoded = true
    default:
      reader = try CSVReader(path: path, options: options)
      diagnostics = []
      isTranscoded = false
    }
  }

  /// The first bytes of a file, as many as the CSV reader sniffs.
  private static func sample(_ path: String) throws(CSVIOError) -> [UInt8] {
    let descriptor = try CSVReader.open(path)
    defer { close(descriptor) }
    return try CSVReader.readSample(descriptor: descriptor, path: path)
  }
}

/// What the start of a file says about its encoding.
struct EncodingVerdict {
  enum Kind {
    /// ASCII only, or UTF-8 with no invalid byte.
    case ascii, multiByte
    /// Bytes that are not UTF-8, no UTF-8 character, and text in Windows-1252 (no byte it
    /// leaves undefined) in the header or on more than one line: a single-byte encoding.
    case singleByte
    /// Anything else with bytes that are not UTF-8 (a stray byte, a damaged UTF-8 file): each
    /// row with such bytes says so.
    case mixed
  }

  var kind: Kind
  /// The first byte that is not UTF-8, or the first UTF-8 character (for `multiByte`).
  var line = 1
  var column = 1
  var byte: UInt8 = 0
  /// That line, as Windows-1252 text (or as UTF-8 for `multiByte`).
  var lineText = ""

  init(_ sample: [UInt8]) {
    // UTF-16 and binary files are the CSV sniffer's to report.
    guard !sample.starts(with: [0xFF, 0xFE]), !sample.starts(with: [0xFE, 0xFF]),
      !sample.contains(0)
    else {
      kind = .ascii
      return
    }
    let isWholeFile = sample.count < CSVSniffer.sampleLimit
    var invalid = 0
    var valid = 0
    var linesWithInvalid: Set<Int> = []
    var undefinedInWindows1252 = false
    var firstInvalid: (line: Int, start: Int, offset: Int)?
    var firstValid: (line: Int, start: Int, offset: Int)?
    var line = 1
    var lineStart = 0
    var index = sample.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    sample.withUnsafeBufferPointer { bytes in
      guard let base = bytes.baseAddress else { return }
      while index < bytes.count {
        let byte = bytes[index]
        if byte < 0x80 {
          if byte == 0x0A
            || (byte == 0x0D && (index + 1 == bytes.count || bytes[index + 1] != 0x0A))
          {
            line += 1
            lineStart = index + 1
          }
          index += 1
          continue
        }
        // A sequence cut off by the end of a partial sample is no evidence either way.
        let length = CSVUTF8.sequenceLength(
          at: base + index, available: bytes.count - index, atEnd: isWholeFile)
        if length == 0 { break }
        if length > 0 {
          valid += 1
          if firstValid == nil { firstValid = (line, lineStart, index) }
          index += length
        } else {
          invalid += 1
          if firstInvalid == nil { firstInvalid = (line, lineStart, index) }
          if linesWithInvalid.count < 2 { linesWithInvalid.insert(line) }
          if [0x81, 0x8D, 0x8F, 0x90, 0x9D].contains(byte) { undefinedInWindows1252 = true }
          index += 1
        }
      }
    }
    let looksSingleByte =
      valid == 0 && !undefinedInWindows1252
      && (linesWithInvalid.contains(1) || linesWithInvalid.count > 1)
    switch (invalid > 0, valid > 0) {
    case (false, false): kind = .ascii
    case (false, true): kind = .multiByte
    case (true, _): kind = looksSingleByte ? .singleByte : .mixed
    }
    guard let (found, start, offset) = kind == .multiByte ? firstValid : firstInvalid else {
      return
    }
    self.line = found
    byte = sample[offset]
    var end = offset
    while end < sample.count, sample[end] != 0x0A, sample[end] != 0x0D { end += 1 }
    let lineBytes = Array(sample[start..<end])
    if kind == .multiByte {
      lineText = String(decoding: lineBytes, as: UTF8.self)
      column = String(decoding: sample[start..<offset], as: UTF8.self).count + 1
    } else {
      lineText = Transcoder.decode(lineBytes, from: .windows1252)
      column = offset - start + 1
    }
  }

  private func location(_ path: String) -> SourceRange {
    CellLocation(
      path: path, recordLine: line, rawText: lineText,
      position: CSVPosition(line: line, column: column)
    ).range()
  }

  /// The error for a file that looks like Windows-1252 (or Latin-1) when UTF-8 was expected.
  func notUTF8(_ path: String) -> Diagnostic {
    let character = Transcoder.decode([byte], from: .windows1252)
    return Diagnostic(
      .error, id: "ingest.notUTF8",
      IngestMessage.notUTF8(fileName(path), byte: byte, character: character),
      at: location(path))
  }

  /// The error for a UTF-8 file read as a single-byte encoding.
  func alreadyUTF8(_ path: String, encoding: TextEncoding) -> Diagnostic {
    Diagnostic(
      .error, id: "ingest.alreadyUTF8",
      IngestMessage.alreadyUTF8(fileName(path), encoding: encoding.rawValue),
      at: location(path))
  }

  private func fileName(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
  }
}

/// Byte-for-character transcoding of single-byte encodings into UTF-8.
enum Transcoder {
  /// The Unicode scalars of Windows-1252's bytes 0x80 to 0x9F; the five bytes it leaves
  /// undefined map to the C1 control of the same number, as the WHATWG Encoding Standard does.
  static let windows1252High: [UInt32] = [
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
    0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
  ]

  /// The Unicode scalar of one byte.
  static func scalar(_ byte: UInt8, from encoding: TextEncoding) -> UInt32 {
    if encoding == .windows1252, (0x80...0x9F).contains(byte) {
      return windows1252High[Int(byte) - 0x80]
    }
    return UInt32(byte)
  }

  /// Bytes decoded as text.
  static func decode(_ bytes: [UInt8], from encoding: TextEncoding) -> String {
    var text = ""
    for byte in bytes {
      if let scalar = Unicode.Scalar(scalar(byte, from: encoding)) {
        text.unicodeScalars.append(scalar)
      }
    }
    return text
  }

  /// Appends the UTF-8 form of one byte.
  static func append(_ byte: UInt8, from encoding: TextEncoding, to output: inout [UInt8]) {
    let value = scalar(byte, from: encoding)
    switch value {
    case 0..<0x80: output.append(UInt8(value))
    case 0x80..<0x800:
      output.append(UInt8(0xC0 | (value >> 6)))
      output.append(UInt8(0x80 | (value & 0x3F)))
    default:
      output.append(UInt8(0xE0 | (value >> 12)))
      output.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
      output.append(UInt8(0x80 | (value & 0x3F)))
    }
  }

  /// Writes a UTF-8 copy of a file into a new private file (mode 0600) in `directory`, 64 KiB
  /// at a time.
  ///
  /// - Returns: The copy's path; the caller removes it.
  static func copy(of path: String, from encoding: TextEncoding, into directory: String)
    throws(CSVIOError) -> String
  {
    let source = try CSVReader.open(path)
    defer { close(source) }
    var template = Array((directory.hasSuffix("/") ? directory : directory + "/").utf8CString)
    template.removeLast()
    template += Array("survey-import-XXXXXX".utf8CString)
    let target = mkstemp(&template)
    let copyPath = String(decoding: template.prefix { $0 != 0 }.map(UInt8.init), as: UTF8.self)
    guard target >= 0 else { throw .cannotWrite(path: copyPath, errno: errno) }
    defer { close(target) }
    var input = [UInt8](repeating: 0, count: 1 << 16)
    var output: [UInt8] = []
    output.reserveCapacity(3 << 16)
    do throws(CSVIOError) {
      while true {
        let count = input.withUnsafeMutableBytes { read(source, $0.baseAddress, $0.count) }
        if count < 0 {
          if errno == EINTR { continue }
          throw .cannotRead(path: path, errno: errno)
        }
        if count == 0 { break }
        output.removeAll(keepingCapacity: true)
        for byte in input[0..<count] { append(byte, from: encoding, to: &output) }
        try write(output, to: target, path: copyPath)
      }
    } catch {
      unlink(copyPath)
      throw error
    }
    return copyPath
  }

  private static func write(_ bytes: [UInt8], to descriptor: Int32, path: String)
    throws(CSVIOError)
  {
    var written = 0
    while written < bytes.count {
      let count = bytes.withUnsafeBytes { buffer in
        Glibc.write(descriptor, buffer.baseAddress.map { $0 + written }, buffer.count - written)
      }
      if count < 0 {
        if errno == EINTR { continue }
        throw .cannotWrite(path: path, errno: errno)
      }
      written += count
    }
  }
}
