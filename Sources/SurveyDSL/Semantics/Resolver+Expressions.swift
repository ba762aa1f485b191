import SurveyCore

/// An expression with its type.
struct Typed {
  var expr: Expr
  var type: ValueType
}

extension Resolver {
  /// Resolves an expression that must be a condition.
  mutating func resolveCondition(_ syntax: ExprSyntax, context: ExpressionContext) -> Expr? {
    if syntax.containsError { return nil }
    let errorsBefore = diagnostics.filter { $0.severity == .error }.count
    let typed = resolve(syntax, context)
    if typed.type != .condition, typed.type != .unknown {
      report(
        .error, "check.typeMismatch", DSLMessage.notACondition(describe(syntax), typed.type),
        at: syntax.range,
        label: "compare it with something, as in '\(describe(syntax, quoted: false)) > 0'")
      return nil
    }
    let errorsAfter = diagnostics.filter { $0.severity == .error }.count
    return errorsAfter == errorsBefore ? typed.expr : nil
  }

  /// Resolves any expression.
  mutating func resolve(_ syntax: ExprSyntax, _ context: ExpressionContext) -> Typed {
    switch syntax {
    case .number(let literal): return Typed(expr: .number(literal.value), type: .number)
    case .date(let token, let range):
      return Typed(expr: .date(resolveDate(token, in: range.file) ?? 0), type: .date)
    case .text(let text): return Typed(expr: .text(text.value), type: .text)
    case .name(let name): return resolveName(name, context)
    case .group(let inner, _): return resolve(inner, context)
    case .error: return Typed(expr: .bool(false), type: .unknown)
    case .unary(let op, let operand):
      let inner = resolve(operand, context)
      if op.text == "not" {
        requireCondition(inner, operand)
        return Typed(expr: .not(inner.expr), type: .condition)
      }
      requireNumber(inner, operand)
      return Typed(expr: .negate(inner.expr), type: .number)
    case .binary(let op, let lhs, let rhs): return resolveBinary(op, lhs, rhs, context)
    case .isTest(let operand, let negated, let what):
      return resolveIsTest(operand, negated, what, context)
    case .includes(let operand, let quantifier, let items):
      return resolveIncludes(operand, quantifier, items, context)
    case .oneOf(let operand, let negated, let items):
      return resolveOneOf(operand, negated, items, context)
    case .call(let name, let arguments, _): return resolveCall(name, arguments, context)
    }
  }

  /// Describes an expression for a message: a name in quotes, or "this expression".
  func describe(_ syntax: ExprSyntax, quoted: Bool = true) -> String {
    if case .name(let name) = syntax { return quoted ? "\(quoted: name.text)" : name.text }
    return quoted ? "this expression" : "x"
  }

  mutating func requireCondition(_ typed: Typed, _ syntax: ExprSyntax) {
    guard typed.type != .condition, typed.type != .unknown else { return }
    report(
      .error, "check.typeMismatch", DSLMessage.notACondition(describe(syntax), typed.type),
      at: syntax.range)
  }

  mutating func requireNumber(_ typed: Typed, _ syntax: ExprSyntax) {
    guard !typed.type.isNumeric, typed.type != .date else { return }
    report(
      .error, "check.typeMismatch", DSLMessage.notANumber(describe(syntax), typed.type),
      at: syntax.range)
  }

  private mutating func resolveName(_ name: Name, _ context: ExpressionContext) -> Typed {
    switch name.text {
    case "true": return Typed(expr: .bool(true), type: .condition)
    case "false": return Typed(expr: .bool(false), type: .condition)
    case "this":
      guard let this = context.this else {
        report(.error, "check.thisOutsideCheck", DSLMessage.thisOutsideCheck, at: name.range)
        return Typed(expr: .bool(false), type: .unknown)
      }
      return Typed(
        expr: .variable(.question(this)), type: questionTypes[this].map(ValueType.init) ?? .unknown)
    default: break
    }
    guard let symbol = symbol(name.text) else {
      reportUnknownName(name)
      return Typed(expr: .bool(false), type: .unknown)
    }
    switch symbol.kind {
    case .question:
      checkQuestionUse(symbol.id, name, context)
      let type = questionTypes[symbol.id].map(ValueType.init) ?? .unknown
      return Typed(expr: .variable(.question(symbol.id)), type: type)
    case .derived:
      let kind = derivedKind(symbol.id, usedAt: name)
      return Typed(
        expr: .variable(.derived(symbol.id)),
        type: kind == .condition ? .condition : kind == nil ? .unknown : .number)
    case .scale: return Typed(expr: .variable(.scale(symbol.id)), type: .number)
    case .cause: return Typed(expr: .variable(.cause(symbol.id)), type: .condition)
    case .index: return Typed(expr: .variable(.index(symbol.id)), type: .number)
    case .section, .grid, .indicator:
      report(
        .error, "check.notAValue", DSLMessage.notAValue(symbol.id, symbol.kind.rawValue),
        at: name.range,
        notes: [Diagnostic.Note("\(quoted: symbol.id) is declared here", at: symbol.range)])
      return Typed(expr: .bool(false), type: .unknown)
    }
  }

  private mutating func checkQuestionUse(_ id: String, _ name: Name, _ context: ExpressionContext) {
    if !context.allowsPrivate, privateQuestions.contains(id) {
      report(.error, "check.privateReported", DSLMessage.privateReported(id), at: name.range)
    }
    if let owner = context.owner, context.this == nil, owner == id {
      report(.error, "check.selfReference", DSLMessage.selfReference(id), at: name.range)
    } else if let position = context.position, let referenced = questionOrder[id],
      referenced >= position,
      context.this == nil
    {
      report(
        .warning, "check.forwardReference", DSLMessage.forwardReference(id), at: name.range,
        notes: [
          Diagnostic.Note(
            "\(quoted: id) is asked here", at: questionRanges[id] ?? symbol(id)?.range)
        ])
    }
  }

  private mutating func reportUnknownName(_ name: Name) {
    let values = names(of: [.question, .derived, .scale, .cause, .index])
    if name.text.contains("-") {
      let parts = name.text.split(separator: "-").map(String.init)
      if parts.allSatisfy({ symbol($0) != nil || Double($0) != nil }) {
        report(
          .error, "check.unknownReference", DSLMessage.unknownName(name.text), at: name.range,
          label: "to subtract, put spaces around '-': '\(parts.joined(separator: " - "))'")
        return
      }
    }
    if let set = choiceSets.values.sorted(by: { $0.id < $1.id }).first(where: {
      $0.choice(named: name.text) != nil
    })
      ?? (ChoiceSet.builtInYesNo.choice(named: name.text) != nil ? ChoiceSet.builtInYesNo : nil)
    {
      report(
        .error, "check.unknownReference", DSLMessage.bareAnswer(name.text, set.id), at: name.range,
        label: "compare a question with it, as in 'QUESTION = \(name.text)'")
      return
    }
    report(
      .error, "check.unknownReference", DSLMessage.unknownName(name.text), at: name.range,
      label: Suggestion.label(for: name.text, in: values))
  }
}
