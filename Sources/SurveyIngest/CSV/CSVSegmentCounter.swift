/// Pass 1 of chunk planning: counts quotes and line breaks in a segment, eight bytes at a time.
///
/// Line breaks are counted as the reader counts lines: every CR, and every LF not preceded by a
/// CR (so a CRLF split between two segments still counts once). Counts are added up per byte
/// lane in a word and folded into the totals every 100 words, before a lane (which gains at
/// most 2 per word) can overflow; this avoids a population count per word, which baseline
/// x86-64 lacks as an instruction.
struct CSVSegmentCounter {
  /// The number of `"` bytes seen.
  private(set) var quotes = 0
  /// The number of line breaks seen.
  private(set) var lineBreaks = 0
  private var previous: UInt8

  /// Creates a counter.
  ///
  /// - Parameter previous: The byte before the segment, or LF at the start of the file.
  init(previous: UInt8) {
    self.previous = previous
  }

  /// Counts the next bytes of the segment.
  ///
  /// - Parameter bytes: The bytes, following those already counted.
  mutating func count(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let base = bytes.baseAddress else { return }
    let quoteWord = CSVWordScan.broadcast(CSVByteClass.quoteByte)
    let lineFeedWord = CSVWordScan.broadcast(CSVByteClass.lineFeedByte)
    let carriageReturnWord = CSVWordScan.broadcast(CSVByteClass.carriageReturnByte)
    var quoteLanes: UInt64 = 0
    var lineLanes: UInt64 = 0
    var wordsInLanes = 0
    var index = 0
    // Whole words: `index + 8 <= bytes.count` bounds the unaligned load.
    while index &+ 8 <= bytes.count {
      let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
      index &+= 8
      quoteLanes &+= Self.exactlyEqualBytes(word, quoteWord) &>> 7
      // Most words have no byte below 0x0E, hence no CR or LF: skip the exact counting.
      if (word &- CSVWordScan.broadcast(0x0E)) & ~word & CSVWordScan.highBits != 0 {
        let carriageReturns = Self.exactlyEqualBytes(word, carriageReturnWord)
        let lineFeeds = Self.exactlyEqualBytes(word, lineFeedWord)
        let carriedIn: UInt64 = previous == CSVByteClass.carriageReturnByte ? 0x80 : 0
        let afterCarriageReturn = (carriageReturns << 8) | carriedIn
        lineLanes &+= (carriageReturns &>> 7) &+ ((lineFeeds & ~afterCarriageReturn) &>> 7)
      }
      previous = UInt8(truncatingIfNeeded: word >> 56)
      wordsInLanes &+= 1
      if wordsInLanes == 100 {
        quotes &+= Self.sumOfLanes(quoteLanes)
        lineBreaks &+= Self.sumOfLanes(lineLanes)
        quoteLanes = 0
        lineLanes = 0
        wordsInLanes = 0
      }
    }
    quotes &+= Self.sumOfLanes(quoteLanes)
    lineBreaks &+= Self.sumOfLanes(lineLanes)
    while index < bytes.count {
      let byte = base[index]
      if byte == CSVByteClass.quoteByte {
        quotes &+= 1
      } else if byte == CSVByteClass.carriageReturnByte
        || (byte == CSVByteClass.lineFeedByte && previous != CSVByteClass.carriageReturnByte)
      {
        lineBreaks &+= 1
      }
      previous = byte
      index &+= 1
    }
  }
}

extension CSVSegmentCounter {
  /// Like ``CSVWordScan/equalBytes(_:_:)`` but without false positives, for counting.
  private static func exactlyEqualBytes(_ word: UInt64, _ pattern: UInt64) -> UInt64 {
    let lowBits: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    let difference = word ^ pattern
    return ~(((difference & lowBits) &+ lowBits) | difference) & CSVWordScan.highBits
  }

  /// Adds up the eight byte lanes of a word (each at most 255).
  private static func sumOfLanes(_ lanes: UInt64) -> Int {
    let pairs = (lanes & 0x00FF_00FF_00FF_00FF) &+ ((lanes &>> 8) & 0x00FF_00FF_00FF_00FF)
    return Int(truncatingIfNeeded: (pairs &* 0x0001_0001_0001_0001) &>> 48)
  }
}
