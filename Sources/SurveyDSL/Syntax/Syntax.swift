import SurveyCore

/// A name as written in a file: a keyword, an identifier or a language code.
package struct Name: Sendable, Hashable {
  /// The text.
  package var text: String
  /// Where it is.
  package var range: SourceRange

  /// Creates a name.
  package init(_ text: String, _ range: SourceRange) {
    self.text = text
    self.range = range
  }
}

/// Text in quotes, decoded.
package struct Text: Sendable, Hashable {
  /// The decoded text.
  package var value: String
  /// Where it is, quotes included.
  package var range: SourceRange

  /// Creates a text.
  package init(_ value: String, _ range: SourceRange) {
    self.value = value
    self.range = range
  }
}

/// A text in a named language: `es "…"`.
package struct Translation: Sendable, Hashable {
  /// The language code.
  package var language: Name
  /// The text.
  package var text: Text
}

/// A text in the default language followed by translations on the same line: `"Yes" es "Sí"`.
package struct Texts: Sendable, Hashable {
  /// The text in the file's default language, if given.
  package var primary: Text?
  /// Translations in the order written.
  package var translations: [Translation]
}

/// A signed number as written, such as `-5`, `4.5` or `25%`.
package struct NumberLiteral: Sendable, Hashable {
  /// The value (`25%` is 0.25).
  package var value: Double
  /// The text as written, sign included.
  package var text: String
  /// Whether it was written as a percentage.
  package var isPercent: Bool
  /// Where it is.
  package var range: SourceRange
}

/// A range of numbers or dates: `0..120`, `2020-01-01..2030-12-31`.
package struct RangeLiteral: Sendable, Hashable {
  /// The lower bound as written.
  package var low: Token
  /// The upper bound as written.
  package var high: Token
  /// The numeric bounds, when they are numbers.
  package var lowValue: Double?
  /// The upper numeric bound, when it is a number.
  package var highValue: Double?
  /// Where it is.
  package var range: SourceRange
}

/// What kind of answer a question or grid takes, as written.
package enum TypeSyntax: Sendable, Hashable {
  case single(Name)
  case multiple(Name)
  case yesNo
  case integer(RangeLiteral?)
  case decimal(RangeLiteral?)
  case text
  case date(RangeLiteral?)
}

/// The kinds of top-level declaration.
package enum DeclarationKind: String, Sendable, Hashable, CaseIterable {
  case survey
  case library
  case use
  case choices
  case section
  case question
  case grid
  case scale
  case indicator
  case cause
  case index
  case derived
  /// `translation LANG for NAME`: the first line of a file that holds one language's texts.
  case translation
}

/// One top-level declaration with its attributes.
package struct Declaration: Sendable, Hashable {
  /// What it declares.
  package var kind: DeclarationKind
  /// The keyword as written.
  package var keyword: Name
  /// The declared name (absent only after an error, or for `use`).
  package var name: Name?
  /// The title or question text in the default language.
  package var title: Text?
  /// For `use`: the path as written.
  package var path: Text?
  /// For `translation`: the survey or library it translates.
  package var target: Name? = nil
  /// The attributes in the order written.
  package var attributes: [Attribute]
  /// The header line.
  package var range: SourceRange
}

/// One attribute line (and, for rows, choices and benchmarks, the lines nested under it).
package struct Attribute: Sendable, Hashable {
  /// The attribute's first word as written (the language code for a translation).
  package var keyword: Name
  /// What the line says.
  package var value: AttributeValue
  /// The whole line.
  package var range: SourceRange
}
