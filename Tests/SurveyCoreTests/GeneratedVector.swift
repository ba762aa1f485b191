import Testing

/// A long message produced by ``SplitMix64`` from a seed, with its digest from Python's hashlib.
struct GeneratedVector: Sendable, CustomTestStringConvertible {
  /// The generator's seed.
  let seed: UInt64
  /// The message length in bytes.
  let length: Int
  /// The expected digest in lower-case hex.
  let digest: String

  /// The seed and length, shown in test names.
  var testDescription: String { "seed \(seed), \(length) bytes" }
}
