/// Whom a report is about.
package enum ReportScope: Sendable, Hashable {
  /// The whole organization, with every chapter side by side.
  case organization
  /// One chapter, against the rest of the organization.
  case chapter(String)

  /// The chapter, or nil for the organization.
  package var chapter: String? {
    if case .chapter(let name) = self { name } else { nil }
  }
}

/// Everything one report may show, after disclosure control. Built by ``FindingsBuilder``;
/// nothing in it can single out a respondent, and its audit says what was withheld and why.
package struct Findings: Sendable, Equatable {
  /// Whom the report is about.
  package var scope: ReportScope
  /// The wave reported.
  package var wave: String
  /// The wave compared with, if any.
  package var previousWave: String?
  /// The waves up to the reported one, in order (for trends).
  package var waves: [String]
  /// The organization's fieldwork in the wave: first and last day (days since 1970).
  package var fieldwork: ClosedRange<Int>?
  /// The reported group's size.
  package var size: Released<SizeBand>
  /// The organization's size in the wave.
  package var organizationSize: Released<SizeBand>
  /// Whether estimates use the respondents' weights.
  package var isWeighted: Bool
  /// How the reported wave's weights were raked to the population, for a raked survey.
  package var raking: WaveRaking? = nil
  /// The causes that go with the most of the group's disconnection.
  package var whereToStart = WhereToStart()
  /// The estimate options.
  package var options: EstimateOptions
  /// One per survey indicator, in survey order.
  package var indicators: [IndicatorFinding]
  /// One per cause, in survey order.
  package var causes: [CauseFinding]
  /// One per exposure index, in survey order.
  package var indexes: [IndexFinding]
  /// One per question, in survey order.
  package var items: [ItemFinding]
  /// Causes against outcomes in the whole organization, largest standardized difference first.
  package var relations: [RelationFinding]
  /// Causes against outcomes within the reported chapter, where the exposed and the unexposed
  /// each pass every rule on their own (chapter reports only), largest first.
  package var chapterRelations: [RelationFinding]
  /// Exposure indexes against outcomes in the whole organization (Spearman's ρ).
  package var indexRelations: [IndexRelationFinding]
  /// Scale reliability on the organization's pooled sample in the wave.
  package var reliability: [ReliabilityFinding]
  /// Each chapter's size and indicator values (organization reports only).
  package var chapters: [ChapterRow]
  /// The number of tests adjusted together with Benjamini–Hochberg.
  package var testCount: Int
  /// What was withheld and why.
  package var audit: DisclosureAudit
}

/// An indicator in a report.
package struct IndicatorFinding: Sendable, Equatable {
  /// The indicator's position in the survey.
  package var indicator: Int
  /// Its value for the reported group.
  package var value: Released<ReleasedEstimate>
  /// Its value for the whole organization (chapter reports only).
  package var organization: Released<ReleasedEstimate>?
  /// The reported group against the rest of the organization (chapter reports only).
  package var versusRest: Released<ReleasedComparison>?
  /// Its value in the previous wave.
  package var previous: Released<ReleasedEstimate>?
  /// The change from the previous wave (paired when enough of the same people answered both).
  package var change: Released<ReleasedComparison>?
  /// Its value in every wave up to the reported one (``Findings/waves``); nil for a wave whose
  /// answers are not comparable with the current survey for this indicator.
  package var trend: [Released<ReleasedEstimate>?] = []
  /// Why the previous wave is not compared, when the survey changed in a way that breaks it.
  package var notComparable: String?
}

/// A cause's exposure in a report.
package struct CauseFinding: Sendable, Equatable {
  /// The cause's position in the survey.
  package var cause: Int
  /// The share of the reported group exposed.
  package var exposed: Released<ReleasedEstimate>
  /// The share of the organization exposed (chapter reports only).
  package var organization: Released<ReleasedEstimate>?
  /// Whether the cause can be measured among the survey's respondents: false for a cause whose
  /// rule cannot hold for a member in a survey given to members (no share is then worked out).
  package var isMeasurable = true
}

/// An exposure index in a report.
package struct IndexFinding: Sendable, Equatable {
  /// The index's position in the survey.
  package var index: Int
  /// Its mean for the reported group.
  package var value: Released<ReleasedEstimate>
  /// Its mean for the organization (chapter reports only).
  package var organization: Released<ReleasedEstimate>?
}

/// A question in a report.
package struct ItemFinding: Sendable, Equatable {
  /// The question's position in the survey.
  package var question: Int
  /// Its answers.
  package var distribution: Released<ReleasedDistribution>
  /// Its item non-response among those shown it.
  package var nonresponse: Released<ReleasedShare>
  /// The reported group against the rest (chapter reports, single-choice questions).
  package var versusRest: Released<ReleasedComparison>?
}

/// A cause against an outcome, in the whole organization. An association, never a cause.
package struct RelationFinding: Sendable, Equatable {
  /// The cause's position.
  package var cause: Int
  /// The outcome indicator's position.
  package var outcome: Int
  /// The outcome among the exposed.
  package var exposed: ReleasedEstimate
  /// The outcome among the unexposed.
  package var unexposed: ReleasedEstimate
  /// Exposed minus unexposed, with its interval and test.
  package var comparison: ReleasedComparison
  /// Cohen's h (shares) or d (means), rounded to 2 decimals, for ranking.
  package var standardizedDifference: Double
}

/// An exposure index against an outcome, in the whole organization.
package struct IndexRelationFinding: Sendable, Equatable {
  /// The index's position.
  package var index: Int
  /// The outcome indicator's position.
  package var outcome: Int
  /// Respondents with both values, as a band.
  package var size: SizeBand
  /// Spearman's ρ, rounded to 2 decimals.
  package var rho: Double
  /// Its p value, rounded to 3 decimals.
  package var pValue: Double
  /// The Benjamini–Hochberg adjusted p value, rounded to 3 decimals.
  package var adjustedPValue: Double
}

/// A scale's reliability on the pooled sample.
package struct ReliabilityFinding: Sendable, Equatable {
  /// The scale's position in the survey.
  package var scale: Int
  /// Raw alpha, standardized alpha and the items, or why they are withheld.
  package var value: Released<ReleasedReliability>
}

/// Cronbach's alpha after rounding (2 decimals).
package struct ReleasedReliability: Sendable, Equatable {
  /// Raw alpha.
  package var alpha: Double
  /// Standardized alpha.
  package var standardizedAlpha: Double
  /// The Feldt interval of raw alpha.
  package var interval: ClosedRange<Double>?
  /// Respondents, as a band.
  package var size: SizeBand
  /// Per item: the question's position in the scale's items, alpha if dropped, and the
  /// corrected item-total correlation.
  package var items: [Item]

  /// One item.
  package struct Item: Sendable, Equatable {
    /// The item's position among the scale's items.
    package var item: Int
    /// Raw alpha without the item.
    package var alphaIfDropped: Double
    /// The correlation of the item with the total of the other items (psych's `r.drop`).
    package var correctedItemTotal: Double
  }
}

/// One chapter in an organization report.
package struct ChapterRow: Sendable, Equatable {
  /// The chapter's name.
  package var chapter: String
  /// Its size.
  package var size: Released<SizeBand>
  /// Its indicator values, in survey order.
  package var indicators: [Released<ReleasedEstimate>]
  /// Each indicator against the rest of the organization, in survey order (nil when the test
  /// is undefined, e.g. nobody varies).
  package var versusRest: [Released<ReleasedComparison>?]
}
