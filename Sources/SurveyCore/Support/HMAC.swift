/// HMAC message authentication (RFC 2104).
package enum HMAC {
  /// HMAC-SHA-256 of a message under a key (RFC 4231).
  ///
  /// - Parameters:
  ///   - key: The key, of any length; keys longer than 64 bytes are hashed first.
  ///   - message: The message.
  /// - Returns: The 32-byte authentication code.
  package static func sha256(key: some Sequence<UInt8>, message: some Sequence<UInt8>) -> [UInt8] {
    let blockSize = SHA256.blockByteCount
    var block = Array(key)
    if block.count > blockSize {
      block = SHA256.hash(block)
    }
    block += repeatElement(0, count: blockSize - block.count)
    var inner = SHA256()
    inner.update(bytes: block.map { $0 ^ 0x36 })
    inner.update(bytes: message)
    var outer = SHA256()
    outer.update(bytes: block.map { $0 ^ 0x5c })
    outer.update(bytes: inner.finalize())
    return outer.finalize()
  }
}
