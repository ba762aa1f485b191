import SurveyCore

/// Where a question is: its section, the provenance it inherits and its file.
struct QuestionContext {
  var section: String?
  var provenance: Provenance
  var fileIndex: Int
}

extension Resolver {
  mutating func resolveQuestion(_ declaration: Declaration, context: QuestionContext) -> Question? {
    guard let name = declaration.name, symbol(name.text)?.range == name.range,
      let type = questionTypes[name.text]
    else { return nil }
    let fileIndex = context.fileIndex
    let owner = "question '\(name.text)'"
    let text = localized(
      declaration.title, translations(in: declaration.attributes), fileIndex: fileIndex)
    noteText(
      text, owner: owner, part: "text", range: declaration.title?.range ?? name.range,
      fileIndex: fileIndex)
    var question = Question(
      id: name.text, text: text, type: type, section: context.section,
      location: name.range.start)
    question.provenance = resolveProvenance(declaration.attributes).inheriting(
      from: context.provenance)
    questionRanges[name.text] = name.range
    var hints: (Text?, [Translation]) = (nil, [])
    var seen: Set<String> = []
    let expressionContext = ExpressionContext(
      fileIndex: fileIndex, this: name.text, position: questions.count)
    for attribute in declaration.attributes {
      switch attribute.value {
      case .unit(let texts):
        guard checkOnce(attribute, seen: &seen) else { continue }
        if case .number = type {
          let unit = localized(texts.primary, texts.translations, fileIndex: fileIndex)
          question.unit = unit
          noteText(
            unit, owner: owner, part: "unit", range: texts.primary?.range ?? attribute.range,
            fileIndex: fileIndex, inline: true)
        } else {
          report(
            .error, "check.unitWithoutNumber", DSLMessage.unitWithoutNumber,
            at: attribute.keyword.range)
        }
      case .required:
        if checkOnce(attribute, seen: &seen) { question.isRequired = true }
      case .showIf(let syntax):
        if checkOnce(attribute, seen: &seen) {
          question.relevance = resolveCondition(syntax, context: expressionContext.withoutThis())
        }
      case .check(let isHard, let syntax, let texts):
        let condition = resolveCondition(syntax, context: expressionContext)
        let message = localized(texts.primary, texts.translations, fileIndex: fileIndex)
        noteText(
          message, owner: owner, part: "check message",
          range: texts.primary?.range ?? attribute.range, fileIndex: fileIndex, inline: true)
        if let condition {
          question.checks.append(Check(isHard: isHard, condition: condition, message: message))
        }
      case .hint(let texts):
        if let primary = texts.primary { hints.0 = primary }
        hints.1 += texts.translations
      case .other(let texts):
        guard checkOnce(attribute, seen: &seen) else { continue }
        if type.choiceSetID == nil {
          report(
            .error, "check.otherWithoutChoices", DSLMessage.otherWithoutChoices,
            at: attribute.keyword.range)
        }
        let label = localized(texts.primary, texts.translations, fileIndex: fileIndex)
        question.otherLabel = label
        noteText(
          label, owner: owner, part: "'other' label",
          range: texts.primary?.range ?? attribute.range, fileIndex: fileIndex, inline: true)
      case .renamedFrom(let names):
        for old in names { noteRename(old, of: name.text) }
        question.renamedFrom += names.map(\.text)
      case .privateField(let mode):
        guard checkOnce(attribute, seen: &seen) else { continue }
        question.privateMode = resolvePrivateMode(mode)
      default: break
      }
    }
    if hints.0 != nil || !hints.1.isEmpty {
      let hint = localized(hints.0, hints.1, fileIndex: fileIndex)
      question.hint = hint
      noteText(
        hint, owner: owner, part: "hint", range: hints.0?.range ?? name.range, fileIndex: fileIndex,
        inline: true)
    }
    if question.privateMode != nil, question.isRequired {
      report(
        .warning, "check.requiredPrivate", DSLMessage.requiredPrivate(name.text), at: name.range)
    }
    return question
  }

  mutating func resolveGrid(_ declaration: Declaration, context: QuestionContext) {
    guard let name = declaration.name, symbol(name.text)?.range == name.range else { return }
    let fileIndex = context.fileIndex
    let stem = localized(
      declaration.title, translations(in: declaration.attributes), fileIndex: fileIndex)
    noteText(
      stem, owner: "grid '\(name.text)'", part: "text",
      range: declaration.title?.range ?? name.range, fileIndex: fileIndex)
    let provenance = resolveProvenance(declaration.attributes).inheriting(from: context.provenance)
    var isRequired = false
    var relevance: Expr?
    var rows: [String] = []
    var hints: (Text?, [Translation]) = (nil, [])
    var seen: Set<String> = []
    for attribute in declaration.attributes {
      switch attribute.value {
      case .required: if checkOnce(attribute, seen: &seen) { isRequired = true }
      case .showIf(let syntax):
        if checkOnce(attribute, seen: &seen) {
          relevance = resolveCondition(
            syntax, context: ExpressionContext(fileIndex: fileIndex, position: questions.count))
        }
      case .hint(let texts):
        if let primary = texts.primary { hints.0 = primary }
        hints.1 += texts.translations
      default: break
      }
    }
    let hint =
      hints.0 == nil && hints.1.isEmpty ? nil : localized(hints.0, hints.1, fileIndex: fileIndex)
    if let hint {
      noteText(
        hint, owner: "grid '\(name.text)'", part: "hint", range: hints.0?.range ?? name.range,
        fileIndex: fileIndex, inline: true)
    }
    for attribute in declaration.attributes {
      guard case .row(let rowName, let rowText, let rowAttributes) = attribute.value,
        symbol(rowName.text)?.range == rowName.range, let type = questionTypes[rowName.text]
      else { continue }
      let owner = "row '\(rowName.text)'"
      let text = localized(rowText, translations(in: rowAttributes), fileIndex: fileIndex)
      noteText(
        text, owner: owner, part: "text", range: rowText?.range ?? rowName.range,
        fileIndex: fileIndex)
      var question = Question(
        id: rowName.text, text: text, type: type, hint: hint, isRequired: isRequired,
        relevance: relevance, section: context.section, grid: name.text,
        location: rowName.range.start)
      question.provenance = resolveProvenance(rowAttributes).inheriting(from: provenance)
      for rowAttribute in rowAttributes {
        if case .renamedFrom(let names) = rowAttribute.value {
          for old in names { noteRename(old, of: rowName.text) }
          question.renamedFrom += names.map(\.text)
        }
      }
      questionRanges[rowName.text] = rowName.range
      questions.append(question)
      rows.append(rowName.text)
    }
    if rows.isEmpty {
      report(
        .error, "check.emptyGrid", DSLMessage.emptyGrid(name.text), at: name.range,
        label: "add rows: '  row NAME \"Question text\"'")
    }
    grids.append(Grid(id: name.text, text: stem, rows: rows, location: name.range.start))
  }

  private mutating func resolvePrivateMode(_ mode: Name?) -> PrivateMode {
    guard let mode else { return .drop }
    guard mode.text == "hashed" else {
      report(
        .error, "check.unknownValue", DSLMessage.unknownValue(mode.text, "private", ["hashed"]),
        at: mode.range, label: Suggestion.label(for: mode.text, in: ["hashed"]))
      return .drop
    }
    return .hashed
  }

  private mutating func noteRename(_ old: Name, of id: String) {
    if let current = symbol(old.text), current.kind == .question {
      report(
        .error, "check.renameConflict", DSLMessage.renameConflict(old.text), at: old.range,
        notes: [Diagnostic.Note("\(quoted: current.id) is declared here", at: current.range)])
      return
    }
    if let (other, range) = renames[old.text.lowercased()] {
      report(
        .error, "check.renameConflict", DSLMessage.renamedTwice(old.text, other), at: old.range,
        notes: [Diagnostic.Note("also renamed here", at: range)])
      return
    }
    renames[old.text.lowercased()] = (id, old.range)
  }
}
