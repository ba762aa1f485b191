import SurveyCore

/// The wording of the importer's diagnostics, in alphabetical order. Lower-case, no trailing
/// period, the user's own text in single quotes through `\(quoted: text)`, which cuts a long cell
/// or header short (paths given on the command line are quoted whole).
package enum IngestMessage {
  static func alreadyUTF8(_ file: String, encoding: String) -> String {
    "'\(file)' is already UTF-8 (this is a UTF-8 character), so reading it as \(encoding) would "
      + "garble every accent: import it without --encoding"
  }

  static func answerToHiddenQuestion(_ id: String) -> String {
    "\(quoted: id) is answered although its 'show if' condition hides it"
  }

  static func checkFailed(_ id: String, _ message: String) -> String { "\(quoted: id): \(message)" }

  static func csvIssue(_ message: String) -> String { message }

  static func decimalComma(_ text: String, _ id: String) -> String {
    "\(quoted: text) uses a decimal comma for \(quoted: id); if the export writes numbers that way, import it with --decimal-comma"
  }

  static func duplicateColumn(_ header: String, _ id: String) -> String {
    "column \(quoted: header) is a second column for \(quoted: id)"
  }

  static func emptyFile(_ path: String) -> String { "'\(path)' is empty" }

  static func headerOnly(_ path: String) -> String { "'\(path)' has headers but no responses" }

  static func headerTooLarge(_ path: String, _ reason: String) -> String {
    "the header of '\(path)' cannot be read: \(reason); nothing was imported"
  }

  static func invalidDate(_ text: String, _ id: String, _ format: String) -> String {
    "\(quoted: text) is not a date for \(quoted: id) (expected \(format))"
  }

  static func invalidUTF8(_ position: CSVPosition) -> String {
    "this row is not UTF-8 text (at \(position)): save the file as UTF-8 (in Excel: CSV UTF-8), "
      + "or, if the whole file is in another encoding, import it with --encoding windows-1252 "
      + "or --encoding latin-1"
  }

  static func invalidNumber(_ text: String, _ id: String) -> String {
    "\(quoted: text) is not a number for \(quoted: id)"
  }

  static func missingColumn(_ id: String) -> String {
    "required question \(quoted: id) has no column in this file"
  }

  static func missingColumns(_ ids: [String]) -> String {
    let list =
      ids.count > 6
      ? ids.prefix(6).joined(separator: ", ") + " and \(ids.count - 6) more"
      : ids.joined(separator: ", ")
    return
      "\(ids.count) question\(ids.count == 1 ? " has" : "s have") no column in this file: \(list)"
  }

  static func notInteger(_ text: String, _ id: String) -> String {
    "\(quoted: text) is not a whole number for \(quoted: id)"
  }

  static func notUTF8(_ file: String, byte: UInt8, character: String) -> String {
    let hex = String(byte, radix: 16, uppercase: true)
    return "'\(file)' is not UTF-8: byte 0x\(hex) here is '\(character)' in Windows-1252, the "
      + "encoding of Excel's plain 'CSV' on Windows; save the file as UTF-8 (in Excel: Save As, "
      + "CSV UTF-8), or import it with --encoding windows-1252 (or latin-1)"
  }

  static func outOfRange(_ text: String, _ id: String, _ low: Double?, _ high: Double?) -> String {
    let bounds = [
      low.map { "at least \(JSONValue.format($0))" },
      high.map { "at most \(JSONValue.format($0))" },
    ]
    .compactMap { $0 }.joined(separator: " and ")
    return "\(text) is out of range for \(quoted: id) (must be \(bounds))"
  }

  static func raggedRow(_ count: Int, _ expected: Int) -> String {
    "this row has \(count) fields but the header has \(expected)"
  }

  static func requiredMissing(_ id: String) -> String {
    "required question \(quoted: id) is not answered"
  }

  static func timeZoneOverridden(_ zone: String, _ offsetMinutes: Int) -> String {
    let sign = offsetMinutes < 0 ? "-" : "+"
    let minutes = abs(offsetMinutes)
    let offset = sign + twoDigits(minutes / 60) + ":" + twoDigits(minutes % 60)
    return "the export says its timestamps are local times in '\(zone)'; they are read at "
      + "--timezone \(offset) instead, as asked (leave --timezone out to read them in '\(zone)', "
      + "daylight saving time included)"
  }

  static func unknownAnswer(_ text: String, _ id: String) -> String {
    "\(quoted: text) is not an answer of \(quoted: id)"
  }

  static func unknownColumn(_ header: String) -> String {
    "column \(quoted: header) matches no question of the survey and is ignored"
  }

  static func unknownMultipleAnswer(_ text: String, _ id: String) -> String {
    "\(quoted: text) is not an answer of \(quoted: id); if it is an 'other' answer, the question needs an 'other' line"
  }

  static func wrongPlatform(
    _ path: String, _ platform: Platform, _ problem: PlatformDetector.Mismatch
  )
    -> String
  {
    "'\(path)' is not a \(platform.displayName) export: \(problem.reason); nothing was imported"
  }

  static func unknownTimeZone(_ zone: String) -> String {
    "the export says its timestamps are in the time zone '\(zone)', which is not known here; "
      + "they are read as UTC: import with --timezone and the zone's offset (such as -07:00)"
  }

  static func unreadableChapter(_ text: String) -> String {
    "\(quoted: text) is not a chapter of the survey"
  }

  private static func twoDigits(_ value: Int) -> String {
    value < 10 ? "0\(value)" : String(value)
  }
}
