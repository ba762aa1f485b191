/// Settings of an import.
package struct ImportOptions: Sendable {
  /// The platform, when it must not be detected.
  package var platform: Platform?
  /// The chapter of every row, when the survey does not ask it.
  package var chapter: String?
  /// The wave of every row, when the survey does not ask it.
  package var wave: String?
  /// The offset from UTC of timestamps written without one (minutes), as given with
  /// `--timezone`; nil when not given: UTC, or the time zone the export declares (Qualtrics).
  package var timeZoneOffsetMinutes: Int?
  /// Whether numbers use a decimal comma; `nil` decides from the delimiter (`;` exports do).
  package var decimalComma: Bool?
  /// Whether a response whose id was stored before with other answers is stored as a new
  /// version of it (instead of being rejected and kept).
  package var replacesChanged = false
  /// The CSV reader's settings (its limits, for tests).
  package var readerOptions = CSVReaderOptions()
  /// The export's text encoding; `nil` expects UTF-8 and refuses a file that looks like
  /// Windows-1252 or Latin-1 with one message saying what to do.
  package var encoding: TextEncoding?

  /// Creates options.
  package init(platform: Platform? = nil, chapter: String? = nil, wave: String? = nil) {
    self.platform = platform
    self.chapter = chapter
    self.wave = wave
  }
}
