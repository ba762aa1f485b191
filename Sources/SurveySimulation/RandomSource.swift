import Foundation

/// A small, fast, seedable random generator (xoshiro256**, seeded with SplitMix64), so the same
/// seed gives the same synthetic answers on every machine.
package struct RandomSource: RandomNumberGenerator, Sendable {
  private var state: (UInt64, UInt64, UInt64, UInt64)

  /// A generator for a seed and a stream of labels (so each respondent gets its own stream,
  /// independent of the order in which respondents are generated).
  package init(seed: UInt64, stream: [UInt64] = []) {
    var mixer = seed
    for label in stream { mixer = Self.splitMix(mixer ^ (label &* 0x9E37_79B9_7F4A_7C15)) }
    var splitter = mixer
    state = (Self.next(&splitter), Self.next(&splitter), Self.next(&splitter), Self.next(&splitter))
  }

  /// The next 64 random bits.
  package mutating func next() -> UInt64 {
    let result = Self.rotate(state.1 &* 5, 7) &* 9
    let shifted = state.1 << 17
    state.2 ^= state.0
    state.3 ^= state.1
    state.1 ^= state.2
    state.0 ^= state.3
    state.2 ^= shifted
    state.3 = Self.rotate(state.3, 45)
    return result
  }

  /// A uniform number in [0, 1).
  package mutating func uniform() -> Double { Double(next() >> 11) * 0x1.0p-53 }

  /// A standard normal number (Box–Muller).
  package mutating func normal() -> Double {
    let u1 = max(uniform(), 1e-300)
    let u2 = uniform()
    return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
  }

  /// `true` with probability `p`.
  package mutating func chance(_ p: Double) -> Bool { uniform() < p }

  /// An index drawn with the given (non-negative) weights.
  package mutating func pick(weights: [Double]) -> Int {
    let total = weights.reduce(0, +)
    guard total > 0 else { return 0 }
    var target = uniform() * total
    for (index, weight) in weights.enumerated() {
      target -= weight
      if target < 0 { return index }
    }
    return max(0, weights.count - 1)
  }

  /// A whole number in a closed range.
  package mutating func integer(in range: ClosedRange<Int>) -> Int {
    let width = UInt64(range.upperBound - range.lowerBound) + 1
    return range.lowerBound + Int(next() % width)
  }

  private static func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

  private static func splitMix(_ value: UInt64) -> UInt64 {
    var z = value &+ 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  private static func next(_ state: inout UInt64) -> UInt64 {
    state = state &+ 0x9E37_79B9_7F4A_7C15
    return splitMix(state)
  }
}
