import SurveyCore

extension Parser {
  mutating func parseLanguages(_ cursor: inout TokenCursor) -> AttributeValue {
    var languages: [LanguageSyntax] = []
    repeat {
      guard let code = expectWord(&cursor, what: "a language code such as 'en'") else { break }
      var name: Text?
      if let token = cursor.current, token.kind == .string {
        cursor.index += 1
        name = Text(token.value, cursor.range(of: token))
      }
      var draft: Name?
      if let token = cursor.current, token.kind == .word {
        guard token.text == "draft" else {
          error(
            "dsl.unknownValue", DSLMessage.unknownLanguageFlag(token.text),
            at: cursor.range(of: token),
            label: Suggestion.label(for: token.text, in: ["draft"]))
          break
        }
        cursor.index += 1
        draft = Name(token.text, cursor.range(of: token))
      }
      languages.append(LanguageSyntax(code: code, name: name, draft: draft))
    } while cursor.eat(symbol: ",") != nil
    return .languages(languages)
  }

  mutating func parseType(_ keyword: AttributeKeyword, _ cursor: inout TokenCursor)
    -> AttributeValue
  {
    switch keyword {
    case .single, .multiple:
      guard let set = expectName(&cursor, what: "the name of a choice set") else { return .invalid }
      return .type(keyword == .single ? .single(set) : .multiple(set))
    case .yesNo: return .type(.yesNo)
    case .text: return .type(.text)
    case .integer, .decimal, .date:
      var range: RangeLiteral?
      if !cursor.isAtEnd { range = parseRange(&cursor, what: "a range such as 0..120") }
      switch keyword {
      case .integer: return .type(.integer(range))
      case .decimal: return .type(.decimal(range))
      default: return .type(.date(range))
      }
    default: return .invalid
    }
  }

  /// `check CONDITION "message" [LANG "message"]…`: the message is the trailing text.
  mutating func parseCheck(isHard: Bool, _ cursor: inout TokenCursor) -> AttributeValue {
    var end = cursor.tokens.count
    while end - 2 > cursor.index, cursor.tokens[end - 1].kind == .string,
      cursor.tokens[end - 2].kind == .word, end - 3 >= cursor.index,
      cursor.tokens[end - 3].kind == .string
    {
      end -= 2
    }
    guard end - 1 > cursor.index, cursor.tokens[end - 1].kind == .string else {
      error(
        "dsl.expectedText", DSLMessage.expectedCheckMessage, at: cursor.here,
        label: "end the line with a message in double quotes")
      return .invalid
    }
    var expressionCursor = TokenCursor(
      file: file,
      line: LexedLine(
        number: 0, indent: 0, indentHasTab: false, indentHasSpace: false,
        tokens: Array(cursor.tokens[..<(end - 1)]), comment: nil, bytes: cursor.lineBytes),
      start: cursor.index)
    let condition = parseExpression(&expressionCursor)
    cursor.index = end - 1
    let message = parseTexts(&cursor, what: "the message")
    return .check(isHard: isHard, condition, message)
  }

  mutating func parseRow(_ cursor: inout TokenCursor, node: OutlineNode) -> AttributeValue {
    guard let name = expectName(&cursor, what: "the row's name") else { return .invalid }
    let text = expectText(&cursor, what: "the row's question text")
    expectEnd(&cursor)
    return .row(name: name, text: text, attributes: parseNested(node, block: .row))
  }

  mutating func parseThreshold(_ cursor: inout TokenCursor) -> AttributeValue {
    guard let value = parseSignedNumber(&cursor, what: "the threshold's value") else {
      return .invalid
    }
    var texts = parseTexts(&cursor, what: "the threshold's label")
    var provenance: Name?
    if !cursor.isAtEnd {
      provenance = expectWord(&cursor, what: "'published' or 'convention'")
      texts.translations += parseTexts(&cursor, what: "", primaryRequired: false).translations
    }
    return .threshold(value, texts, provenance: provenance)
  }

  mutating func parseCauseSelection(_ cursor: inout TokenCursor) -> AttributeValue {
    if let all = cursor.current, all.isWord("all"), cursor.next == nil {
      cursor.index += 1
      return .causes(.all)
    }
    if let group = cursor.current, group.isWord("group"), cursor.next?.kind == .word,
      cursor.tokens.count == cursor.index + 2
    {
      cursor.index += 1
      return expectName(&cursor, what: "a group name").map { .causes(.group($0)) } ?? .invalid
    }
    return .causes(.list(parseNameList(&cursor, what: "the name of a cause")))
  }

  /// `CODE [NAME] "Label" [LANG "label"]…` with translations possibly nested below.
  mutating func parseChoice(
    _ cursor: inout TokenCursor, node: OutlineNode, missingKind: Name?
  ) -> AttributeValue {
    guard let code = parseSignedNumber(&cursor, what: "the answer's code, a whole number") else {
      expectEnd(&cursor)
      return .invalid
    }
    if code.value.rounded() != code.value || code.isPercent || abs(code.value) > 1e9 {
      error("dsl.invalidCode", DSLMessage.invalidCode(code.text), at: code.range)
    }
    var name: Name?
    if missingKind == nil, cursor.current?.kind == .word {
      name = expectName(&cursor, what: "the answer's name")
    }
    let label = parseTexts(&cursor, what: "the answer's label in double quotes")
    expectEnd(&cursor)
    var translations: [Translation] = []
    for child in node.children {
      guard let attribute = parseAttribute(child, block: .choice) else { continue }
      if case .translation(let translation) = attribute.value {
        translations.append(translation)
      }
    }
    return .choice(
      ChoiceSyntax(
        code: code, name: missingKind ?? name, missingKind: missingKind, label: label,
        translations: translations))
  }

  /// `missing KIND CODE "Label" …`.
  mutating func parseMissingChoice(_ cursor: inout TokenCursor, node: OutlineNode) -> AttributeValue
  {
    guard let kind = expectWord(&cursor, what: "the kind: dont_know, refused or not_applicable")
    else {
      expectEnd(&cursor)
      return .invalid
    }
    if MissingKind(rawValue: kind.text) == nil {
      error(
        "dsl.unknownValue", DSLMessage.unknownMissingKind(kind.text), at: kind.range,
        label: Suggestion.label(for: kind.text, in: MissingKind.allCases.map(\.rawValue)))
    }
    return parseChoice(&cursor, node: node, missingKind: kind)
  }
}

extension Parser {
  /// Reads what follows `rake`: `from "FILE"`, `trim A..B`, or `Q CATEGORY COUNT, …`.
  mutating func parseRake(_ cursor: inout TokenCursor) -> AttributeValue {
    if cursor.current?.isWord("from") == true, cursor.next?.kind == .string {
      cursor.index += 1
      return expectText(&cursor, what: "the margins file in double quotes").map {
        .rake(.file($0))
      } ?? .invalid
    }
    if cursor.current?.isWord("trim") == true, cursor.next?.kind == .number {
      cursor.index += 1
      return parseRange(&cursor, what: "bounds such as 0.3..3").map { .rake(.trim($0)) }
        ?? .invalid
    }
    guard
      let variable = expectName(
        &cursor, what: "the question (or 'chapter') the margin counts by, 'from' or 'trim'")
    else { return .invalid }
    var counts: [RakeCount] = []
    repeat {
      guard let token = cursor.current, [.word, .number, .string].contains(token.kind) else {
        error(
          "dsl.expectedCategory", DSLMessage.expected("a category and its number of members"),
          at: cursor.here, label: "for example: rake age_band under_30 120, from_30 240")
        return .invalid
      }
      cursor.index += 1
      guard let count = parseSignedNumber(&cursor, what: "the number of members in the category")
      else { return .invalid }
      counts.append(
        RakeCount(
          category: Name(token.value, cursor.range(of: token)), count: count))
    } while cursor.eat(symbol: ",") != nil
    // Something else after a count: the line is refused whole, so that no check complains
    // about the categories it did not get to.
    if let token = cursor.current, token.kind != .invalid {
      let previous = cursor.index > 0 ? cursor.tokens[cursor.index - 1] : nil
      if previous?.bytes.upperBound == token.bytes.lowerBound {
        error(
          "dsl.expectedNumber", DSLMessage.expectedCountInDigits,
          at: cursor.range(of: token),
          label: "for example 120, 35% or 12.5% (no exponent, no thousands separator)")
      } else {
        error(
          "dsl.unexpectedToken",
          DSLMessage.expectedCommaBetweenCounts(token.text), at: cursor.range(of: token),
          label: "for example: rake age_band under_30 120, from_30 240")
      }
      return .invalid
    }
    return .rake(.margin(variable, counts, wave: nil))
  }
}
