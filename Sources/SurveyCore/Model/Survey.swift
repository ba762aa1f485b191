/// A resolved, checked survey: every reference points at a declaration that exists.
package struct Survey: Sendable {
  /// The survey's identifier.
  package let id: String
  /// The title per language.
  package let title: LocalizedText
  /// The version, as written (for example `2026.1`).
  package let version: String
  /// The languages, the first being the default.
  package let languages: [Language]
  /// An introduction per language.
  package let description: LocalizedText?
  /// Sections in order.
  package let sections: [Section]
  /// Questions in the order they are asked (grid rows included, in place).
  package let questions: [Question]
  /// Grids in order.
  package let grids: [Grid]
  /// Choice sets by identifier (including the built-in `yes_no` when used and not declared).
  package let choiceSets: [String: ChoiceSet]
  /// Derived values in declaration order.
  package let derived: [DerivedValue]
  /// Scales in declaration order.
  package let scales: [Scale]
  /// Causes in declaration order.
  package let causes: [Cause]
  /// Exposure indexes in declaration order.
  package let indexes: [ExposureIndex]
  /// Indicators in declaration order.
  package let indicators: [Indicator]
  /// Which questions carry the chapter, wave and weight.
  package let roles: Roles
  /// Disclosure-control settings.
  package let privacy: PrivacyPolicy
  /// Who the survey is given to (`respondents members`).
  package var respondents: Respondents = .anyone
  /// The membership the weights are raked to (`rake` lines), if any.
  package var population: Population?
  /// The weight adjustments a report computed from ``population`` and the answers (set by the
  /// report before counting; nil until then, when only base weights apply).
  package var raking: RakingAdjustments?
  /// The library files it uses.
  package let libraries: [LibraryInfo]

  private var questionIndex: [String: Int]
  /// The survey's expressions compiled for fast evaluation (built once, shared by copies).
  package private(set) var program: SurveyProgram

  /// Creates a survey and indexes its questions.
  package init(
    id: String, title: LocalizedText, version: String, languages: [Language],
    description: LocalizedText? = nil, sections: [Section] = [], questions: [Question] = [],
    grids: [Grid] = [], choiceSets: [String: ChoiceSet] = [:], derived: [DerivedValue] = [],
    scales: [Scale] = [], causes: [Cause] = [], indexes: [ExposureIndex] = [],
    indicators: [Indicator] = [], roles: Roles = Roles(), privacy: PrivacyPolicy = PrivacyPolicy(),
    libraries: [LibraryInfo] = []
  ) {
    self.id = id
    self.title = title
    self.version = version
    self.languages = languages
    self.description = description
    self.sections = sections
    self.questions = questions
    self.grids = grids
    self.choiceSets = choiceSets
    self.derived = derived
    self.scales = scales
    self.causes = causes
    self.indexes = indexes
    self.indicators = indicators
    self.roles = roles
    self.privacy = privacy
    self.libraries = libraries
    var index: [String: Int] = [:]
    for (position, question) in questions.enumerated() { index[question.id] = position }
    self.questionIndex = index
    program = SurveyProgram.empty
    program = SurveyProgram(survey: self)
  }

  /// Whether reports weight the answers: by a weight question, by raking to a population, or
  /// both.
  package var isWeighted: Bool { roles.weight != nil || population != nil }

  /// The default language's code.
  package var defaultLanguage: String { languages.first?.code ?? "en" }

  /// The question with an identifier.
  package func question(_ id: String) -> Question? {
    questionIndex[id].map { questions[$0] }
  }

  /// The position of a question in ``questions``.
  package func position(ofQuestion id: String) -> Int? { questionIndex[id] }

  /// The choice set of a question, if it has one.
  package func choiceSet(of question: Question) -> ChoiceSet? {
    question.type.choiceSetID.flatMap { choiceSets[$0] }
  }

  /// The scale with an identifier.
  package func scale(_ id: String) -> Scale? { program.position(of: .scale(id)).map { scales[$0] } }

  /// The cause with an identifier.
  package func cause(_ id: String) -> Cause? { program.position(of: .cause(id)).map { causes[$0] } }

  /// The derived value with an identifier.
  package func derivedValue(_ id: String) -> DerivedValue? {
    program.position(of: .derived(id)).map { derived[$0] }
  }

  /// The exposure index with an identifier.
  package func index(_ id: String) -> ExposureIndex? {
    program.position(of: .index(id)).map { indexes[$0] }
  }

  /// The section with an identifier.
  package func section(_ id: String) -> Section? { sections.first { $0.id == id } }
}

/// Who a survey is given to.
package enum Respondents: String, Sendable, Hashable, CaseIterable {
  /// Anyone (the default): no rule is known to be impossible for the respondents.
  case anyone
  /// Members of the organization, each of whom belongs at least to it.
  case members
}
