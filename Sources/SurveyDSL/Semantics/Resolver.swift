import SurveyCore

/// What a name in the survey refers to.
package enum SymbolKind: String, Sendable, Hashable {
  case question
  case derived
  case scale
  case cause
  case index
  case section
  case grid
  case indicator
}

/// A declared name.
package struct Symbol: Sendable, Hashable {
  /// What it declares.
  package var kind: SymbolKind
  /// The name as declared.
  package var id: String
  /// Where it is declared.
  package var range: SourceRange
}

/// A text to check for translations: what it belongs to, its texts and where it is.
struct TextSite {
  var owner: String
  var part: String
  var text: LocalizedText
  var range: SourceRange
  var fileIndex: Int
  /// Whether translations go on the same line as the text (choices, bands, units, messages).
  var isInline: Bool
}

/// Turns parsed declarations into a checked ``Survey``, reporting every problem it finds.
///
/// The resolver never stops at the first error: it resolves what it can, reports the rest, and
/// returns a survey only when there are no errors.
package struct Resolver {
  var files: [ParsedFile]
  var declarations: [LocatedDeclaration]
  var diagnostics: [Diagnostic] = []
  var symbols: [String: Symbol] = [:]
  var choiceSets: [String: ChoiceSet] = [:]
  var choiceSetRanges: [String: SourceRange] = [:]
  var usedChoiceSets: Set<String> = []
  var fileLanguages: [[String]]
  var surveyLanguages: [Language] = [Language(code: "en", name: "English")]
  var questions: [Question] = []
  var questionRanges: [String: SourceRange] = [:]
  var questionTypes: [String: QuestionType] = [:]
  var privateQuestions: Set<String> = []
  var derivedKinds: [String: DerivedValue.Kind] = [:]
  var derivedState: [String: Bool] = [:]
  var derivedSyntax: [String: (Declaration, Int)] = [:]
  var derivedValues: [String: DerivedValue] = [:]
  var textSites: [TextSite] = []
  var isLibraryOnly = false
  var questionOrder: [String: Int] = [:]
  var firstYesNoUse: SourceRange?
  var renames: [String: (String, SourceRange)] = [:]
  var fileProvenance: [Int: Provenance] = [:]
  /// The translation file of each language that has one.
  var translationFilePaths: [String: String] = [:]
  /// Whether the main file is a translation file (checked only with its survey).
  var mainIsTranslation = false

  /// Creates a resolver over loaded files.
  package init(loaded: LoadedFiles) {
    files = loaded.files
    declarations = loaded.declarations
    diagnostics = loaded.diagnostics
    fileLanguages = Array(repeating: [], count: loaded.files.count)
  }

  /// Resolves and checks everything; returns the survey when there are no errors.
  package mutating func resolve() -> Survey? {
    let header = resolveHeader()
    declareSymbols()
    resolveChoiceSets()
    resolveQuestions()
    resolveDerivedValues()
    let scales = resolveScales()
    let causes = resolveCauses()
    let indexes = resolveIndexes(causes: causes)
    let indicators = resolveIndicators(scales: scales)
    let roles = resolveRoles(header.roleAttributes)
    injectBuiltInChoiceSets()
    checkRelevance()
    checkTranslations()
    checkLicences()
    let derived = declarations.compactMap {
      $0.declaration.kind == .derived ? $0.declaration.name.flatMap { derivedValues[$0.text] } : nil
    }
    var survey = Survey(
      id: header.id, title: header.title, version: header.version, languages: surveyLanguages,
      description: header.description, sections: sections, questions: questions, grids: grids,
      choiceSets: choiceSets, derived: derived, scales: scales, causes: causes, indexes: indexes,
      indicators: indicators, roles: roles, privacy: header.privacy, libraries: header.libraries)
    survey.respondents = header.respondents
    survey.population = resolvePopulation(header.rakeAttributes, survey: survey)
    return diagnostics.hasErrors ? nil : survey
  }

  /// The sections, filled in while questions are resolved.
  var sections: [Section] = []
  /// The grids, filled in while questions are resolved.
  var grids: [Grid] = []
}

extension Resolver {
  /// Records a diagnostic.
  mutating func report(
    _ severity: Severity, _ id: String, _ message: String, at range: SourceRange?,
    label: String? = nil, notes: [Diagnostic.Note] = []
  ) {
    diagnostics.append(Diagnostic(severity, id: id, message, at: range, label: label, notes: notes))
  }

  /// The languages a file may use: its own `library` languages, else the survey's.
  func languages(ofFile fileIndex: Int) -> [String] {
    let own = fileIndex < fileLanguages.count ? fileLanguages[fileIndex] : []
    return own.isEmpty ? surveyLanguages.map(\.code) : own
  }

  /// Builds a localized text from a primary text and translations, checking the language codes.
  mutating func localized(
    _ primary: Text?, _ translations: [Translation], fileIndex: Int
  ) -> LocalizedText {
    let allowed = languages(ofFile: fileIndex)
    var values: [String: String] = [:]
    if let primary, let language = allowed.first { values[language] = primary.value }
    for translation in translations {
      let code = translation.language.text
      guard allowed.contains(code) || surveyLanguages.contains(where: { $0.code == code }) else {
        report(
          .error, "check.unknownLanguage", DSLMessage.unknownLanguage(code),
          at: translation.language.range, label: Suggestion.label(for: code, in: allowed))
        continue
      }
      if values[code] != nil {
        report(
          .warning, "check.duplicateTranslation", DSLMessage.duplicateTranslation(code),
          at: translation.language.range)
      }
      values[code] = translation.text.value
    }
    return LocalizedText(values)
  }

  /// Records a text whose translations are checked at the end.
  mutating func noteText(
    _ text: LocalizedText, owner: String, part: String, range: SourceRange, fileIndex: Int,
    inline: Bool = false
  ) {
    textSites.append(
      TextSite(
        owner: owner, part: part, text: text, range: range, fileIndex: fileIndex, isInline: inline))
  }

  /// The translations given on their own lines among a declaration's attributes.
  func translations(in attributes: [Attribute]) -> [Translation] {
    attributes.compactMap {
      if case .translation(let translation) = $0.value { return translation }
      return nil
    }
  }

  /// Warns about a single-valued attribute given twice; returns whether it is the first.
  mutating func checkOnce(_ attribute: Attribute, seen: inout Set<String>) -> Bool {
    let key = attribute.keyword.text
    if seen.contains(key) {
      report(
        .warning, "check.duplicateAttribute", DSLMessage.duplicateAttribute(key),
        at: attribute.keyword.range, label: "only the first one counts")
      return false
    }
    seen.insert(key)
    return true
  }

  /// The symbol a name refers to (case-insensitive).
  func symbol(_ name: String) -> Symbol? { symbols[name.lowercased()] }

  /// The names of symbols of some kinds, for suggestions.
  func names(of kinds: Set<SymbolKind>) -> [String] {
    symbols.values.filter { kinds.contains($0.kind) }.map(\.id).sorted()
  }
}
