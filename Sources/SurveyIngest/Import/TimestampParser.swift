import SurveyCore

/// Reads the timestamps and dates that survey platforms write.
///
/// Time-zone policy: a timestamp with an offset (`Z`, `+02:00`, `UTC+3`) is converted to UTC; one
/// without an offset is read in the time zone given at import (`--timezone`, default UTC).
package enum TimestampParser {
  /// Seconds since 1970 (UTC), or `nil` when the text is not a timestamp in a known format.
  ///
  /// Accepted: `2026-03-01T10:09:52Z`, `…T10:09:52.000+02:00`, `2026-03-01 10:09:52`,
  /// `2026/03/01 10:09:52 AM UTC+3` (Google Forms), `03/01/2026 10:09:52 AM` (SurveyMonkey),
  /// and a date alone.
  package static func seconds(_ text: String, defaultOffsetMinutes: Int = 0) -> Int? {
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
    return CivilTime(
      year: components.year, month: components.month, day: components.day, hour: hour,
      minute: minute,
      second: second
    ).seconds(offsetMinutes: offset ?? defaultOffsetMinutes)
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
