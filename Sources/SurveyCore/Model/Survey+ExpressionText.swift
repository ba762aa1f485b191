extension Survey {
  /// Writes an expression back in the survey language, with answer names instead of codes where
  /// the answer compared with has a name.
  ///
  /// - Parameter expression: A resolved expression of this survey.
  /// - Returns: Text such as `employed = yes and hours >= 50`.
  package func text(of expression: Expr) -> String {
    text(of: expression, setHint: nil, parentPrecedence: 0)
  }

  /// The choice set an expression's value comes from, when it is a single- or multiple-choice
  /// question.
  package func choiceSetID(of expression: Expr) -> String? {
    guard case .variable(.question(let id)) = expression else { return nil }
    return question(id)?.type.choiceSetID
  }

  /// The name of a code in a set, or the code itself.
  package func answerName(_ code: Int, inSet setID: String?) -> String {
    setID.flatMap { choiceSets[$0]?.choice(code: code)?.name } ?? String(code)
  }

  private func text(of expression: Expr, setHint: String?, parentPrecedence: Int) -> String {
    let (body, precedence) = render(expression, setHint: setHint)
    return precedence < parentPrecedence ? "(" + body + ")" : body
  }

  private func render(_ expression: Expr, setHint: String?) -> (String, Int) {
    switch expression {
    case .number(let value): return (JSONValue.format(value), 9)
    case .text(let value): return ("\"" + value.replacingQuotes() + "\"", 9)
    case .date(let days): return (CivilDate.iso(days), 9)
    case .bool(let flag): return (flag ? "true" : "false", 9)
    case .variable(let reference): return (reference.id, 9)
    case .code(let code): return (answerName(code, inSet: setHint), 9)
    case .negate(let inner): return ("-" + text(of: inner, setHint: nil, parentPrecedence: 8), 8)
    case .not(let inner): return ("not " + text(of: inner, setHint: nil, parentPrecedence: 3), 3)
    case .arithmetic(let op, let lhs, let rhs):
      let precedence = op == .add || op == .subtract ? 6 : 7
      return (
        text(of: lhs, setHint: nil, parentPrecedence: precedence) + " \(op.rawValue) "
          + text(of: rhs, setHint: nil, parentPrecedence: precedence + 1), precedence
      )
    case .comparison(let op, let lhs, let rhs):
      let set = choiceSetID(of: lhs) ?? choiceSetID(of: rhs)
      return (
        text(of: lhs, setHint: set, parentPrecedence: 5) + " \(op.rawValue) "
          + text(of: rhs, setHint: set, parentPrecedence: 5), 4
      )
    case .and(let lhs, let rhs):
      return (
        text(of: lhs, setHint: nil, parentPrecedence: 2) + " and "
          + text(of: rhs, setHint: nil, parentPrecedence: 2), 2
      )
    case .or(let lhs, let rhs):
      return (
        text(of: lhs, setHint: nil, parentPrecedence: 1) + " or "
          + text(of: rhs, setHint: nil, parentPrecedence: 1), 1
      )
    case .isAnswered(let inner):
      return (text(of: inner, setHint: nil, parentPrecedence: 5) + " is answered", 4)
    case .isMissing(let inner, let kind):
      return (
        text(of: inner, setHint: nil, parentPrecedence: 5) + " is " + (kind?.rawValue ?? "missing"),
        4
      )
    case .includes(let inner, let codes, let all):
      let set = choiceSetID(of: inner)
      let names = codes.map { answerName($0, inSet: set) }
      let list =
        codes.count == 1
        ? names.joined() : (all ? "all (" : "any (") + names.joined(separator: ", ") + ")"
      return (text(of: inner, setHint: nil, parentPrecedence: 5) + " includes " + list, 4)
    case .isOneOf(let inner, let values):
      let set = choiceSetID(of: inner)
      let names = values.map {
        set == nil
          ? JSONValue.format($0)
          : Int(exactly: $0).map { answerName($0, inSet: set) } ?? JSONValue.format($0)
      }
      return (
        text(of: inner, setHint: nil, parentPrecedence: 5) + " in (" + names.joined(separator: ", ")
          + ")", 4
      )
    case .call(let function, let arguments):
      return (
        function.rawValue + "("
          + arguments.map { text(of: $0, setHint: nil, parentPrecedence: 0) }.joined(
            separator: ", ") + ")", 9
      )
    }
  }
}

extension String {
  fileprivate func replacingQuotes() -> String {
    var out = ""
    for character in self {
      if character == "\"" || character == "\\" { out.append("\\") }
      out.append(character)
    }
    return out
  }
}
