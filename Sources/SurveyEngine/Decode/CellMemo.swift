/// Remembers what each distinct cell text of a column decoded to: an export repeats a handful of
/// texts per column (codes, labels, option lists), so each is decoded once.
///
/// Open addressing over FNV-1a hashes of the bytes; the texts are kept in one arena. Once
/// ``limit`` texts are known the table stops growing (a column of free text gets no benefit
/// from it, and must not cost memory that grows with the file).
struct CellMemo {
  private var slots: [Slot]
  private var mask: Int
  private var arena: [UInt8] = []
  private(set) var count = 0
  let limit: Int

  private struct Slot {
    var hash: UInt64 = 0
    var start: Int32 = 0
    var length: Int32 = -1
    var value: Int32 = 0
  }

  init(limit: Int = 4096) {
    self.limit = limit
    slots = Array(repeating: Slot(), count: 64)
    mask = 63
  }

  /// The value remembered for a text, if any.
  func value(for bytes: UnsafeRawBufferPointer, hash: UInt64) -> Int32? {
    var index = Int(truncatingIfNeeded: hash) & mask
    return slots.withUnsafeBufferPointer { slots in
      arena.withUnsafeBytes { arena in
        while true {
          // `index & mask < slots.count`.
          let slot = slots[index]
          if slot.length < 0 { return nil }
          if slot.hash == hash, Int(slot.length) == bytes.count,
            Self.equal(arena, Int(slot.start), bytes)
          {
            return slot.value
          }
          index = (index &+ 1) & mask
        }
      }
    }
  }

  /// Remembers a value for a text (unless the table is full).
  mutating func insert(_ bytes: UnsafeRawBufferPointer, hash: UInt64, value: Int32) {
    guard count < limit else { return }
    if (count + 1) * 2 > slots.count { grow() }
    var index = Int(truncatingIfNeeded: hash) & mask
    while slots[index].length >= 0 { index = (index &+ 1) & mask }
    slots[index] = Slot(
      hash: hash, start: Int32(truncatingIfNeeded: arena.count),
      length: Int32(truncatingIfNeeded: bytes.count), value: value)
    arena.append(contentsOf: bytes)
    count += 1
  }

  /// FNV-1a over the bytes.
  static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01B3
    }
    return hash
  }

  private static func equal(
    _ arena: UnsafeRawBufferPointer, _ start: Int, _ bytes: UnsafeRawBufferPointer
  )
    -> Bool
  {
    guard start + bytes.count <= arena.count else { return false }
    var offset = 0
    while offset < bytes.count {
      if arena[start + offset] != bytes[offset] { return false }
      offset += 1
    }
    return true
  }

  private mutating func grow() {
    let old = slots
    slots = Array(repeating: Slot(), count: old.count * 2)
    mask = slots.count - 1
    for slot in old where slot.length >= 0 {
      var index = Int(truncatingIfNeeded: slot.hash) & mask
      while slots[index].length >= 0 { index = (index &+ 1) & mask }
      slots[index] = slot
    }
  }
}
