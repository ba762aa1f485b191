/// How a scale combines its items.
package enum ScoreRule: String, Sendable, Hashable {
  /// The sum of the items; with missing items (allowed by `min-answered`), the mean of the
  /// answered items times the number of items (a prorated sum).
  case sum
  /// The mean of the answered items.
  case mean
  /// The mean of the answered items, each first rescaled to 0–100 by its choice set's bounds.
  case percent
}

/// A labelled range of scores, such as 6–9 "lonely".
package struct Band: Sendable, Hashable {
  /// The lowest score in the band.
  package var low: Double
  /// The highest score in the band.
  package var high: Double
  /// The label per language.
  package var label: LocalizedText

  /// Creates a band.
  package init(low: Double, high: Double, label: LocalizedText) {
    self.low = low
    self.high = high
    self.label = label
  }

  /// Whether a score falls in the band (inclusive at both ends).
  package func contains(_ score: Double) -> Bool { score >= low && score <= high }
}

/// A multi-item measure scored per respondent.
package struct Scale: Sendable, Hashable {
  /// The identifier.
  package var id: String
  /// The title per language.
  package var title: LocalizedText
  /// The item questions, in order.
  package var items: [String]
  /// The items scored in reverse, from their choice set's declared bounds (low + high − code).
  package var reversed: [String]
  /// Sum, mean or percent.
  package var rule: ScoreRule
  /// The fewest items that must be answered for a score; otherwise the score is missing.
  package var minAnswered: Int
  /// Labelled score ranges.
  package var bands: [Band]
  /// The citation and status of the scoring rule.
  package var provenance: Provenance
  /// Where it is declared.
  package var location: SourceLocation?

  /// Creates a scale.
  package init(
    id: String, title: LocalizedText, items: [String], reversed: [String] = [],
    rule: ScoreRule = .sum, minAnswered: Int? = nil, bands: [Band] = [],
    provenance: Provenance = Provenance(), location: SourceLocation? = nil
  ) {
    self.id = id
    self.title = title
    self.items = items
    self.reversed = reversed
    self.rule = rule
    self.minAnswered = minAnswered ?? items.count
    self.bands = bands
    self.provenance = provenance
    self.location = location
  }

  /// The band a score falls in. A prorated score between two bands (5.5 between 3..5 and 6..9)
  /// belongs to the lower one.
  package func band(for score: Double) -> Band? {
    bands.first { $0.contains(score) } ?? bands.filter { $0.low <= score }.max { $0.low < $1.low }
  }
}

extension Scale {
  /// The lowest and highest possible score for items with the given bounds, if all have bounds.
  package static func scoreRange(rule: ScoreRule, itemBounds: [ClosedRange<Double>?])
    -> ClosedRange<Double>?
  {
    if rule == .percent { return 0...100 }
    let bounds = itemBounds.compactMap { $0 }
    guard !bounds.isEmpty, bounds.count == itemBounds.count else { return nil }
    let low = bounds.map(\.lowerBound).reduce(0, +)
    let high = bounds.map(\.upperBound).reduce(0, +)
    if rule == .mean { return (low / Double(bounds.count))...(high / Double(bounds.count)) }
    return low...high
  }
}

extension Survey {
  /// The lowest and highest value an item can take: its choice set's substantive codes, or its
  /// numeric range.
  package func bounds(ofItem id: String) -> ClosedRange<Double>? {
    guard let question = question(id) else { return nil }
    switch question.type {
    case .single:
      return choiceSet(of: question)?.bounds.map { Double($0.lowerBound)...Double($0.upperBound) }
    case .number(_, let low?, let high?): return low...high
    default: return nil
    }
  }

  /// The lowest and highest possible score of a scale, when every item has bounds.
  package func scoreRange(of scale: Scale) -> ClosedRange<Double>? {
    Scale.scoreRange(rule: scale.rule, itemBounds: scale.items.map(bounds(ofItem:)))
  }
}
