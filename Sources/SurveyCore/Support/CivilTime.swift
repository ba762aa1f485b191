/// A moment as seconds since 1970-01-01 00:00:00 UTC, split and formatted without Foundation.
package struct CivilTime: Sendable, Hashable {
  /// The calendar date.
  package var year: Int
  /// 1–12.
  package var month: Int
  /// 1–31.
  package var day: Int
  /// 0–23.
  package var hour: Int
  /// 0–59.
  package var minute: Int
  /// 0–59.
  package var second: Int

  /// The civil time of a moment, shifted by an offset from UTC.
  package init(seconds: Int, offsetMinutes: Int = 0) {
    let shifted = seconds + offsetMinutes * 60
    let days = shifted >= 0 ? shifted / 86_400 : (shifted - 86_399) / 86_400
    let rest = shifted - days * 86_400
    (year, month, day) = CivilDate.components(ofDays: days)
    hour = rest / 3600
    minute = rest % 3600 / 60
    second = rest % 60
  }

  /// Creates a civil time from its parts.
  package init(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
    self.year = year
    self.month = month
    self.day = day
    self.hour = hour
    self.minute = minute
    self.second = second
  }

  /// Seconds since the epoch, reading these parts as local time at an offset from UTC; `nil`
  /// when the parts do not form a valid time.
  package func seconds(offsetMinutes: Int = 0) -> Int? {
    guard let days = CivilDate.days(year: year, month: month, day: day), (0...23).contains(hour),
      (0...59).contains(minute), (0...60).contains(second)
    else { return nil }
    return days * 86_400 + hour * 3600 + minute * 60 + min(second, 59) - offsetMinutes * 60
  }

  /// `YYYY-MM-DD`.
  package var date: String {
    CivilDate.iso(CivilDate.days(year: year, month: month, day: day) ?? 0)
  }

  /// `HH:MM:SS`.
  package var time: String { Self.pad(hour) + ":" + Self.pad(minute) + ":" + Self.pad(second) }

  /// The hour on a 12-hour clock with AM or PM: `10:09:52 AM`.
  package var time12: String {
    let twelve = hour % 12 == 0 ? 12 : hour % 12
    return "\(twelve):" + Self.pad(minute) + ":" + Self.pad(second) + (hour < 12 ? " AM" : " PM")
  }

  /// Two digits.
  package static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
