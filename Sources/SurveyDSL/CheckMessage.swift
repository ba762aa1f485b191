import SurveyCore

/// The wording of the checker's diagnostics (names, references, types, scales, indicators),
/// in alphabetical order. Same conventions as ``DSLMessage``.
extension DSLMessage {
  static func bandOutOfRange(_ low: String, _ high: String, _ range: ClosedRange<Double>) -> String
  {
    "band \(low)..\(high) goes outside the possible scores \(format(range.lowerBound))..\(format(range.upperBound))"
  }

  static let bandOverlap = "this band overlaps another band of the same scale"

  static func bareAnswer(_ name: String, _ set: String) -> String {
    "\(quoted: name) is an answer in \(quoted: set), not a question"
  }

  static let benchmarkComparability =
    "say whether this benchmark used the same item and answers: 'comparable' or 'not-comparable'"

  static func benchmarkOutOfRange(_ text: String) -> String {
    "the benchmark of a share must be between 0% and 100%, not \(quoted: text)"
  }

  static let benchmarkSource = "a benchmark should give its 'year' and 'source'"

  static func builtInYesNoLanguage(_ language: String) -> String {
    "the built-in yes_no answers have no \(quoted: language) labels"
  }

  static func cannotCompare(_ a: String, _ typeA: ValueType, _ b: String, _ typeB: ValueType)
    -> String
  {
    "cannot compare \(a) (\(typeA.description)) with \(b) (\(typeB.description))"
  }

  static func compareMultiple(_ what: String) -> String {
    "\(what) is a multiple-choice answer and cannot be compared with '=' or 'in'"
  }

  static func derivedCycle(_ id: String) -> String {
    "derived value \(quoted: id) depends on itself"
  }

  static func derivedType(_ id: String, _ type: ValueType) -> String {
    "derived value \(quoted: id) must compute a number or a condition, not \(type.description)"
  }

  static let duplicateType = "this question already has a type"

  static func duplicateAttribute(_ keyword: String) -> String {
    "\(quoted: keyword) is given twice"
  }

  static func duplicateCode(_ code: String, _ set: String) -> String {
    "code \(code) is used twice in choice set \(quoted: set)"
  }

  static let duplicateHeader = "a file can declare only one survey"

  static func duplicateItem(_ id: String) -> String { "\(quoted: id) is listed twice" }

  static func duplicateLanguage(_ code: String) -> String {
    "language \(quoted: code) is listed twice"
  }

  static func duplicateName(_ name: String, _ kind: String) -> String {
    "the name \(quoted: name) is already used (by a \(kind)); names must be unique, ignoring case"
  }

  static func duplicateTranslation(_ code: String) -> String {
    "text in \(quoted: code) is given twice"
  }

  static func emptyChoiceSet(_ id: String) -> String { "choice set \(quoted: id) has no answers" }

  static func emptyGrid(_ id: String) -> String { "grid \(quoted: id) has no rows" }

  static func emptyIndex(_ id: String) -> String {
    "index \(quoted: id) does not say which causes it counts"
  }

  static func emptyScale(_ id: String) -> String { "scale \(quoted: id) has no items" }

  static func expectedWholeNumber(_ setting: String) -> String {
    "\(quoted: setting) needs a whole number"
  }

  static func forwardReference(_ id: String) -> String {
    "\(quoted: id) is asked later, so it has no answer yet when this condition is checked"
  }

  static func impossibleTest(_ what: String, _ kind: String) -> String {
    "\(what) has no \(quoted: kind) answer, so this test is never true"
  }

  static func includesNeedsMultiple(_ what: String, _ type: ValueType) -> String {
    "'includes' needs a multiple-choice answer, but \(what) is \(type.description)"
  }

  static func inNeedsChoice(_ what: String, _ type: ValueType) -> String {
    "'in' needs an answer or a number, but \(what) is \(type.description)"
  }

  static func invalidDate(_ text: String) -> String { "\(quoted: text) is not a valid date" }

  static func invalidMinimum(_ text: String, _ count: Int) -> String {
    "the minimum must be a whole number from 1 to \(count), not \(quoted: text)"
  }

  static func invalidRange(_ low: String, _ high: String) -> String {
    "the range \(low)..\(high) is empty: the first bound must not be above the second"
  }

  static func invalidRole(_ role: String, _ question: String) -> String {
    switch role {
    case "weight":
      "the weight must come from a numeric question that is not private; \(quoted: question) is not one"
    default:
      "the \(role) must come from a single-choice, text or whole-number question that is not private; \(quoted: question) is not one"
    }
  }

  static let listNeedsConstants = "a list may only contain answers and numbers"

  static func meanNotNumeric(_ id: String) -> String {
    "the mean needs numbers, but \(quoted: id) is not a numeric or single-choice question"
  }

  static func meanOfCondition(_ id: String) -> String {
    "\(quoted: id) is a condition, so take its share rather than its mean"
  }

  static func missingComputation(_ id: String) -> String {
    "derived value \(quoted: id) has no 'compute' line"
  }

  static func missingDirection(_ id: String) -> String {
    "indicator \(quoted: id) does not say whether higher values are better or worse"
  }

  static let missingHeader = "a survey file must start with a 'survey' or 'library' declaration"

  static func missingMeasure(_ id: String) -> String {
    "indicator \(quoted: id) does not say what it measures"
  }

  static func missingRule(_ id: String) -> String { "cause \(quoted: id) has no 'exposed if' rule" }

  static func missingTranslation(_ owner: String, _ name: String, _ code: String, _ parts: [String])
    -> String
  {
    let list =
      parts.count > 4
      ? parts.prefix(4).joined(separator: ", ") + " and \(parts.count - 4) more"
      : parts.joined(separator: ", ")
    return "\(owner) has no \(name) (\(quoted: code)) text for: \(list)"
  }

  static func missingType(_ kind: DeclarationKind) -> String {
    "this \(kind.rawValue) does not say what kind of answer it takes"
  }

  static let missingVersion = "the survey has no version"

  static func neverShown(_ id: String) -> String { "question \(quoted: id) can never be shown" }

  static func notACondition(_ what: String, _ type: ValueType) -> String {
    "\(what) is \(type.description), not a condition"
  }

  static func notANumber(_ what: String, _ type: ValueType) -> String {
    "\(what) is \(type.description), not a number"
  }

  static func notAValue(_ id: String, _ kind: String) -> String {
    "\(quoted: id) is a \(kind), not a value that can be used here"
  }

  static let numberRangeExpected = "expected a range of numbers such as 0..120"

  static let orderedConditions = "conditions can only be compared with '=' or '!='"

  static let otherWithoutChoices =
    "only single- and multiple-choice questions can have an 'other' answer"

  static func otherClash(_ question: String, _ other: String) -> String {
    "the 'other' answer of \(quoted: question) is stored as \(quoted: other), which is already a name"
  }

  static func permissionRequired(_ id: String) -> String {
    "\(quoted: id) needs written permission from its authors before it is fielded"
  }

  static func privacyBelowFloor(_ setting: String, _ floor: Int) -> String {
    "\(quoted: setting) cannot be lower than \(floor): reports must not let a reader single anyone out"
  }

  static func privateReported(_ id: String) -> String {
    "\(quoted: id) is private and can never be used in a score, indicator, cause or derived value"
  }

  static func renameConflict(_ old: String) -> String {
    "\(quoted: old) is the current name of another question, so it cannot also be an old name"
  }

  static func renamedTwice(_ old: String, _ other: String) -> String {
    "\(quoted: old) is already an old name of \(quoted: other)"
  }

  static func requiredPrivate(_ id: String) -> String {
    "\(quoted: id) is private and required: people may not want to give it; consider making it optional"
  }

  static func reservedName(_ name: String) -> String {
    "\(quoted: name) is a word of the condition language and cannot be used as a name"
  }

  static func reverseNotItem(_ name: String, _ scale: String) -> String {
    "\(quoted: name) is reversed but is not an item of scale \(quoted: scale)"
  }

  static func reverseWithoutBounds(_ id: String) -> String {
    "\(quoted: id) can only be reversed if it has a range, such as 'integer 1..5'"
  }

  static func scaleItemNotScorable(_ id: String) -> String {
    "\(quoted: id) cannot be scored: scale items must be single-choice or numeric questions"
  }

  static func scaleMixedChoiceSets(
    _ scale: String, _ id: String, _ set: String, _ first: String, _ firstSet: String
  ) -> String {
    "scale \(quoted: scale) mixes answer scales: \(quoted: id) uses \(quoted: set) but \(quoted: first) uses \(quoted: firstSet)"
  }

  static func sectionNeverShown(_ id: String) -> String {
    "section \(quoted: id) can never be shown: its 'show if' condition can never be true"
  }

  static func selfReference(_ id: String) -> String {
    "the condition for showing \(quoted: id) depends on its own answer"
  }

  static let surveyInLibrary = "a used file cannot declare a survey"

  static let thisOutsideCheck = "'this' can only be used in a question's 'check' and 'warn' lines"

  static let thresholdOrder = "thresholds must be listed from lowest to highest"

  static let thresholdProvenance =
    "say whether this threshold is 'published' in the literature or the toolkit's 'convention'"

  static let unitWithoutNumber = "only numeric questions have a unit"

  static func unknownAnswer(_ name: String, _ set: String) -> String {
    "\(quoted: name) is not an answer in choice set \(quoted: set)"
  }

  static func unknownCause(_ name: String) -> String { "unknown cause \(quoted: name)" }

  static func unknownChoiceSet(_ name: String) -> String { "unknown choice set \(quoted: name)" }

  static func unknownCodeNumber(_ code: String, _ set: String) -> String {
    "no answer in choice set \(quoted: set) has code \(code)"
  }

  static func unknownFunction(_ name: String) -> String { "unknown function \(quoted: name)" }

  static func unknownGroup(_ name: String) -> String { "no cause is in group \(quoted: name)" }

  static func unknownLanguage(_ code: String) -> String {
    "\(quoted: code) is not one of the languages of this survey"
  }

  static func unknownMeasure(_ name: String) -> String {
    "unknown scale, question or index \(quoted: name)"
  }

  static func unknownName(_ name: String) -> String { "unknown name \(quoted: name)" }

  static func unknownQuestion(_ name: String) -> String { "unknown question \(quoted: name)" }

  static func unknownSetting(_ name: String) -> String { "unknown privacy setting \(quoted: name)" }

  static func unknownValue(_ value: String, _ attribute: String, _ values: [String]) -> String {
    "\(quoted: value) is not a valid value for \(quoted: attribute) (use \(values.map { "\(quoted: $0)" }.joined(separator: ", ")))"
  }

  static func wrongArgumentCount(_ name: String, _ expected: String, _ got: Int) -> String {
    "\(quoted: name) takes \(expected) argument\(expected == "1" ? "" : "s"), not \(got)"
  }

  private static func format(_ value: Double) -> String {
    JSONValue.format(value)
  }
}
