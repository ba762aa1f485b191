import SurveyCore

extension Parser {
  /// Parses one attribute line and the lines nested under it.
  mutating func parseAttribute(_ node: OutlineNode, in kind: DeclarationKind) -> Attribute? {
    parseAttribute(node, block: .declaration(kind))
  }

  mutating func parseAttribute(_ node: OutlineNode, block: Block) -> Attribute? {
    var cursor = TokenCursor(file: file, line: node.line)
    diagnosticsAtLineStart = diagnostics.count
    guard let first = cursor.current else { return nil }
    let lineRange = SourceRange(file: file, bytes: node.line.bytes)
    let keyword = Name(first.text, cursor.range(of: first))
    if block == .declaration(.choices), first.kind == .number || first.isSymbol("-") {
      let choice = parseChoice(&cursor, node: node, missingKind: nil)
      return Attribute(keyword: keyword, value: choice, range: lineRange)
    }
    if isTranslationLine(cursor.tokens) {
      return parseTranslationLine(&cursor, node: node, block: block, range: lineRange)
    }
    guard first.kind == .word, let known = AttributeKeyword(rawValue: first.text) else {
      reportUnknownAttribute(first, cursor: cursor, block: block)
      return nil
    }
    guard AttributeKeyword.allowed(in: block).contains(known) else {
      error(
        "dsl.attributeNotAllowed", DSLMessage.attributeNotAllowed(first.text, block, known),
        at: keyword.range)
      return nil
    }
    cursor.index += 1
    let value = parseValue(known, &cursor, node: node)
    if !nests(value) { rejectChildren(of: node) }
    return Attribute(keyword: keyword, value: value, range: lineRange)
  }

  /// Nested attributes of rows and benchmarks.
  mutating func parseNested(_ node: OutlineNode, block: Block) -> [Attribute] {
    node.children.compactMap { parseAttribute($0, block: block) }
  }

  mutating func rejectChildren(of node: OutlineNode) {
    guard let child = node.children.first, let token = child.line.tokens.first else { return }
    error(
      "dsl.unexpectedIndentation", DSLMessage.unexpectedNesting,
      at: SourceRange(file: file, bytes: token.bytes),
      label: "indent it like the line above, or move it under a declaration")
  }
}

extension Parser {
  private func isTranslationLine(_ tokens: [Token]) -> Bool {
    guard tokens.count == 2, tokens[0].kind == .word, tokens[1].kind == .string else {
      return false
    }
    guard let keyword = AttributeKeyword(rawValue: tokens[0].text) else { return true }
    return !AttributeKeyword.takingText.contains(keyword)
  }

  private mutating func parseTranslationLine(
    _ cursor: inout TokenCursor, node: OutlineNode, block: Block, range: SourceRange
  ) -> Attribute? {
    let language = cursor.tokens[0]
    let text = cursor.tokens[1]
    let languageName = Name(language.text, cursor.range(of: language))
    rejectChildren(of: node)
    guard block.acceptsTranslations else {
      error(
        "dsl.attributeNotAllowed", DSLMessage.translationNotAllowed(block), at: languageName.range)
      return nil
    }
    let translation = Translation(
      language: languageName, text: Text(text.value, cursor.range(of: text)))
    return Attribute(keyword: languageName, value: .translation(translation), range: range)
  }

  private mutating func reportUnknownAttribute(_ token: Token, cursor: TokenCursor, block: Block) {
    let range = cursor.range(of: token)
    guard token.kind == .word else {
      if token.kind != .invalid {
        error("dsl.expectedAttribute", DSLMessage.expectedAttribute(block), at: range)
      }
      return
    }
    if DeclarationKind(rawValue: token.text) != nil {
      error(
        "dsl.unexpectedIndentation", DSLMessage.indentedDeclaration, at: range,
        label: "declarations start at the beginning of a line")
      return
    }
    let allowed = AttributeKeyword.allowed(in: block).map(\.rawValue)
    error(
      "dsl.unknownAttribute", DSLMessage.unknownAttribute(token.text, block), at: range,
      label: Suggestion.label(for: token.text, in: allowed))
  }

  private func nests(_ value: AttributeValue) -> Bool {
    switch value {
    case .row, .benchmark, .choice, .action: true
    default: false
    }
  }

  private mutating func parseValue(
    _ keyword: AttributeKeyword, _ cursor: inout TokenCursor, node: OutlineNode
  ) -> AttributeValue {
    let value = parseSimpleValue(keyword, &cursor, node: node)
    expectEnd(&cursor)
    return value
  }

  private mutating func parseSimpleValue(
    _ keyword: AttributeKeyword, _ cursor: inout TokenCursor, node: OutlineNode
  ) -> AttributeValue {
    switch keyword {
    case .version:
      guard let token = cursor.advance() else {
        error(
          "dsl.expectedVersion", DSLMessage.expected("a version such as 2026.1"), at: cursor.here)
        return .invalid
      }
      return .version(Text(token.value, cursor.range(of: token)))
    case .languages: return parseLanguages(&cursor)
    case .description, .hint:
      let startsWithLanguage = cursor.current?.kind == .word
      let texts = parseTexts(
        &cursor, what: "the text in double quotes", primaryRequired: !startsWithLanguage)
      if texts.primary == nil, texts.translations.isEmpty {
        error("dsl.expectedText", DSLMessage.expected("the text in double quotes"), at: cursor.here)
        return .invalid
      }
      return keyword == .hint ? .hint(texts) : .description(texts)
    case .chapter, .wave, .weight:
      guard cursor.eat(word: "from") != nil else {
        error("dsl.expectedFrom", DSLMessage.expectedFrom(keyword.rawValue), at: cursor.here)
        return .invalid
      }
      return expectName(&cursor, what: "the name of a question").map { .role($0) } ?? .invalid
    case .rake: return parseRake(&cursor)
    case .action:
      let texts = parseTexts(&cursor, what: "the organizing note in double quotes")
      expectEnd(&cursor)
      return .action(texts, attributes: parseNested(node, block: .action))
    case .privacy:
      guard let setting = expectWord(&cursor, what: "a privacy setting such as 'min-group'"),
        let value = cursor.advance()
      else {
        if cursor.isAtEnd, !cursor.tokens.isEmpty {
          error("dsl.expectedValue", DSLMessage.expected("a value"), at: cursor.here)
        }
        return .invalid
      }
      return .privacy(setting: setting, value: value)
    case .source:
      return expectText(&cursor, what: "the source in double quotes").map { .source($0) }
        ?? .invalid
    case .wording:
      return expectWord(&cursor, what: "how far the wording is verified").map { .wording($0) }
        ?? .invalid
    case .licence, .license:
      return expectWord(&cursor, what: "a licence such as 'public-domain'").map { .licence($0) }
        ?? .invalid
    case .single, .multiple, .yesNo, .integer, .decimal, .text, .date:
      return parseType(keyword, &cursor)
    case .unit: return .unit(parseTexts(&cursor, what: "the unit in double quotes"))
    case .required: return .required
    case .show:
      guard cursor.eat(word: "if") != nil else {
        error(
          "dsl.expectedIf", DSLMessage.expectedIf("show"), at: cursor.here, label: "write 'show if'"
        )
        return .invalid
      }
      return .showIf(parseExpression(&cursor))
    case .check, .warn: return parseCheck(isHard: keyword == .check, &cursor)
    case .other: return .other(parseTexts(&cursor, what: "the label of the 'other' answer"))
    case .renamed:
      guard cursor.eat(word: "from") != nil else {
        error("dsl.expectedFrom", DSLMessage.expectedFrom("renamed"), at: cursor.here)
        return .invalid
      }
      return .renamedFrom(parseNameList(&cursor, what: "the earlier name"))
    case .private:
      let mode = cursor.isAtEnd ? nil : expectWord(&cursor, what: "'hashed'")
      return .privateField(mode)
    case .row: return parseRow(&cursor, node: node)
    case .items, .reverse:
      return .items(
        parseNameList(&cursor, what: "the name of an item"), reverse: keyword == .reverse)
    case .score:
      return expectWord(&cursor, what: "'sum', 'mean' or 'percent'").map { .score($0) } ?? .invalid
    case .minAnswered, .minKnown:
      return parseSignedNumber(&cursor, what: "a number").map { .minimum($0) } ?? .invalid
    case .band:
      guard let range = parseRange(&cursor, what: "a range such as 3..5") else { return .invalid }
      return .band(range, parseTexts(&cursor, what: "the band's label"))
    case .share: return .share(parseExpression(&cursor))
    case .mean:
      return expectName(&cursor, what: "a scale, question or index").map { .mean($0) } ?? .invalid
    case .better:
      return expectWord(&cursor, what: "'higher' or 'lower'").map { .better($0) } ?? .invalid
    case .threshold: return parseThreshold(&cursor)
    case .benchmark:
      guard let value = parseSignedNumber(&cursor, what: "the benchmark's value") else {
        return .invalid
      }
      let population = expectText(&cursor, what: "who the benchmark describes, in double quotes")
      expectEnd(&cursor)
      return .benchmark(value, population, attributes: parseNested(node, block: .benchmark))
    case .exposed:
      guard cursor.eat(word: "if") != nil else {
        error(
          "dsl.expectedIf", DSLMessage.expectedIf("exposed"), at: cursor.here,
          label: "write 'exposed if'")
        return .invalid
      }
      return .exposedIf(parseExpression(&cursor))
    case .group:
      return expectName(&cursor, what: "a group name such as 'work'").map { .group($0) } ?? .invalid
    case .respondents:
      return expectWord(&cursor, what: "'members' or 'anyone'").map { .respondents($0) } ?? .invalid
    case .unmeasurable:
      guard cursor.eat(word: "among") != nil else {
        error(
          "dsl.expectedValue", DSLMessage.expected("'among members'"), at: cursor.here,
          label: "write 'unmeasurable among members'")
        return .invalid
      }
      return expectWord(&cursor, what: "'members'").map { .unmeasurableAmong($0) } ?? .invalid
    case .causes: return parseCauseSelection(&cursor)
    case .compute: return .compute(parseExpression(&cursor))
    case .missing: return parseMissingChoice(&cursor, node: node)
    case .year:
      guard let token = cursor.advance() else {
        error("dsl.expectedValue", DSLMessage.expected("a year such as 2024"), at: cursor.here)
        return .invalid
      }
      return .year(token)
    case .comparable: return .comparable(true)
    case .notComparable: return .comparable(false)
    }
  }
}
