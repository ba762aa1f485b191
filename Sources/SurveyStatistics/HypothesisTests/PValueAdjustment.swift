/// False-discovery-rate adjusted p values, as `scipy.stats.false_discovery_control` returns them.
///
/// Benjamini–Hochberg: sort the m p values, multiply the i-th smallest by `m/i`, take running
/// minima from the largest down and cap at 1. Benjamini–Yekutieli (for arbitrary dependence)
/// multiplies further by `Σ₁..ₘ 1/i`. Identical to R's `p.adjust(method = "BH" | "BY")`.
package enum PValueAdjustment {
  /// The adjustment method.
  package enum Method: String, Sendable, CaseIterable {
    /// Benjamini–Hochberg.
    case benjaminiHochberg
    /// Benjamini–Yekutieli.
    case benjaminiYekutieli
  }

  /// Adjusts p values, returned in the input order.
  ///
  /// - Parameters:
  ///   - pValues: The raw p values, each in [0, 1].
  ///   - method: BH (default) or BY.
  /// - Returns: The adjusted values (an empty or one-element input is returned unchanged), or
  ///   nil when a value lies outside [0, 1] or is NaN.
  /// - Complexity: O(m log m).
  package static func adjusted(
    _ pValues: [Double], method: Method = .benjaminiHochberg
  ) -> [Double]? {
    guard pValues.allSatisfy({ $0 >= 0 && $0 <= 1 }) else { return nil }
    let m = pValues.count
    guard m > 1 else { return pValues }
    let order = pValues.indices.sorted { pValues[$0] < pValues[$1] }
    var factor = 1.0
    if method == .benjaminiYekutieli {
      factor = (1...m).reduce(0.0) { $0 + 1 / Double($1) }
    }
    var adjusted = Array(repeating: 0.0, count: m)
    var running = Double.infinity
    for rank in stride(from: m, through: 1, by: -1) {
      let index = order[rank - 1]
      let value = pValues[index] * (Double(m) / Double(rank)) * factor
      running = min(running, value)
      adjusted[index] = min(1, running)
    }
    return adjusted
  }
}
