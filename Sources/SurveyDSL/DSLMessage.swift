import SurveyCore

/// The wording of every diagnostic the survey language can produce, in one place.
///
/// Conventions: lower-case, no trailing period, the user's own text in single quotes through
/// `\(quoted: text)`, which cuts it after 100 Characters (a word of a survey file can be 100 MB
/// long). Keep the functions in alphabetical order.
package enum DSLMessage {
  static func attributeNotAllowed(_ word: String, _ block: Block, _ keyword: AttributeKeyword)
    -> String
  {
    "\(quoted: word) cannot be used in \(block.description); it belongs in \(keyword.home)"
  }

  static let expectedAnswerTest =
    "expected 'answered', 'missing', 'dont_know', 'refused' or 'not_applicable' after 'is'"

  static let expectedCheckMessage = "expected a message in double quotes at the end of the check"

  static let expectedClosingParenthesis = "expected ')'"

  static func expectedCommaBetweenCounts(_ text: String) -> String {
    "expected ',' before \(quoted: text): each category and its number of members are "
      + "separated from the next by a comma"
  }

  static let expectedCountInDigits = "a number of members is written in digits only"

  static let expectedDeclaration =
    "expected a declaration such as 'question', 'choices' or 'scale' at the start of the line"

  static let expectedList = "expected a list in parentheses"

  static let expectedPath = "expected the path of a survey file after 'use'"

  static func expected(_ what: String) -> String { "expected \(what)" }

  static func expectedAttribute(_ block: Block) -> String {
    "expected an attribute of \(block.description)"
  }

  static func expectedFrom(_ keyword: String) -> String {
    "expected 'from' after \(quoted: keyword)"
  }
  static let expectedFor = "expected 'for' and the name of the survey it translates"

  static func expectedIf(_ keyword: String) -> String { "expected 'if' after \(quoted: keyword)" }

  static func expectedTitle(_ kind: DeclarationKind) -> String {
    switch kind {
    case .question, .grid: "expected the \(kind.rawValue)'s text in double quotes"
    default: "expected the \(kind.rawValue)'s title in double quotes"
    }
  }

  static func expressionTooDeep(_ limit: Int) -> String {
    "this condition is too long or too deeply nested (more than \(limit) levels); split it into derived values"
  }

  static func hyphenInName(_ name: String) -> String {
    "\(quoted: name) is not a valid name: names use letters, digits and '_' (write 'a - b' with spaces for a subtraction)"
  }

  static let indentedDeclaration = "a declaration must start at the beginning of a line"

  static func invalidCharacter(_ text: String) -> String { "unexpected character \(quoted: text)" }

  static func invalidCode(_ text: String) -> String {
    "\(quoted: text) is not a valid answer code: codes are whole numbers"
  }

  static func invalidEscape(_ byte: UInt8) -> String {
    "unknown escape '\\\(String(UnicodeScalar(byte)))' in text: use '\\\"' for a quote and '\\\\' for a backslash"
  }

  static let mixedIndentation = "this file mixes tabs and spaces in its indentation"

  static func nonASCIIName(_ text: String) -> String {
    "names may only use the letters a-z, digits and '_', not \(quoted: text)"
  }

  static func translationNotAllowed(_ block: Block) -> String {
    "\(block.description) has no text to translate"
  }

  static func typographicQuote(_ quote: String) -> String {
    "text must be in straight double quotes, not \(quoted: quote)"
  }

  static func unexpectedInExpression(_ text: String) -> String {
    "unexpected \(quoted: text) in the condition"
  }

  static let unexpectedNesting = "this line is indented under a line that takes no nested lines"

  static func unexpectedText(_ text: String) -> String {
    "unexpected \(quoted: text) at the end of the line"
  }

  static func unknownAttribute(_ word: String, _ block: Block) -> String {
    "unknown attribute \(quoted: word) in \(block.description)"
  }

  static func unknownDeclaration(_ word: String) -> String { "unknown declaration \(quoted: word)" }

  static func unknownLanguageFlag(_ word: String) -> String {
    "unexpected \(quoted: word) after a language: only 'draft' may follow its name"
  }

  static func unknownMissingKind(_ word: String) -> String {
    "unknown kind of missing answer \(quoted: word): use dont_know, refused or not_applicable"
  }

  static let unterminatedString = "text has no closing double quote"
}

extension DSLMessage {
  static let invalidUTF8 = "this file is not valid UTF-8 text"

  static func useCycle(_ cycle: String) -> String { "files use each other in a circle: \(cycle)" }

  static func useNotFound(_ written: String, _ resolved: String) -> String {
    "cannot find \(quoted: written) (looked for \(quoted: resolved))"
  }
}

extension DSLMessage {
  static let translationHeaderFirst =
    "'translation' must be the first declaration of a translation file"

  static let duplicateTranslationHeader = "a translation file holds one language"

  static func translationAlone(_ target: String) -> String {
    "this file translates \(quoted: target), but no survey file next to it uses it, so it cannot be checked"
  }

  static func translationTarget(_ name: String) -> String {
    "there is no survey or library \(quoted: name) to translate"
  }

  static func translationOfMain(_ code: String) -> String {
    "\(quoted: code) is the main language, in which the texts are written; a translation file is for another language"
  }

  static func translationDeclaration(_ keyword: String) -> String {
    "a translation file cannot \(quoted: keyword): it holds only texts"
  }

  static func translationUnknown(_ kind: String, _ name: String) -> String {
    "there is no \(kind) \(quoted: name) to translate"
  }

  static func translationNotText(_ keyword: String) -> String {
    "\(quoted: keyword) is not a text: a translation file holds only texts, the rest is in the survey file"
  }

  static let translationLanguageCode =
    "in a translation file, a text has no language code and nothing below it"

  static func translationNoText(_ owner: String, _ line: String) -> String {
    "\(owner) has no \(line) to translate"
  }
}
