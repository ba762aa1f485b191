/// Which direction of an indicator is good news.
package enum Direction: String, Sendable, Hashable {
  case higher
  case lower
}

/// What an indicator measures.
package enum Measure: Sendable, Hashable {
  /// The share of respondents (with a known result) for whom the condition holds.
  case share(Expr)
  /// The mean of a numeric question, derived value, scale or index.
  case mean(VariableRef)
}

/// A cut point that gives an indicator's value a label.
package struct Threshold: Sendable, Hashable {
  /// Values at or above this (and below the next threshold) get the label.
  package var value: Double
  /// The label per language.
  package var label: LocalizedText
  /// True when published in the literature; false when it is this toolkit's convention.
  package var isPublished: Bool

  /// Creates a threshold.
  package init(value: Double, label: LocalizedText, isPublished: Bool) {
    self.value = value
    self.label = label
    self.isPublished = isPublished
  }
}

/// A published figure to compare an indicator with.
package struct Benchmark: Sendable, Hashable {
  /// The figure (a proportion for share indicators).
  package var value: Double
  /// Who and what it describes, such as "England, adults 16+".
  package var population: String
  /// The year or period, such as "2024" or "2023/24".
  package var year: String?
  /// The citation.
  package var source: String?
  /// Whether the benchmark used the same item and answer options, so it can be compared directly.
  package var isComparable: Bool

  /// Creates a benchmark.
  package init(
    value: Double, population: String, year: String?, source: String?, isComparable: Bool
  ) {
    self.value = value
    self.population = population
    self.year = year
    self.source = source
    self.isComparable = isComparable
  }
}

/// A headline number computed per group (chapter, wave, organization).
package struct Indicator: Sendable, Hashable {
  /// The identifier.
  package var id: String
  /// The title per language.
  package var title: LocalizedText
  /// What is computed.
  package var measure: Measure
  /// Whether higher values are better or worse.
  package var better: Direction
  /// Labelled cut points, ascending.
  package var thresholds: [Threshold]
  /// Published comparisons.
  package var benchmarks: [Benchmark]
  /// The source of the indicator's definition.
  package var provenance: Provenance
  /// Where it is declared.
  package var location: SourceLocation?

  /// Creates an indicator.
  package init(
    id: String, title: LocalizedText, measure: Measure, better: Direction,
    thresholds: [Threshold] = [], benchmarks: [Benchmark] = [],
    provenance: Provenance = Provenance(), location: SourceLocation? = nil
  ) {
    self.id = id
    self.title = title
    self.measure = measure
    self.better = better
    self.thresholds = thresholds
    self.benchmarks = benchmarks
    self.provenance = provenance
    self.location = location
  }

  /// The label of the threshold band a value falls in.
  package func thresholdLabel(for value: Double) -> Threshold? {
    thresholds.last { value >= $0.value }
  }
}
