/// Calendar dates as day numbers (days since 1970-01-01), without Foundation or time zones.
package enum CivilDate {
  /// The day number of a proleptic Gregorian date, or `nil` if the date does not exist.
  ///
  /// - Complexity: O(1) (Howard Hinnant's `days_from_civil`).
  package static func days(year: Int, month: Int, day: Int) -> Int? {
    guard (1...12).contains(month), day >= 1, day <= daysInMonth(year: year, month: month),
      (-100_000...100_000).contains(year)
    else { return nil }
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let shiftedMonth = month > 2 ? month - 3 : month + 9
    let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// The year, month and day of a day number.
  package static func components(ofDays days: Int) -> (year: Int, month: Int, day: Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let shiftedMonth = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
    let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  /// Parses `YYYY-MM-DD` into a day number.
  package static func parseISO(_ text: some StringProtocol) -> Int? {
    // `YYYY-MM-DD` read byte by byte (this runs once per stored response in a report).
    var fields = (year: 0, month: 0, day: 0)
    var offset = 0
    for byte in text.utf8 {
      switch offset {
      case 4, 7:
        guard byte == UInt8(ascii: "-") else { return nil }
      case 0..<10:
        guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
        let digit = Int(byte - UInt8(ascii: "0"))
        if offset < 4 {
          fields.year = fields.year * 10 + digit
        } else if offset < 7 {
          fields.month = fields.month * 10 + digit
        } else {
          fields.day = fields.day * 10 + digit
        }
      default: return nil
      }
      offset += 1
    }
    guard offset == 10 else { return nil }
    return days(year: fields.year, month: fields.month, day: fields.day)
  }

  /// Formats a day number as `YYYY-MM-DD`.
  package static func iso(_ days: Int) -> String {
    let (year, month, day) = components(ofDays: days)
    func pad(_ value: Int, _ width: Int) -> String {
      let text = String(value)
      return String(repeating: "0", count: max(0, width - text.count)) + text
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }

  /// The number of days in a month.
  package static func daysInMonth(year: Int, month: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }
}
