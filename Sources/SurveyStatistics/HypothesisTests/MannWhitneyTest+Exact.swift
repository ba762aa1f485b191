import Foundation

extension MannWhitneyTest {
  /// `P(U ≤ k)` under the null hypothesis for samples of sizes m ≤ n without ties.
  ///
  /// The number of arrangements with `U = u` is the coefficient of `qᵘ` in the Gaussian
  /// binomial `∏ᵢ₌₁..ₘ (1 − q^(n+i))/(1 − qⁱ)`. The product is formed term by term, truncated at
  /// degree k: dividing by `1 − qⁱ` is a running sum and multiplying by `1 − q^(n+i)` a shifted
  /// difference. Counts are exact integers in `Double` up to 2⁵³ and carry ~1e-15 relative
  /// error beyond.
  ///
  /// - Parameters:
  ///   - k: The upper limit of U (negative gives 0).
  ///   - m: The smaller sample size.
  ///   - n: The larger sample size.
  /// - Returns: The cumulative probability.
  /// - Complexity: O(m·k) time, O(k) memory.
  static func exactCDF(_ k: Int, m: Int, n: Int) -> Double {
    guard k >= 0, m >= 1 else { return k >= 0 ? 1 : 0 }
    let limit = min(k, m * n)
    var coefficients = Array(repeating: 0.0, count: limit + 1)
    coefficients[0] = 1
    var arrangements = 1.0
    for i in 1...m {
      arrangements = arrangements * Double(n + i) / Double(i)
      if i <= limit {
        for u in i...limit { coefficients[u] += coefficients[u - i] }
      }
      let shift = n + i
      if shift <= limit {
        for u in stride(from: limit, through: shift, by: -1) {
          coefficients[u] -= coefficients[u - shift]
        }
      }
    }
    return min(1, coefficients.reduce(0, +) / arrangements)
  }
}
