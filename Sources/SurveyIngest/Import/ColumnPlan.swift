import SurveyCore

/// How one mapped column is decoded, worked out once per import.
struct ColumnPlan {
  enum Kind {
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

  var kind: Kind
  var header: String
  /// Answer labels, names and codes (normalised) to codes, for choice columns.
  var table: [String: Int] = [:]
  /// Codes that are typed missing answers.
  var missing: [Int: MissingKind] = [:]
  /// The substantive and missing codes, for the fast path on numeric cells.
  var codes: Set<Int> = []
  /// Labels longest first, for splitting multiple answers joined with commas.
  var labelsLongestFirst: [(String, Int)] = []
  /// Whether the question has an "other" answer.
  var hasOther = false

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
    guard let position = survey.position(ofQuestion: id), let question = survey.question(id) else {
      kind = .ignored
      return
    }
    hasOther = question.otherLabel != nil
    if let set = survey.choiceSet(of: question) {
      for choice in set.choices {
        codes.insert(choice.code)
        if let kind = choice.missing { missing[choice.code] = kind }
        table[MatchKey.text(String(choice.code)), default: choice.code] = choice.code
        if let name = choice.name { table[MatchKey.text(name), default: choice.code] = choice.code }
        for label in choice.label.values.values {
          table[MatchKey.text(label), default: choice.code] = choice.code
          labelsLongestFirst.append((MatchKey.text(label), choice.code))
        }
      }
      labelsLongestFirst.sort { $0.0.count > $1.0.count }
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
