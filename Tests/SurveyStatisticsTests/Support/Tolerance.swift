import Foundation
import Testing

/// Comparison helpers that also record the error seen, for the per-family report.
///
/// Set `SURVEY_STATS_REPORT_ERRORS=1` to print one `ERROR <family> <error>` line per comparison;
/// the relative error is used, or the absolute error when the reference is (nearly) zero.
enum Tolerance {
  /// Distribution functions against scipy and R.
  static let distribution = 1e-10
  /// Closed-form statistics.
  static let statistic = 1e-9
  /// Absolute floor below which a reference value counts as zero.
  static let zeroFloor = 1e-14

  static let reporting = ProcessInfo.processInfo.environment["SURVEY_STATS_REPORT_ERRORS"] != nil

  /// The relative error, or the absolute error for references below `floor`.
  static func error(_ actual: Double, _ expected: Double, floor: Double = zeroFloor) -> Double {
    if actual == expected { return 0 }
    if actual.isNaN || expected.isNaN { return .infinity }
    let difference = abs(actual - expected)
    return abs(expected) < floor ? difference : difference / abs(expected)
  }
}

/// Expects `actual` to match `expected` within a relative tolerance.
func expectClose(
  _ actual: Double?, _ expected: Double?, tolerance: Double = Tolerance.statistic,
  floor: Double = Tolerance.zeroFloor, family: String, _ label: @autoclosure () -> String = "",
  sourceLocation: SourceLocation = #_sourceLocation
) {
  guard let expected else {
    #expect(actual == nil, "\(family) \(label()): expected nil", sourceLocation: sourceLocation)
    return
  }
  guard let actual else {
    Issue.record(
      "\(family) \(label()): got nil, expected \(expected)", sourceLocation: sourceLocation)
    return
  }
  let error = Tolerance.error(actual, expected, floor: floor)
  if Tolerance.reporting { print("ERROR \(family) \(error)") }
  #expect(
    error <= tolerance,
    "\(family) \(label()): got \(actual), expected \(expected), error \(error)",
    sourceLocation: sourceLocation)
}
