import SurveyCore

extension Resolver {
  mutating func resolveScales() -> [Scale] {
    declarations.compactMap { located in
      guard located.declaration.kind == .scale else { return nil }
      return resolveScale(located.declaration, fileIndex: located.fileIndex)
    }
  }

  private mutating func resolveScale(_ declaration: Declaration, fileIndex: Int) -> Scale? {
    guard let name = declaration.name, symbol(name.text)?.range == name.range else { return nil }
    let title = localized(
      declaration.title, translations(in: declaration.attributes), fileIndex: fileIndex)
    noteText(
      title, owner: "scale '\(name.text)'", part: "title",
      range: declaration.title?.range ?? name.range, fileIndex: fileIndex)
    var items: [Name] = []
    var reversed: [Name] = []
    var rule = ScoreRule.sum
    var minimum: NumberLiteral?
    var bandSyntax: [(RangeLiteral, Texts)] = []
    var seen: Set<String> = []
    for attribute in declaration.attributes {
      switch attribute.value {
      case .items(let names, let reverse):
        if reverse { reversed += names } else { items += names }
      case .score(let word):
        guard checkOnce(attribute, seen: &seen) else { continue }
        if let value = ScoreRule(rawValue: word.text) {
          rule = value
        } else {
          let values = ["sum", "mean", "percent"]
          report(
            .error, "check.unknownValue", DSLMessage.unknownValue(word.text, "score", values),
            at: word.range, label: Suggestion.label(for: word.text, in: values))
        }
      case .minimum(let literal): if checkOnce(attribute, seen: &seen) { minimum = literal }
      case .band(let range, let texts): bandSyntax.append((range, texts))
      default: break
      }
    }
    if items.isEmpty {
      report(
        .error, "check.emptyScale", DSLMessage.emptyScale(name.text), at: name.range,
        label: "add a line such as '  items q1, q2, q3'")
      return nil
    }
    let itemIDs = resolveScaleItems(items, rule: rule, scale: name)
    for reverse in reversed
    where !items.contains(where: { $0.text.lowercased() == reverse.text.lowercased() }) {
      report(
        .error, "check.reverseNotItem", DSLMessage.reverseNotItem(reverse.text, name.text),
        at: reverse.range,
        label: Suggestion.label(for: reverse.text, in: items.map(\.text)))
    }
    for reverse in reversed
    where items.contains(where: { $0.text.lowercased() == reverse.text.lowercased() }) {
      if let id = symbol(reverse.text)?.id, case .number(_, let low, let high) = questionTypes[id],
        low == nil || high == nil
      {
        report(
          .error, "check.reverseWithoutBounds", DSLMessage.reverseWithoutBounds(id),
          at: reverse.range)
      }
    }
    var minAnswered = itemIDs.count
    if let minimum {
      let value = Int(exactly: minimum.value) ?? 0
      if minimum.value.rounded() != minimum.value || value < 1 || value > items.count {
        report(
          .error, "check.invalidMinimum", DSLMessage.invalidMinimum(minimum.text, items.count),
          at: minimum.range)
      } else {
        minAnswered = value
      }
    }
    let scoreRange = possibleRange(of: itemIDs, rule: rule)
    let bands = resolveBands(
      bandSyntax, scale: name.text, scoreRange: scoreRange, fileIndex: fileIndex)
    let reversedIDs = reversed.compactMap { symbol($0.text)?.id }
    return Scale(
      id: name.text, title: title, items: itemIDs, reversed: reversedIDs, rule: rule,
      minAnswered: minAnswered, bands: bands,
      provenance: resolveProvenance(declaration.attributes)
        .inheriting(from: fileProvenance[fileIndex] ?? Provenance()),
      location: name.range.start)
  }

  private mutating func resolveScaleItems(_ items: [Name], rule: ScoreRule, scale: Name) -> [String]
  {
    var ids: [String] = []
    var firstSet: (String, Name)?
    for item in items {
      guard let id = resolveQuestionReference(item) else { continue }
      if ids.contains(id) {
        report(.warning, "check.duplicateItem", DSLMessage.duplicateItem(id), at: item.range)
        continue
      }
      ids.append(id)
      if privateQuestions.contains(id) {
        report(.error, "check.privateReported", DSLMessage.privateReported(id), at: item.range)
      }
      switch questionTypes[id] {
      case .single(let set):
        if let (first, firstName) = firstSet, first != set, rule != .percent {
          report(
            .error, "check.scaleMixedChoiceSets",
            DSLMessage.scaleMixedChoiceSets(scale.text, id, set, firstName.text, first),
            at: item.range, label: "use 'score percent' to combine items on different answer scales"
          )
        } else if firstSet == nil {
          firstSet = (set, item)
        }
      case .number: break
      default:
        report(
          .error, "check.scaleItemNotScorable", DSLMessage.scaleItemNotScorable(id), at: item.range)
      }
    }
    return ids
  }

  /// The lowest and highest possible score, when every item has bounds.
  private func possibleRange(of items: [String], rule: ScoreRule) -> ClosedRange<Double>? {
    let bounds = items.map { item -> ClosedRange<Double>? in
      switch questionTypes[item] {
      case .single(let set):
        choiceSet(set)?.bounds.map { Double($0.lowerBound)...Double($0.upperBound) }
      case .number(_, let low?, let high?): low...high
      default: nil
      }
    }
    return Scale.scoreRange(rule: rule, itemBounds: bounds)
  }

  private mutating func resolveBands(
    _ syntax: [(RangeLiteral, Texts)], scale: String, scoreRange: ClosedRange<Double>?,
    fileIndex: Int
  ) -> [Band] {
    var bands: [(Band, SourceRange)] = []
    for (range, texts) in syntax {
      guard let low = range.lowValue, let high = range.highValue else {
        report(.error, "check.invalidRange", DSLMessage.numberRangeExpected, at: range.range)
        continue
      }
      if low > high {
        report(
          .error, "check.invalidRange", DSLMessage.invalidRange(range.low.text, range.high.text),
          at: range.range)
        continue
      }
      if let scoreRange, low < scoreRange.lowerBound || high > scoreRange.upperBound {
        report(
          .warning, "check.bandOutOfRange",
          DSLMessage.bandOutOfRange(range.low.text, range.high.text, scoreRange), at: range.range)
      }
      if let overlap = bands.first(where: { low <= $0.0.high && high >= $0.0.low }) {
        report(
          .error, "check.bandOverlap", DSLMessage.bandOverlap, at: range.range,
          notes: [Diagnostic.Note("the other band is here", at: overlap.1)])
      }
      let label = localized(texts.primary, texts.translations, fileIndex: fileIndex)
      noteText(
        label, owner: "scale '\(scale)'", part: "band \(range.low.text)..\(range.high.text)",
        range: texts.primary?.range ?? range.range, fileIndex: fileIndex, inline: true)
      bands.append((Band(low: low, high: high, label: label), range.range))
    }
    return bands.map(\.0)
  }
}
