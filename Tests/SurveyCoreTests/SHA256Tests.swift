import SurveyCore
import Testing

/// SHA-256 against NIST vectors, Python hashlib digests and split updates.
@Suite struct SHA256Tests {
  @Test(
    "NIST FIPS 180-4 example messages",
    arguments: [
      ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
      ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
      (
        "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
      ),
      (
        "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqr"
          + "lmnopqrsmnopqrstnopqrstu",
        "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
      ),
    ]
  )
  func nistMessage(message: String, digest: String) {
    #expect(SHA256.hex(SHA256.hash(message.utf8)) == digest)
  }

  @Test("one million 'a' (NIST), in one piece and in uneven pieces")
  func millionA() {
    let message = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
    let expected = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
    #expect(SHA256.hex(SHA256.hash(message)) == expected)

    var hasher = SHA256()
    var start = 0
    var piece = 1
    while start < message.count {
      let end = min(message.count, start + piece)
      hasher.update(bytes: message[start..<end])
      start = end
      piece = piece * 3 % 1001 + 1
    }
    #expect(SHA256.hex(hasher.finalize()) == expected)
  }

  @Test("random short messages match Python's hashlib", arguments: SHA256Vectors.embedded)
  func embeddedRandomMessage(vector: EmbeddedVector) throws {
    let message = try #require(Hex.bytes(vector.hexPieces.joined()))
    #expect(SHA256.hex(SHA256.hash(message)) == vector.digest)
  }

  @Test("random long messages match Python's hashlib", arguments: SHA256Vectors.generated)
  func generatedRandomMessage(vector: GeneratedVector) {
    let message = SplitMix64.bytes(seed: vector.seed, count: vector.length)
    #expect(message.count == vector.length)
    #expect(SHA256.hex(SHA256.hash(message)) == vector.digest)
  }

  @Test(
    "two updates split at every boundary equal one update",
    arguments: [0, 1, 55, 56, 63, 64, 65, 119, 127, 128, 129, 200]
  )
  func splitAtEveryBoundary(length: Int) {
    let message = SplitMix64.bytes(seed: UInt64(length) + 100, count: length)
    let expected = SHA256.hash(message)
    for split in 0...length {
      var hasher = SHA256()
      hasher.update(bytes: message[..<split])
      hasher.update(bytes: message[split...])
      #expect(hasher.finalize() == expected, "split at \(split)")
    }
  }

  @Test("three updates split at every pair of boundaries equal one update")
  func splitAtEveryPairOfBoundaries() {
    let message = SplitMix64.bytes(seed: 7, count: 140)
    let expected = SHA256.hash(message)
    for first in 0...message.count {
      for second in first...message.count {
        var hasher = SHA256()
        hasher.update(bytes: message[..<first])
        hasher.update(bytes: message[first..<second])
        hasher.update(bytes: message[second...])
        #expect(hasher.finalize() == expected, "split at \(first) and \(second)")
      }
    }
  }

  @Test("one byte at a time equals one update")
  func byteAtATime() {
    let message = SplitMix64.bytes(seed: 11, count: 300)
    var hasher = SHA256()
    for byte in message {
      hasher.update(bytes: [byte])
    }
    #expect(hasher.finalize() == SHA256.hash(message))
  }

  @Test("finalize leaves the hasher usable for a longer message")
  func finalizeDoesNotConsume() {
    var hasher = SHA256()
    hasher.update(bytes: "ab".utf8)
    let first = hasher.finalize()
    #expect(hasher.finalize() == first)
    #expect(first == SHA256.hash("ab".utf8))
    hasher.update(bytes: "c".utf8)
    #expect(SHA256.hex(hasher.finalize()) == SHA256.hex(SHA256.hash("abc".utf8)))
  }

  @Test("non-contiguous sequences hash like arrays")
  func nonContiguousSequence() {
    let lazyBytes = (0..<1000).lazy.map { UInt8(truncatingIfNeeded: $0 &* 7) }
    #expect(SHA256.hash(lazyBytes) == SHA256.hash(Array(lazyBytes)))
  }

  @Test("the digest is 32 bytes and hex is lower-case, two digits a byte")
  func digestShapeAndHex() {
    #expect(SHA256.hash([UInt8]()).count == SHA256.digestByteCount)
    #expect(SHA256.hex([0x00, 0x0a, 0xff, 0x5c]) == "000aff5c")
    #expect(SHA256.hex([UInt8]()) == "")
  }
}
