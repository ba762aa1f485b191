/// Skipping records over the size or field-count limit without buffering them.
extension CSVReader {
  /// What one run of the skip scanner found.
  enum SkipOutcome {
    /// The oversized record ended at a line ending.
    case recordEnded
    /// The buffer ran dry.
    case needMore
    /// The input ended.
    case endOfInput
  }

  /// Skips the rest of the current record and reports it as too large.
  ///
  /// Issues already found inside the record are withdrawn: the record-size issue replaces
  /// them. Continues the tokenizer's state machine from where it stopped, storing no fields and
  /// dropping every buffer-full once scanned, so memory stays at the buffer's size however long
  /// the record is.
  ///
  /// - Parameter tooManyFields: Whether the field-count limit, not the size limit, was hit.
  /// - Throws: ``CSVIOError/cannotRead(path:errno:)`` when reading fails.
  func skipOversizedRecord(tooManyFields: Bool) throws(CSVIOError) {
    let startLine = recordLine
    var outcome = SkipOutcome.needMore
    while true {
      recordStart = position
      outcome = skipScan()
      if outcome != .needMore { break }
      try refill()
    }
    let endedInQuotes = outcome == .endOfInput && scanState == .quoted
    let endLine = outcome == .recordEnded ? line - 1 : line
    discardRecordIssues()
    appendIssue(
      .recordTooLarge(
        line: startLine, endLine: endLine, limit: limitDescription(tooManyFields: tooManyFields),
        endedInQuotes: endedInQuotes))
  }

  /// Reports a record that was complete in the buffer but is longer than the limit.
  func reportCompletedOversizedRecord() {
    let endLine = CSVTextLocator.position(
      of: recordEnd - recordStart, in: buffer + recordStart, length: recordEnd - recordStart,
      firstLine: recordLine
    ).line
    discardRecordIssues()
    appendIssue(
      .recordTooLarge(
        line: recordLine, endLine: endLine, limit: limitDescription(tooManyFields: false),
        endedInQuotes: recordEndedInQuotes))
  }
}

extension CSVReader {
  /// Drops the issues found inside the oversized record, so that what is reported does not
  /// depend on how much of it happened to be scanned before the limit was noticed.
  private func discardRecordIssues() {
    issues.removeSubrange(min(recordIssueMark, issues.count)...)
    suppressedIssueCount = recordSuppressedMark
  }

  private func limitDescription(tooManyFields: Bool) -> String {
    tooManyFields ? "the limit of \(maxFields) fields" : "the \(maxRecordBytes)-byte limit"
  }

  private func skipScan() -> SkipOutcome {
    // Every `base[i]` is guarded by `i < end`, the end of the initialised bytes.
    let base = UnsafePointer(buffer)
    let end = fill
    let eof = atEOF
    let delimiter = delimiterByte
    let quote = CSVByteClass.quoteByte
    var p = position
    var state = scanState
    var lineNumber = line
    defer {
      position = p
      scanState = state
      line = lineNumber
    }
    while p < end {
      let byte = base[p]
      let isLineEnd = byte == CSVByteClass.lineFeedByte || byte == CSVByteClass.carriageReturnByte
      switch state {
      case .fieldStart:
        if byte == quote {
          state = .quoted
          p &+= 1
        } else {
          state = .unquoted
        }
      case .unquoted:
        if byte == delimiter {
          state = .fieldStart
          p &+= 1
        } else if isLineEnd {
          let length = Self.lineEndingLength(base, at: p, end: end, atEnd: eof)
          if length == 0 { return .needMore }
          p &+= length
          lineNumber &+= 1
          state = .fieldStart
          return .recordEnded
        } else {
          p &+= 1
        }
      case .quoted:
        if byte == quote {
          state = .quoteInQuoted
          p &+= 1
        } else if isLineEnd {
          let length = Self.lineEndingLength(base, at: p, end: end, atEnd: eof)
          if length == 0 { return .needMore }
          p &+= length
          lineNumber &+= 1
        } else {
          p &+= 1
        }
      case .quoteInQuoted:
        if byte == quote {
          state = .quoted
          p &+= 1
        } else {
          state = .unquoted
        }
      }
    }
    return eof ? .endOfInput : .needMore
  }
}
