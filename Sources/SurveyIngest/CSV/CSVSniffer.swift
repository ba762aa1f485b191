/// Inspects the start of an input before reading it: encoding, binary content and delimiter.
///
/// Sniffing looks at no more than ``sampleLimit`` bytes and ``recordLimit`` records. It reports
/// two fatal conditions, a UTF-16 byte order mark and content that is clearly not text, and
/// otherwise picks the delimiter among `,`, `;` and TAB: the one whose field counts, counted
/// outside quotes, are the most consistent while splitting records into more than one field.
/// Ties go to the earlier candidate in that order; if no candidate splits, the comma is used.
package enum CSVSniffer {
  /// The most bytes sniffing looks at (64 KiB).
  package static let sampleLimit = 1 << 16

  /// The most records sniffing looks at.
  package static let recordLimit = 50

  /// What sniffing found.
  package struct Result: Sendable, Equatable {
    /// The dialect to read with.
    package var dialect: CSVDialect
    /// A fatal problem that means the input must not be read as CSV, if any.
    package var fatalIssue: CSVIssue?
  }

  /// Sniffs a sample from the start of an input.
  ///
  /// - Parameters:
  ///   - sample: Up to ``sampleLimit`` bytes from the start of the input, byte order mark
  ///     included.
  ///   - isWholeInput: Whether the sample is the entire input, so its last record counts even
  ///     without a final line ending.
  ///   - forcedDelimiter: A delimiter chosen by the caller, which skips delimiter sniffing.
  /// - Returns: The dialect and any fatal issue.
  package static func sniff(
    _ sample: UnsafeRawBufferPointer, isWholeInput: Bool, forcedDelimiter: CSVDelimiter?
  ) -> Result {
    let hasBOM = sample.starts(with: [0xEF, 0xBB, 0xBF])
    var dialect = CSVDialect(
      delimiter: forcedDelimiter ?? .comma, hasByteOrderMark: hasBOM,
      delimiterSource: forcedDelimiter == nil ? .fallback : .forced)
    if sample.starts(with: [0xFF, 0xFE]) || sample.starts(with: [0xFE, 0xFF]) {
      return Result(dialect: dialect, fatalIssue: .utf16)
    }
    let body = UnsafeRawBufferPointer(rebasing: sample.dropFirst(hasBOM ? 3 : 0))
    if let reason = binaryReason(body) {
      return Result(dialect: dialect, fatalIssue: .notText(reason))
    }
    if forcedDelimiter == nil {
      let choice = chooseDelimiter(body, isWholeInput: isWholeInput)
      dialect.delimiter = choice ?? .comma
      dialect.delimiterSource = choice == nil ? .fallback : .sniffed
    }
    return Result(dialect: dialect, fatalIssue: nil)
  }

  /// Counts the fields of each record in a sample, outside quotes.
  ///
  /// - Parameters:
  ///   - sample: The bytes, without a byte order mark.
  ///   - delimiter: The delimiter byte to split on.
  ///   - isWholeInput: Whether a final record without a line ending counts.
  /// - Returns: The field count of up to ``recordLimit`` non-blank records.
  package static func fieldCounts(
    _ sample: UnsafeRawBufferPointer, delimiter: UInt8, isWholeInput: Bool
  ) -> [Int] {
    var counts: [Int] = []
    var fields = 1
    var inQuotes = false
    var atFieldStart = true
    var hasContent = false
    var index = sample.startIndex
    while index < sample.endIndex, counts.count < recordLimit {
      let byte = sample[index]
      index += 1
      if inQuotes {
        if byte == CSVByteClass.quoteByte {
          if index < sample.endIndex, sample[index] == CSVByteClass.quoteByte {
            index += 1
          } else {
            inQuotes = false
          }
        }
        continue
      }
      switch byte {
      case CSVByteClass.quoteByte where atFieldStart:
        inQuotes = true
        atFieldStart = false
        hasContent = true
      case delimiter:
        fields += 1
        atFieldStart = true
        hasContent = true
      case CSVByteClass.lineFeedByte, CSVByteClass.carriageReturnByte:
        if hasContent { counts.append(fields) }
        fields = 1
        atFieldStart = true
        hasContent = false
      default:
        atFieldStart = false
        hasContent = true
      }
    }
    if isWholeInput, hasContent, !inQuotes, counts.count < recordLimit {
      counts.append(fields)
    }
    return counts
  }
}

extension CSVSniffer {
  private static func chooseDelimiter(_ body: UnsafeRawBufferPointer, isWholeInput: Bool)
    -> CSVDelimiter?
  {
    var best: (delimiter: CSVDelimiter, consistency: Double)?
    for candidate in CSVDelimiter.sniffingCandidates {
      let counts = fieldCounts(body, delimiter: candidate.byte, isWholeInput: isWholeInput)
      var frequency: [Int: Int] = [:]
      for count in counts { frequency[count, default: 0] += 1 }
      // The most frequent count; among equally frequent counts, the larger one.
      guard
        let mode = frequency.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }),
        mode.key > 1
      else { continue }
      let consistency = Double(mode.value) / Double(counts.count)
      if best.map({ consistency > $0.consistency }) ?? true {
        best = (candidate, consistency)
      }
    }
    return best?.delimiter
  }

  private static func binaryReason(_ body: UnsafeRawBufferPointer) -> String? {
    let signatures: [(bytes: [UInt8], what: String)] = [
      ([0x50, 0x4B, 0x03, 0x04], "it is a ZIP archive (an .xlsx or .ods workbook?)"),
      ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "it is an old Excel (.xls) workbook"),
      ([0x25, 0x50, 0x44, 0x46, 0x2D], "it is a PDF document"),
      ([0x1F, 0x8B], "it is gzip-compressed"),
    ]
    for signature in signatures where body.starts(with: signature.bytes) {
      return signature.what
    }
    var nulCount = 0
    var controlCount = 0
    for byte in body {
      if byte == 0 {
        nulCount += 1
      } else if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0C, byte != 0x0D {
        controlCount += 1
      }
    }
    let suspicious = nulCount + controlCount
    guard suspicious >= 8, suspicious * 10 >= body.count else { return nil }
    let percent = suspicious * 100 / max(body.count, 1)
    var reason = "\(percent)% of the first \(body.count) bytes are NUL or control bytes"
    if nulCount * 3 >= body.count {
      reason += " (is it UTF-16 without a byte order mark?)"
    }
    return reason
  }
}
