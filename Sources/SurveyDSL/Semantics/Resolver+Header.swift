import SurveyCore

/// What the `survey` (or `library`) header says.
struct HeaderInfo {
  var id = "survey"
  var title = LocalizedText()
  var version = ""
  var description: LocalizedText?
  var privacy = PrivacyPolicy()
  var libraries: [LibraryInfo] = []
  var roleAttributes: [Attribute] = []
  var rakeAttributes: [Attribute] = []
  var respondents = Respondents.anyone
}

extension Resolver {
  mutating func resolveHeader() -> HeaderInfo {
    var info = HeaderInfo()
    collectLanguages()
    mergeTranslationFiles()
    var surveyDeclaration: LocatedDeclaration?
    for located in declarations {
      let declaration = located.declaration
      switch declaration.kind {
      case .survey:
        if located.fileIndex != 0 {
          report(
            .error, "check.surveyInLibrary", DSLMessage.surveyInLibrary,
            at: declaration.keyword.range, label: "write 'library' instead")
        } else if let first = surveyDeclaration {
          report(
            .error, "check.duplicateHeader", DSLMessage.duplicateHeader,
            at: declaration.keyword.range,
            notes: [
              Diagnostic.Note("the survey is declared here", at: first.declaration.keyword.range)
            ])
        } else {
          surveyDeclaration = located
        }
      case .library:
        info.libraries.append(resolveLibrary(located))
      default: break
      }
    }
    if let surveyDeclaration {
      resolveSurvey(surveyDeclaration, into: &info)
    } else if let library = declarations.first(where: {
      $0.declaration.kind == .library && $0.fileIndex == 0
    }) {
      isLibraryOnly = true
      info.id = library.declaration.name?.text ?? "library"
      info.title = info.libraries.first?.title ?? LocalizedText()
      info.version = "library"
    } else if let file = files.first, !mainIsTranslation {
      let start = SourceRange(file: file.file, bytes: 0..<0)
      report(
        .error, "check.missingHeader", DSLMessage.missingHeader, at: start,
        label: "start the file with 'survey NAME \"Title\"' or 'library NAME \"Title\"'")
    }
    return info
  }

  /// Each file's own languages come from its `library` line; the survey's from its header.
  private mutating func collectLanguages() {
    for located in declarations where [.survey, .library].contains(located.declaration.kind) {
      for attribute in located.declaration.attributes {
        guard case .languages(let list) = attribute.value else { continue }
        let codes = list.map(\.code.text)
        var seen: Set<String> = []
        for language in list where !seen.insert(language.code.text).inserted {
          report(
            .warning, "check.duplicateTranslation",
            DSLMessage.duplicateLanguage(language.code.text),
            at: language.code.range)
        }
        if located.fileIndex < fileLanguages.count { fileLanguages[located.fileIndex] = codes }
        if located.declaration.kind == .survey
          || (located.fileIndex == 0 && surveyLanguages.count == 1)
        {
          surveyLanguages = list.map {
            Language(
              code: $0.code.text, name: $0.name?.value ?? $0.code.text, isDraft: $0.draft != nil)
          }
        }
      }
    }
  }

  private mutating func resolveSurvey(_ located: LocatedDeclaration, into info: inout HeaderInfo) {
    let declaration = located.declaration
    info.id = declaration.name?.text ?? "survey"
    info.title = localized(
      declaration.title, translations(in: declaration.attributes), fileIndex: located.fileIndex)
    noteText(
      info.title, owner: "the survey", part: "title",
      range: declaration.title?.range ?? declaration.range,
      fileIndex: located.fileIndex)
    var hasVersion = false
    var descriptions: [Translation] = []
    var primaryDescription: Text?
    var seen: Set<String> = []
    for attribute in declaration.attributes {
      switch attribute.value {
      case .version(let text):
        if checkOnce(attribute, seen: &seen) {
          info.version = text.value
          hasVersion = true
        }
      case .description(let texts):
        if let primary = texts.primary { primaryDescription = primary }
        descriptions += texts.translations
      case .role: info.roleAttributes.append(attribute)
      case .rake: info.rakeAttributes.append(attribute)
      case .respondents(let word):
        if let value = Respondents(rawValue: word.text) {
          info.respondents = value
        } else {
          let names = Respondents.allCases.map(\.rawValue)
          report(
            .error, "check.unknownValue",
            DSLMessage.unknownValue(word.text, "respondents", names),
            at: word.range, label: Suggestion.label(for: word.text, in: names))
        }
      case .privacy(let setting, let value): resolvePrivacy(setting, value, into: &info.privacy)
      default: break
      }
    }
    if !hasVersion {
      report(
        .error, "check.missingVersion", DSLMessage.missingVersion, at: declaration.keyword.range,
        label: "add a line such as '  version 2026.1'")
    }
    if primaryDescription != nil || !descriptions.isEmpty {
      let text = localized(primaryDescription, descriptions, fileIndex: located.fileIndex)
      info.description = text
      noteText(
        text, owner: "the survey", part: "description",
        range: primaryDescription?.range ?? declaration.range, fileIndex: located.fileIndex)
    }
    if info.privacy.noExtremesBelow < info.privacy.minGroup {
      info.privacy.noExtremesBelow = info.privacy.minGroup
    }
  }

  private mutating func resolveLibrary(_ located: LocatedDeclaration) -> LibraryInfo {
    let declaration = located.declaration
    let title = localized(
      declaration.title, translations(in: declaration.attributes), fileIndex: located.fileIndex)
    let provenance = resolveProvenance(declaration.attributes)
    fileProvenance[located.fileIndex] = provenance
    noteText(
      title, owner: "library '\(declaration.name?.text ?? "")'", part: "title",
      range: declaration.title?.range ?? declaration.range, fileIndex: located.fileIndex)
    return LibraryInfo(
      id: declaration.name?.text ?? "", title: title, path: files[located.fileIndex].file.path,
      provenance: provenance)
  }

  private mutating func resolvePrivacy(
    _ setting: Name, _ value: Token, into policy: inout PrivacyPolicy
  ) {
    let settings = ["min-group", "min-cell", "no-extremes-below", "free-text"]
    let range = SourceRange(file: setting.range.file, bytes: value.bytes)
    switch setting.text {
    case "free-text":
      guard let mode = PrivacyPolicy.FreeTextPolicy(rawValue: value.text) else {
        report(
          .error, "check.unknownValue",
          DSLMessage.unknownValue(value.text, "free-text", ["off", "organization"]),
          at: range, label: Suggestion.label(for: value.text, in: ["off", "organization"]))
        return
      }
      policy.freeText = mode
    case "min-group", "min-cell", "no-extremes-below":
      guard let number = value.number, number.rounded() == number, number >= 0, number < 1e6 else {
        report(
          .error, "check.invalidNumber", DSLMessage.expectedWholeNumber(setting.text), at: range)
        return
      }
      let count = Int(number)
      let floors = [
        "min-group": PrivacyPolicy.minGroupFloor, "min-cell": 3, "no-extremes-below": 10,
      ]
      let floor = floors[setting.text] ?? 0
      guard count >= floor else {
        report(
          .error, "check.privacyBelowFloor", DSLMessage.privacyBelowFloor(setting.text, floor),
          at: range, label: "use \(floor) or more")
        return
      }
      switch setting.text {
      case "min-group": policy.minGroup = count
      case "min-cell": policy.minCell = count
      default: policy.noExtremesBelow = count
      }
    default:
      report(
        .error, "check.unknownValue", DSLMessage.unknownSetting(setting.text), at: setting.range,
        label: Suggestion.label(for: setting.text, in: settings))
    }
  }

  /// Reads `source`, `wording` and `licence` attributes.
  mutating func resolveProvenance(_ attributes: [Attribute]) -> Provenance {
    var provenance = Provenance()
    for attribute in attributes {
      switch attribute.value {
      case .source(let text): provenance.source = text.value
      case .wording(let name):
        guard let status = WordingStatus(rawValue: name.text) else {
          let values = WordingStatus.allCases.map(\.rawValue)
          report(
            .error, "check.unknownValue", DSLMessage.unknownValue(name.text, "wording", values),
            at: name.range, label: Suggestion.label(for: name.text, in: values))
          continue
        }
        provenance.wording = status
      case .licence(let name):
        guard let licence = Licence(rawValue: name.text) else {
          let values = Licence.allCases.map(\.rawValue)
          report(
            .error, "check.unknownValue", DSLMessage.unknownValue(name.text, "licence", values),
            at: name.range, label: Suggestion.label(for: name.text, in: values))
          continue
        }
        provenance.licence = licence
      default: break
      }
    }
    return provenance
  }

  mutating func resolveRoles(_ attributes: [Attribute]) -> Roles {
    var roles = Roles()
    var seen: Set<String> = []
    for attribute in attributes {
      guard case .role(let name) = attribute.value, checkOnce(attribute, seen: &seen) else {
        continue
      }
      guard let question = resolveQuestionReference(name) else { continue }
      let role = attribute.keyword.text
      let type = questionTypes[question] ?? .text
      let fits: Bool
      switch (role, type) {
      case ("chapter", .single), ("chapter", .text), ("wave", .single), ("wave", .text),
        ("wave", .number(.integer, _, _)), ("weight", .number):
        fits = true
      default: fits = false
      }
      if !fits || privateQuestions.contains(question) {
        report(.error, "check.invalidRole", DSLMessage.invalidRole(role, question), at: name.range)
        continue
      }
      switch role {
      case "chapter": roles.chapter = question
      case "wave": roles.wave = question
      default: roles.weight = question
      }
    }
    return roles
  }

  /// Resolves a name that must be a question, reporting unknown ones.
  mutating func resolveQuestionReference(_ name: Name) -> String? {
    guard let symbol = symbol(name.text), symbol.kind == .question else {
      report(
        .error, "check.unknownReference", DSLMessage.unknownQuestion(name.text), at: name.range,
        label: Suggestion.label(for: name.text, in: names(of: [.question])))
      return nil
    }
    return symbol.id
  }
}
