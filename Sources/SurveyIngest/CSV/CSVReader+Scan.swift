/// The tokenizer: a four-state machine with tight scan loops over the read buffer.
extension CSVReader {
  /// Runs the state machine from ``position`` until a record or blank line is complete or the
  /// buffer runs dry.
  ///
  /// All state lives in a local ``CSVScanRegisters`` value during the run and is written back on
  /// return, so the scan loops touch no class storage (and no closure captures force the state
  /// into memory). Returning ``CSVScanOutcome/needMore`` never consumes a byte whose meaning
  /// depends on bytes not yet read (a CR that may be followed by LF, a cut-off UTF-8 sequence),
  /// and no issue is ever reported twice, so scanning resumes exactly where it stopped after a
  /// refill.
  ///
  /// - Returns: What the run produced.
  /// - Complexity: O(*n*) in the bytes scanned.
  func scanRecord() -> CSVScanOutcome {
    // Bounds: `base` points at `capacity` bytes of which `0..<end` are initialised, and every
    // `base[i]` below is guarded by `i < end`. The tables hold 512 bytes and are indexed by a
    // byte value, plus 256 for the inside-quotes table.
    let base = UnsafePointer(buffer)
    let outside = UnsafePointer(classTable)
    let inside = outside + 256
    // Never look further than a few bytes past the record-size limit, so that an oversized
    // record is detected at the same byte whatever the buffer size.
    let end = min(fill, recordStart &+ recordScanLimit)
    let eof = atEOF && end == fill
    let delimiter = delimiterByte
    let quote = CSVByteClass.quoteByte
    var r = CSVScanRegisters(
      p: position, state: scanState, start: fieldStart, flags: fieldFlags, count: fieldCount,
      spans: spans, spanCapacity: spanCapacity, line: line, escapes: recordHasEscapes,
      recordBase: recordStart)
    defer {
      position = r.p
      scanState = r.state
      fieldStart = r.start
      fieldFlags = r.flags
      fieldCount = r.count
      line = r.line
      recordHasEscapes = r.escapes
    }

    outer: while true {
      switch r.state {
      case .fieldStart:
        guard r.p < end else {
          if !eof { return .needMore }
          if r.count == 0, r.p == r.recordBase { return .endOfInput }
          guard push(&r, r.p, r.p, 0) else { return .tooManyFields }
          return finishRecord(&r, at: r.p)
        }
        r.start = r.p
        if base[r.p] == quote {
          r.flags = CSVFieldSpan.quoted
          r.state = .quoted
          r.p &+= 1
          continue outer
        }
        r.flags = 0
        r.state = .unquoted
        fallthrough

      case .unquoted:
        var byteClass = CSVByteClass.plain
        var p = r.p
        if r.flags == 0, r.count < r.spanCapacity {
          byteClass = Self.scanPlainFields(
            base: base, table: outside, delimiter: delimiter, end: end, recordBase: r.recordBase,
            position: &p,
            fieldStart: &r.start, spans: r.spans, count: &r.count, spanCapacity: r.spanCapacity)
          if byteClass == CSVByteClass.quoteAtFieldStart {
            r.p = p
            r.state = .fieldStart
            continue outer
          }
        }
        while p < end {
          byteClass = outside[Int(base[p])]
          if byteClass == CSVByteClass.plain {
            p &+= 1
            continue
          }
          guard byteClass == CSVByteClass.delimiter else { break }
          guard push(&r, r.start, p, r.flags) else {
            r.p = p
            return .tooManyFields
          }
          p &+= 1
          r.start = p
          r.flags = 0
          if p < end, base[p] != quote { continue }
          r.p = p
          r.state = .fieldStart
          continue outer
        }
        r.p = p
        if p == end {
          if !eof { return .needMore }
          guard push(&r, r.start, p, r.flags) else { return .tooManyFields }
          return finishRecord(&r, at: p)
        }
        switch byteClass {
        case CSVByteClass.lineFeed, CSVByteClass.carriageReturn:
          let length = Self.lineEndingLength(base, at: p, end: end, atEnd: eof)
          if length == 0 { return .needMore }
          if r.count == 0, p == r.recordBase {
            r.p = p &+ length
            r.line &+= 1
            r.state = .fieldStart
            return .blankLine
          }
          guard push(&r, r.start, p, r.flags) else { return .tooManyFields }
          let outcome = finishRecord(&r, at: p)
          r.p = p &+ length
          r.line &+= 1
          return outcome
        case CSVByteClass.quote:
          sawStrayQuote = true
          reportOnce(.strayQuote, flag: CSVFieldSpan.reportedStrayQuote, &r)
          r.p &+= 1
        case CSVByteClass.nul:
          reportOnce(.nulByte, flag: CSVFieldSpan.reportedNUL, &r)
          r.p &+= 1
        default:
          if !validateNonASCII(&r, base: base, end: end, atEnd: eof) { return .needMore }
        }

      case .quoted:
        var byteClass = CSVByteClass.plain
        var p = r.p
        while true {
          // Skip eight plain bytes at a time; `p + 8 <= end` bounds the unaligned load.
          while p &+ 8 <= end {
            let special = CSVWordScan.specialQuotedBytes(
              UnsafeRawPointer(base + p).loadUnaligned(as: UInt64.self))
            if special != 0 {
              p &+= special.trailingZeroBitCount &>> 3
              break
            }
            p &+= 8
          }
          guard p < end else { break }
          byteClass = inside[Int(base[p])]
          if byteClass != CSVByteClass.plain { break }
          p &+= 1
        }
        r.p = p
        if p == end {
          if !eof { return .needMore }
          report(.unterminatedQuote, at: r.start)
          recordEndedInQuotes = true
          let first = r.flags & CSVFieldSpan.escaped != 0 ? r.start : r.start &+ 1
          guard push(&r, first, p, r.flags) else { return .tooManyFields }
          return finishRecord(&r, at: p)
        }
        switch byteClass {
        case CSVByteClass.quote:
          r.p &+= 1
          r.state = .quoteInQuoted
        case CSVByteClass.lineFeed, CSVByteClass.carriageReturn:
          let length = Self.lineEndingLength(base, at: p, end: end, atEnd: eof)
          if length == 0 { return .needMore }
          r.p &+= length
          r.line &+= 1
        case CSVByteClass.nul:
          reportOnce(.nulByte, flag: CSVFieldSpan.reportedNUL, &r)
          r.p &+= 1
        default:
          if !validateNonASCII(&r, base: base, end: end, atEnd: eof) { return .needMore }
        }

      case .quoteInQuoted:
        guard r.p < end else {
          if !eof { return .needMore }
          guard pushClosedQuotedField(&r) else { return .tooManyFields }
          return finishRecord(&r, at: r.p)
        }
        let byte = base[r.p]
        if byte == quote {
          r.flags |= CSVFieldSpan.escaped
          r.state = .quoted
          r.p &+= 1
        } else if byte == delimiter {
          guard pushClosedQuotedField(&r) else { return .tooManyFields }
          r.p &+= 1
          r.state = .fieldStart
        } else if byte == CSVByteClass.lineFeedByte || byte == CSVByteClass.carriageReturnByte {
          let length = Self.lineEndingLength(base, at: r.p, end: end, atEnd: eof)
          if length == 0 { return .needMore }
          guard pushClosedQuotedField(&r) else { return .tooManyFields }
          let outcome = finishRecord(&r, at: r.p)
          r.p &+= length
          r.line &+= 1
          return outcome
        } else {
          report(.textAfterClosingQuote, at: r.p)
          r.flags |= CSVFieldSpan.escaped
          r.state = .unquoted
        }
      }
    }
  }

  /// The length of the line ending whose first byte, CR or LF, is at `index`.
  ///
  /// - Parameters:
  ///   - base: The buffer.
  ///   - index: The position of the CR or LF; less than `end`.
  ///   - end: The end of the initialised bytes.
  ///   - atEnd: Whether no input follows `end`.
  /// - Returns: 2 for CRLF, 1 for a lone LF or CR, or 0 when a CR is the last byte read and the
  ///   next byte is still unknown.
  @inline(__always)
  static func lineEndingLength(
    _ base: UnsafePointer<UInt8>, at index: Int, end: Int, atEnd: Bool
  ) -> Int {
    // `index < end`, and `index + 1` is read only when it is below `end` too.
    guard base[index] == CSVByteClass.carriageReturnByte else { return 1 }
    if index &+ 1 < end {
      return base[index &+ 1] == CSVByteClass.lineFeedByte ? 2 : 1
    }
    return atEnd ? 1 : 0
  }
}

extension CSVReader {
  @inline(__always)
  private func push(_ r: inout CSVScanRegisters, _ first: Int, _ stop: Int, _ flags: UInt32) -> Bool
  {
    if r.count == r.spanCapacity {
      guard growSpans(count: r.count) else { return false }
      r.spans = spans
      r.spanCapacity = spanCapacity
    }
    // `count < spanCapacity`, the number of spans allocated.
    r.spans[r.count] = CSVFieldSpan(
      start: Int32(truncatingIfNeeded: first &- r.recordBase),
      end: Int32(truncatingIfNeeded: stop &- r.recordBase), flags: flags)
    r.count &+= 1
    if flags & CSVFieldSpan.escaped != 0 { r.escapes = true }
    return true
  }

  @inline(__always)
  private func pushClosedQuotedField(_ r: inout CSVScanRegisters) -> Bool {
    r.flags & CSVFieldSpan.escaped != 0
      ? push(&r, r.start, r.p, r.flags) : push(&r, r.start &+ 1, r.p &- 1, r.flags)
  }

  @inline(__always)
  private func finishRecord(_ r: inout CSVScanRegisters, at stop: Int) -> CSVScanOutcome {
    recordEnd = stop
    r.state = .fieldStart
    return .record
  }

  private func reportOnce(_ kind: CSVIssue.Kind, flag: UInt32, _ r: inout CSVScanRegisters) {
    if r.flags & flag == 0 {
      r.flags |= flag
      report(kind, at: r.p)
    }
  }

  @inline(__always)
  private func validateNonASCII(
    _ r: inout CSVScanRegisters, base: UnsafePointer<UInt8>, end: Int, atEnd: Bool
  ) -> Bool {
    let length = CSVUTF8.sequenceLength(at: base + r.p, available: end &- r.p, atEnd: atEnd)
    if length > 0 {
      r.p &+= length
    } else if length == 0 {
      return false
    } else {
      reportOnce(.invalidUTF8, flag: CSVFieldSpan.reportedInvalidUTF8, &r)
      r.p &+= 1
    }
    return true
  }
}
