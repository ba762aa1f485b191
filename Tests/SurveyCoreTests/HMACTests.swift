import SurveyCore
import Testing

/// HMAC-SHA-256 against RFC 4231.
@Suite struct HMACTests {
  @Test(
    "RFC 4231 test cases 1-4, 6 and 7",
    arguments: [
      (
        "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", Array("Hi There".utf8),
        "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"
      ),
      (
        "4a656665", Array("what do ya want for nothing?".utf8),
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
      ),
      (
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", [UInt8](repeating: 0xdd, count: 50),
        "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"
      ),
      (
        "0102030405060708090a0b0c0d0e0f10111213141516171819", [UInt8](repeating: 0xcd, count: 50),
        "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"
      ),
      (
        String(repeating: "aa", count: 131),
        Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
        "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
      ),
      (
        String(repeating: "aa", count: 131),
        Array(
          ("This is a test using a larger than block-size key and a larger than block-size data. "
            + "The key needs to be hashed before being used by the HMAC algorithm.").utf8),
        "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"
      ),
    ]
  )
  func rfc4231(keyHex: String, message: [UInt8], mac: String) throws {
    let key = try #require(Hex.bytes(keyHex))
    #expect(SHA256.hex(HMAC.sha256(key: key, message: message)) == mac)
  }

  @Test("RFC 4231 test case 5, truncated to 128 bits")
  func rfc4231Truncated() {
    let key = [UInt8](repeating: 0x0c, count: 20)
    let mac = HMAC.sha256(key: key, message: "Test With Truncation".utf8)
    #expect(SHA256.hex(mac.prefix(16)) == "a3b6167473100ee06e0c796c2955552b")
    #expect(mac.count == 32)
  }

  @Test("a key of exactly one block is used as is, one byte more is hashed first")
  func keyLengthBoundary() {
    let message = Array("message".utf8)
    let blockKey = [UInt8](repeating: 0x42, count: 64)
    let longKey = blockKey + [0x42]
    #expect(
      HMAC.sha256(key: longKey, message: message)
        == HMAC.sha256(key: SHA256.hash(longKey), message: message))
    #expect(
      HMAC.sha256(key: blockKey, message: message)
        != HMAC.sha256(key: SHA256.hash(blockKey), message: message))
  }
}
