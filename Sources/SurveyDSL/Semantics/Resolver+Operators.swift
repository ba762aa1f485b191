import SurveyCore

extension Resolver {
  mutating func resolveBinary(
    _ op: Name, _ lhs: ExprSyntax, _ rhs: ExprSyntax, _ context: ExpressionContext
  ) -> Typed {
    switch op.text {
    case "and", "or":
      let left = resolve(lhs, context)
      let right = resolve(rhs, context)
      requireCondition(left, lhs)
      requireCondition(right, rhs)
      return Typed(
        expr: op.text == "and" ? .and(left.expr, right.expr) : .or(left.expr, right.expr),
        type: .condition)
    case "+", "-", "*", "/":
      let left = resolve(lhs, context)
      let right = resolve(rhs, context)
      requireNumber(left, lhs)
      requireNumber(right, rhs)
      let operation = ArithmeticOperator(rawValue: op.text) ?? .add
      return Typed(expr: .arithmetic(operation, left.expr, right.expr), type: .number)
    default:
      return resolveComparison(op, lhs, rhs, context)
    }
  }

  private mutating func resolveComparison(
    _ op: Name, _ lhs: ExprSyntax, _ rhs: ExprSyntax, _ context: ExpressionContext
  ) -> Typed {
    let comparison = ComparisonOperator(rawValue: op.text) ?? .equal
    let left: Typed
    let right: Typed
    if isUnknownBareName(lhs), !isUnknownBareName(rhs) {
      right = resolve(rhs, context)
      left = resolveOperand(lhs, against: right.type, other: rhs, context)
    } else {
      left = resolve(lhs, context)
      right = resolveOperand(rhs, against: left.type, other: lhs, context)
    }
    let result = Typed(expr: .comparison(comparison, left.expr, right.expr), type: .condition)
    if left.type == .unknown || right.type == .unknown { return result }
    if case .choices = left.type {
      reportMultipleComparison(lhs)
      return result
    }
    if case .choices = right.type {
      reportMultipleComparison(rhs)
      return result
    }
    if !compatible(left.type, right.type) {
      report(
        .error, "check.typeMismatch",
        DSLMessage.cannotCompare(describe(lhs), left.type, describe(rhs), right.type),
        at: lhs.range.extended(to: rhs.range))
    } else if case .condition = left.type, comparison != .equal, comparison != .notEqual {
      report(.error, "check.typeMismatch", DSLMessage.orderedConditions, at: op.range)
    }
    checkCodeLiteral(left.type, rhs)
    checkCodeLiteral(right.type, lhs)
    return result
  }

  private mutating func reportMultipleComparison(_ syntax: ExprSyntax) {
    report(
      .error, "check.typeMismatch", DSLMessage.compareMultiple(describe(syntax)), at: syntax.range,
      label: "use 'includes', as in '\(describe(syntax, quoted: false)) includes NAME'")
  }

  private func isBareName(_ syntax: ExprSyntax) -> Bool {
    if case .name(let name) = syntax { return !["this", "true", "false"].contains(name.text) }
    return false
  }

  private func isUnknownBareName(_ syntax: ExprSyntax) -> Bool {
    if case .name(let name) = syntax { return isBareName(syntax) && symbol(name.text) == nil }
    return false
  }

  /// Resolves one side of a comparison; a bare name next to a choice answer is looked up among
  /// that set's answers first.
  private mutating func resolveOperand(
    _ syntax: ExprSyntax, against otherType: ValueType, other: ExprSyntax,
    _ context: ExpressionContext
  ) -> Typed {
    guard case .name(let name) = syntax, isBareName(syntax) else { return resolve(syntax, context) }
    switch otherType {
    case .choice(let setID), .choices(let setID):
      guard let set = choiceSet(setID) else { break }
      if let choice = set.choice(named: name.text) {
        return Typed(expr: .code(choice.code), type: .choice(setID))
      }
      if symbol(name.text) == nil {
        let names = set.choices.compactMap(\.name)
        report(
          .error, "check.unknownCode", DSLMessage.unknownAnswer(name.text, setID), at: name.range,
          label: Suggestion.label(for: name.text, in: names)
            ?? "answers: \(names.map { "\(quoted: $0)" }.joined(separator: ", "))")
        return Typed(expr: .bool(false), type: .unknown)
      }
    case .unknown:
      if symbol(name.text) == nil { return Typed(expr: .bool(false), type: .unknown) }
    default:
      if symbol(name.text) == nil, let set = setContaining(answer: name.text) {
        report(
          .error, "check.typeMismatch",
          DSLMessage.cannotCompare(
            describe(other), otherType, "\(quoted: name.text)", .choice(set)),
          at: other.range.extended(to: name.range))
        return Typed(expr: .bool(false), type: .unknown)
      }
    }
    return resolve(syntax, context)
  }

  /// The first choice set (alphabetically) with an answer of this name.
  private func setContaining(answer name: String) -> String? {
    if let set = choiceSets.values.sorted(by: { $0.id < $1.id }).first(where: {
      $0.choice(named: name) != nil
    }) {
      return set.id
    }
    return ChoiceSet.builtInYesNo.choice(named: name) != nil ? ChoiceSet.builtInYesNo.id : nil
  }

  private func compatible(_ a: ValueType, _ b: ValueType) -> Bool {
    switch (a, b) {
    case (.choice(let x), .choice(let y)): x == y
    case (.choice, .number), (.number, .choice), (.number, .number): true
    case (.text, .text), (.date, .date), (.condition, .condition): true
    default: false
    }
  }

  /// A number compared with a choice answer must be one of the set's codes.
  private mutating func checkCodeLiteral(_ type: ValueType, _ syntax: ExprSyntax) {
    guard case .choice(let setID) = type, case .number(let literal) = syntax,
      let set = choiceSet(setID)
    else { return }
    if Int(exactly: literal.value).flatMap({ set.choice(code: $0) }) == nil {
      report(
        .error, "check.unknownCode", DSLMessage.unknownCodeNumber(literal.text, setID),
        at: literal.range,
        label: "codes: \(set.choices.map { String($0.code) }.joined(separator: ", "))")
    }
  }

  mutating func resolveIsTest(
    _ operand: ExprSyntax, _ negated: Bool, _ what: Name, _ context: ExpressionContext
  ) -> Typed {
    let inner = resolve(operand, context)
    let test: Expr
    switch what.text {
    case "answered": test = .isAnswered(inner.expr)
    case "missing": test = .isMissing(inner.expr, nil)
    default:
      let kind = MissingKind(rawValue: what.text)
      test = .isMissing(inner.expr, kind)
      let possible: Bool
      switch inner.type {
      case .choice(let set), .choices(let set):
        possible = choiceSet(set)?.choices.contains { $0.missing == kind } ?? true
      case .unknown: possible = true
      default: possible = false
      }
      if !possible {
        report(
          .warning, "check.impossibleTest", DSLMessage.impossibleTest(describe(operand), what.text),
          at: what.range)
      }
    }
    return Typed(expr: negated ? .not(test) : test, type: .condition)
  }

  mutating func resolveIncludes(
    _ operand: ExprSyntax, _ quantifier: Name?, _ items: [ExprSyntax], _ context: ExpressionContext
  ) -> Typed {
    let inner = resolve(operand, context)
    guard case .choices(let setID) = inner.type else {
      if inner.type != .unknown {
        report(
          .error, "check.typeMismatch",
          DSLMessage.includesNeedsMultiple(describe(operand), inner.type),
          at: operand.range, label: "use '=' or 'in' for a single answer")
      }
      return Typed(expr: .bool(false), type: .condition)
    }
    let codes = items.compactMap { resolveCode($0, setID: setID) }
    return Typed(
      expr: .includes(inner.expr, codes, all: quantifier?.text == "all"), type: .condition)
  }

  mutating func resolveOneOf(
    _ operand: ExprSyntax, _ negated: Bool, _ items: [ExprSyntax], _ context: ExpressionContext
  ) -> Typed {
    let inner = resolve(operand, context)
    var values: [Double] = []
    switch inner.type {
    case .choice(let setID):
      values = items.compactMap { resolveCode($0, setID: setID).map(Double.init) }
    case .choices:
      report(
        .error, "check.typeMismatch", DSLMessage.compareMultiple(describe(operand)),
        at: operand.range,
        label: "use 'includes any (…)'")
    case .number, .unknown:
      for item in items {
        let typed = resolve(item, context)
        if case .number(let value) = typed.expr {
          values.append(value)
        } else if case .negate(.number(let value)) = typed.expr {
          values.append(-value)
        } else {
          report(.error, "check.typeMismatch", DSLMessage.listNeedsConstants, at: item.range)
        }
      }
    default:
      report(
        .error, "check.typeMismatch", DSLMessage.inNeedsChoice(describe(operand), inner.type),
        at: operand.range)
    }
    let test = Expr.isOneOf(inner.expr, values)
    return Typed(expr: negated ? .not(test) : test, type: .condition)
  }

  /// A choice name or code inside `includes` or `in`.
  private mutating func resolveCode(_ syntax: ExprSyntax, setID: String) -> Int? {
    guard let set = choiceSet(setID) else { return nil }
    switch syntax {
    case .name(let name):
      if let choice = set.choice(named: name.text) { return choice.code }
      let names = set.choices.compactMap(\.name)
      report(
        .error, "check.unknownCode", DSLMessage.unknownAnswer(name.text, setID), at: name.range,
        label: Suggestion.label(for: name.text, in: names))
    case .number(let literal):
      if let code = Int(exactly: literal.value), let choice = set.choice(code: code) {
        return choice.code
      }
      report(
        .error, "check.unknownCode", DSLMessage.unknownCodeNumber(literal.text, setID),
        at: literal.range)
    default:
      report(.error, "check.typeMismatch", DSLMessage.listNeedsConstants, at: syntax.range)
    }
    return nil
  }
}
