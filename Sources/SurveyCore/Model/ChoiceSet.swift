/// The kinds of non-substantive answer. They never count as answers in any statistic.
package enum MissingKind: String, Sendable, Hashable, CaseIterable, Codable {
  /// "Don't know".
  case dontKnow = "dont_know"
  /// "Prefer not to say".
  case refused
  /// "Does not apply to me".
  case notApplicable = "not_applicable"
}

/// One answer option with a stable code.
package struct Choice: Sendable, Hashable {
  /// The stable numeric code stored for this answer.
  package var code: Int
  /// The name used in conditions (`employed = yes`); `nil` when the choice has only a code.
  package var name: String?
  /// The label shown to respondents, per language.
  package var label: LocalizedText
  /// Set for typed missing answers (don't know, refused, not applicable).
  package var missing: MissingKind?

  /// Creates a choice.
  package init(code: Int, name: String?, label: LocalizedText, missing: MissingKind? = nil) {
    self.code = code
    self.name = name
    self.label = label
    self.missing = missing
  }
}

/// A reusable list of answer options shared by questions.
package struct ChoiceSet: Sendable, Hashable {
  /// The set's identifier.
  package var id: String
  /// The options in the order they are shown.
  package var choices: [Choice]
  /// Where the set is declared.
  package var location: SourceLocation?

  /// Creates a choice set.
  package init(id: String, choices: [Choice], location: SourceLocation? = nil) {
    self.id = id
    self.choices = choices
    self.location = location
  }

  /// The substantive (non-missing) options.
  package var substantive: [Choice] { choices.filter { $0.missing == nil } }

  /// The lowest and highest substantive codes, used to reverse-score items.
  package var bounds: ClosedRange<Int>? {
    let codes = substantive.map(\.code)
    guard let low = codes.min(), let high = codes.max() else { return nil }
    return low...high
  }

  /// The option with a given code.
  package func choice(code: Int) -> Choice? { choices.first { $0.code == code } }

  /// The option with a given name (case-insensitive).
  package func choice(named name: String) -> Choice? {
    let lowered = name.lowercased()
    return choices.first { $0.name?.lowercased() == lowered }
  }

  /// The option a stored value stands for: the one with that name, else the one with that label
  /// in any language, else an option without a name with that code (case-insensitive).
  package func choice(matching text: String) -> Choice? {
    if let named = choice(named: text) { return named }
    let lowered = text.lowercased()
    return choices.first { $0.label.values.values.contains { $0.lowercased() == lowered } }
      ?? choices.first { $0.name == nil && String($0.code) == text }
  }

  /// The built-in yes/no set used by `yes-no` questions when a survey declares none.
  package static let builtInYesNo = ChoiceSet(
    id: "yes_no",
    choices: [
      Choice(
        code: 1, name: "yes",
        label: LocalizedText([
          "en": "Yes", "es": "Sí", "fr": "Oui", "de": "Ja", "pt": "Sim", "it": "Sì", "ca": "Sí",
        ])),
      Choice(
        code: 0, name: "no",
        label: LocalizedText([
          "en": "No", "es": "No", "fr": "Non", "de": "Nein", "pt": "Não", "it": "No", "ca": "No",
        ])),
    ])
}
