import SurveyCore

/// Writes a survey's translation file for one language: every text of the survey and of the
/// files it uses, each under a comment giving the text in the main language, with the
/// translation when the current translation file has one and `""` when it has none. Texts
/// already translated inside the survey files are left there and not listed.
package struct TranslationSkeleton: Sendable {
  /// The file's text, ready to save.
  package var text: String
  /// How many texts the file lists with a translation.
  package var translated: Int
  /// How many texts it lists as `""`, not translated yet.
  package var missing: Int
  /// How many texts are translated inside the survey files and so not listed.
  package var inline: Int

  /// The kinds of declaration whose texts are listed, in the order of the files.
  private static let kinds: Set<DeclarationKind> = [
    .survey, .library, .section, .question, .grid, .choices, .scale, .indicator, .cause, .index,
    .derived,
  ]

  /// Builds the translation file of `language` from a compiled survey's files.
  ///
  /// - Returns: `nil` when the survey has errors (see ``CompiledSurvey/diagnostics``).
  package static func make(
    path: String, language: String, loader: SourceLoader = SourceLoader()
  ) throws -> (skeleton: TranslationSkeleton?, diagnostics: [Diagnostic], languages: [Language]) {
    let loaded = try loader.load(path: path)
    var resolver = Resolver(loaded: loaded)
    guard let survey = resolver.resolve() else {
      return (nil, resolver.diagnostics, resolver.surveyLanguages)
    }
    guard let main = survey.languages.first?.code, main != language,
      survey.languages.contains(where: { $0.code == language })
    else {
      return (nil, resolver.diagnostics, survey.languages)
    }
    let translationFile = resolver.translationFilePaths[language]
    var skeleton = TranslationSkeleton(text: "", translated: 0, missing: 0, inline: 0)
    var blocks: [String] = []
    for located in resolver.declarations where kinds.contains(located.declaration.kind) {
      if let block = skeleton.block(located.declaration, language: language, from: translationFile)
      {
        blocks.append(block)
      }
    }
    let name = survey.languages.first { $0.code == language }?.name ?? language
    let mainName = survey.languages.first?.name ?? main
    let fileName = PathUtilities.lastComponent(path).replacingSuffix(".survey", with: "")
    var header = """
      # \(name) ('\(language)') texts of the survey '\(survey.id)'. The survey file reads them with
      #   use "\(fileName).\(language).survey"
      # Each text in \(mainName) is in the comment above its line. Write the \(name) text between the
      # quotes; "" is a text not translated yet, which `survey check` reports. Change nothing else:
      # names, codes and conditions must stay as they are in the survey file.

      """
    if skeleton.inline > 0 {
      header +=
        "# \(skeleton.inline) texts are translated in the survey files themselves and not listed.\n"
    }
    skeleton.text =
      header + "translation \(language) for \(survey.id)\n\n" + blocks.joined(separator: "\n")
    return (skeleton, resolver.diagnostics, survey.languages)
  }

  /// One declaration's lines, or `nil` when all its texts are translated inline.
  private mutating func block(
    _ declaration: Declaration, language: String, from translationFile: String?
  ) -> String? {
    guard let name = declaration.name else { return nil }
    var lines: [String] = []
    // `description "…"` and `description es "…"` are two lines with one text.
    let translatable = TranslatedLine.lines(declaration.attributes).compactMap { $0 }
    for line in translatable {
      guard let primary = line.text else { continue }
      let translations = translatable.filter { $0.matches(line) }.flatMap(\.translations)
      guard let text = entry(primary, translations, language, translationFile) else { continue }
      lines.append("  # " + Self.oneLine(primary.value))
      lines.append("  " + line.lead + (line.lead.isEmpty ? "" : " ") + Formatter.quoted(text))
    }
    var head = "\(declaration.kind.rawValue) \(name.text)"
    var titleComment: String?
    if let title = declaration.title {
      let own = declaration.attributes.compactMap {
        if case .translation(let translation) = $0.value { return translation }
        return nil
      }
      if let text = entry(title, own, language, translationFile) {
        titleComment = "# " + Self.oneLine(title.value)
        head += " " + Formatter.quoted(text)
      }
    }
    guard titleComment != nil || !lines.isEmpty else { return nil }
    return ([titleComment, head].compactMap { $0 } + lines).joined(separator: "\n") + "\n"
  }

  /// The text to list for a text of the survey: its translation from the translation file,
  /// `""` when it has none, or `nil` when it is translated inline (and counts each case).
  private mutating func entry(
    _ primary: Text, _ translations: [Translation], _ language: String, _ translationFile: String?
  ) -> String? {
    guard !primary.value.isEmpty else { return nil }
    guard let existing = translations.last(where: { $0.language.text == language }) else {
      missing += 1
      return ""
    }
    if existing.text.range.file.path == translationFile {
      translated += 1
      return existing.text.value
    }
    inline += 1
    return nil
  }

  private static func oneLine(_ text: String) -> String {
    String(text.map { $0 == "\n" || $0 == "\r" ? " " : $0 })
  }
}

extension String {
  fileprivate func replacingSuffix(_ suffix: String, with replacement: String) -> String {
    hasSuffix(suffix) ? String(dropLast(suffix.count)) + replacement : self
  }
}
