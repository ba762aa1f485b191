import SurveyCore

extension Resolver {
  /// Resolves sections, questions and grids, in the order they are asked.
  mutating func resolveQuestions() {
    for located in declarations {
      switch located.declaration.kind {
      case .question:
        declareQuestionType(located.declaration, attributes: located.declaration.attributes)
      case .grid:
        for attribute in located.declaration.attributes {
          guard case .row(let row, _, _) = attribute.value else { continue }
          declareQuestionType(
            located.declaration, attributes: located.declaration.attributes, as: row)
        }
      default: break
      }
    }
    var sectionByFile: [Int: (id: String, provenance: Provenance, file: Int)] = [:]
    var previousFile = 0
    for located in declarations {
      let fileIndex = located.fileIndex
      if sectionByFile[fileIndex] == nil, fileIndex != previousFile {
        sectionByFile[fileIndex] = sectionByFile[previousFile]
      }
      previousFile = fileIndex
      let declaration = located.declaration
      let base = fileProvenance[fileIndex] ?? Provenance()
      switch declaration.kind {
      case .section:
        guard let section = resolveSection(declaration, fileIndex: fileIndex) else { continue }
        sections.append(section)
        let provenance = resolveProvenance(declaration.attributes).inheriting(from: base)
        sectionByFile[fileIndex] = (section.id, provenance, fileIndex)
      case .question:
        let current = sectionByFile[fileIndex]
        let context = QuestionContext(
          section: current?.id, provenance: inherited(current, base: base, fileIndex: fileIndex),
          fileIndex: fileIndex)
        if let question = resolveQuestion(declaration, context: context) {
          questions.append(question)
        }
      case .grid:
        let current = sectionByFile[fileIndex]
        let context = QuestionContext(
          section: current?.id, provenance: inherited(current, base: base, fileIndex: fileIndex),
          fileIndex: fileIndex)
        resolveGrid(declaration, context: context)
      default: break
      }
    }
  }

  /// A question inherits first from its own file's `library` line, then from its section: a
  /// library used inside a section keeps its own source and licence.
  private func inherited(
    _ section: (id: String, provenance: Provenance, file: Int)?, base: Provenance, fileIndex: Int
  ) -> Provenance {
    guard let section else { return base }
    return section.file == fileIndex
      ? section.provenance : base.inheriting(from: section.provenance)
  }

  private mutating func declareQuestionType(
    _ declaration: Declaration, attributes: [Attribute], as row: Name? = nil
  ) {
    guard let name = row ?? declaration.name, symbol(name.text)?.range == name.range else { return }
    questionOrder[name.text] = questionOrder.count
    var type: QuestionType?
    for attribute in attributes {
      guard case .type(let syntax) = attribute.value else { continue }
      if type != nil {
        if row == nil || row == attributes.compactMap(rowName).first {
          report(
            .error, "check.duplicateAttribute", DSLMessage.duplicateType,
            at: attribute.keyword.range,
            label: "a question has exactly one type")
        }
        continue
      }
      type = resolveType(syntax, keyword: attribute.keyword) ?? .text
    }
    guard let type else {
      if row == nil || row == attributes.compactMap(rowName).first {
        report(
          .error, "check.missingType", DSLMessage.missingType(declaration.kind), at: name.range,
          label: declaration.kind == .grid
            ? "add a line such as '  single agree5'"
            : "add a line such as '  single yes_no' or '  integer 0..120'")
      }
      questionTypes[name.text] = .text
      return
    }
    questionTypes[name.text] = type
    guard row == nil else { return }
    for attribute in attributes {
      switch attribute.value {
      case .other: questionTypes[name.text + "_other"] = .text
      case .privateField: privateQuestions.insert(name.text)
      default: break
      }
    }
  }

  private func rowName(_ attribute: Attribute) -> Name? {
    if case .row(let name, _, _) = attribute.value { return name }
    return nil
  }

  private mutating func resolveType(_ syntax: TypeSyntax, keyword: Name) -> QuestionType? {
    switch syntax {
    case .single(let set): return resolveChoiceSetReference(set).map { .single(choices: $0) }
    case .multiple(let set): return resolveChoiceSetReference(set).map { .multiple(choices: $0) }
    case .yesNo:
      usedChoiceSets.insert(ChoiceSet.builtInYesNo.id)
      if firstYesNoUse == nil { firstYesNoUse = keyword.range }
      return .single(choices: ChoiceSet.builtInYesNo.id)
    case .text: return .text
    case .integer(let range), .decimal(let range):
      let kind: NumberKind = if case .integer = syntax { .integer } else { .decimal }
      guard let range else { return .number(kind, min: nil, max: nil) }
      guard let low = range.lowValue, let high = range.highValue else {
        report(.error, "check.invalidRange", DSLMessage.numberRangeExpected, at: range.range)
        return .number(kind, min: nil, max: nil)
      }
      if low > high {
        report(
          .error, "check.invalidRange", DSLMessage.invalidRange(range.low.text, range.high.text),
          at: range.range)
      }
      return .number(kind, min: low, max: high)
    case .date(let range):
      guard let range else { return .date(min: nil, max: nil) }
      let low = resolveDate(range.low, in: range.range.file)
      let high = resolveDate(range.high, in: range.range.file)
      if let low, let high, low > high {
        report(
          .error, "check.invalidRange", DSLMessage.invalidRange(range.low.text, range.high.text),
          at: range.range)
      }
      return .date(min: low, max: high)
    }
  }

  /// Parses a date token, reporting dates that do not exist.
  mutating func resolveDate(_ token: Token, in file: SourceFile) -> Int? {
    guard token.kind == .date, let days = CivilDate.parseISO(token.text) else {
      report(
        .error, "check.invalidDate", DSLMessage.invalidDate(token.text),
        at: SourceRange(file: file, bytes: token.bytes), label: "write dates as YYYY-MM-DD")
      return nil
    }
    return days
  }

  private mutating func resolveSection(_ declaration: Declaration, fileIndex: Int) -> Section? {
    guard let name = declaration.name, symbol(name.text)?.range == name.range else { return nil }
    let title = localized(
      declaration.title, translations(in: declaration.attributes), fileIndex: fileIndex)
    noteText(
      title, owner: "section '\(name.text)'", part: "title",
      range: declaration.title?.range ?? name.range, fileIndex: fileIndex)
    var description: (Text?, [Translation]) = (nil, [])
    var relevance: Expr?
    var seen: Set<String> = []
    for attribute in declaration.attributes {
      switch attribute.value {
      case .description(let texts):
        if let primary = texts.primary { description.0 = primary }
        description.1 += texts.translations
      case .showIf(let syntax):
        if checkOnce(attribute, seen: &seen) {
          relevance = resolveCondition(syntax, context: ExpressionContext(fileIndex: fileIndex))
        }
      default: break
      }
    }
    var descriptionText: LocalizedText?
    if description.0 != nil || !description.1.isEmpty {
      let text = localized(description.0, description.1, fileIndex: fileIndex)
      descriptionText = text
      noteText(
        text, owner: "section '\(name.text)'", part: "description",
        range: description.0?.range ?? name.range, fileIndex: fileIndex)
    }
    return Section(
      id: name.text, title: title, description: descriptionText, relevance: relevance,
      location: name.range.start)
  }
}
