/// Where an attribute line appears: directly under a declaration, or nested under a grid row,
/// a choice or a benchmark.
package enum Block: Sendable, Hashable {
  case declaration(DeclarationKind)
  case row
  case choice
  case benchmark
  /// Under an `action` of a cause.
  case action

  /// How the block is named in messages ("a question", "a grid row").
  package var description: String {
    switch self {
    case .declaration(let kind):
      switch kind {
      case .use, .index, .indicator: "an \(kind.rawValue)"
      default: "a \(kind.rawValue)"
      }
    case .row: "a grid row"
    case .choice: "a choice"
    case .benchmark: "a benchmark"
    case .action: "an organizing note"
    }
  }

  /// Whether text in another language may be given on its own line here.
  package var acceptsTranslations: Bool {
    switch self {
    case .declaration(let kind): ![.use, .choices, .translation].contains(kind)
    case .row, .choice: true
    case .benchmark: false
    case .action: true
    }
  }
}

/// The first word of an attribute line.
package enum AttributeKeyword: String, Sendable, Hashable, CaseIterable {
  case version, languages, description, hint, chapter, wave, weight, privacy
  case source, wording, licence, license
  case single, multiple
  case yesNo = "yes-no"
  case integer, decimal, text, date
  case unit, required, show, check, warn, other, renamed, `private`, row
  case items, reverse, score
  case minAnswered = "min-answered"
  case band
  case share, mean, better, threshold, benchmark, exposed, group, causes
  case minKnown = "min-known"
  case compute, missing, year, comparable, respondents, unmeasurable, rake, action
  case notComparable = "not-comparable"

  /// Keywords whose line is `KEYWORD "text"`, which must not be read as a translation.
  package static let takingText: Set<AttributeKeyword> = [
    .description, .hint, .source, .other, .unit, .year, .action,
  ]

  private static let provenance: Set<AttributeKeyword> = [.source, .wording, .licence, .license]

  /// The keywords allowed in a block.
  package static func allowed(in block: Block) -> Set<AttributeKeyword> {
    switch block {
    case .declaration(let kind):
      switch kind {
      case .survey:
        [
          .version, .languages, .description, .chapter, .wave, .weight, .privacy, .respondents,
          .rake,
        ]
      case .library: provenance.union([.languages, .description])
      case .use, .translation: []
      case .choices: [.missing]
      case .section: provenance.union([.description, .show])
      case .question:
        provenance.union([
          .single, .multiple, .yesNo, .integer, .decimal, .text, .date, .unit, .required, .show,
          .check, .warn, .hint, .other, .renamed, .private,
        ])
      case .grid: provenance.union([.single, .yesNo, .required, .show, .hint, .row])
      case .scale: provenance.union([.items, .reverse, .score, .minAnswered, .band])
      case .indicator: provenance.union([.share, .mean, .better, .threshold, .benchmark])
      case .cause: provenance.union([.exposed, .group, .unmeasurable, .action])
      case .index: [.causes, .minKnown]
      case .derived: [.compute]
      }
    case .row: provenance.union([.renamed])
    case .choice: []
    case .benchmark: [.year, .source, .comparable, .notComparable]
    case .action: provenance
    }
  }

  /// The block a keyword belongs to, for "it belongs to a scale" hints.
  package var home: String {
    switch self {
    case .version, .languages, .chapter, .wave, .weight, .privacy, .respondents:
      "the survey header"
    case .items, .reverse, .score, .minAnswered, .band: "a scale"
    case .share, .mean, .better, .threshold, .benchmark: "an indicator"
    case .exposed, .group, .unmeasurable, .action: "a cause"
    case .causes, .minKnown: "an index"
    case .compute: "a derived value"
    case .row: "a grid"
    case .missing: "a choice set"
    case .year, .comparable, .notComparable: "a benchmark"
    default: "a question"
    }
  }
}
