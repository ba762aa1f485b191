import SurveyCore

extension Resolver {
  mutating func resolveCauses() -> [Cause] {
    declarations.compactMap { located -> Cause? in
      let declaration = located.declaration
      guard declaration.kind == .cause, let name = declaration.name,
        symbol(name.text)?.range == name.range
      else { return nil }
      let fileIndex = located.fileIndex
      let title = localized(
        declaration.title, translations(in: declaration.attributes), fileIndex: fileIndex)
      noteText(
        title, owner: "cause '\(name.text)'", part: "title",
        range: declaration.title?.range ?? name.range, fileIndex: fileIndex)
      var rule: Expr?
      var group: String?
      var unmeasurableAmongMembers = false
      var hasRule = false
      var seen: Set<String> = []
      var actions: [CauseAction] = []
      for attribute in declaration.attributes {
        switch attribute.value {
        case .action(let texts, let nested):
          let text = localized(
            texts.primary, texts.translations + translations(in: nested), fileIndex: fileIndex)
          noteText(
            text, owner: "cause '\(name.text)'", part: "organizing note",
            range: texts.primary?.range ?? attribute.range, fileIndex: fileIndex)
          actions.append(CauseAction(text: text, provenance: resolveProvenance(nested)))
        case .exposedIf(let syntax):
          guard checkOnce(attribute, seen: &seen) else { continue }
          hasRule = true
          rule = resolveCondition(
            syntax, context: ExpressionContext(fileIndex: fileIndex, allowsPrivate: false))
        case .group(let word): if checkOnce(attribute, seen: &seen) { group = word.text }
        case .unmeasurableAmong(let word):
          guard checkOnce(attribute, seen: &seen) else { continue }
          if word.text == Respondents.members.rawValue {
            unmeasurableAmongMembers = true
          } else {
            report(
              .error, "check.unknownValue",
              DSLMessage.unknownValue(word.text, "unmeasurable among", ["members"]),
              at: word.range, label: Suggestion.label(for: word.text, in: ["members"]))
          }
        default: break
        }
      }
      if !hasRule {
        report(
          .error, "check.missingRule", DSLMessage.missingRule(name.text), at: name.range,
          label: "add a line such as '  exposed if union_member = no'")
      }
      var cause = Cause(
        id: name.text, title: title, rule: rule ?? .bool(false), group: group,
        provenance: resolveProvenance(declaration.attributes)
          .inheriting(from: fileProvenance[fileIndex] ?? Provenance()),
        location: name.range.start)
      cause.isUnmeasurableAmongMembers = unmeasurableAmongMembers
      cause.actions = actions
      return cause
    }
  }

  mutating func resolveIndexes(causes: [Cause]) -> [ExposureIndex] {
    declarations.compactMap { located -> ExposureIndex? in
      let declaration = located.declaration
      guard declaration.kind == .index, let name = declaration.name,
        symbol(name.text)?.range == name.range
      else { return nil }
      let title = localized(
        declaration.title, translations(in: declaration.attributes), fileIndex: located.fileIndex)
      noteText(
        title, owner: "index '\(name.text)'", part: "title",
        range: declaration.title?.range ?? name.range, fileIndex: located.fileIndex)
      var selected: [String]?
      var minimum: NumberLiteral?
      var seen: Set<String> = []
      for attribute in declaration.attributes {
        switch attribute.value {
        case .causes(let selection):
          guard checkOnce(attribute, seen: &seen) else { continue }
          selected = resolveCauseSelection(selection, causes: causes)
        case .minimum(let literal): if checkOnce(attribute, seen: &seen) { minimum = literal }
        default: break
        }
      }
      guard let selected else {
        report(
          .error, "check.emptyIndex", DSLMessage.emptyIndex(name.text), at: name.range,
          label: "add a line such as '  causes all'")
        return nil
      }
      var minKnown = selected.count
      if let minimum {
        let value = Int(exactly: minimum.value) ?? 0
        if minimum.value.rounded() != minimum.value || value < 1 || value > selected.count {
          report(
            .error, "check.invalidMinimum", DSLMessage.invalidMinimum(minimum.text, selected.count),
            at: minimum.range)
        } else {
          minKnown = value
        }
      }
      return ExposureIndex(
        id: name.text, title: title, causes: selected, minKnown: minKnown,
        location: name.range.start)
    }
  }

  private mutating func resolveCauseSelection(_ selection: CauseSelection, causes: [Cause])
    -> [String]
  {
    switch selection {
    case .all: return causes.map(\.id)
    case .group(let group):
      let members = causes.filter { $0.group == group.text }.map(\.id)
      if members.isEmpty {
        let groups = Set(causes.compactMap(\.group)).sorted()
        report(
          .error, "check.unknownReference", DSLMessage.unknownGroup(group.text), at: group.range,
          label: Suggestion.label(for: group.text, in: groups))
      }
      return members
    case .list(let list):
      return list.compactMap { name in
        guard let symbol = symbol(name.text), symbol.kind == .cause else {
          report(
            .error, "check.unknownReference", DSLMessage.unknownCause(name.text), at: name.range,
            label: Suggestion.label(for: name.text, in: names(of: [.cause])))
          return nil
        }
        return symbol.id
      }
    }
  }

  mutating func resolveIndicators(scales: [Scale]) -> [Indicator] {
    declarations.compactMap { located -> Indicator? in
      let declaration = located.declaration
      guard declaration.kind == .indicator, let name = declaration.name,
        symbol(name.text)?.range == name.range
      else { return nil }
      return resolveIndicator(declaration, name: name, fileIndex: located.fileIndex)
    }
  }

  private mutating func resolveIndicator(_ declaration: Declaration, name: Name, fileIndex: Int)
    -> Indicator?
  {
    let title = localized(
      declaration.title, translations(in: declaration.attributes), fileIndex: fileIndex)
    noteText(
      title, owner: "indicator '\(name.text)'", part: "title",
      range: declaration.title?.range ?? name.range, fileIndex: fileIndex)
    var measure: Measure?
    var better: Direction?
    var thresholds: [Threshold] = []
    var benchmarks: [Benchmark] = []
    var seen: Set<String> = []
    var isShare = false
    for attribute in declaration.attributes {
      switch attribute.value {
      case .share(let syntax):
        guard checkOnce(attribute, seen: &seen), !seen.contains("mean") else { continue }
        isShare = true
        let context = ExpressionContext(fileIndex: fileIndex, allowsPrivate: false)
        measure = resolveCondition(syntax, context: context).map { .share($0) }
      case .mean(let reference):
        guard checkOnce(attribute, seen: &seen), !seen.contains("share") else { continue }
        measure = resolveMeanReference(reference).map { .mean($0) }
      case .better(let word):
        guard checkOnce(attribute, seen: &seen) else { continue }
        better = Direction(rawValue: word.text)
        if better == nil {
          report(
            .error, "check.unknownValue",
            DSLMessage.unknownValue(word.text, "better", ["higher", "lower"]),
            at: word.range, label: Suggestion.label(for: word.text, in: ["higher", "lower"]))
        }
      case .threshold(let value, let texts, let provenance):
        thresholds.append(
          resolveThreshold(value, texts, provenance, indicator: name.text, fileIndex: fileIndex))
        if let previous = thresholds.dropLast().last, previous.value >= value.value {
          report(.error, "check.thresholdOrder", DSLMessage.thresholdOrder, at: value.range)
        }
      case .benchmark(let value, let population, let nested):
        benchmarks.append(
          resolveBenchmark(value, population, nested, isShare: isShare, at: attribute.keyword))
      default: break
      }
    }
    if measure == nil, !seen.contains("share"), !seen.contains("mean") {
      report(
        .error, "check.missingMeasure", DSLMessage.missingMeasure(name.text), at: name.range,
        label: "add 'share CONDITION' or 'mean SCALE'")
    }
    if better == nil, !seen.contains("better") {
      report(
        .error, "check.missingDirection", DSLMessage.missingDirection(name.text), at: name.range,
        label: "add '  better higher' or '  better lower'")
    }
    guard let measure else { return nil }
    return Indicator(
      id: name.text, title: title, measure: measure, better: better ?? .higher,
      thresholds: thresholds, benchmarks: benchmarks,
      provenance: resolveProvenance(declaration.attributes)
        .inheriting(from: fileProvenance[fileIndex] ?? Provenance()),
      location: name.range.start)
  }

  private mutating func resolveMeanReference(_ name: Name) -> VariableRef? {
    guard let symbol = symbol(name.text) else {
      report(
        .error, "check.unknownReference", DSLMessage.unknownMeasure(name.text), at: name.range,
        label: Suggestion.label(
          for: name.text, in: names(of: [.scale, .question, .derived, .index])))
      return nil
    }
    switch symbol.kind {
    case .scale: return .scale(symbol.id)
    case .index: return .index(symbol.id)
    case .derived:
      if derivedKind(symbol.id, usedAt: name) == .condition {
        report(
          .error, "check.typeMismatch", DSLMessage.meanOfCondition(symbol.id), at: name.range,
          label: "use 'share \(symbol.id)'")
      }
      return .derived(symbol.id)
    case .question:
      if privateQuestions.contains(symbol.id) {
        report(
          .error, "check.privateReported", DSLMessage.privateReported(symbol.id), at: name.range)
      }
      switch questionTypes[symbol.id] {
      case .number, .single: return .question(symbol.id)
      default:
        report(.error, "check.typeMismatch", DSLMessage.meanNotNumeric(symbol.id), at: name.range)
        return nil
      }
    default:
      report(
        .error, "check.notAValue", DSLMessage.notAValue(symbol.id, symbol.kind.rawValue),
        at: name.range)
      return nil
    }
  }

  private mutating func resolveThreshold(
    _ value: NumberLiteral, _ texts: Texts, _ provenance: Name?, indicator: String, fileIndex: Int
  ) -> Threshold {
    let label = localized(texts.primary, texts.translations, fileIndex: fileIndex)
    noteText(
      label, owner: "indicator '\(indicator)'", part: "threshold \(value.text)",
      range: texts.primary?.range ?? value.range, fileIndex: fileIndex, inline: true)
    var published = false
    switch provenance?.text {
    case "published": published = true
    case "convention": published = false
    case nil:
      report(
        .warning, "check.thresholdProvenance", DSLMessage.thresholdProvenance, at: value.range,
        label: "end the line with 'published' or 'convention'")
    case let other?:
      report(
        .error, "check.unknownValue",
        DSLMessage.unknownValue(other, "threshold", ["published", "convention"]),
        at: provenance?.range ?? value.range,
        label: Suggestion.label(for: other, in: ["published", "convention"]))
    }
    return Threshold(value: value.value, label: label, isPublished: published)
  }

  private mutating func resolveBenchmark(
    _ value: NumberLiteral, _ population: Text?, _ nested: [Attribute], isShare: Bool,
    at keyword: Name
  ) -> Benchmark {
    var year: String?
    var source: String?
    var comparable: Bool?
    for attribute in nested {
      switch attribute.value {
      case .year(let token): year = token.value
      case .source(let text): source = text.value
      case .comparable(let flag): comparable = flag
      default: break
      }
    }
    if isShare, value.value < 0 || value.value > 1 {
      report(
        .error, "check.benchmarkOutOfRange", DSLMessage.benchmarkOutOfRange(value.text),
        at: value.range,
        label: "write shares as percentages (7%) or proportions (0.07)")
    }
    if comparable == nil {
      report(
        .warning, "check.benchmarkComparability", DSLMessage.benchmarkComparability,
        at: keyword.range,
        label: "add an indented line 'comparable' or 'not-comparable'")
    }
    if source == nil || year == nil {
      report(.warning, "check.benchmarkSource", DSLMessage.benchmarkSource, at: keyword.range)
    }
    return Benchmark(
      value: value.value, population: population?.value ?? "", year: year, source: source,
      isComparable: comparable ?? false)
  }
}
