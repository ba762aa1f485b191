import SurveyCore

/// What an attribute line says, one case per attribute form.
package indirect enum AttributeValue: Sendable, Hashable {
  /// `LANG "text"`: the declaration's title or text in another language.
  case translation(Translation)
  /// `version V`.
  case version(Text)
  /// `languages en "English", es "Español"`.
  case languages([LanguageSyntax])
  /// `description "…" [LANG "…"]…` or `description LANG "…"`.
  case description(Texts)
  /// `hint "…" [LANG "…"]…` or `hint LANG "…"`.
  case hint(Texts)
  /// `chapter from Q`, `wave from Q`, `weight from Q`.
  case role(Name)
  /// `privacy SETTING VALUE`.
  case privacy(setting: Name, value: Token)
  /// `source "…"`.
  case source(Text)
  /// `wording verified|secondary|unverified|new`.
  case wording(Name)
  /// `licence …`.
  case licence(Name)
  /// A type line.
  case type(TypeSyntax)
  /// `unit "…" [LANG "…"]…`.
  case unit(Texts)
  /// `required`.
  case required
  /// `show if C`.
  case showIf(ExprSyntax)
  /// `check C "message"` (hard) or `warn C "message"` (soft).
  case check(isHard: Bool, ExprSyntax, Texts)
  /// `other "label"`.
  case other(Texts)
  /// `renamed from A, B`.
  case renamedFrom([Name])
  /// `private [hashed]`.
  case privateField(Name?)
  /// A choice line in a `choices` block.
  case choice(ChoiceSyntax)
  /// A `row` of a grid, with its nested attributes.
  case row(name: Name, text: Text?, attributes: [Attribute])
  /// `items A, B` or `reverse A, B`.
  case items([Name], reverse: Bool)
  /// `score sum|mean|percent`.
  case score(Name)
  /// `min-answered N` or `min-known N`.
  case minimum(NumberLiteral)
  /// `band A..B "label" …`.
  case band(RangeLiteral, Texts)
  /// `share C`.
  case share(ExprSyntax)
  /// `mean X`.
  case mean(Name)
  /// `better higher|lower`.
  case better(Name)
  /// `threshold V "label" … published|convention`.
  case threshold(NumberLiteral, Texts, provenance: Name?)
  /// `benchmark V "population"` with nested `year`, `source`, `comparable`/`not-comparable`.
  case benchmark(NumberLiteral, Text?, attributes: [Attribute])
  /// `year Y` (under a benchmark).
  case year(Token)
  /// `comparable` or `not-comparable` (under a benchmark).
  case comparable(Bool)
  /// `exposed if C`.
  case exposedIf(ExprSyntax)
  /// `group G`.
  case group(Name)
  /// `respondents members`: who the survey is given to.
  case respondents(Name)
  /// `unmeasurable among members`: a cause whose rule cannot hold for someone in that group.
  case unmeasurableAmong(Name)
  /// `causes all`, `causes group G` or `causes A, B`.
  case causes(CauseSelection)
  /// `compute EXPRESSION`.
  case compute(ExprSyntax)
  /// `action "…" [LANG "…"]…` under a cause, with its nested `source` and `wording`.
  case action(Texts, attributes: [Attribute])
  /// `rake Q CATEGORY COUNT, …`, `rake from "FILE"` or `rake trim A..B`.
  case rake(RakeSyntax)
  /// A line that could not be understood (already reported).
  case invalid
}

/// A language in a `languages` line.
package struct LanguageSyntax: Sendable, Hashable {
  /// The code, such as `es`.
  package var code: Name
  /// The display name, such as "Español".
  package var name: Text?
  /// The word `draft`, when the translation is to be reviewed before fielding.
  package var draft: Name?
}

/// A choice line: `CODE [NAME] "Label" …` or `missing KIND CODE "Label" …`.
package struct ChoiceSyntax: Sendable, Hashable {
  /// The code as written.
  package var code: NumberLiteral
  /// The name, or the missing kind for missing codes.
  package var name: Name?
  /// Set for `missing` lines.
  package var missingKind: Name?
  /// The label and translations on the line.
  package var label: Texts
  /// Translations on indented lines below.
  package var translations: [Translation]
}

/// Which causes an index counts.
package enum CauseSelection: Sendable, Hashable {
  case all
  case group(Name)
  case list([Name])
}

/// A `rake` line of the survey header.
package enum RakeSyntax: Sendable, Hashable {
  /// `rake Q CATEGORY COUNT, …`: the members of the roll in each category of `Q` (or of
  /// `chapter`); from a margins file, for one wave or for every wave.
  case margin(Name, [RakeCount], wave: Name?)
  /// `rake from "FILE"`: margins in a CSV file.
  case file(Text)
  /// `rake trim A..B`: bounds on the weight adjustments.
  case trim(RangeLiteral)
}

/// One category of a margin and its count: `under_30 120`, `3 120`, `"North" 45%`.
package struct RakeCount: Sendable, Hashable {
  /// The category as written (a choice name or code, a label or a chapter).
  package var category: Name
  /// The count.
  package var count: NumberLiteral
}
