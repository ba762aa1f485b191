/// The kind of number a numeric question takes.
package enum NumberKind: String, Sendable, Hashable {
  case integer
  case decimal
}

/// What a question asks for.
package enum QuestionType: Sendable, Hashable {
  /// One option from a choice set (yes/no questions use the `yes_no` set).
  case single(choices: String)
  /// Any number of options from a choice set.
  case multiple(choices: String)
  /// A number, optionally within bounds.
  case number(NumberKind, min: Double?, max: Double?)
  /// Free text.
  case text
  /// A calendar date (days since 1970-01-01), optionally within bounds.
  case date(min: Int?, max: Int?)

  /// The choice set the question uses, if any.
  package var choiceSetID: String? {
    switch self {
    case .single(let id), .multiple(let id): id
    case .number, .text, .date: nil
    }
  }
}

/// How a private field is treated: never stored in clear.
package enum PrivateMode: String, Sendable, Hashable {
  /// Not stored at all.
  case drop
  /// Stored only as a salted hash, usable to link a person's answers across waves.
  case hashed
}

/// A validation rule on answers.
package struct Check: Sendable, Hashable {
  /// Hard checks reject the row; soft checks only warn.
  package var isHard: Bool
  /// The condition that must hold when its inputs are answered.
  package var condition: Expr
  /// The message shown when it does not hold.
  package var message: LocalizedText

  /// Creates a check.
  package init(isHard: Bool, condition: Expr, message: LocalizedText) {
    self.isHard = isHard
    self.condition = condition
    self.message = message
  }
}

/// One question of a survey, with a stable identifier.
package struct Question: Sendable, Hashable {
  /// The stable identifier (also the generic export's column name).
  package var id: String
  /// The question text per language.
  package var text: LocalizedText
  /// An instruction shown with the question (for example "Tick all that apply").
  package var hint: LocalizedText?
  /// What kind of answer it takes.
  package var type: QuestionType
  /// The unit of a numeric answer, per language.
  package var unit: LocalizedText?
  /// Whether an answer is required when the question is shown.
  package var isRequired: Bool
  /// When the question is shown; `nil` means always (after section relevance).
  package var relevance: Expr?
  /// Hard and soft checks.
  package var checks: [Check]
  /// Earlier identifiers whose data maps to this question.
  package var renamedFrom: [String]
  /// Citation, wording status and licence.
  package var provenance: Provenance
  /// Set for private fields (names, e-mails, phone numbers).
  package var privateMode: PrivateMode?
  /// The label of an "other, please specify" text answer, if the question has one.
  package var otherLabel: LocalizedText?
  /// The section it belongs to.
  package var section: String?
  /// The grid it is a row of, if any.
  package var grid: String?
  /// Where it is declared.
  package var location: SourceLocation?

  /// Creates a question.
  package init(
    id: String, text: LocalizedText, type: QuestionType, hint: LocalizedText? = nil,
    unit: LocalizedText? = nil, isRequired: Bool = false, relevance: Expr? = nil,
    checks: [Check] = [], renamedFrom: [String] = [], provenance: Provenance = Provenance(),
    privateMode: PrivateMode? = nil, otherLabel: LocalizedText? = nil, section: String? = nil,
    grid: String? = nil, location: SourceLocation? = nil
  ) {
    self.id = id
    self.text = text
    self.type = type
    self.hint = hint
    self.unit = unit
    self.isRequired = isRequired
    self.relevance = relevance
    self.checks = checks
    self.renamedFrom = renamedFrom
    self.provenance = provenance
    self.privateMode = privateMode
    self.otherLabel = otherLabel
    self.section = section
    self.grid = grid
    self.location = location
  }

  /// The identifier of the companion "other" text column, if the question has one.
  package var otherID: String? { otherLabel == nil ? nil : id + "_other" }
}
