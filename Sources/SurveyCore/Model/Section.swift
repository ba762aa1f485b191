/// A titled part of a survey; questions after a section declaration belong to it.
package struct Section: Sendable, Hashable {
  /// The section's identifier.
  package var id: String
  /// The title per language.
  package var title: LocalizedText
  /// Why the block is there or how to introduce it, per language.
  package var description: LocalizedText?
  /// When the whole section is shown.
  package var relevance: Expr?
  /// Where it is declared.
  package var location: SourceLocation?

  /// Creates a section.
  package init(
    id: String, title: LocalizedText, description: LocalizedText? = nil, relevance: Expr? = nil,
    location: SourceLocation? = nil
  ) {
    self.id = id
    self.title = title
    self.description = description
    self.relevance = relevance
    self.location = location
  }
}

/// A grid of questions that share one stem and one choice set (a Likert block).
package struct Grid: Sendable, Hashable {
  /// The grid's identifier.
  package var id: String
  /// The shared stem per language.
  package var text: LocalizedText
  /// The identifiers of its row questions, in order.
  package var rows: [String]
  /// Where it is declared.
  package var location: SourceLocation?

  /// Creates a grid.
  package init(id: String, text: LocalizedText, rows: [String], location: SourceLocation? = nil) {
    self.id = id
    self.text = text
    self.rows = rows
    self.location = location
  }
}

/// A value computed per respondent from answers.
package struct DerivedValue: Sendable, Hashable {
  /// Whether the value is a number or a truth value.
  package enum Kind: String, Sendable, Hashable {
    case number
    case condition
  }

  /// The identifier.
  package var id: String
  /// The title per language.
  package var title: LocalizedText
  /// The computation.
  package var expression: Expr
  /// Number or condition, inferred from the expression.
  package var kind: Kind
  /// Where it is declared.
  package var location: SourceLocation?

  /// Creates a derived value.
  package init(
    id: String, title: LocalizedText, expression: Expr, kind: Kind, location: SourceLocation? = nil
  ) {
    self.id = id
    self.title = title
    self.expression = expression
    self.kind = kind
    self.location = location
  }
}
