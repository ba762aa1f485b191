/// The SplitMix64 generator, matching `splitmix_bytes` in Scripts/make_sha256_vectors.py, so that
/// long test messages need not be stored.
struct SplitMix64 {
  /// The generator's state.
  private var state: UInt64

  /// Creates a generator.
  ///
  /// - Parameter seed: The starting state.
  init(seed: UInt64) {
    state = seed
  }

  /// The next 64-bit output.
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// `count` bytes: each output in little-endian order, the last one cut short.
  ///
  /// - Parameters:
  ///   - seed: The starting state.
  ///   - count: How many bytes to produce.
  static func bytes(seed: UInt64, count: Int) -> [UInt8] {
    var generator = SplitMix64(seed: seed)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(count + 8)
    while bytes.count < count {
      let word = generator.next()
      for shift in stride(from: 0, to: 64, by: 8) {
        bytes.append(UInt8(truncatingIfNeeded: word >> UInt64(shift)))
      }
    }
    return Array(bytes.prefix(count))
  }
}
