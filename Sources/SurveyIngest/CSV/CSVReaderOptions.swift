/// Settings for a ``CSVReader``.
///
/// The defaults suit survey-platform exports: sniff the delimiter, read in 1 MiB blocks and
/// refuse records over 16 MiB, which no real survey row reaches but a file with a broken quote
/// easily does.
package struct CSVReaderOptions: Sendable, Equatable {
  /// The delimiter to use, or `nil` to sniff one among `,`, `;` and TAB.
  package var delimiter: CSVDelimiter?

  /// The initial size of the read buffer in bytes (clamped to 4 bytes ... 1 GiB).
  ///
  /// The buffer is reused for the whole file and grows only when a single record does not fit,
  /// never beyond ``maxRecordBytes`` plus a few bytes of look-ahead.
  package var bufferSize: Int

  /// The largest record, in bytes without its line ending, that the reader delivers.
  ///
  /// A larger record is reported as ``CSVIssue/Kind/recordTooLarge`` and skipped up to the next
  /// record boundary without being buffered. Clamped to 1 byte ... 1 GiB.
  package var maxRecordBytes: Int

  /// The most fields a record may have before it is treated like an oversized record.
  ///
  /// Field boundaries take 12 bytes each, so this bounds that memory too (24 MiB by default).
  package var maxFieldsPerRecord: Int

  /// How many issues are kept; later ones are only counted in
  /// ``CSVReader/suppressedIssueCount``.
  package var maxIssues: Int

  /// Creates reader settings.
  ///
  /// - Parameters:
  ///   - delimiter: The delimiter, or `nil` to sniff it.
  ///   - bufferSize: The initial read-buffer size in bytes.
  ///   - maxRecordBytes: The largest record delivered, in bytes.
  ///   - maxFieldsPerRecord: The most fields in one record.
  ///   - maxIssues: How many issues are kept.
  package init(
    delimiter: CSVDelimiter? = nil,
    bufferSize: Int = 1 << 20,
    maxRecordBytes: Int = 16 << 20,
    maxFieldsPerRecord: Int = 1 << 21,
    maxIssues: Int = 1000
  ) {
    self.delimiter = delimiter
    self.bufferSize = bufferSize
    self.maxRecordBytes = maxRecordBytes
    self.maxFieldsPerRecord = maxFieldsPerRecord
    self.maxIssues = maxIssues
  }
}
