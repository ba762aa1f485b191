/// A language a survey is written in: a short code (`en`, `es`) and the name shown to people.
package struct Language: Sendable, Hashable {
  /// The code used in the survey file, such as `en` or `pt-BR`.
  package var code: String
  /// The language's own name, such as "Español".
  package var name: String
  /// Whether the texts in this language are a draft translation to review before fielding.
  package var isDraft: Bool

  /// Creates a language.
  package init(code: String, name: String, isDraft: Bool = false) {
    self.code = code
    self.name = name
    self.isDraft = isDraft
  }
}

/// A text with one version per language code.
package struct LocalizedText: Sendable, Hashable {
  /// The texts by language code.
  package var values: [String: String]

  /// Creates a text from texts by language code.
  package init(_ values: [String: String] = [:]) {
    self.values = values
  }

  /// Whether there is no text in any language.
  package var isEmpty: Bool { values.isEmpty }

  /// The text in `language`, else in `fallback`, else any text (the alphabetically first
  /// language, for determinism), else an empty string.
  package func text(in language: String, fallback: String? = nil) -> String {
    if let text = values[language] { return text }
    if let fallback, let text = values[fallback] { return text }
    return values.keys.sorted().first.flatMap { values[$0] } ?? ""
  }

  /// The language codes among `languages` that have no text.
  package func missingLanguages(_ languages: [String]) -> [String] {
    languages.filter { values[$0] == nil }
  }
}
