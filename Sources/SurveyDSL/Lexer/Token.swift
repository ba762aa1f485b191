import SurveyCore

/// One token of a survey file.
package struct Token: Sendable, Hashable {
  /// What kind of token it is.
  package enum Kind: Sendable, Hashable {
    /// A name or keyword: letters, digits, `_`, and `-` between letters (`yes-no`).
    case word
    /// A number, possibly with a decimal point or a trailing `%`.
    case number
    /// A date written `YYYY-MM-DD`.
    case date
    /// Text in double quotes.
    case string
    /// An operator or punctuation: `= != < <= > >= + - * / ( ) , ..`.
    case symbol
    /// The rest of a `use` or `version` line, taken as written.
    case raw
    /// Characters that are not valid here (already reported).
    case invalid
  }

  /// The token's kind.
  package var kind: Kind
  /// The token as written in the file.
  package var text: String
  /// For strings, the decoded text; for everything else, the same as `text`.
  package var value: String
  /// The token's UTF-8 offsets in its file.
  package var bytes: Range<Int>

  /// Creates a token.
  package init(kind: Kind, text: String, value: String? = nil, bytes: Range<Int>) {
    self.kind = kind
    self.text = text
    self.value = value ?? text
    self.bytes = bytes
  }

  /// Whether the token is the word `word` (case-sensitive; keywords are lower-case).
  package func isWord(_ word: String) -> Bool { kind == .word && text == word }

  /// Whether the token is the symbol `symbol`.
  package func isSymbol(_ symbol: String) -> Bool { kind == .symbol && text == symbol }

  /// The numeric value of a number token (`7%` is 0.07).
  package var number: Double? {
    guard kind == .number else { return nil }
    if text.hasSuffix("%") { return Double(text.dropLast()).map { $0 / 100 } }
    return Double(text)
  }
}

/// One physical line of a survey file after lexing.
package struct LexedLine: Sendable, Hashable {
  /// The 1-based line number.
  package var number: Int
  /// The indentation width (a tab counts 4).
  package var indent: Int
  /// Whether the indentation contains a tab.
  package var indentHasTab: Bool
  /// Whether the indentation contains a space.
  package var indentHasSpace: Bool
  /// The tokens, without the comment.
  package var tokens: [Token]
  /// The comment text after `#` (without the `#`), if any.
  package var comment: String?
  /// The UTF-8 offsets of the line without its terminator.
  package var bytes: Range<Int>

  /// Whether the line has no tokens and no comment.
  package var isBlank: Bool { tokens.isEmpty && comment == nil }

  /// Whether the line holds only a comment.
  package var isCommentOnly: Bool { tokens.isEmpty && comment != nil }
}
