import SurveyCore

/// Words that test what kind of answer a value is: `x is answered`, `x is refused`.
package let answerTests: [String] = ["answered", "missing"] + MissingKind.allCases.map(\.rawValue)

extension Parser {
  /// Parses an expression that runs to the end of the line.
  mutating func parseExpression(_ cursor: inout TokenCursor) -> ExprSyntax {
    if cursor.isAtEnd {
      error(
        "dsl.expectedExpression", DSLMessage.expected("a condition or calculation"),
        at: cursor.here)
      return .error(cursor.here)
    }
    var depth = 0
    let expression = parseOr(&cursor, depth: &depth)
    if let token = cursor.current, token.kind != .invalid, !lineHasError {
      let last = cursor.tokens.last ?? token
      error(
        "dsl.unexpectedToken", DSLMessage.unexpectedInExpression(token.text),
        at: SourceRange(file: file, bytes: token.bytes.lowerBound..<last.bytes.upperBound),
        label: hintForStray(token))
    }
    cursor.index = cursor.tokens.count
    return expression
  }
}

extension Parser {
  private mutating func deeper(_ depth: inout Int, _ cursor: TokenCursor) -> Bool {
    depth += 1
    if depth == Self.maxExpressionDepth + 1 {
      error(
        "dsl.expressionTooDeep", DSLMessage.expressionTooDeep(Self.maxExpressionDepth),
        at: cursor.here)
    }
    return depth <= Self.maxExpressionDepth
  }

  private mutating func parseOr(_ cursor: inout TokenCursor, depth: inout Int) -> ExprSyntax {
    var lhs = parseAnd(&cursor, depth: &depth)
    while let token = cursor.eat(word: "or") {
      guard deeper(&depth, cursor) else { return .error(cursor.here) }
      let rhs = parseAnd(&cursor, depth: &depth)
      lhs = .binary(Name("or", cursor.range(of: token)), lhs, rhs)
    }
    return lhs
  }

  private mutating func parseAnd(_ cursor: inout TokenCursor, depth: inout Int) -> ExprSyntax {
    var lhs = parseNot(&cursor, depth: &depth)
    while let token = cursor.eat(word: "and") {
      guard deeper(&depth, cursor) else { return .error(cursor.here) }
      let rhs = parseNot(&cursor, depth: &depth)
      lhs = .binary(Name("and", cursor.range(of: token)), lhs, rhs)
    }
    return lhs
  }

  private mutating func parseNot(_ cursor: inout TokenCursor, depth: inout Int) -> ExprSyntax {
    guard let token = cursor.eat(word: "not") else {
      return parseComparison(&cursor, depth: &depth)
    }
    guard deeper(&depth, cursor) else { return .error(cursor.here) }
    return .unary(Name("not", cursor.range(of: token)), parseNot(&cursor, depth: &depth))
  }

  private mutating func parseComparison(_ cursor: inout TokenCursor, depth: inout Int) -> ExprSyntax
  {
    let lhs = parseAdditive(&cursor, depth: &depth)
    guard let token = cursor.current else { return lhs }
    if token.kind == .symbol, ["=", "!=", "<", "<=", ">", ">="].contains(token.text) {
      cursor.index += 1
      let rhs = parseAdditive(&cursor, depth: &depth)
      return .binary(Name(token.text, cursor.range(of: token)), lhs, rhs)
    }
    if token.isWord("is") {
      cursor.index += 1
      let negated = cursor.eat(word: "not") != nil
      guard let what = cursor.current, what.kind == .word, answerTests.contains(what.text) else {
        error(
          "dsl.expectedAnswerTest", DSLMessage.expectedAnswerTest, at: cursor.here,
          label: cursor.current.flatMap { Suggestion.label(for: $0.text, in: answerTests) })
        return .error(cursor.here)
      }
      cursor.index += 1
      return .isTest(lhs, negated: negated, Name(what.text, cursor.range(of: what)))
    }
    if token.isWord("includes") {
      cursor.index += 1
      var quantifier: Name?
      if let word = cursor.current, word.isWord("any") || word.isWord("all") {
        cursor.index += 1
        quantifier = Name(word.text, cursor.range(of: word))
      }
      if cursor.current?.isSymbol("(") == true {
        return .includes(lhs, quantifier: quantifier, parseList(&cursor, depth: &depth))
      }
      return .includes(lhs, quantifier: quantifier, [parseUnary(&cursor, depth: &depth)])
    }
    if token.isWord("in") || (token.isWord("not") && cursor.next?.isWord("in") == true) {
      let negated = token.isWord("not")
      cursor.index += negated ? 2 : 1
      return .oneOf(lhs, negated: negated, parseList(&cursor, depth: &depth))
    }
    return lhs
  }

  private mutating func parseList(
    _ cursor: inout TokenCursor, depth: inout Int, fullExpressions: Bool = false
  ) -> [ExprSyntax] {
    guard cursor.eat(symbol: "(") != nil else {
      error(
        "dsl.expectedList", DSLMessage.expectedList, at: cursor.here, label: "for example (a, b)")
      return [.error(cursor.here)]
    }
    var items: [ExprSyntax] = []
    if cursor.eat(symbol: ")") != nil { return items }
    repeat {
      items.append(
        fullExpressions ? parseOr(&cursor, depth: &depth) : parseAdditive(&cursor, depth: &depth))
    } while cursor.eat(symbol: ",") != nil
    if cursor.eat(symbol: ")") == nil {
      error(
        "dsl.expectedClosingParenthesis", DSLMessage.expectedClosingParenthesis, at: cursor.here)
    }
    return items
  }

  private mutating func parseAdditive(_ cursor: inout TokenCursor, depth: inout Int) -> ExprSyntax {
    var lhs = parseMultiplicative(&cursor, depth: &depth)
    while let token = cursor.current, token.isSymbol("+") || token.isSymbol("-") {
      cursor.index += 1
      guard deeper(&depth, cursor) else { return .error(cursor.here) }
      let rhs = parseMultiplicative(&cursor, depth: &depth)
      lhs = .binary(Name(token.text, cursor.range(of: token)), lhs, rhs)
    }
    return lhs
  }

  private mutating func parseMultiplicative(_ cursor: inout TokenCursor, depth: inout Int)
    -> ExprSyntax
  {
    var lhs = parseUnary(&cursor, depth: &depth)
    while let token = cursor.current, token.isSymbol("*") || token.isSymbol("/") {
      cursor.index += 1
      guard deeper(&depth, cursor) else { return .error(cursor.here) }
      let rhs = parseUnary(&cursor, depth: &depth)
      lhs = .binary(Name(token.text, cursor.range(of: token)), lhs, rhs)
    }
    return lhs
  }

  private mutating func parseUnary(_ cursor: inout TokenCursor, depth: inout Int) -> ExprSyntax {
    guard let token = cursor.eat(symbol: "-") else { return parsePrimary(&cursor, depth: &depth) }
    guard deeper(&depth, cursor) else { return .error(cursor.here) }
    return .unary(Name("-", cursor.range(of: token)), parseUnary(&cursor, depth: &depth))
  }

  private mutating func parsePrimary(_ cursor: inout TokenCursor, depth: inout Int) -> ExprSyntax {
    guard let token = cursor.current else {
      error("dsl.expectedExpression", DSLMessage.expected("a value"), at: cursor.here)
      return .error(cursor.here)
    }
    let range = cursor.range(of: token)
    switch token.kind {
    case .number:
      cursor.index += 1
      return .number(
        NumberLiteral(
          value: token.number ?? 0, text: token.text, isPercent: token.text.hasSuffix("%"),
          range: range))
    case .date:
      cursor.index += 1
      return .date(token, range)
    case .string:
      cursor.index += 1
      return .text(Text(token.value, range))
    case .word:
      cursor.index += 1
      if cursor.current?.isSymbol("(") == true {
        return parseCall(Name(token.text, range), &cursor, depth: &depth)
      }
      return .name(Name(token.text, range))
    case .symbol where token.text == "(":
      guard deeper(&depth, cursor) else { return .error(cursor.here) }
      cursor.index += 1
      let inner = parseOr(&cursor, depth: &depth)
      depth -= 1
      guard let close = cursor.eat(symbol: ")") else {
        error(
          "dsl.expectedClosingParenthesis", DSLMessage.expectedClosingParenthesis, at: cursor.here,
          label: "add ')'")
        return .group(inner, cursor.range(from: token))
      }
      return .group(
        inner, SourceRange(file: file, bytes: token.bytes.lowerBound..<close.bytes.upperBound))
    case .invalid:
      cursor.index += 1
      return .error(range)
    default:
      error("dsl.expectedExpression", DSLMessage.unexpectedInExpression(token.text), at: range)
      cursor.index += 1
      return .error(range)
    }
  }

  private mutating func parseCall(_ name: Name, _ cursor: inout TokenCursor, depth: inout Int)
    -> ExprSyntax
  {
    let start = cursor.index
    guard deeper(&depth, cursor) else { return .error(cursor.here) }
    let arguments = parseList(&cursor, depth: &depth, fullExpressions: true)
    depth -= 1
    let end =
      cursor.index > start
      ? cursor.tokens[cursor.index - 1].bytes.upperBound : name.range.bytes.upperBound
    return .call(name, arguments, SourceRange(file: file, bytes: name.range.bytes.lowerBound..<end))
  }

  private func hintForStray(_ token: Token) -> String? {
    if token.kind == .string { return "text in a condition must be compared, as in x = \"text\"" }
    if token.isSymbol(")") { return "this ')' has no matching '('" }
    return nil
  }
}
