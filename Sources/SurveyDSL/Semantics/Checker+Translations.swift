import SurveyCore

extension Resolver {
  /// Warns once per declaration and language about texts missing in a declared language.
  mutating func checkTranslations() {
    let required = isLibraryOnly ? languages(ofFile: 0) : surveyLanguages.map(\.code)
    guard required.count > 1 else { return }
    var grouped: [String: (range: SourceRange, parts: [String], inline: Bool)] = [:]
    var order: [String] = []
    for site in textSites where !site.text.isEmpty {
      for language in site.text.missingLanguages(required) {
        let key = site.owner + "\u{0}" + language
        if grouped[key] == nil {
          grouped[key] = (site.range, [], site.isInline)
          order.append(key)
        }
        grouped[key]?.parts.append(site.part)
      }
    }
    for key in order {
      guard let entry = grouped[key], let language = key.split(separator: "\u{0}").last else {
        continue
      }
      let owner = String(key.split(separator: "\u{0}").first ?? "")
      let name = surveyLanguages.first { $0.code == language }?.name ?? String(language)
      report(
        .warning, "check.missingTranslation",
        DSLMessage.missingTranslation(owner, name, String(language), entry.parts), at: entry.range,
        label: translationFilePaths[String(language)].map {
          "add it to '\($0)'"
        }
          ?? (entry.inline
            ? "add '\(language) \"…\"' after the text" : "add a line '\(language) \"…\"'"))
    }
  }
}
