import SurveyCore

/// Splits a survey file into lines of tokens, reporting characters it cannot read.
///
/// The lexer never fails: an unreadable character becomes an `invalid` token with a diagnostic,
/// an unterminated string runs to the end of the line, and text in curly quotes is read as text
/// with an error that says to use straight quotes.
package struct Lexer {
  /// The file being read.
  package let file: SourceFile
  /// Problems found while lexing.
  package private(set) var diagnostics: [Diagnostic] = []

  private var bytes: [UInt8] { file.bytes }

  /// Creates a lexer for a file.
  package init(file: SourceFile) {
    self.file = file
  }

  /// Lexes every line of the file.
  package mutating func lexLines() -> [LexedLine] {
    var lines: [LexedLine] = []
    for number in 1...file.lineCount {
      lines.append(lexLine(number))
    }
    return lines
  }

  private mutating func lexLine(_ number: Int) -> LexedLine {
    let range = file.byteRange(ofLine: number)
    var index = range.lowerBound
    var indent = 0
    var hasTab = false
    var hasSpace = false
    while index < range.upperBound, bytes[index] == 0x20 || bytes[index] == 0x09 {
      if bytes[index] == 0x09 {
        indent += 4
        hasTab = true
      } else {
        indent += 1
        hasSpace = true
      }
      index += 1
    }
    var line = LexedLine(
      number: number, indent: indent, indentHasTab: hasTab, indentHasSpace: hasSpace, tokens: [],
      comment: nil, bytes: range)
    if number == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = max(index, 3) }
    while index < range.upperBound {
      let byte = bytes[index]
      if byte == 0x20 || byte == 0x09 {
        index += 1
      } else if byte == UInt8(ascii: "#") {
        line.comment = file.text(in: (index + 1)..<range.upperBound)
        break
      } else if isRawLine(line.tokens) {
        index = lexRaw(from: index, end: range.upperBound, into: &line)
      } else {
        let token = lexToken(at: index, end: range.upperBound)
        line.tokens.append(token)
        index = max(token.bytes.upperBound, index + 1)
      }
    }
    return line
  }

  /// `use` and `version` take the rest of the line as written (unless it is quoted).
  private func isRawLine(_ tokens: [Token]) -> Bool {
    tokens.count == 1 && (tokens[0].isWord("use") || tokens[0].isWord("version"))
  }

  private mutating func lexRaw(from start: Int, end: Int, into line: inout LexedLine) -> Int {
    if bytes[start] == UInt8(ascii: "\"") || isCurlyQuote(at: start) {
      let token = lexToken(at: start, end: end)
      line.tokens.append(token)
      return max(token.bytes.upperBound, start + 1)
    }
    var stop = start
    while stop < end, bytes[stop] != UInt8(ascii: "#") { stop += 1 }
    var trimmed = stop
    while trimmed > start, bytes[trimmed - 1] == 0x20 || bytes[trimmed - 1] == 0x09 { trimmed -= 1 }
    let text = file.text(in: start..<trimmed)
    line.tokens.append(Token(kind: .raw, text: text, bytes: start..<trimmed))
    return trimmed
  }

  private mutating func lexToken(at start: Int, end: Int) -> Token {
    let byte = bytes[start]
    if isLetter(byte) || byte == UInt8(ascii: "_") { return lexWord(at: start, end: end) }
    if isDigit(byte) { return lexNumber(at: start, end: end) }
    if byte == UInt8(ascii: "\"") { return lexString(at: start, end: end, closing: [0x22]) }
    if isCurlyQuote(at: start) { return lexCurlyString(at: start, end: end) }
    if let symbol = lexSymbol(at: start, end: end) { return symbol }
    return lexInvalid(at: start, end: end)
  }

  private func lexWord(at start: Int, end: Int) -> Token {
    var index = start + 1
    while index < end {
      let byte = bytes[index]
      if isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: "_") {
        index += 1
      } else if byte == UInt8(ascii: "-"), index + 1 < end, isLetter(bytes[index + 1]) {
        index += 1
      } else {
        break
      }
    }
    return Token(kind: .word, text: file.text(in: start..<index), bytes: start..<index)
  }

  private func lexNumber(at start: Int, end: Int) -> Token {
    var index = start
    while index < end, isDigit(bytes[index]) { index += 1 }
    if index - start == 4, let date = dateEnd(after: index, end: end) {
      return Token(kind: .date, text: file.text(in: start..<date), bytes: start..<date)
    }
    if index + 1 < end, bytes[index] == UInt8(ascii: "."), isDigit(bytes[index + 1]) {
      index += 1
      while index < end, isDigit(bytes[index]) { index += 1 }
    }
    if index < end, bytes[index] == UInt8(ascii: "%") { index += 1 }
    return Token(kind: .number, text: file.text(in: start..<index), bytes: start..<index)
  }

  /// The end of `-MM-DD` after four year digits, if present.
  private func dateEnd(after index: Int, end: Int) -> Int? {
    guard index + 6 <= end, bytes[index] == UInt8(ascii: "-"), bytes[index + 3] == UInt8(ascii: "-")
    else { return nil }
    let digits = [index + 1, index + 2, index + 4, index + 5]
    guard digits.allSatisfy({ isDigit(bytes[$0]) }) else { return nil }
    if index + 6 < end, isDigit(bytes[index + 6]) { return nil }
    return index + 6
  }

  private mutating func lexString(at start: Int, end: Int, closing: [UInt8]) -> Token {
    var index = start + 1
    var value: [UInt8] = []
    while index < end {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\\"), index + 1 < end {
        let next = bytes[index + 1]
        switch next {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): value.append(next)
        case UInt8(ascii: "n"): value.append(0x0A)
        case UInt8(ascii: "t"): value.append(0x09)
        default:
          report(
            .error, "dsl.invalidEscape", DSLMessage.invalidEscape(next), at: index..<(index + 2))
          value.append(contentsOf: [byte, next])
        }
        index += 2
      } else if bytes[index...].starts(with: closing) {
        let stop = index + closing.count
        return Token(
          kind: .string, text: file.text(in: start..<stop),
          value: String(decoding: value, as: UTF8.self), bytes: start..<stop)
      } else {
        value.append(byte)
        index += 1
      }
    }
    report(.error, "dsl.unterminatedString", DSLMessage.unterminatedString, at: start..<(start + 1))
    return Token(
      kind: .string, text: file.text(in: start..<end),
      value: String(decoding: value, as: UTF8.self),
      bytes: start..<end)
  }

  private mutating func lexCurlyString(at start: Int, end: Int) -> Token {
    let width = curlyQuoteWidth(at: start)
    let quote = file.text(in: start..<(start + width))
    report(
      .error, "dsl.typographicQuote", DSLMessage.typographicQuote(quote),
      at: start..<(start + width), label: "use a straight double quote '\"'")
    var index = start + width
    while index < end, !isCurlyQuote(at: index), bytes[index] != UInt8(ascii: "\"") { index += 1 }
    let stop =
      index < end ? index + (isCurlyQuote(at: index) ? curlyQuoteWidth(at: index) : 1) : end
    let value = file.text(in: (start + width)..<min(index, end))
    return Token(
      kind: .string, text: file.text(in: start..<stop), value: value, bytes: start..<stop)
  }

  private func lexSymbol(at start: Int, end: Int) -> Token? {
    let two = start + 1 < end ? file.text(in: start..<(start + 2)) : ""
    if ["!=", "<>", "<=", ">=", ".."].contains(two) {
      let text = two == "<>" ? "!=" : two
      return Token(kind: .symbol, text: text, bytes: start..<(start + 2))
    }
    let one = bytes[start]
    guard Array("=<>+-*/(),".utf8).contains(one) else { return nil }
    return Token(kind: .symbol, text: String(UnicodeScalar(one)), bytes: start..<(start + 1))
  }

  private mutating func lexInvalid(at start: Int, end: Int) -> Token {
    var stop = start + 1
    while stop < end, bytes[stop] & 0xC0 == 0x80 { stop += 1 }
    let text = file.text(in: start..<stop)
    if text.unicodeScalars.first.map({ $0.properties.isAlphabetic }) == true {
      report(.error, "dsl.invalidName", DSLMessage.nonASCIIName(text), at: start..<stop)
    } else {
      let shown = text.unicodeScalars.map { scalar in
        TerminalText.isUnsafe(scalar, keepingTabs: false)
          ? "U+" + String(repeating: "0", count: max(0, 4 - String(scalar.value, radix: 16).count))
            + String(scalar.value, radix: 16, uppercase: true)
          : String(scalar)
      }.joined()
      report(.error, "dsl.invalidCharacter", DSLMessage.invalidCharacter(shown), at: start..<stop)
    }
    return Token(kind: .invalid, text: text, bytes: start..<stop)
  }

  private mutating func report(
    _ severity: Severity, _ id: String, _ message: String, at bytes: Range<Int>,
    label: String? = nil
  ) {
    diagnostics.append(
      Diagnostic(
        severity, id: id, message, at: SourceRange(file: file, bytes: bytes), label: label))
  }

  private func isLetter(_ byte: UInt8) -> Bool {
    (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
  }

  private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

  /// Curly double quotes: “ ” „ (E2 80 9C/9D/9E) and « » (C2 AB/BB).
  private func isCurlyQuote(at index: Int) -> Bool { curlyQuoteWidth(at: index) > 0 }

  private func curlyQuoteWidth(at index: Int) -> Int {
    if index + 2 < bytes.count, bytes[index] == 0xE2, bytes[index + 1] == 0x80,
      (0x9C...0x9E).contains(bytes[index + 2])
    {
      return 3
    }
    if index + 1 < bytes.count, bytes[index] == 0xC2,
      bytes[index + 1] == 0xAB || bytes[index + 1] == 0xBB
    {
      return 2
    }
    return 0
  }
}
