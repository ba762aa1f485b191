import SurveyCore

/// A file that holds one language's texts: `translation LANG for NAME` and then, for each
/// declaration it translates, the same header and text lines as the survey with the texts in
/// that language. An empty text (`""`) is a text not translated yet.
struct TranslationFile {
  var fileIndex: Int
  var header: Declaration
  var language: String
}

extension Resolver {
  /// Moves the texts of translation files onto the declarations they translate, so the rest of
  /// the resolver sees one declaration per name with every language, and removes the files'
  /// own declarations. Runs after the languages are known and before anything is resolved.
  mutating func mergeTranslationFiles() {
    let translationFiles = findTranslationFiles()
    guard !translationFiles.isEmpty || mainIsTranslation else { return }
    let indexes = Set(translationFiles.map(\.fileIndex) + (mainIsTranslation ? [0] : []))
    var targets: [String: Int] = [:]
    for (position, located) in declarations.enumerated()
    where !indexes.contains(located.fileIndex) && located.declaration.kind != .use {
      guard let name = located.declaration.name?.text else { continue }
      let key = located.declaration.kind.rawValue + " " + name.lowercased()
      if targets[key] == nil { targets[key] = position }
    }
    for file in translationFiles {
      translationFilePaths[file.language] = files[file.fileIndex].file.path
      guard checkTranslationHeader(file) else { continue }
      for located in declarations
      where located.fileIndex == file.fileIndex && located.declaration.kind != .translation {
        mergeTranslated(located.declaration, language: file.language, targets: targets)
      }
    }
    declarations.removeAll { indexes.contains($0.fileIndex) }
  }

  /// The translation files among the loaded files (the main file only when it is one, which is
  /// reported: a translation is checked with the survey that uses it).
  private mutating func findTranslationFiles() -> [TranslationFile] {
    var found: [TranslationFile] = []
    for fileIndex in files.indices {
      let own = declarations.filter { $0.fileIndex == fileIndex }.map(\.declaration)
      guard let headerPosition = own.firstIndex(where: { $0.kind == .translation }) else {
        continue
      }
      let header = own[headerPosition]
      if headerPosition != 0 {
        report(
          .error, "check.translationHeaderFirst", DSLMessage.translationHeaderFirst,
          at: header.keyword.range, label: "move this line to the top of the file")
      }
      for extra in own.dropFirst(headerPosition + 1) where extra.kind == .translation {
        report(
          .error, "check.duplicateHeader", DSLMessage.duplicateTranslationHeader,
          at: extra.keyword.range,
          notes: [Diagnostic.Note("the language is declared here", at: header.keyword.range)])
      }
      if fileIndex == 0 {
        mainIsTranslation = true
        report(
          .error, "check.translationAlone",
          DSLMessage.translationAlone(header.target?.text ?? "the survey"),
          at: header.keyword.range,
          label:
            "add 'use \"\(PathUtilities.lastComponent(files[0].file.path))\"' to the survey it translates"
        )
        continue
      }
      guard let language = header.name?.text else { continue }
      found.append(TranslationFile(fileIndex: fileIndex, header: header, language: language))
    }
    return found
  }

  /// Checks the language and the target of a translation file; returns whether to merge it.
  private mutating func checkTranslationHeader(_ file: TranslationFile) -> Bool {
    let header = file.header
    let targets = declarations.filter {
      ($0.declaration.kind == .survey && $0.fileIndex == 0) || $0.declaration.kind == .library
    }
    guard let target = header.target else { return false }
    guard
      let declaration = targets.first(where: {
        $0.declaration.name?.text.lowercased() == target.text.lowercased()
      })
    else {
      report(
        .error, "check.translationTarget", DSLMessage.translationTarget(target.text),
        at: target.range,
        label: Suggestion.label(
          for: target.text, in: targets.compactMap { $0.declaration.name?.text }))
      return false
    }
    let allowed = languages(ofFile: declaration.fileIndex)
    guard let range = header.name?.range else { return false }
    if !allowed.contains(file.language) {
      report(
        .error, "check.unknownLanguage", DSLMessage.unknownLanguage(file.language), at: range,
        label: Suggestion.label(for: file.language, in: allowed)
          ?? "add it to the 'languages' line of '\(target.text)'")
      return false
    }
    if allowed.first == file.language {
      report(
        .error, "check.translationOfMain", DSLMessage.translationOfMain(file.language), at: range,
        label: "the texts in '\(file.language)' belong in the survey file itself")
      return false
    }
    return true
  }

  private mutating func mergeTranslated(
    _ source: Declaration, language: String, targets: [String: Int]
  ) {
    guard source.kind != .use else {
      report(
        .error, "check.translationNotText", DSLMessage.translationDeclaration(source.kind.rawValue),
        at: source.keyword.range, label: "remove this line from the translation file")
      return
    }
    guard let name = source.name else { return }
    guard let position = targets[source.kind.rawValue + " " + name.text.lowercased()] else {
      let candidates = targets.keys.compactMap { key -> String? in
        let parts = key.split(separator: " ", maxSplits: 1)
        return parts.first.map(String.init) == source.kind.rawValue
          ? parts.last.map(String.init)
          : nil
      }
      report(
        .error, "check.translationUnknown",
        DSLMessage.translationUnknown(source.kind.rawValue, name.text), at: name.range,
        label: Suggestion.label(for: name.text.lowercased(), in: candidates.sorted()))
      return
    }
    var target = declarations[position].declaration
    if let title = source.title, !title.value.isEmpty {
      target.attributes.append(
        Attribute(
          keyword: Name(language, title.range),
          value: .translation(Translation(language: Name(language, title.range), text: title)),
          range: title.range))
    }
    for (attribute, line) in zip(source.attributes, TranslatedLine.lines(source.attributes)) {
      mergeTranslated(
        attribute, line, language: language, into: &target.attributes, owner: source)
    }
    declarations[position].declaration = target
  }

  private mutating func mergeTranslated(
    _ attribute: Attribute, _ translated: TranslatedLine?, language: String,
    into attributes: inout [Attribute], owner: Declaration
  ) {
    let what = "\(owner.kind.rawValue) '\(owner.name?.text ?? "")'"
    let line = SourceRange(
      file: attribute.range.file,
      bytes: attribute.keyword.range.bytes
        .lowerBound..<max(
          attribute.keyword.range.bytes.lowerBound, attribute.range.bytes.upperBound))
    guard let texts = translated else {
      report(
        .error, "check.translationNotText", DSLMessage.translationNotText(attribute.keyword.text),
        at: attribute.keyword.range, label: "remove this line: the survey file says it")
      return
    }
    guard texts.isPlain else {
      report(
        .error, "check.translationLanguageCode", DSLMessage.translationLanguageCode,
        at: line, label: "write only the text in '\(language)', without a language code")
      return
    }
    let targets = TranslatedLine.lines(attributes)
    guard
      let position = targets.indices.first(where: { targets[$0]?.matches(texts) == true })
    else {
      report(
        .error, "check.translationNoText", DSLMessage.translationNoText(what, texts.description),
        at: line, label: "compare with the survey file")
      return
    }
    guard let text = texts.text, !text.value.isEmpty else { return }
    let translation = Translation(language: Name(language, text.range), text: text)
    attributes[position].value = TranslatedLine.adding(translation, to: attributes[position].value)
  }
}
