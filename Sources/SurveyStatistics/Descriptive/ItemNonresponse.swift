/// The item-nonresponse rate: the share of eligible respondents who gave no substantive answer.
///
/// Non-substantive codes ("prefer not to say", "don't know", blank) count as missing and are
/// kept out of every substantive denominator; this rate is reported next to the indicator.
package enum ItemNonresponse {
  /// The nonresponse rate `missing / (answered + missing)`.
  ///
  /// - Parameters:
  ///   - answered: The number of substantive answers (≥ 0).
  ///   - missing: The number of missing or non-substantive answers (≥ 0).
  /// - Returns: The rate in [0, 1], or nil when there is nobody to count or a count is negative.
  /// - Complexity: O(1).
  package static func rate(answered: Int, missing: Int) -> Double? {
    guard answered >= 0, missing >= 0, answered + missing > 0 else { return nil }
    return Double(missing) / Double(answered + missing)
  }
}
