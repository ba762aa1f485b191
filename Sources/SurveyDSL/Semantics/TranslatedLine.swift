import SurveyCore

/// A line that carries a translatable text, with what identifies it within its declaration, so
/// that a translation file's line can be matched with the survey's.
struct TranslatedLine {
  enum Key: Equatable {
    case description, hint, unit, other
    case check(isHard: Bool, condition: String)
    case choice(Double)
    case row(String)
    case band(String)
    case threshold(Double)
    /// A cause's organizing note, by its place among the cause's notes (0 for the first).
    case action(Int)
  }

  var key: Key
  /// The text in the file's main language (in a translation file: in its language).
  var text: Text?
  /// Whether the line has no translations of its own and nothing nested.
  var isPlain: Bool
  /// The translations the line has.
  var translations: [Translation]
  /// The line as written up to its text (`check hours <= 168`, `2`, `row trust_neighbors`).
  var lead = ""

  init?(_ value: AttributeValue) {
    switch value {
    case .description(let texts): self.init(.description, texts)
    case .hint(let texts): self.init(.hint, texts)
    case .unit(let texts): self.init(.unit, texts)
    case .other(let texts): self.init(.other, texts)
    case .check(let isHard, let condition, let texts):
      let range = condition.range
      let bytes = range.file.bytes
      let lower = max(0, min(range.bytes.lowerBound, bytes.count))
      let upper = max(lower, min(range.bytes.upperBound, bytes.count))
      let source = String(decoding: bytes[lower..<upper], as: UTF8.self)
      self.init(.check(isHard: isHard, condition: source.filter { !$0.isWhitespace }), texts)
      lead = (isHard ? "check " : "warn ") + source
    case .choice(let choice):
      self.init(.choice(choice.code.value), choice.label)
      isPlain = isPlain && choice.translations.isEmpty
      translations += choice.translations
      lead = choice.missingKind.map { "missing \($0.text) \(choice.code.text)" } ?? choice.code.text
    case .row(let name, let text, let attributes):
      let translations = attributes.compactMap {
        if case .translation(let translation) = $0.value { return translation }
        return nil
      }
      self.init(.row(name.text.lowercased()), Texts(primary: text, translations: translations))
      isPlain = attributes.isEmpty
      lead = "row " + name.text
    case .band(let range, let texts):
      self.init(.band(range.low.text + ".." + range.high.text), texts)
      lead = "band " + range.low.text + ".." + range.high.text
    case .threshold(let value, let texts, _):
      self.init(.threshold(value.value), texts)
      lead = "threshold " + value.text
    case .action(let texts, let nested):
      let translations = nested.compactMap {
        if case .translation(let translation) = $0.value { return translation }
        return nil
      }
      self.init(
        .action(0), Texts(primary: texts.primary, translations: texts.translations + translations))
      isPlain = texts.translations.isEmpty && nested.isEmpty
      lead = "action"
    default: return nil
    }
  }

  /// The translatable lines of a declaration's attributes, in order, each organizing note keyed
  /// by its place among the notes (the n-th `action` of a translation file translates the n-th
  /// of the cause).
  static func lines(_ attributes: [Attribute]) -> [TranslatedLine?] {
    var actions = 0
    return attributes.map { attribute in
      guard var line = TranslatedLine(attribute.value) else { return nil }
      if case .action = line.key {
        line.key = .action(actions)
        actions += 1
      }
      return line
    }
  }

  private init(_ key: Key, _ texts: Texts) {
    self.key = key
    text = texts.primary
    isPlain = texts.translations.isEmpty
    translations = texts.translations
    switch key {
    case .description: lead = "description"
    case .hint: lead = "hint"
    case .unit: lead = "unit"
    case .other: lead = "other"
    default: lead = ""
    }
  }

  func matches(_ other: TranslatedLine) -> Bool { key == other.key }

  /// How the line is named in messages.
  var description: String {
    switch key {
    case .description: "description"
    case .hint: "hint"
    case .unit: "unit"
    case .other: "'other' answer"
    case .check(let isHard, let condition): "\(isHard ? "check" : "warning") '\(condition)'"
    case .choice(let code): "choice with code \(JSONValue.format(code))"
    case .row(let name): "row '\(name)'"
    case .band(let range): "band \(range)"
    case .threshold(let value): "threshold \(JSONValue.format(value))"
    case .action(let index): "organizing note \(index + 1)"
    }
  }

  /// The line with one more translation.
  static func adding(_ translation: Translation, to value: AttributeValue) -> AttributeValue {
    func more(_ texts: Texts) -> Texts {
      Texts(primary: texts.primary, translations: texts.translations + [translation])
    }
    switch value {
    case .description(let texts): return .description(more(texts))
    case .hint(let texts): return .hint(more(texts))
    case .unit(let texts): return .unit(more(texts))
    case .other(let texts): return .other(more(texts))
    case .check(let isHard, let condition, let texts):
      return .check(isHard: isHard, condition, more(texts))
    case .choice(var choice):
      choice.label = more(choice.label)
      return .choice(choice)
    case .row(let name, let text, let attributes):
      let line = Attribute(
        keyword: translation.language, value: .translation(translation),
        range: translation.text.range)
      return .row(name: name, text: text, attributes: attributes + [line])
    case .band(let range, let texts): return .band(range, more(texts))
    case .threshold(let value, let texts, let provenance):
      return .threshold(value, more(texts), provenance: provenance)
    case .action(let texts, let nested): return .action(more(texts), attributes: nested)
    default: return value
    }
  }
}
