import SurveyCore

extension Codebook {
  /// The codebook as JSON: every question, code, label (in every language), scale, indicator,
  /// cause and index, with sources.
  static func json(_ survey: Survey) -> JSONValue {
    .object([
      ("id", .string(survey.id)),
      ("title", texts(survey.title)),
      ("version", .string(survey.version)),
      (
        "languages",
        .array(
          survey.languages.map {
            .object([
              ("code", .string($0.code)), ("name", .string($0.name)), ("draft", .bool($0.isDraft)),
            ])
          })
      ),
      (
        "roles",
        .object([
          ("chapter", .string(survey.roles.chapter)), ("wave", .string(survey.roles.wave)),
          ("weight", .string(survey.roles.weight)),
        ])
      ),
      ("respondents", .string(survey.respondents.rawValue)),
      (
        "privacy",
        .object([
          ("minGroup", .integer(survey.privacy.minGroup)),
          ("minCell", .integer(survey.privacy.minCell)),
          ("noExtremesBelow", .integer(survey.privacy.noExtremesBelow)),
          ("freeText", .string(survey.privacy.freeText.rawValue)),
        ])
      ),
      (
        "sections",
        .array(
          survey.sections.map { section in
            .object([
              ("id", .string(section.id)), ("title", texts(section.title)),
              ("shownIf", .string(section.relevance.map(survey.text(of:)))),
            ])
          })
      ),
      ("questions", .array(survey.questions.map { question(survey, $0) })),
      (
        "choiceSets",
        .array(survey.choiceSets.keys.sorted().compactMap { survey.choiceSets[$0] }.map(choiceSet))
      ),
      ("scales", .array(survey.scales.map { scale(survey, $0) })),
      (
        "derived",
        .array(
          survey.derived.map { value in
            .object([
              ("id", .string(value.id)), ("title", texts(value.title)),
              ("kind", .string(value.kind.rawValue)),
              ("compute", .string(survey.text(of: value.expression))),
            ])
          })
      ),
      (
        "causes",
        .array(
          survey.causes.map { cause in
            .object([
              ("id", .string(cause.id)), ("title", texts(cause.title)),
              ("group", .string(cause.group)),
              ("exposedIf", .string(survey.text(of: cause.rule))),
              ("unmeasurableAmongMembers", .bool(cause.isUnmeasurableAmongMembers)),
              (
                "items",
                .array(Array(Set(cause.rule.references.map(\.id))).sorted().map { .string($0) })
              ),
              ("provenance", provenance(cause.provenance)),
            ])
          })
      ),
      (
        "indexes",
        .array(
          survey.indexes.map { index in
            .object([
              ("id", .string(index.id)), ("title", texts(index.title)),
              ("causes", .array(index.causes.map { .string($0) })),
              ("minKnown", .integer(index.minKnown)),
            ])
          })
      ),
      ("indicators", .array(survey.indicators.map { indicator(survey, $0) })),
      (
        "libraries",
        .array(
          survey.libraries.map { library in
            .object([
              ("id", .string(library.id)), ("title", texts(library.title)),
              ("path", .string(library.path)),
              ("provenance", provenance(library.provenance)),
            ])
          })
      ),
    ])
  }

  private static func texts(_ text: LocalizedText?) -> JSONValue {
    guard let text else { return .null }
    return .object(text.values.keys.sorted().map { ($0, .string(text.values[$0] ?? "")) })
  }

  private static func provenance(_ provenance: Provenance) -> JSONValue {
    .object([
      ("source", .string(provenance.source)), ("wording", .string(provenance.wording?.rawValue)),
      ("licence", .string(provenance.licence?.rawValue)),
    ])
  }

  private static func question(_ survey: Survey, _ question: Question) -> JSONValue {
    var members: [(String, JSONValue)] = [
      ("id", .string(question.id)), ("type", .string(typeText(question.type))),
      ("text", texts(question.text)), ("section", .string(question.section)),
      ("grid", .string(question.grid)), ("required", .bool(question.isRequired)),
      ("shownIf", .string(question.relevance.map(survey.text(of:)))),
      ("choiceSet", .string(question.type.choiceSetID)),
    ]
    if case .number(let kind, let low, let high) = question.type {
      members += [
        ("numberKind", .string(kind.rawValue)), ("min", .number(low)), ("max", .number(high)),
      ]
    }
    members += [
      ("unit", texts(question.unit)), ("hint", texts(question.hint)),
      (
        "checks",
        .array(
          question.checks.map { check in
            .object([
              ("severity", .string(check.isHard ? "error" : "warning")),
              ("condition", .string(survey.text(of: check.condition))),
              ("message", texts(check.message)),
            ])
          })
      ),
      ("renamedFrom", .array(question.renamedFrom.map { .string($0) })),
      ("private", .string(question.privateMode?.rawValue)),
      ("otherColumn", .string(question.otherID)), ("otherLabel", texts(question.otherLabel)),
      ("provenance", provenance(question.provenance)),
    ]
    return .object(members)
  }

  private static func choiceSet(_ set: ChoiceSet) -> JSONValue {
    .object([
      ("id", .string(set.id)),
      (
        "choices",
        .array(
          set.choices.map { choice in
            .object([
              ("code", .integer(choice.code)), ("name", .string(choice.name)),
              ("label", texts(choice.label)),
              ("missing", .string(choice.missing?.rawValue)),
            ])
          })
      ),
    ])
  }

  private static func scale(_ survey: Survey, _ scale: Scale) -> JSONValue {
    let range = survey.scoreRange(of: scale)
    return .object([
      ("id", .string(scale.id)), ("title", texts(scale.title)),
      ("items", .array(scale.items.map { .string($0) })),
      ("reversed", .array(scale.reversed.map { .string($0) })),
      ("score", .string(scale.rule.rawValue)),
      ("minAnswered", .integer(scale.minAnswered)),
      ("range", range.map { .array([.number($0.lowerBound), .number($0.upperBound)]) } ?? .null),
      (
        "bands",
        .array(
          scale.bands.map { band in
            .object([
              ("low", .number(band.low)), ("high", .number(band.high)),
              ("label", texts(band.label)),
            ])
          })
      ),
      ("provenance", provenance(scale.provenance)),
    ])
  }

  private static func indicator(_ survey: Survey, _ indicator: Indicator) -> JSONValue {
    let measure: JSONValue =
      switch indicator.measure {
      case .share(let condition):
        .object([("kind", .string("share")), ("condition", .string(survey.text(of: condition)))])
      case .mean(let reference):
        .object([("kind", .string("mean")), ("of", .string(reference.id))])
      }
    return .object([
      ("id", .string(indicator.id)), ("title", texts(indicator.title)), ("measure", measure),
      ("better", .string(indicator.better.rawValue)),
      (
        "thresholds",
        .array(
          indicator.thresholds.map { threshold in
            .object([
              ("value", .number(threshold.value)), ("label", texts(threshold.label)),
              ("provenance", .string(threshold.isPublished ? "published" : "convention")),
            ])
          })
      ),
      (
        "benchmarks",
        .array(
          indicator.benchmarks.map { benchmark in
            .object([
              ("value", .number(benchmark.value)), ("population", .string(benchmark.population)),
              ("year", .string(benchmark.year)), ("source", .string(benchmark.source)),
              ("comparable", .bool(benchmark.isComparable)),
            ])
          })
      ),
      ("provenance", provenance(indicator.provenance)),
    ])
  }
}
