import Foundation
import Testing

@testable import SurveyIngest

/// Tests: parallel chunking.
@Suite("Parallel chunking")
struct CSVChunkerTests {
  /// A file full of traps for chunking: BOM, CRLF, quoted CRLF and LF line breaks, quoted
  /// delimiters and doubled quotes, blank lines, non-ASCII text, invalid UTF-8, NUL bytes,
  /// text after closing quotes, an oversized record and trailing blank lines.
  static func trickyFile(seed: UInt64) -> [UInt8] {
    var generator = SplitMix(seed: seed)
    var bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("id,text,score,note\r\n".utf8)
    let pieces = [
      "plain", "\"quoted, with comma\"", "\"multi\r\nline\r\nCRLF\"", "\"LF\nonly\"",
      "\"say \"\"hi\"\"\"", "café", "\"中文\n👍🏽\"", "\"a\"b", "", "\"\"", "12", "-3.5",
    ]
    for row in 0..<1_500 {
      var fields = ["\(row)"]
      for _ in 0..<3 { fields.append(pieces[Int(generator.next() % UInt64(pieces.count))]) }
      bytes += Array(fields.joined(separator: ",").utf8)
      switch generator.next() % 50 {
      case 0: bytes += [0xFF]
      case 1: bytes += [0x00]
      case 2: bytes += Array(",\"".utf8) + [UInt8](repeating: 0x78, count: 300) + [0x22]
      default: break
      }
      bytes += Array((generator.next() % 20 == 0 ? "\r\n\r\n" : "\r\n").utf8)
    }
    bytes += Array("\r\n\n".utf8)
    return bytes
  }

  /// Parses a plan's chunks in parallel and concatenates what the chunk readers produced.
  private func parallelResult(_ plan: CSVChunkPlan, options: CSVReaderOptions) throws
    -> CSVParallelOutcome<ReadResult>
  {
    try CSVChunker.parse(plan, options: options) { reader throws(CSVIOError) in
      do {
        return try readAll(reader)
      } catch let error as CSVIOError {
        throw error
      } catch {
        return ReadResult()
      }
    }
  }

  /// Parallel chunks give exactly the serial records and issues.
  @Test(
    "parallel chunks give exactly the serial records and issues",
    arguments: [1, 2, 3], [2, 3, 4, 7, 16])
  func parallelEqualsSerial(seed: UInt64, chunkCount: Int) throws {
    let directory = try TemporaryDirectory()
    let path = try directory.write("tricky.csv", Self.trickyFile(seed: seed))
    let options = CSVReaderOptions(bufferSize: 4_096, maxRecordBytes: 250)
    let serial = try readAll(try CSVReader(path: path, options: options))
    let plan = try CSVChunker.plan(
      path: path, chunkCount: chunkCount, minimumChunkBytes: 1, options: options)
    #expect(plan.serialFallbackReason == nil)
    #expect(plan.chunks.count == chunkCount)
    #expect(plan.chunks.first?.byteRange.lowerBound == 0)
    #expect(plan.chunks.last?.byteRange.upperBound == plan.fileSize)
    for (previous, next) in zip(plan.chunks, plan.chunks.dropFirst()) {
      #expect(previous.byteRange.upperBound == next.byteRange.lowerBound)
    }
    guard case .completed(let parts) = try parallelResult(plan, options: options) else {
      Issue.record("unexpected fallback")
      return
    }
    #expect(parts.flatMap(\.records) == serial.records)
    #expect(parts.flatMap(\.issues) == serial.issues)
    #expect(serial.records.count > 1_500)
    #expect(
      Set(serial.issues.map(\.kind)) == [
        .invalidUTF8, .nulByte, .textAfterClosingQuote, .recordTooLarge,
      ])
  }

  /// A cut inside a long quoted field moves past the whole record.
  @Test("a cut inside a long quoted field moves past the whole record")
  func cutInsideQuotedField() throws {
    let directory = try TemporaryDirectory()
    let head = "id,text\r\n1,\"" + String(repeating: "line, \"\"q\"\"\r\n", count: 5_000) + "\"\r\n"
    let text = head + String(repeating: "2,x\r\n", count: 100)
    let path = try directory.write("long.csv", Array(text.utf8))
    let plan = try CSVChunker.plan(path: path, chunkCount: 2, minimumChunkBytes: 1)
    #expect(plan.chunks.count == 2)
    #expect(plan.chunks.last?.byteRange.lowerBound == head.utf8.count)
    #expect(plan.chunks.last?.firstLine == 5_003)
    let serial = try readAll(try CSVReader(path: path))
    guard case .completed(let parts) = try parallelResult(plan, options: CSVReaderOptions()) else {
      Issue.record("unexpected fallback")
      return
    }
    #expect(parts.flatMap(\.records) == serial.records)
    #expect(serial.records.map(\.line).prefix(3) == [1, 2, 5_003])
  }

  /// Chunk starts carry the right line numbers.
  @Test("chunk starts carry the right line numbers")
  func chunkLines() throws {
    let directory = try TemporaryDirectory()
    let text = (1...400).map { "\($0),\"two\nlines\"\r\n" }.joined()
    let path = try directory.write("lines.csv", Array(text.utf8))
    let plan = try CSVChunker.plan(path: path, chunkCount: 5, minimumChunkBytes: 1)
    #expect(plan.chunks.count == 5)
    for chunk in plan.chunks {
      let reader = try CSVReader(
        path: path, byteRange: chunk.byteRange, firstLine: chunk.firstLine, dialect: plan.dialect)
      try #require(try reader.nextRecord())
      let number = try #require(reader.record.int(0))
      #expect(reader.record.line == 2 * number - 1)
      #expect(chunk.firstLine == 2 * number - 1)
    }
  }

  /// A stray quote in any chunk makes parsing signal the serial fallback.
  @Test("a stray quote in any chunk makes parsing signal the serial fallback")
  func strayQuote() throws {
    let directory = try TemporaryDirectory()
    let text = (1...200).map { $0 == 150 ? "\($0),15\" screen\n" : "\($0),\"ok\"\n" }.joined()
    let path = try directory.write("stray.csv", Array(text.utf8))
    let plan = try CSVChunker.plan(path: path, chunkCount: 2, minimumChunkBytes: 1)
    #expect(plan.chunks.count == 2)
    guard
      case .needsSerialFallback(let reason) = try parallelResult(plan, options: CSVReaderOptions())
    else {
      Issue.record("expected the fallback signal")
      return
    }
    #expect(
      reason == "stray quote in an unquoted field at line 150, column 7; "
        + "quote parity cannot locate record boundaries")
  }

  /// A stray quote that throws the quote parity off is caught, whatever the split.
  @Test("a stray quote that throws the quote parity off is caught, whatever the split")
  func strayQuoteBreakingParity() throws {
    let directory = try TemporaryDirectory()
    // After `x",y` the parity says "inside quotes" for the rest of the file, so the later cuts
    // land in the middle of records; the chunk containing the quote still sees it.
    let text = (1...300).map { $0 == 20 ? "\($0),x\",y\n" : "\($0),\"a\nb\",c\n" }.joined()
    let path = try directory.write("hidden.csv", Array(text.utf8))
    let plan = try CSVChunker.plan(path: path, chunkCount: 4, minimumChunkBytes: 1)
    #expect(!plan.requiresSerialReading)
    #expect(plan.chunks.count == 4)
    guard
      case .needsSerialFallback(let reason) = try parallelResult(plan, options: CSVReaderOptions())
    else {
      Issue.record("expected the fallback signal")
      return
    }
    #expect(reason.hasPrefix("stray quote in an unquoted field at line"))
  }

  /// A fatal sniffing problem makes the plan require serial reading.
  @Test("a fatal sniffing problem makes the plan require serial reading")
  func fatalSniff() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.write(
      "utf16.csv", [0xFF, 0xFE] + Array(repeating: 0x41, count: 4_000))
    let plan = try CSVChunker.plan(path: path, chunkCount: 2, minimumChunkBytes: 1)
    #expect(plan.serialFallbackReason == "file is UTF-16; save it as UTF-8")
  }

  /// Small files get a single chunk.
  @Test("small files get a single chunk")
  func smallFile() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.write("small.csv", Array("a,b\n1,2\n".utf8))
    let plan = try CSVChunker.plan(path: path, chunkCount: 4)
    #expect(plan.chunks == [CSVChunk(byteRange: 0..<8, firstLine: 1)])
    #expect(!plan.requiresSerialReading)
  }
}
