import SurveyCore

/// The type of a value in a condition or calculation, for checking.
enum ValueType: Equatable {
  case number
  case condition
  case text
  case date
  /// A single-choice answer from a choice set.
  case choice(String)
  /// A multiple-choice answer from a choice set.
  case choices(String)
  /// Unknown because of an earlier error; accepted everywhere to avoid follow-on errors.
  case unknown

  /// How the type is described in messages.
  var description: String {
    switch self {
    case .number: "a number"
    case .condition: "a condition"
    case .text: "text"
    case .date: "a date"
    case .choice(let set): "an answer from '\(set)'"
    case .choices(let set): "a multiple-choice answer from '\(set)'"
    case .unknown: "a value"
    }
  }

  /// Whether the value can be used as a number (choice answers count by their codes).
  var isNumeric: Bool {
    switch self {
    case .number, .choice, .unknown: true
    default: false
    }
  }

  /// The type of a question's answer.
  init(_ type: QuestionType) {
    switch type {
    case .single(let set): self = .choice(set)
    case .multiple(let set): self = .choices(set)
    case .number: self = .number
    case .text: self = .text
    case .date: self = .date
    }
  }
}

/// Where an expression is, for resolving `this` and checking references.
struct ExpressionContext {
  var fileIndex: Int
  /// The question `this` refers to (in checks).
  var this: String?
  /// The position of the question whose relevance this is, for forward-reference warnings.
  var position: Int?
  /// Whether private questions may be used (not in anything that reaches a report).
  var allowsPrivate = true
  /// The question whose condition this is (self-reference check).
  var owner: String?

  init(fileIndex: Int, this: String? = nil, position: Int? = nil, allowsPrivate: Bool = true) {
    self.fileIndex = fileIndex
    self.this = this
    self.position = position
    self.allowsPrivate = allowsPrivate
    self.owner = this
  }

  /// The same context without `this` (relevance conditions), keeping the owner.
  func withoutThis() -> ExpressionContext {
    var copy = self
    copy.this = nil
    return copy
  }
}
