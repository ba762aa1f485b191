import SurveyCore

extension Resolver {
  mutating func resolveCall(_ name: Name, _ arguments: [ExprSyntax], _ context: ExpressionContext)
    -> Typed
  {
    guard let function = ExpressionFunction(rawValue: name.text) else {
      report(
        .error, "check.unknownFunction", DSLMessage.unknownFunction(name.text), at: name.range,
        label: Suggestion.label(for: name.text, in: ExpressionFunction.allCases.map(\.rawValue)))
      for argument in arguments { _ = resolve(argument, context) }
      return Typed(expr: .bool(false), type: .unknown)
    }
    let typed = arguments.map { resolve($0, context) }
    let expressions = typed.map(\.expr)
    switch function {
    case .if:
      guard typed.count == 3 else {
        reportArity(
          name, expected: "3 (a condition, a value if true, a value if false)", got: typed.count)
        return Typed(expr: .bool(false), type: .unknown)
      }
      requireCondition(typed[0], arguments[0])
      let type = typed[1].type == .unknown ? typed[2].type : typed[1].type
      return Typed(expr: .call(.if, expressions), type: type)
    case .count:
      guard !typed.isEmpty else {
        reportArity(name, expected: "at least 1", got: 0)
        return Typed(expr: .bool(false), type: .unknown)
      }
      if typed.count == 1, case .choices = typed[0].type {
        return Typed(expr: .call(.count, expressions), type: .number)
      }
      for (argument, syntax) in zip(typed, arguments) { requireCondition(argument, syntax) }
      return Typed(expr: .call(.count, expressions), type: .number)
    case .sum, .mean, .min, .max:
      guard !typed.isEmpty else {
        reportArity(name, expected: "at least 1", got: 0)
        return Typed(expr: .bool(false), type: .unknown)
      }
      for (argument, syntax) in zip(typed, arguments) { requireNumber(argument, syntax) }
      return Typed(expr: .call(function, expressions), type: .number)
    }
  }

  private mutating func reportArity(_ name: Name, expected: String, got: Int) {
    report(
      .error, "check.wrongArgumentCount", DSLMessage.wrongArgumentCount(name.text, expected, got),
      at: name.range)
  }

  /// The kind of a derived value, resolving it (and detecting circles) on first use.
  mutating func derivedKind(_ id: String, usedAt name: Name?) -> DerivedValue.Kind? {
    if let kind = derivedKinds[id] { return kind }
    if derivedState[id] == true {
      if let name {
        report(
          .error, "check.derivedCycle", DSLMessage.derivedCycle(id), at: name.range,
          notes: [Diagnostic.Note("\(quoted: id) is declared here", at: symbol(id)?.range)])
      }
      return nil
    }
    guard let (declaration, fileIndex) = derivedSyntax[id] else { return nil }
    derivedState[id] = true
    defer { derivedState[id] = false }
    var computation: ExprSyntax?
    var seen: Set<String> = []
    for attribute in declaration.attributes {
      if case .compute(let syntax) = attribute.value, checkOnce(attribute, seen: &seen) {
        computation = syntax
      }
    }
    guard let computation, let declared = declaration.name else {
      if let declared = declaration.name {
        report(
          .error, "check.missingComputation", DSLMessage.missingComputation(id), at: declared.range,
          label: "add a line such as '  compute a + b'")
      }
      return nil
    }
    let context = ExpressionContext(fileIndex: fileIndex, allowsPrivate: false)
    let typed = resolve(computation, context)
    let kind: DerivedValue.Kind
    switch typed.type {
    case .condition: kind = .condition
    case .number, .choice, .date, .unknown: kind = .number
    case .text, .choices:
      report(
        .error, "check.typeMismatch", DSLMessage.derivedType(id, typed.type), at: computation.range)
      kind = .number
    }
    derivedKinds[id] = kind
    let title = localized(
      declaration.title, translations(in: declaration.attributes), fileIndex: fileIndex)
    noteText(
      title, owner: "derived value '\(id)'", part: "title",
      range: declaration.title?.range ?? declared.range, fileIndex: fileIndex)
    derivedValues[id] = DerivedValue(
      id: id, title: title, expression: typed.expr, kind: kind, location: declared.range.start)
    return kind
  }

  /// Resolves every derived value (those not already resolved on first use).
  mutating func resolveDerivedValues() {
    for id in derivedSyntax.keys.sorted() where derivedKinds[id] == nil {
      _ = derivedKind(id, usedAt: nil)
    }
  }
}
