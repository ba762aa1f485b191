import SurveyCore

/// A position in the tokens of one line, consumed from left to right.
package struct TokenCursor {
  /// The file the tokens come from.
  package let file: SourceFile
  /// The line's tokens.
  package let tokens: [Token]
  /// The index of the next token.
  package var index: Int
  /// The line's extent, for "expected … at end of line" diagnostics.
  package let lineBytes: Range<Int>

  /// Creates a cursor at the first token of a line.
  package init(file: SourceFile, line: LexedLine, start: Int = 0) {
    self.file = file
    self.tokens = line.tokens
    self.index = start
    self.lineBytes = line.bytes
  }

  /// The next token, if any.
  package var current: Token? { index < tokens.count ? tokens[index] : nil }

  /// The token after the next, if any.
  package var next: Token? { index + 1 < tokens.count ? tokens[index + 1] : nil }

  /// Whether every token has been consumed.
  package var isAtEnd: Bool { index >= tokens.count }

  /// Consumes and returns the next token.
  package mutating func advance() -> Token? {
    guard let token = current else { return nil }
    index += 1
    return token
  }

  /// The range of a token.
  package func range(of token: Token) -> SourceRange {
    SourceRange(file: file, bytes: token.bytes)
  }

  /// Where a missing token would be: the next token, or just past the end of the line.
  package var here: SourceRange {
    if let current { return range(of: current) }
    let end = tokens.last?.bytes.upperBound ?? lineBytes.upperBound
    return SourceRange(file: file, bytes: end..<end)
  }

  /// Consumes the next token when it is the word `word`.
  package mutating func eat(word: String) -> Token? {
    guard let token = current, token.isWord(word) else { return nil }
    index += 1
    return token
  }

  /// Consumes the next token when it is the symbol `symbol`.
  package mutating func eat(symbol: String) -> Token? {
    guard let token = current, token.isSymbol(symbol) else { return nil }
    index += 1
    return token
  }

  /// The range from a token to the last consumed token.
  package func range(from start: Token) -> SourceRange {
    let end =
      index > 0 && index <= tokens.count
      ? tokens[index - 1].bytes.upperBound : start.bytes.upperBound
    return SourceRange(file: file, bytes: start.bytes.lowerBound..<max(end, start.bytes.upperBound))
  }
}
