/// Settings for a ``CSVWriter``.
package struct CSVWriterOptions: Sendable, Equatable {
  /// The field delimiter.
  package var delimiter: CSVDelimiter

  /// The line ending after each record; CRLF by default.
  package var lineEnding: CSVLineEnding

  /// Whether to start the output with a UTF-8 byte order mark, which makes Excel read UTF-8.
  package var writesByteOrderMark: Bool

  /// Whether to defuse cells that a spreadsheet would run as a formula (CSV injection).
  ///
  /// On by default, for exports meant to be opened in a spreadsheet. See ``CSVFormulaMasking``
  /// for the exact policy: a field beginning with `=`, `+`, `-`, `@`, TAB or CR gets a leading
  /// `'`, unless it is a plain number such as `-3`, `+4` or `-0.5`. Turn it off for files that
  /// other programs read back, because masking changes the data.
  package var masksFormulas: Bool

  /// Whether every field is quoted, as KoboToolbox and LimeSurvey exports are.
  package var quotesAllFields: Bool

  /// How many bytes to collect before writing to the file.
  package var bufferSize: Int

  /// Creates writer settings.
  ///
  /// - Parameters:
  ///   - delimiter: The field delimiter.
  ///   - lineEnding: The line ending.
  ///   - writesByteOrderMark: Whether to write a UTF-8 byte order mark.
  ///   - masksFormulas: Whether to mask cells that look like formulas.
  ///   - quotesAllFields: Whether to quote every field.
  ///   - bufferSize: The output buffer size in bytes.
  package init(
    delimiter: CSVDelimiter = .comma,
    lineEnding: CSVLineEnding = .crlf,
    writesByteOrderMark: Bool = false,
    masksFormulas: Bool = true,
    quotesAllFields: Bool = false,
    bufferSize: Int = 1 << 16
  ) {
    self.quotesAllFields = quotesAllFields
    self.delimiter = delimiter
    self.lineEnding = lineEnding
    self.writesByteOrderMark = writesByteOrderMark
    self.masksFormulas = masksFormulas
    self.bufferSize = bufferSize
  }
}
