import Foundation

@testable import SurveyStatistics

/// `References/groups.csv` and `References/groups.json`, written by
/// `References/groups_reference.R` with R's `stats` and `survey` packages.
struct GroupData {
  /// One respondent row.
  struct Row {
    var chapter: String
    var wave: Int
    var person: String
    var weight: Double
    var score: Double?
    var flag: Double?
    var item: Int?
    var exposed: Double?
    var index: Double?
  }

  let rows: [Row]
  let reference: [String: Any]

  static var shared: GroupData? { load() }

  static func load() -> GroupData? {
    guard
      let csvURL = Bundle.module.url(
        forResource: "groups", withExtension: "csv", subdirectory: "References"),
      let jsonURL = Bundle.module.url(
        forResource: "groups", withExtension: "json", subdirectory: "References"),
      let text = try? String(contentsOf: csvURL, encoding: .utf8),
      let data = try? Data(contentsOf: jsonURL),
      let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    else { return nil }
    let rows = text.split(separator: "\n").dropFirst().compactMap { line -> Row? in
      let cells = line.split(separator: ",", omittingEmptySubsequences: false).map {
        $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"\r"))
      }
      guard cells.count == 9, let wave = Int(cells[1]), let weight = Double(cells[3]) else {
        return nil
      }
      return Row(
        chapter: cells[0], wave: wave, person: cells[2], weight: weight, score: Double(cells[4]),
        flag: Double(cells[5]), item: Int(cells[6]), exposed: Double(cells[7]),
        index: Double(cells[8]))
    }
    return GroupData(rows: rows, reference: json)
  }

  /// Rows of a chapter (nil: every chapter) in a wave.
  func rows(chapter: String?, wave: Int) -> [Row] {
    rows.filter { $0.wave == wave && (chapter == nil || $0.chapter == chapter) }
  }

  /// An indicator accumulator over one variable of some rows.
  static func accumulate(_ rows: [Row], _ value: (Row) -> Double?) -> IndicatorAccumulator {
    var accumulator = IndicatorAccumulator()
    for row in rows { accumulator.add(value(row), weight: row.weight) }
    return accumulator
  }

  /// A histogram of item codes.
  static func items(_ rows: [Row]) -> CodeHistogram {
    CodeHistogram(codes: rows.map(\.item))
  }
}

/// Reads a number (or nil for JSON null) at a path of keys.
func number(_ object: Any?, _ keys: String...) -> Double? {
  var current = object
  for key in keys { current = (current as? [String: Any])?[key] }
  return (current as? NSNumber)?.doubleValue
}

/// Reads a list of objects.
func list(_ object: Any?, _ key: String) -> [[String: Any]] {
  ((object as? [String: Any])?[key] as? [Any])?.compactMap { $0 as? [String: Any] } ?? []
}
