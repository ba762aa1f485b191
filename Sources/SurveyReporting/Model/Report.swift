/// A report ready to render: every number already through disclosure control, rounded and
/// written out in the report's language, so that the text, HTML and JSON renderers show the same
/// figures. Encodes as the JSON report (schema `survey-report/1`, documented in
/// `Reports/report.schema.json`).
package struct Report: Sendable, Equatable, Encodable {
  /// The schema identifier.
  package var schema = "survey-report/1"
  /// The language of every label (a BCP 47 code from the survey's languages).
  package var language: String
  /// "chapter" or "organization".
  package var kind: String
  /// The heading.
  package var title: String
  /// The line under the heading.
  package var subtitle: String
  /// The survey.
  package var survey: SurveyInfo
  /// The chapter (chapter reports).
  package var chapter: String?
  /// The wave reported.
  package var wave: String
  /// The wave compared with.
  package var previousWave: String?
  /// The waves in the trend columns.
  package var waves: [String]
  /// The organization's fieldwork period in the wave, in months ("March–April 2026").
  package var period: String?
  /// Respondents of the reported group, as a band.
  package var respondents: Figure
  /// Respondents of the organization, as a band.
  package var organizationRespondents: Figure
  /// Whether weights were used.
  package var weighted: Bool
  /// How the weights were raked to the membership roll, for a raked survey.
  package var weighting: Weighting? = nil
  /// Where to start: the causes that go with the most of the group's disconnection.
  package var whereToStart: StartSection? = nil
  /// The key findings, in sentences.
  package var highlights: [String]
  /// The indicators of social connection (outcomes).
  package var indicators: [IndicatorEntry]
  /// The indicators of exposure (context for the causes).
  package var exposureIndicators: [IndicatorEntry]
  /// Every chapter side by side (organization reports).
  package var chapters: ChapterMatrix?
  /// The largest differences between a chapter and the rest (organization reports).
  package var differences: [DifferenceEntry]
  /// The causes, most exposed first.
  package var causes: [CauseEntry]
  /// Causes against outcomes in the reported chapter (chapter reports).
  package var chapterRelations: [RelationEntry]
  /// Causes against outcomes across the organization.
  package var relations: [RelationEntry]
  /// Exposure indexes against outcomes (Spearman's ρ) across the organization.
  package var correlations: [CorrelationEntry]
  /// Every question's answers.
  package var questions: [QuestionEntry]
  /// How the numbers were made.
  package var methods: Methods
  /// What disclosure control withheld, and why.
  package var audit: Audit
}

/// The "Where to start" section.
package struct StartSection: Sendable, Equatable, Encodable {
  /// The causes to start with, in order.
  package var entries: [StartEntry]
  /// When no cause is clear (or the group is too small): what the report says instead.
  package var summary: String?
  /// That these are associations, not proven effects.
  package var caveat: String
}

/// One cause to start with.
package struct StartEntry: Sendable, Equatable, Encodable {
  /// The cause's identifier.
  package var cause: String
  /// The outcome indicator's identifier.
  package var outcome: String
  /// The sentence.
  package var text: String
  /// The attributable excess as printed (points for shares), and its interval.
  package var excess: Figure
  /// What organizers can do, from the survey file.
  package var actions: [ActionNote]
}

/// An organizing note of a cause.
package struct ActionNote: Sendable, Equatable, Encodable {
  package var text: String
  package var source: String?
}

/// How a wave's weights were raked to the membership roll.
package struct Weighting: Sendable, Equatable, Encodable {
  /// "raking".
  package var method = "raking"
  /// The margins raked to (question identifiers, or `chapter`).
  package var margins: [String]
  /// The sweeps over the margins.
  package var iterations: Int
  /// Whether every margin was met (and every adjustment is within the trimming bounds).
  package var converged: Bool
  /// Kish's design effect of the weights, to two decimals.
  package var designEffect: Double
  /// The trimming bounds, relative to the average adjustment, when set.
  package var trim: [Double]?
  /// What the report says of the weighting, in its language.
  package var sentences: [String]
}

/// The survey a report is about.
package struct SurveyInfo: Sendable, Equatable, Encodable {
  package var id: String
  package var title: String
  package var version: String
}

/// One number as shown: its text, and the values behind it for tools.
package struct Figure: Sendable, Equatable, Encodable {
  /// What every format prints ("42 %", "under 45 %", "3.4", "20–49", "fewer than 10 responses").
  package var text: String
  /// The interval as printed ("35–49 %"), if any.
  package var interval: String?
  /// The value: a percentage (0–100) or a mean; nil when withheld or only a bound.
  package var value: Double?
  /// The interval's lower end, in the value's units.
  package var lower: Double?
  /// The interval's upper end.
  package var upper: Double?
  /// "percent", "mean", "respondents" or "points" (an attributable excess).
  package var unit: String
  /// "below" or "above" when the figure is only a bound.
  package var bound: String?
  /// The bound's percentage.
  package var boundValue: Double?
  /// The disclosure rule that withheld it, if withheld.
  package var withheld: String?
  /// Low precision (effective n below 30 or a wide interval).
  package var lowPrecision: Bool
}

/// A difference between two figures with its test.
package struct ComparisonFigure: Sendable, Equatable, Encodable {
  /// What every format prints ("+5 points (−3 to +13)", "−0.4 (−0.9 to 0.1)").
  package var text: String
  /// "higher", "lower" or "no clear difference" (after the adjustment for many tests), in words.
  package var verdict: String
  /// "better", "worse" or "unclear" given the indicator's good direction.
  package var direction: String
  /// The difference (percentage points or the scale's units).
  package var difference: Double?
  /// The interval's lower end.
  package var lower: Double?
  /// The interval's upper end.
  package var upper: Double?
  /// The test's name.
  package var test: String?
  /// The p value.
  package var p: Double?
  /// The Benjamini–Hochberg adjusted p value.
  package var adjustedP: Double?
  /// The effect size.
  package var effect: Double?
  /// Its name.
  package var effectName: String?
  /// The rule that withheld it, if withheld.
  package var withheld: String?
}

/// A published figure to compare with.
package struct BenchmarkEntry: Sendable, Equatable, Encodable {
  package var text: String
  package var value: Double
  package var population: String
  package var year: String?
  package var source: String?
  package var comparable: Bool
}

/// An indicator in a report.
package struct IndicatorEntry: Sendable, Equatable, Encodable {
  package var id: String
  package var title: String
  /// "share" or "mean".
  package var measure: String
  /// "higher" or "lower" is good news.
  package var better: String
  /// The reported group's value.
  package var value: Figure
  /// The organization's value (chapter reports).
  package var organization: Figure?
  /// Against the rest of the organization (chapter reports).
  package var versusRest: ComparisonFigure?
  /// The previous wave's value.
  package var previous: Figure?
  /// The change since the previous wave.
  package var change: ComparisonFigure?
  /// One figure per wave in ``Report/waves``.
  package var trend: [Figure]
  /// Published figures.
  package var benchmarks: [BenchmarkEntry]
  /// The label of the threshold band the value falls in (for means with thresholds).
  package var band: String?
  /// Why the previous wave is not compared: the survey changed in a way that breaks this
  /// indicator (the question and the change).
  package var notComparable: String?
}

/// Every chapter side by side.
package struct ChapterMatrix: Sendable, Equatable, Encodable {
  /// The chapters, with their sizes.
  package var chapters: [ChapterColumn]
  /// One row per indicator.
  package var rows: [MatrixRow]
}

/// A chapter column.
package struct ChapterColumn: Sendable, Equatable, Encodable {
  package var name: String
  package var respondents: Figure
}

/// An indicator across chapters.
package struct MatrixRow: Sendable, Equatable, Encodable {
  package var id: String
  package var title: String
  /// One figure per chapter, in column order.
  package var values: [Figure]
  /// The organization's figure.
  package var organization: Figure
}

/// A chapter that differs from the rest of the organization.
package struct DifferenceEntry: Sendable, Equatable, Encodable {
  package var chapter: String
  package var indicator: String
  package var title: String
  package var value: Figure
  package var comparison: ComparisonFigure
  /// The sentence every format prints.
  package var sentence: String
}

/// A cause of atomization in a report.
package struct CauseEntry: Sendable, Equatable, Encodable {
  package var id: String
  package var title: String
  /// "work", "place" or "culture" (the cause's group), if any.
  package var group: String?
  /// The share of the reported group exposed.
  package var exposed: Figure
  /// The organization's share exposed (chapter reports).
  package var organization: Figure?
  /// True when the cause cannot be measured among the survey's respondents (its rule cannot
  /// hold for a member of the organization); `exposed` then says so and has no value.
  package var unmeasurable = false
}

/// A cause against an outcome: an association, never a cause.
package struct RelationEntry: Sendable, Equatable, Encodable {
  package var cause: String
  package var causeTitle: String
  package var outcome: String
  package var outcomeTitle: String
  package var exposed: Figure
  package var unexposed: Figure
  package var difference: ComparisonFigure
  /// Cohen's h or d, for the ranking.
  package var standardizedDifference: Double
  /// The sentence every format prints.
  package var sentence: String
}

/// An exposure index against an outcome.
package struct CorrelationEntry: Sendable, Equatable, Encodable {
  package var index: String
  package var indexTitle: String
  package var outcome: String
  package var outcomeTitle: String
  package var rho: Double
  package var text: String
  package var p: Double
  package var adjustedP: Double
  /// The adjusted p value as printed ("p = 0.004", "p < 0.001").
  package var pText: String
  package var respondents: String
}

/// A question's answers.
package struct QuestionEntry: Sendable, Equatable, Encodable {
  package var id: String
  package var text: String
  package var section: String?
  /// "single" or "multiple".
  package var type: String
  /// Respondents who answered, as a band.
  package var answered: Figure
  /// Item non-response among those shown the question.
  package var nonresponse: Figure
  /// The answer rows (collapsed into bands when needed); empty when withheld.
  package var rows: [AnswerRow]
  /// Whether answers were combined to protect small counts.
  package var collapsed: Bool
  /// The rule that withheld the distribution, if withheld.
  package var withheld: String?
  /// The message shown instead, if withheld.
  package var withheldText: String?
  /// Against the rest of the organization (chapter reports).
  package var versusRest: ComparisonFigure?
}

/// One answer (or band of answers) and its share.
package struct AnswerRow: Sendable, Equatable, Encodable {
  package var label: String
  package var share: Figure
}

/// The methods appendix.
package struct Methods: Sendable, Equatable, Encodable {
  /// How each indicator is defined and sourced.
  package var indicators: [IndicatorMethod]
  /// Each multi-item scale's reliability on the pooled sample.
  package var scales: [ScaleMethod]
  /// Paragraphs: intervals, tests, missing data, sampling, disclosure.
  package var notes: [MethodNote]
}

/// How an indicator is defined.
package struct IndicatorMethod: Sendable, Equatable, Encodable {
  package var id: String
  package var title: String
  package var definition: String
  package var source: String?
  package var thresholds: [String]
}

/// A scale's reliability.
package struct ScaleMethod: Sendable, Equatable, Encodable {
  package var id: String
  package var title: String
  package var items: Int
  package var source: String?
  /// "alpha 0.82 (0.78–0.86), standardized 0.83, n 100–249" or the withheld message.
  package var text: String
  package var alpha: Double?
  package var standardizedAlpha: Double?
  /// The weakest item by corrected item-total correlation ("item 3: r.drop 0.31, alpha without it 0.84").
  package var weakestItem: String?
}

/// A paragraph of the methods appendix.
package struct MethodNote: Sendable, Equatable, Encodable {
  package var title: String
  package var text: String
}

/// The privacy audit.
package struct Audit: Sendable, Equatable, Encodable {
  package var rulesVersion: String
  package var minimumGroupSize: Int
  package var minimumCell: Int
  package var noExtremesBelow: Int
  /// One line per rule and kind of value.
  package var entries: [AuditEntry]
  /// The summary sentence.
  package var summary: String
}

/// One audit line.
package struct AuditEntry: Sendable, Equatable, Encodable {
  package var rule: String
  package var kind: String
  package var count: Int
  package var threshold: Int
  package var text: String
}
