import Foundation
import SurveyCore

/// How one mapped column is decoded, worked out once per import: a class with constant
/// tables, so decoding a cell borrows its plan instead of copying the tables, and parallel
/// chunk readers share it.
final class ColumnPlan: Sendable {
  enum Kind: Sendable {
    case ignored
    case metadata(MetadataField)
    case single(position: Int)
    case multiple(position: Int)
    case option(position: Int, code: Int)
    case other(position: Int)
    case number(position: Int, kind: NumberKind, low: Double?, high: Double?)
    case text(position: Int)
    case date(position: Int, low: Int?, high: Int?)
  }

  let kind: Kind
  let header: String
  /// Answer labels, names and codes (normalised) to codes, for choice columns.
  let table: [String: Int]
  /// Codes that are typed missing answers.
  let missing: [Int: MissingKind]
  /// The substantive and missing codes, for the fast path on numeric cells.
  let codes: Set<Int>
  /// Reads several answers in one cell (for multiple-choice columns).
  let tokenizer: ChoiceTokenizer
  /// Whether the question has an "other" answer.
  let hasOther: Bool
  /// The time zone the export declares for a timestamp column (Qualtrics), if any.
  let timeZone: TimeZone?

  init(_ column: MappedColumn?, survey: Survey) {
    let draft = Draft(column, survey: survey)
    kind = draft.kind
    header = draft.header
    table = draft.table
    missing = draft.missing
    codes = draft.codes
    tokenizer = ChoiceTokenizer(table: draft.table)
    hasOther = draft.hasOther
    timeZone = column?.timeZone.flatMap(TimeZone.init(identifier:))
  }

  /// The question position the column feeds, if any.
  var position: Int? {
    switch kind {
    case .single(let p), .multiple(let p), .option(let p, _), .other(let p),
      .number(let p, _, _, _),
      .text(let p), .date(let p, _, _):
      p
    case .ignored, .metadata: nil
    }
  }

}

extension ColumnPlan {
  /// The plan while it is worked out.
  struct Draft {
    var kind: Kind = .ignored
    var header: String
    var table: [String: Int] = [:]
    var missing: [Int: MissingKind] = [:]
    var codes: Set<Int> = []
    var hasOther = false

    init(_ column: MappedColumn?, survey: Survey) {
      header = column?.header ?? ""
      guard let column else {
        kind = .ignored
        return
      }
      let id: String
      switch column.role {
      case .metadata(let field):
        kind = .metadata(field)
        return
      case .answer(let question), .option(let question, _), .other(let question): id = question
      }
      guard let position = survey.position(ofQuestion: id), let question = survey.question(id)
      else {
        kind = .ignored
        return
      }
      hasOther = question.otherLabel != nil
      if let set = survey.choiceSet(of: question) {
        for choice in set.choices {
          codes.insert(choice.code)
          if let kind = choice.missing { missing[choice.code] = kind }
          table[MatchKey.text(String(choice.code)), default: choice.code] = choice.code
          if let name = choice.name {
            table[MatchKey.text(name), default: choice.code] = choice.code
          }
          for label in choice.label.values.values {
            table[MatchKey.text(label), default: choice.code] = choice.code
          }
        }
      }
      switch column.role {
      case .option(_, let code): kind = .option(position: position, code: code)
      case .other: kind = .other(position: position)
      default:
        switch question.type {
        case .single: kind = .single(position: position)
        case .multiple: kind = .multiple(position: position)
        case .number(let numberKind, let low, let high):
          kind = .number(position: position, kind: numberKind, low: low, high: high)
        case .text: kind = .text(position: position)
        case .date(let low, let high): kind = .date(position: position, low: low, high: high)
        }
      }
    }
  }
}
