import SurveyCore

/// Prints a parsed survey file in the canonical layout.
///
/// The layout: declarations start at column 1 and are separated by one blank line (a run of
/// `use` lines stays together); attributes are indented two spaces per level; tokens are
/// separated by single spaces except around `..`, inside parentheses and before commas; text is
/// re-quoted with the standard escapes; comments are kept where they were, re-indented with the
/// line they belong to; the file ends with one newline. Formatting changes no token, so parsing
/// the output gives the same declarations, and formatting twice gives the same text.
package enum Formatter {
  /// Formats a file that parsed without errors.
  package static func format(_ parsed: ParsedFile) -> String {
    var printer = Printer()
    for (position, node) in parsed.outline.nodes.enumerated() {
      let isUse = node.line.tokens.first?.isWord("use") == true
      let previous = position > 0 ? parsed.outline.nodes[position - 1] : nil
      let previousIsUse = previous?.line.tokens.first?.isWord("use") == true
      let keepsTogether = isUse && previousIsUse && !node.leadingTrivia.contains(where: \.isBlank)
      if position > 0, !keepsTogether { printer.blankLine() }
      printer.node(node, level: 0, isTopLevel: true)
    }
    let trailing = parsed.outline.trailingTrivia
    if trailing.contains(where: \.isCommentOnly) {
      if !parsed.outline.nodes.isEmpty { printer.blankLine() }
      printer.trivia(trailing, level: 0, dropLeadingBlanks: true)
    }
    return printer.output
  }

  /// Prints one line's tokens with canonical spacing.
  package static func join(_ tokens: [Token]) -> String {
    var text = ""
    for (position, token) in tokens.enumerated() {
      let previous = position > 0 ? tokens[position - 1] : nil
      // `missing KIND -1`: the minus is the code's sign.
      let isCodeSign = position == 3 && tokens[0].isWord("missing") && tokens[2].isSymbol("-")
      if let previous, !isCodeSign,
        needsSpace(between: previous, and: token, before: position > 1 ? tokens[position - 2] : nil)
      {
        text += " "
      }
      text += spelling(of: token)
    }
    return text
  }
}

extension Formatter {
  private struct Printer {
    var output = ""
    private var pendingBlank = false

    mutating func blankLine() {
      if !output.isEmpty { pendingBlank = true }
    }

    mutating func emit(_ line: String, level: Int) {
      if pendingBlank {
        output += "\n"
        pendingBlank = false
      }
      output += String(repeating: "  ", count: level) + line + "\n"
    }

    mutating func node(_ node: OutlineNode, level: Int, isTopLevel: Bool) {
      trivia(node.leadingTrivia, level: level, dropLeadingBlanks: isTopLevel)
      var line = Formatter.join(node.line.tokens)
      if let comment = node.line.comment { line += "  " + Formatter.comment(comment) }
      emit(line, level: level)
      for child in node.children { self.node(child, level: level + 1, isTopLevel: false) }
      trivia(node.trailingTrivia, level: level + 1, dropLeadingBlanks: false)
    }

    /// Comment lines at `level`; runs of blank lines become one.
    mutating func trivia(_ lines: [LexedLine], level: Int, dropLeadingBlanks: Bool) {
      var seenComment = false
      for line in lines {
        if let comment = line.comment {
          emit(Formatter.comment(comment), level: level)
          seenComment = true
        } else if seenComment || !dropLeadingBlanks {
          blankLine()
        }
      }
    }
  }

  private static func comment(_ text: String) -> String {
    var trimmed = Substring(text)
    while let last = trimmed.last, last == " " || last == "\t" { trimmed = trimmed.dropLast() }
    return "#" + trimmed
  }

  private static let operandKeywords: Set<String> = [
    "if", "and", "or", "not", "compute", "share", "threshold", "benchmark", "integer", "decimal",
    "date", "band", "min-answered", "min-known", "in", "includes", "any", "all", "check", "warn",
  ]

  private static func needsSpace(between previous: Token, and token: Token, before: Token?) -> Bool
  {
    if token.isSymbol(",") || token.isSymbol(")") || token.isSymbol("..") { return false }
    if previous.isSymbol("(") || previous.isSymbol("..") { return false }
    if token.isSymbol("("), previous.kind == .word,
      ExpressionFunction(rawValue: previous.text) != nil
    {
      return previous.bytes.upperBound != token.bytes.lowerBound
    }
    if previous.isSymbol("-"), isUnaryMinus(after: before) { return false }
    return true
  }

  private static func isUnaryMinus(after token: Token?) -> Bool {
    guard let token else { return true }
    switch token.kind {
    case .symbol: return token.text != ")"
    case .word: return operandKeywords.contains(token.text)
    default: return false
    }
  }

  private static func spelling(of token: Token) -> String {
    token.kind == .string ? quoted(token.value) : token.text
  }

  /// Text in double quotes with the survey language's escapes.
  package static func quoted(_ value: String) -> String {
    var text = "\""
    for character in value {
      switch character {
      case "\"": text += "\\\""
      case "\\": text += "\\\\"
      case "\n": text += "\\n"
      case "\t": text += "\\t"
      default: text.append(character)
      }
    }
    return text + "\""
  }
}
