/// SHA-256 (FIPS 180-4), computed incrementally: create a hasher, pass the message to `update`
/// in pieces of any size, then call ``finalize()``.
///
/// Whole 64-byte blocks are compressed straight from the caller's buffer; only a trailing partial
/// block is copied into the hasher's fixed 64-byte buffer, so hashing does not allocate per block.
/// The type is a plain value: copying a hasher forks the computation.
package struct SHA256: Sendable {
  /// The digest length in bytes.
  package static let digestByteCount = 32
  /// The block length in bytes.
  package static let blockByteCount = 64

  /// The eight working hash words H0...H7.
  private var state: State = Self.initialState
  /// The partial block not yet compressed, as 64 bytes of storage.
  private var buffer: Block = (0, 0, 0, 0, 0, 0, 0, 0)
  /// How many bytes of `buffer` are in use (0..<64).
  private var bufferedCount = 0
  /// The message length so far in bytes, modulo 2^64.
  private var length: UInt64 = 0

  /// Creates a hasher for an empty message.
  package init() {}

  /// Adds bytes to the message.
  ///
  /// - Parameter bytes: The next bytes of the message; may be empty.
  package mutating func update(bytes: UnsafeRawBufferPointer) {
    guard var input = bytes.baseAddress, !bytes.isEmpty else { return }
    var remaining = bytes.count
    length &+= UInt64(truncatingIfNeeded: remaining)
    var words = state
    if bufferedCount > 0 {
      let taken = min(Self.blockByteCount - bufferedCount, remaining)
      let offset = bufferedCount
      withUnsafeMutableBytes(of: &buffer) { block in
        block.baseAddress?.advanced(by: offset).copyMemory(from: input, byteCount: taken)
      }
      bufferedCount += taken
      input += taken
      remaining -= taken
      if bufferedCount == Self.blockByteCount {
        withUnsafeBytes(of: buffer) { block in
          if let base = block.baseAddress { Self.compress(&words, base, blockCount: 1) }
        }
        bufferedCount = 0
      }
    }
    let wholeBlocks = remaining / Self.blockByteCount
    if wholeBlocks > 0 {
      Self.compress(&words, input, blockCount: wholeBlocks)
      input += wholeBlocks * Self.blockByteCount
      remaining -= wholeBlocks * Self.blockByteCount
    }
    if remaining > 0 {
      withUnsafeMutableBytes(of: &buffer) { block in
        block.baseAddress?.copyMemory(from: input, byteCount: remaining)
      }
      bufferedCount = remaining
    }
    state = words
  }

  /// Adds bytes to the message; contiguous collections (`[UInt8]`, `ArraySlice`, `Data`, a
  /// string's `utf8` view) are hashed in place, anything else is copied first.
  ///
  /// - Parameter bytes: The next bytes of the message.
  package mutating func update(bytes: some Sequence<UInt8>) {
    let done: Void? = bytes.withContiguousStorageIfAvailable { buffer in
      update(bytes: UnsafeRawBufferPointer(buffer))
    }
    if done == nil {
      Array(bytes).withUnsafeBytes { update(bytes: $0) }
    }
  }

  /// The digest of the message so far. The hasher itself is not changed, so more bytes can be
  /// added afterwards to compute the digest of a longer message.
  ///
  /// - Returns: The 32-byte digest.
  package func finalize() -> [UInt8] {
    var copy = self
    let bitLength = length &<< 3
    // 0x80, then zeros up to 56 bytes mod 64, then the bit length as a big-endian UInt64.
    let padding = (Self.blockByteCount + 55 - bufferedCount) % Self.blockByteCount + 1
    var tail: (Block, UInt64) = ((0x80, 0, 0, 0, 0, 0, 0, 0), 0)
    withUnsafeMutableBytes(of: &tail) { bytes in
      bytes.storeBytes(of: bitLength.bigEndian, toByteOffset: padding, as: UInt64.self)
      copy.update(bytes: UnsafeRawBufferPointer(rebasing: bytes[..<(padding + 8)]))
    }
    let words = copy.state
    var digest: [UInt8] = []
    digest.reserveCapacity(Self.digestByteCount)
    for word in [words.0, words.1, words.2, words.3, words.4, words.5, words.6, words.7] {
      digest.append(UInt8(truncatingIfNeeded: word &>> 24))
      digest.append(UInt8(truncatingIfNeeded: word &>> 16))
      digest.append(UInt8(truncatingIfNeeded: word &>> 8))
      digest.append(UInt8(truncatingIfNeeded: word))
    }
    return digest
  }

  /// The digest of a whole message.
  ///
  /// - Parameter bytes: The message.
  /// - Returns: The 32-byte digest.
  package static func hash(_ bytes: some Sequence<UInt8>) -> [UInt8] {
    var hasher = SHA256()
    hasher.update(bytes: bytes)
    return hasher.finalize()
  }

  /// Lower-case hexadecimal, two digits per byte, as `sha256sum` prints digests.
  ///
  /// - Parameter bytes: The bytes, usually a digest.
  /// - Returns: The hex string.
  package static func hex(_ bytes: some Sequence<UInt8>) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var text: [UInt8] = []
    text.reserveCapacity(bytes.underestimatedCount * 2)
    for byte in bytes {
      text.append(digits[Int(byte &>> 4)])
      text.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: text, as: UTF8.self)
  }
}

extension SHA256 {
  /// H0...H7 as a tuple, so the state lives inline in the struct.
  private typealias State = (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)
  /// 64 bytes of inline storage for a partial block.
  private typealias Block = (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)

  /// The initial hash value (FIPS 180-4 section 5.3.3).
  private static let initialState: State = (
    0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a,
    0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19
  )

  /// The round constants K0...K63 (FIPS 180-4 section 4.2.2).
  private static let roundConstants: [UInt32] = [
    0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4,
    0xab1c_5ed5, 0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe,
    0x9bdc_06a7, 0xc19b_f174, 0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f,
    0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da, 0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7,
    0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967, 0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc,
    0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85, 0xa2bf_e8a1, 0xa81a_664b,
    0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070, 0x19a4_c116,
    0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
    0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7,
    0xc671_78f2,
  ]

  /// Compresses `blockCount` consecutive 64-byte blocks starting at `data` into `state`.
  private static func compress(_ state: inout State, _ data: UnsafeRawPointer, blockCount: Int) {
    roundConstants.withUnsafeBufferPointer { constants in
      withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { schedule in
        var block = data
        for _ in 0..<blockCount {
          compressBlock(&state, block, constants, schedule)
          block += blockByteCount
        }
      }
    }
  }

  /// Compresses one block (FIPS 180-4 section 6.2.2).
  @inline(__always)
  private static func compressBlock(
    _ state: inout State,
    _ block: UnsafeRawPointer,
    _ k: UnsafeBufferPointer<UInt32>,
    _ w: UnsafeMutableBufferPointer<UInt32>
  ) {
    for t in 0..<16 {
      w[t] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: t &* 4, as: UInt32.self))
    }
    for t in 16..<64 {
      let w15 = w[t &- 15]
      let w2 = w[t &- 2]
      let sigma0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 &>> 3)
      let sigma1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 &>> 10)
      w[t] = w[t &- 16] &+ sigma0 &+ w[t &- 7] &+ sigma1
    }
    var (a, b, c, d, e, f, g, h) = state
    // Eight rounds per iteration with the roles of the working variables rotated in the
    // arguments, instead of shifting all eight variables after every round.
    for t in stride(from: 0, to: 64, by: 8) {
      round(a, b, c, &d, e, f, g, &h, k[t] &+ w[t])
      round(h, a, b, &c, d, e, f, &g, k[t &+ 1] &+ w[t &+ 1])
      round(g, h, a, &b, c, d, e, &f, k[t &+ 2] &+ w[t &+ 2])
      round(f, g, h, &a, b, c, d, &e, k[t &+ 3] &+ w[t &+ 3])
      round(e, f, g, &h, a, b, c, &d, k[t &+ 4] &+ w[t &+ 4])
      round(d, e, f, &g, h, a, b, &c, k[t &+ 5] &+ w[t &+ 5])
      round(c, d, e, &f, g, h, a, &b, k[t &+ 6] &+ w[t &+ 6])
      round(b, c, d, &e, f, g, h, &a, k[t &+ 7] &+ w[t &+ 7])
    }
    state = (
      state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d,
      state.4 &+ e, state.5 &+ f, state.6 &+ g, state.7 &+ h
    )
  }

  /// One round of FIPS 180-4 section 6.2.2 step 3, written so that the caller renames the
  /// working variables instead of moving them: adds T1 to `d` and sets `h` to T1 + T2.
  @inline(__always)
  private static func round(
    _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
    _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32,
    _ constantPlusWord: UInt32
  ) {
    let sum1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
    let choice = g ^ (e & (f ^ g))
    let temp1 = h &+ sum1 &+ choice &+ constantPlusWord
    let sum0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
    let majority = (a & b) | (c & (a | b))
    d = d &+ temp1
    h = temp1 &+ sum0 &+ majority
  }

  /// Rotates right by `count` bits (0 < count < 32).
  @inline(__always)
  private static func rotr(_ value: UInt32, _ count: UInt32) -> UInt32 {
    (value &>> count) | (value &<< (32 &- count))
  }
}
