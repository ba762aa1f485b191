import Testing

/// A short message given as hex pieces, with its SHA-256 digest from Python's hashlib.
struct EmbeddedVector: Sendable, CustomTestStringConvertible {
  /// The message in hex, split into pieces so source lines stay short.
  let hexPieces: [String]
  /// The expected digest in lower-case hex.
  let digest: String

  /// The message length, shown in test names.
  var testDescription: String { "\(hexPieces.joined().count / 2) bytes" }
}
