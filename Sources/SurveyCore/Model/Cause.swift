/// One cause of atomization, with a rule that says whether a respondent is exposed to it.
package struct Cause: Sendable, Hashable {
  /// The identifier.
  package var id: String
  /// The title per language.
  package var title: LocalizedText
  /// The exposure rule; unknown results mean "not known" (the cause is left out for that person).
  package var rule: Expr
  /// The sub-index group (for example `work`, `place` or `culture`).
  package var group: String?
  /// Whether the rule cannot hold for a member of the organization (`unmeasurable among
  /// members`): in a survey given to members, the cause is reported as not measurable instead
  /// of as a share of 0.
  package var isUnmeasurableAmongMembers = false
  /// What organizers can do about it (`action` lines), each with where it comes from.
  package var actions: [CauseAction] = []
  /// The source of the exposure rule.
  package var provenance: Provenance
  /// Where it is declared.
  package var location: SourceLocation?

  /// Creates a cause.
  package init(
    id: String, title: LocalizedText, rule: Expr, group: String? = nil,
    provenance: Provenance = Provenance(), location: SourceLocation? = nil
  ) {
    self.id = id
    self.title = title
    self.rule = rule
    self.group = group
    self.provenance = provenance
    self.location = location
  }
}

/// A count of the causes a respondent is exposed to.
package struct ExposureIndex: Sendable, Hashable {
  /// The identifier.
  package var id: String
  /// The title per language.
  package var title: LocalizedText
  /// The causes counted.
  package var causes: [String]
  /// The fewest causes with a known exposure for the index to be computed.
  package var minKnown: Int
  /// Where it is declared.
  package var location: SourceLocation?

  /// Creates an index.
  package init(
    id: String, title: LocalizedText, causes: [String], minKnown: Int? = nil,
    location: SourceLocation? = nil
  ) {
    self.id = id
    self.title = title
    self.causes = causes
    self.minKnown = minKnown ?? causes.count
    self.location = location
  }
}

/// An organizing note of a cause: what a chapter can do about it, and its source.
package struct CauseAction: Sendable, Hashable {
  /// The note per language.
  package var text: LocalizedText
  /// Where it comes from (`source`, `wording`).
  package var provenance: Provenance

  /// Creates a note.
  package init(text: LocalizedText, provenance: Provenance) {
    self.text = text
    self.provenance = provenance
  }
}
