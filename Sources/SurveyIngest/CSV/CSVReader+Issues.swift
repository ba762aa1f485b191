/// Recording issues with their positions.
extension CSVReader {
  /// Records an issue about the byte at `offset` in the current record.
  ///
  /// The position is computed here, lazily, from the record's bytes: the tokenizer itself
  /// never tracks columns.
  ///
  /// - Parameters:
  ///   - kind: The kind of issue; one of the kinds tied to a byte in a field.
  ///   - offset: The buffer offset of the byte the issue is about.
  func report(_ kind: CSVIssue.Kind, at offset: Int) {
    guard issues.count < options.maxIssues else {
      suppressedIssueCount += 1
      return
    }
    let position = locator.position(
      of: offset - recordStart, in: buffer + recordStart, length: fill - recordStart)
    switch kind {
    case .unterminatedQuote:
      issues.append(.unterminatedQuote(at: position))
    case .strayQuote:
      issues.append(.strayQuote(at: position))
    case .textAfterClosingQuote:
      issues.append(.textAfterClosingQuote(at: position))
    case .invalidUTF8:
      // `offset < fill` for every caller: the byte was just read.
      issues.append(.invalidUTF8(at: position, byte: buffer[offset]))
    case .nulByte:
      issues.append(.nulByte(at: position))
    case .recordTooLarge, .utf16Encoding, .notText:
      issues.append(
        CSVIssue(kind: kind, position: position, message: "\(kind.rawValue) at \(position)"))
    }
  }

  /// Records a ready-made issue, respecting ``CSVReaderOptions/maxIssues``.
  ///
  /// - Parameter issue: The issue.
  func appendIssue(_ issue: CSVIssue) {
    guard issues.count < options.maxIssues else {
      suppressedIssueCount += 1
      return
    }
    issues.append(issue)
  }
}

extension CSVReader {
  /// The issues found since the last call, removed from ``issues``.
  ///
  /// For readers that handle each record's issues with the record: call it between records.
  /// Taking them keeps ``issues`` short, so the ``CSVReaderOptions/maxIssues`` cap (which
  /// bounds what an unconsumed list may hold) never hides a later record's problems.
  package func takeIssues() -> [CSVIssue] {
    guard !issues.isEmpty else { return [] }
    let taken = issues
    issues.removeAll(keepingCapacity: true)
    recordIssueMark = 0
    return taken
  }
}
