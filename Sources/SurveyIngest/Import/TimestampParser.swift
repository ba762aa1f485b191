import Foundation
import SurveyCore

/// Reads the timestamps and dates that survey platforms write.
///
/// Time-zone policy: a timestamp with an offset (`Z`, `+02:00`, `UTC+3`) is converted to UTC; one
/// without an offset is read in the time zone given at import (`--timezone`), else in the time
/// zone the export declares for its column (Qualtrics), else as UTC.
package enum TimestampParser {
  /// The common shape `YYYY-MM-DD[T ]HH:MM:SS` with an optional `Z` or `±HH:MM`, read straight
  /// from the bytes; nil for anything else (then ``seconds(_:defaultOffsetMinutes:)`` decides).
  package static func fastISO(_ bytes: UnsafeRawBufferPointer, defaultOffsetMinutes: Int = 0)
    -> Int?
  {
    guard bytes.count == 19 || bytes.count == 20 || bytes.count == 25 else { return nil }
    func digits(_ start: Int, _ count: Int) -> Int? {
      var value = 0
      for index in start..<(start + count) {
        let byte = bytes[index]
        guard byte >= 0x30, byte <= 0x39 else { return nil }
        value = value * 10 + Int(byte - 0x30)
      }
      return value
    }
    guard bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x54 || bytes[10] == 0x20,
      bytes[13] == 0x3A,
      bytes[16] == 0x3A, let year = digits(0, 4), let month = digits(5, 2), let day = digits(8, 2),
      let hour = digits(11, 2), let minute = digits(14, 2), let second = digits(17, 2),
      CivilDate.days(year: year, month: month, day: day) != nil, hour < 24, minute < 60, second < 61
    else { return nil }
    var offset = defaultOffsetMinutes
    if bytes.count == 20 {
      guard bytes[19] == 0x5A else { return nil }
      offset = 0
    } else if bytes.count == 25 {
      guard bytes[19] == 0x2B || bytes[19] == 0x2D, bytes[22] == 0x3A, let h = digits(20, 2),
        let m = digits(23, 2)
      else { return nil }
      offset = (bytes[19] == 0x2D ? -1 : 1) * (h * 60 + m)
    }
    return CivilTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
      .seconds(offsetMinutes: offset)
  }

  /// Seconds since 1970 (UTC), or `nil` when the text is not a timestamp in a known format.
  ///
  /// Accepted: `2026-03-01T10:09:52Z`, `…T10:09:52.000+02:00`, `2026-03-01 10:09:52`,
  /// `2026/03/01 10:09:52 AM UTC+3` (Google Forms), `03/01/2026 10:09:52 AM` (SurveyMonkey),
  /// and a date alone; a time without an offset is `defaultOffsetMinutes` from UTC.
  package static func seconds(_ text: String, defaultOffsetMinutes: Int = 0) -> Int? {
    guard let (time, offset) = civilTime(text) else { return nil }
    return time.seconds(offsetMinutes: offset ?? defaultOffsetMinutes)
  }

  /// Seconds since 1970 (UTC) of a timestamp written as a local time in `zone` (unless it
  /// carries its own offset), daylight saving time included. A local time that happens twice
  /// (when clocks go back) is read as the first; one that never happens (when they go forward)
  /// is read with the offset in force just before.
  package static func seconds(_ text: String, in zone: TimeZone) -> Int? {
    guard let (time, offset) = civilTime(text) else { return nil }
    if let offset { return time.seconds(offsetMinutes: offset) }
    guard let local = time.seconds(offsetMinutes: 0) else { return nil }
    let guess = zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(local)))
    let offsetSeconds = zone.secondsFromGMT(
      for: Date(timeIntervalSince1970: Double(local - guess)))
    return local - offsetSeconds
  }

  /// The civil time a timestamp writes, and its offset from UTC in minutes if it has one.
  private static func civilTime(_ text: String) -> (CivilTime, Int?)? {
    var rest = Substring(text.trimmingSpaces())
    guard !rest.isEmpty else { return nil }
    var offset: Int?
    if let range = rest.range(of: " UTC") ?? rest.range(of: " GMT") {
      offset = parseOffset(rest[range.upperBound...]) ?? 0
      rest = rest[..<range.lowerBound]
    }
    let (datePart, timePart) = split(rest)
    guard let date = date(datePart) else { return nil }
    var hour = 0
    var minute = 0
    var second = 0
    if var time = timePart {
      if offset == nil, let found = trailingOffset(&time) { offset = found }
      var meridiem: String?
      if time.hasSuffix(" AM") || time.hasSuffix(" PM") {
        meridiem = String(time.suffix(2))
        time = time.dropLast(3)
      }
      let pieces = time.split(separator: ":")
      guard pieces.count >= 2, let h = Int(pieces[0]), let m = Int(pieces[1]) else { return nil }
      hour = h
      minute = m
      if pieces.count > 2 { second = Int(pieces[2].prefix { $0.isNumber }) ?? 0 }
      if let meridiem {
        guard (1...12).contains(hour) else { return nil }
        hour = hour % 12 + (meridiem == "PM" ? 12 : 0)
      }
    }
    let components = CivilDate.components(ofDays: date)
    let time = CivilTime(
      year: components.year, month: components.month, day: components.day, hour: hour,
      minute: minute, second: second)
    return (time, offset)
  }

  /// A calendar date (days since 1970): `YYYY-MM-DD`, `YYYY/MM/DD`, or `MM/DD/YYYY`.
  package static func date(_ text: Substring) -> Int? {
    let trimmed = text.split(whereSeparator: { $0 == "T" || $0 == " " }).first ?? text
    if let days = CivilDate.parseISO(trimmed) { return days }
    let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 3, let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2])
    else {
      return nil
    }
    if parts[0].count == 4 { return CivilDate.days(year: a, month: b, day: c) }
    if parts[2].count == 4 { return CivilDate.days(year: c, month: a, day: b) }
    return nil
  }

  private static func split(_ text: Substring) -> (Substring, Substring?) {
    if let t = text.firstIndex(of: "T"), text.distance(from: text.startIndex, to: t) >= 8 {
      return (text[..<t], text[text.index(after: t)...])
    }
    guard let space = text.firstIndex(of: " ") else { return (text, nil) }
    return (text[..<space], text[text.index(after: space)...])
  }

  private static func trailingOffset(_ time: inout Substring) -> Int? {
    if time.hasSuffix("Z") {
      time = time.dropLast()
      return 0
    }
    guard let sign = time.lastIndex(where: { $0 == "+" || $0 == "-" }) else { return nil }
    let offset = parseOffset(time[sign...])
    if offset != nil { time = time[..<sign] }
    return offset
  }

  /// `+3`, `+03:00`, `-0530`.
  private static func parseOffset(_ text: Substring) -> Int? {
    guard let first = text.first, first == "+" || first == "-" else {
      return text.isEmpty ? 0 : nil
    }
    let digits = text.dropFirst().filter(\.isNumber)
    let hours: Int
    let minutes: Int
    if text.contains(":") {
      let pieces = text.dropFirst().split(separator: ":")
      guard let h = pieces.first.flatMap({ Int($0) }) else { return nil }
      hours = h
      minutes = pieces.count > 1 ? Int(pieces[1]) ?? 0 : 0
    } else if digits.count <= 2 {
      guard let h = Int(digits) else { return nil }
      hours = h
      minutes = 0
    } else {
      guard let value = Int(digits) else { return nil }
      hours = value / 100
      minutes = value % 100
    }
    guard hours <= 14, minutes < 60 else { return nil }
    return (first == "-" ? -1 : 1) * (hours * 60 + minutes)
  }

  /// Formats seconds as `YYYY-MM-DDTHH:MM:SSZ`.
  package static func iso(_ seconds: Int) -> String {
    let time = CivilTime(seconds: seconds)
    return time.date + "T" + time.time + "Z"
  }
}

extension String {
  /// The string without leading and trailing spaces, tabs and line breaks.
  package func trimmingSpaces() -> String {
    var scalars = Substring(self)
    while let first = scalars.first, first.isWhitespace { scalars = scalars.dropFirst() }
    while let last = scalars.last, last.isWhitespace { scalars = scalars.dropLast() }
    return String(scalars)
  }
}
