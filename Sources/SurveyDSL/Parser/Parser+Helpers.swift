import SurveyCore

extension Parser {
  /// Reads an identifier, reporting one that is missing or malformed.
  mutating func expectName(_ cursor: inout TokenCursor, what: String) -> Name? {
    guard let token = cursor.current, token.kind == .word else {
      if cursor.current?.kind != .invalid {
        error("dsl.expectedName", DSLMessage.expected(what), at: cursor.here)
      }
      return nil
    }
    cursor.index += 1
    let range = cursor.range(of: token)
    if token.text.contains("-") {
      let fixed = String(token.text.map { $0 == "-" ? "_" : $0 })
      error(
        "dsl.invalidName", DSLMessage.hyphenInName(token.text), at: range,
        label: "did you mean '\(fixed)'?")
    }
    return Name(token.text, range)
  }

  /// Reads a word used as a keyword or value (hyphens allowed).
  mutating func expectWord(_ cursor: inout TokenCursor, what: String) -> Name? {
    guard let token = cursor.current, token.kind == .word else {
      error("dsl.expectedName", DSLMessage.expected(what), at: cursor.here)
      return nil
    }
    cursor.index += 1
    return Name(token.text, cursor.range(of: token))
  }

  /// Reads text in quotes.
  mutating func expectText(_ cursor: inout TokenCursor, what: String) -> Text? {
    guard let token = cursor.current, token.kind == .string else {
      error(
        "dsl.expectedText", DSLMessage.expected(what), at: cursor.here,
        label: "write the text in double quotes")
      return nil
    }
    cursor.index += 1
    return Text(token.value, cursor.range(of: token))
  }

  /// Reports tokens left on a line.
  mutating func expectEnd(_ cursor: inout TokenCursor) {
    guard let token = cursor.current else { return }
    if token.kind != .invalid, !lineHasError {
      let last = cursor.tokens.last ?? token
      let range = SourceRange(file: file, bytes: token.bytes.lowerBound..<last.bytes.upperBound)
      error("dsl.unexpectedToken", DSLMessage.unexpectedText(token.text), at: range)
    }
    cursor.index = cursor.tokens.count
  }

  /// Reads `"text" [LANG "text"]…`; the primary text is optional when `primaryRequired` is false.
  mutating func parseTexts(_ cursor: inout TokenCursor, what: String, primaryRequired: Bool = true)
    -> Texts
  {
    var texts = Texts(primary: nil, translations: [])
    if let token = cursor.current, token.kind == .string {
      cursor.index += 1
      texts.primary = Text(token.value, cursor.range(of: token))
    } else if primaryRequired {
      _ = expectText(&cursor, what: what)
    }
    while let token = cursor.current, token.kind == .word, cursor.next?.kind == .string {
      cursor.index += 1
      guard let string = cursor.advance() else { break }
      texts.translations.append(
        Translation(
          language: Name(token.text, cursor.range(of: token)),
          text: Text(string.value, cursor.range(of: string))))
    }
    return texts
  }

  /// Reads a number with an optional leading minus sign.
  mutating func parseSignedNumber(_ cursor: inout TokenCursor, what: String) -> NumberLiteral? {
    let minus = cursor.eat(symbol: "-")
    guard let token = cursor.current, token.kind == .number, let value = token.number else {
      error("dsl.expectedNumber", DSLMessage.expected(what), at: cursor.here)
      return nil
    }
    cursor.index += 1
    let start = minus?.bytes.lowerBound ?? token.bytes.lowerBound
    return NumberLiteral(
      value: minus == nil ? value : -value, text: (minus == nil ? "" : "-") + token.text,
      isPercent: token.text.hasSuffix("%"),
      range: SourceRange(file: file, bytes: start..<token.bytes.upperBound))
  }

  /// Reads `LOW..HIGH` of numbers or dates.
  mutating func parseRange(_ cursor: inout TokenCursor, what: String) -> RangeLiteral? {
    let start = cursor.current
    guard let low = parseBound(&cursor) else {
      error(
        "dsl.expectedRange", DSLMessage.expected(what), at: cursor.here, label: "for example 0..120"
      )
      return nil
    }
    guard cursor.eat(symbol: "..") != nil, let high = parseBound(&cursor) else {
      error(
        "dsl.expectedRange", DSLMessage.expected(what), at: cursor.here, label: "for example 0..120"
      )
      return nil
    }
    let range = start.map { cursor.range(from: $0) } ?? cursor.here
    return RangeLiteral(
      low: low.0, high: high.0, lowValue: low.1, highValue: high.1, range: range)
  }

  /// Reads `A, B, C`.
  mutating func parseNameList(_ cursor: inout TokenCursor, what: String) -> [Name] {
    var names: [Name] = []
    repeat {
      guard let name = expectName(&cursor, what: what) else { break }
      names.append(name)
    } while cursor.eat(symbol: ",") != nil
    return names
  }

  private mutating func parseBound(_ cursor: inout TokenCursor) -> (Token, Double?)? {
    if let token = cursor.current, token.kind == .date {
      cursor.index += 1
      return (token, nil)
    }
    let minus = cursor.eat(symbol: "-")
    guard let token = cursor.current, token.kind == .number, let value = token.number else {
      return nil
    }
    cursor.index += 1
    guard let minus else { return (token, value) }
    let joined = Token(
      kind: .number, text: "-" + token.text, bytes: minus.bytes.lowerBound..<token.bytes.upperBound)
    return (joined, -value)
  }
}
