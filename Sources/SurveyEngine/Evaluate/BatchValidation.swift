import SurveyCore

/// Validation as column passes: which questions each row was shown, and which rows break a
/// rule (an answer to a hidden question, a required answer missing, a hard check failing),
/// in the order the row decoder checks them.
struct BatchValidation {
  /// Whether each question was shown to each row, by question.
  var shown: [[Bool]]

  /// Validates a batch, marking rows with errors and warnings in `facts`.
  init(_ evaluator: BatchEvaluator, _ grid: AnswerGrid, _ facts: RowFacts) {
    let schema = evaluator.schema
    let program = schema.program
    let count = evaluator.count
    // Stored responses were validated when they were imported: only what was shown is worked
    // out for them, and no row is set aside.
    let decoder = schema.decoder
    let info = decoder?.questionInfo
    shown = []
    shown.reserveCapacity(grid.questions)
    for position in 0..<grid.questions {
      let isShown: [Bool]
      if position < program.relevance.count, let condition = program.relevance[position] {
        isShown = evaluator.holds(condition)
      } else {
        isShown = Array(repeating: true, count: count)
      }
      shown.append(isShown)
      let kinds = grid.kinds(position)
      let others = grid.others(position)
      let otherTexts = grid.otherTexts[position]
      let hasOther = { (row: Int) -> Bool in others[row] != 0 || otherTexts?[row] != nil }
      let required =
        info.map { $0[position].isRequired && !$0[position].isDropped } ?? false
        && decoder?.cellColumn[position] != nil
      var substantive = false
      for row in 0..<count {
        let kind = kinds[row]
        if !isShown[row] {
          if decoder != nil, kind != AnswerGrid.Kind.blank.rawValue || hasOther(row) {
            facts.errors.base[row] = true
          }
          continue
        }
        if required, kind == AnswerGrid.Kind.blank.rawValue, !hasOther(row) {
          facts.errors.base[row] = true
        }
        if Self.isSubstantive(kind) { substantive = true }
      }
      guard decoder != nil, substantive, position < program.checks.count else { continue }
      for check in program.checks[position] {
        let holds = evaluator.evaluate(check.condition)
        for row in 0..<count where isShown[row] && Self.isSubstantive(kinds[row]) {
          guard holds.truth(row) == 0 else { continue }
          if check.isHard { facts.errors.base[row] = true } else { facts.warnings.base[row] = true }
        }
      }
    }
  }

  /// Whether an answer counts as answered (``Answer/isSubstantive``).
  @inline(__always)
  static func isSubstantive(_ kind: UInt8) -> Bool {
    kind >= AnswerGrid.Kind.code.rawValue && kind <= AnswerGrid.Kind.date.rawValue
  }
}
