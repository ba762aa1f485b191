import Foundation
import SurveyCore

/// How one mapped column is decoded, worked out once per import: a class with constant
/// tables, so decoding a cell borrows its plan instead of copying the tables, and parallel
/// chunk readers share it.
package final class ColumnPlan: Sendable {
  /// What a column holds and how it is read.
  package enum Kind: Sendable {
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

  /// What the column holds.
  package let kind: Kind
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
  /// For a multiple-choice column whose known answers written in digits are all plain whole
  /// numbers, and none of whose answers joins a number to other words with a separator: the
  /// code of each such number. A cell of such numbers joined by separators reads as those codes
  /// (what ``ChoiceTokenizer`` reads), with no text made. Nil when the column does not qualify.
  package let digitCodes: [Int: Int]?

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
    digitCodes = Self.digitCodes(draft)
  }

  private static func digitCodes(_ draft: Draft) -> [Int: Int]? {
    guard case .multiple = draft.kind else { return nil }
    let separators: Set<Character> = [" ", ";", ",", "|"]
    var codes: [Int: Int] = [:]
    for (key, code) in draft.table {
      let firstWord = key.prefix { !separators.contains($0) }
      let digits = !firstWord.isEmpty && firstWord.allSatisfy { $0.isASCII && $0.isNumber }
      // An answer such as "1, 2 or 3" could be read in a cell of numbers.
      if digits, firstWord.count < key.count { return nil }
      guard digits else { continue }
      // Only plain whole numbers ("7", not "07") are read this way.
      guard let value = Int(key), String(value) == key else { return nil }
      codes[value] = code
    }
    return codes
  }

  /// The question position the column feeds, if any.
  package var position: Int? {
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
