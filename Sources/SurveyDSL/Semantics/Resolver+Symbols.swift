import SurveyCore

extension Resolver {
  /// Declares every name, reporting duplicates (ignoring case).
  mutating func declareSymbols() {
    for located in declarations {
      let declaration = located.declaration
      guard let name = declaration.name else { continue }
      switch declaration.kind {
      case .question:
        declare(.question, name)
        if declaration.attributes.contains(where: {
          if case .other = $0.value { true } else { false }
        }) {
          declare(.question, Name(name.text + "_other", name.range), companionOf: name.text)
        }
      case .grid:
        declare(.grid, name)
        for attribute in declaration.attributes {
          if case .row(let row, _, _) = attribute.value { declare(.question, row) }
        }
      case .derived:
        declare(.derived, name)
        if symbol(name.text)?.range == name.range {
          derivedSyntax[name.text] = (declaration, located.fileIndex)
        }
      case .scale: declare(.scale, name)
      case .cause: declare(.cause, name)
      case .index: declare(.index, name)
      case .section: declare(.section, name)
      case .indicator: declare(.indicator, name)
      case .choices: declareChoiceSet(name)
      case .survey, .library, .use, .translation: break
      }
    }
  }

  private mutating func declare(_ kind: SymbolKind, _ name: Name, companionOf: String? = nil) {
    let key = name.text.lowercased()
    if let existing = symbols[key] {
      let message =
        companionOf.map { DSLMessage.otherClash($0, name.text) }
        ?? DSLMessage.duplicateName(name.text, existing.kind.rawValue)
      report(
        .error, "check.duplicateName", message, at: name.range,
        notes: [
          Diagnostic.Note("\(quoted: existing.id) is first declared here", at: existing.range)
        ])
      return
    }
    if answerTests.contains(key)
      || ["this", "true", "false", "and", "or", "not", "in", "is", "includes"].contains(key)
    {
      report(.error, "check.reservedName", DSLMessage.reservedName(name.text), at: name.range)
    }
    symbols[key] = Symbol(kind: kind, id: name.text, range: name.range)
  }

  private mutating func declareChoiceSet(_ name: Name) {
    let key = name.text.lowercased()
    if let existing = choiceSetRanges.first(where: { $0.key.lowercased() == key }) {
      report(
        .error, "check.duplicateName", DSLMessage.duplicateName(name.text, "choice set"),
        at: name.range,
        notes: [
          Diagnostic.Note("\(quoted: existing.key) is first declared here", at: existing.value)
        ])
      return
    }
    choiceSetRanges[name.text] = name.range
  }

  /// Resolves every `choices` block.
  mutating func resolveChoiceSets() {
    for located in declarations where located.declaration.kind == .choices {
      guard let name = located.declaration.name, choiceSetRanges[name.text] == name.range else {
        continue
      }
      var choices: [Choice] = []
      var codes: [Int: SourceRange] = [:]
      var choiceNames: [String: SourceRange] = [:]
      for attribute in located.declaration.attributes {
        guard case .choice(let syntax) = attribute.value else { continue }
        // An impossible code was reported by the parser.
        guard let code = Int(exactly: syntax.code.value.rounded()) else { continue }
        if let first = codes[code] {
          report(
            .error, "check.duplicateCode", DSLMessage.duplicateCode(syntax.code.text, name.text),
            at: syntax.code.range, notes: [Diagnostic.Note("code first used here", at: first)])
          continue
        }
        codes[code] = syntax.code.range
        if let choiceName = syntax.name {
          let key = choiceName.text.lowercased()
          if let first = choiceNames[key] {
            report(
              .error, "check.duplicateName", DSLMessage.duplicateName(choiceName.text, "answer"),
              at: choiceName.range, notes: [Diagnostic.Note("first used here", at: first)])
          }
          choiceNames[key] = choiceName.range
        }
        let label = localized(
          syntax.label.primary, syntax.label.translations + syntax.translations,
          fileIndex: located.fileIndex)
        noteText(
          label, owner: "choice set '\(name.text)'",
          part: "answer \(syntax.name.map { "'\($0.text)'" } ?? syntax.code.text)",
          range: syntax.label.primary?.range ?? syntax.code.range, fileIndex: located.fileIndex,
          inline: true)
        choices.append(
          Choice(
            code: code, name: syntax.name?.text, label: label,
            missing: syntax.missingKind.flatMap { MissingKind(rawValue: $0.text) }))
      }
      if choices.isEmpty {
        report(.error, "check.emptyChoiceSet", DSLMessage.emptyChoiceSet(name.text), at: name.range)
      }
      choiceSets[name.text] = ChoiceSet(id: name.text, choices: choices, location: name.range.start)
    }
  }

  /// Resolves a choice-set name used by a question, reporting unknown ones.
  mutating func resolveChoiceSetReference(_ name: Name) -> String? {
    if choiceSets[name.text] != nil {
      usedChoiceSets.insert(name.text)
      return name.text
    }
    if name.text == ChoiceSet.builtInYesNo.id {
      usedChoiceSets.insert(name.text)
      return name.text
    }
    if let match = choiceSets.keys.first(where: { $0.lowercased() == name.text.lowercased() }) {
      usedChoiceSets.insert(match)
      return match
    }
    let candidates = Array(choiceSets.keys) + [ChoiceSet.builtInYesNo.id]
    report(
      .error, "check.unknownChoiceSet", DSLMessage.unknownChoiceSet(name.text), at: name.range,
      label: Suggestion.label(for: name.text, in: candidates))
    return nil
  }

  /// The resolved choice set (declared, or the built-in yes/no).
  func choiceSet(_ id: String) -> ChoiceSet? {
    choiceSets[id] ?? (id == ChoiceSet.builtInYesNo.id ? ChoiceSet.builtInYesNo : nil)
  }

  /// Adds the built-in yes/no set when it is used and not declared.
  mutating func injectBuiltInChoiceSets() {
    let builtIn = ChoiceSet.builtInYesNo
    guard usedChoiceSets.contains(builtIn.id), choiceSets[builtIn.id] == nil else { return }
    choiceSets[builtIn.id] = builtIn
    let missing = builtIn.choices[0].label.missingLanguages(surveyLanguages.map(\.code))
    if let language = missing.first, let range = firstYesNoUse {
      report(
        .warning, "check.missingTranslation", DSLMessage.builtInYesNoLanguage(language), at: range,
        label: "declare 'choices yes_no' with labels in every language")
    }
  }
}
