import Foundation

/// The report's own words in each supported language (survey texts come from the survey file).
///
/// English and Spanish are built in; other languages fall back to English for these words while
/// the survey's labels still follow `--language`.
package struct ReportStrings: Sendable {
  /// The language of these words.
  package let language: String
  private let table: [String: String]

  /// The words for a language (English when it has none).
  package init(language: String) {
    let base = language.split(separator: "-").first.map(String.init) ?? language
    self.language = Self.tables[base] == nil ? "en" : base
    table = Self.tables[self.language] ?? [:]
  }

  /// A phrase, with `{0}`, `{1}`… replaced by the arguments.
  package subscript(_ key: String, _ arguments: String...) -> String {
    let template = table[key] ?? Self.tables["en"]?[key] ?? key
    // One pass, so that an argument containing "{1}" is never itself replaced.
    var text = ""
    var rest = Substring(template)
    while let open = rest.firstIndex(of: "{") {
      text += rest[..<open]
      let afterOpen = rest.index(after: open)
      if let close = rest[afterOpen...].firstIndex(of: "}"),
        let number = Int(rest[afterOpen..<close]),
        arguments.indices.contains(number)
      {
        text += arguments[number]
        rest = rest[rest.index(after: close)...]
      } else {
        text += "{"
        rest = rest[afterOpen...]
      }
    }
    return text + rest
  }

  /// The decimal separator.
  package var decimalSeparator: String { language == "es" ? "," : "." }

  /// The month's name (1–12).
  package func month(_ month: Int) -> String {
    let names = (table["months"] ?? "").split(separator: ",").map(String.init)
    return names.indices.contains(month - 1) ? names[month - 1] : String(month)
  }

  static let tables: [String: [String: String]] = ["en": english, "es": spanish]

  static let english: [String: String] = [
    "months":
      "January,February,March,April,May,June,July,August,September,October,November,December",
    "title.chapter": "{0}: {1} chapter",
    "title.organization": "{0}: all chapters",
    "subtitle": "Wave {0} · survey version {1}",
    "subtitle.period": "Wave {0} · {1} · survey version {2}",
    "percent": "{0}%",
    "interval.percent": "{0}–{1}%",
    "interval.mean": "{0} to {1}",
    "below": "under {0}%",
    "above": "over {0}%",
    "points": "{0} points",
    "points.interval": "{0} points ({1} to {2})",
    "difference.interval": "{0} ({1} to {2})",
    "respondents": "{0} respondents",
    "withheld.minimum": "fewer than {0} responses",
    "withheld.complementary": "withheld to protect a smaller group",
    "withheld.extremes": "withheld: answers too alike in a small group",
    "withheld.cell": "withheld: too few answers in a category",
    "withheld.wave": "not shown: too few people joined or left since the last wave",
    "cause.unmeasurable": "not measurable among members",
    "withheld.other": "withheld to protect privacy (see the privacy audit)",
    "verdict.higher": "higher",
    "verdict.lower": "lower",
    "verdict.same": "no clear difference",
    "verdict.differs": "answers differ",
    "direction.better": "better",
    "direction.worse": "worse",
    "direction.unclear": "unclear",
    "undefined": "not computable",
    "section.summary": "Summary",
    "section.who": "Who answered",
    "section.indicators": "Social connection",
    "section.exposure": "Exposure to the causes of atomization",
    "section.causes": "Causes of atomization",
    "section.relations.chapter": "How exposure relates to connection in this chapter",
    "section.relations": "How exposure relates to connection across the organization",
    "section.correlations": "Exposure indexes and connection across the organization",
    "section.trends": "Trends over waves",
    "section.chapters": "Chapters side by side",
    "section.differences": "Chapters that differ from the rest",
    "section.questions": "Answers to every question",
    "section.methods": "Methods",
    "section.audit": "Privacy audit",
    "column.indicator": "Indicator",
    "column.value": "This group",
    "column.chapter": "Chapter",
    "column.organization": "Organization",
    "column.vsRest": "Against the rest",
    "column.previous": "Previous wave",
    "column.change": "Change",
    "column.benchmark": "Published figure",
    "column.cause": "Cause",
    "column.exposed": "Exposed",
    "column.unexposed": "Not exposed",
    "column.difference": "Difference",
    "column.answer": "Answer",
    "column.share": "Share",
    "column.wave": "Wave {0}",
    "column.rho": "Spearman's rho",
    "who.chapter": "{0} people in this chapter answered wave {1}, out of {2} in the organization.",
    "who.organization": "{0} people answered wave {1} across the organization.",
    "who.withheld":
      "Fewer than {0} people in this chapter answered wave {1}, so this report shows only organization-wide figures.",
    "who.weighted": "Estimates use the survey weights.",
    "who.raked":
      "Estimates are weighted to the membership roll by {0}: the weights were raked to the roll's counts ({1} rounds of adjustment).",
    "who.rakedTrim": "Each weight adjustment was kept between {0} and {1} times the average one.",
    "who.rakedApart":
      "The weights could not meet every count of the roll exactly (the largest gap is {0}% of the members): read the estimates with care.",
    "who.rakedPrecision":
      "Weighting costs some precision: the estimates are about as precise as {0}% as many unweighted answers would be (Kish design effect {1}).",
    "who.period": "Fieldwork: {0}.",
    "who.sample":
      "Chapter samples are the members who chose to answer, not a random sample: read the intervals as the uncertainty from chance alone.",
    "highlight.higher": "{0} is higher than in the rest of the organization: {1} against {2}.",
    "highlight.lower": "{0} is lower than in the rest of the organization: {1} against {2}.",
    "highlight.none":
      "No indicator differs clearly from the rest of the organization once the number of comparisons is taken into account.",
    "highlight.change.up": "{0} rose since wave {1}: {2} (was {3}).",
    "highlight.change.down": "{0} fell since wave {1}: {2} (was {3}).",
    "highlight.cause": "The most common cause of atomization here is {0} ({1} of respondents).",
    "highlight.relation":
      "The clearest link across the organization: {0} and {1}, {2} among those exposed against {3} among the others.",
    "highlight.chapters":
      "{0} chapters are reported; {1} had too few responses to report on their own.",
    "highlight.difference": "{0}: {1} in {2}, {3} than the rest of the organization.",
    "highlight.nodifference":
      "No chapter differs clearly from the rest of the organization on any indicator once the number of comparisons is taken into account.",
    "relation.sentence":
      "{0} and {1}: {2} among those exposed, {3} among the others; difference {4}.",
    "difference.sentence":
      "{0} in {1}: {2}, {3} than the rest of the organization; difference {4}.",
    "benchmark.comparable": "comparable",
    "benchmark.context": "context only: the question differs",
    "association":
      "These are associations between answers at one point in time. They do not show that a cause produced the difference.",
    "lowPrecision": "low precision",
    "collapsed": "Answers were combined into bands to protect small counts.",
    "nonresponse": "No answer: {0}.",
    "answered": "Answered: {0}.",
    "ascii.note": "",
    "methods.definition": "Definition",
    "methods.source": "Source",
    "methods.reliability": "Scale reliability (pooled sample, all chapters)",
    "methods.alpha": "alpha {0} ({1}), standardized {2}, {3}",
    "methods.weakest": "weakest item: {0} (item-rest correlation {1}, alpha without it {2})",
    "methods.intervals.title": "Intervals",
    "methods.intervals":
      "Shares carry 95% Wilson score intervals; means carry 95% t intervals. With survey weights, shares use the Korn-Graubard interval and means the linearization standard error, as R's survey package computes them for a simple weighted design.",
    "methods.intervals.cp":
      "Shares carry 95% Clopper-Pearson intervals; means carry 95% t intervals. With survey weights, shares use the Korn-Graubard interval and means the linearization standard error, as R's survey package computes them for a simple weighted design.",
    "methods.tests.title": "Comparisons",
    "methods.tests":
      "A chapter is compared with the rest of the organization, and a wave with the previous one: Welch's t test for means; for shares the difference with Newcombe's interval and Pearson's chi-square test (Fisher's exact test when counts are small); Mann-Whitney for single rating questions, chi-square for other single-choice questions. When at least {0} of the same people answered both waves, the change uses McNemar's test (shares) or the paired t test (means) on them. In a weighted survey, shares and means are compared with the design-based t test and the Rao-Scott test instead. This report makes {1} tests; their p values are adjusted together (Benjamini-Hochberg), and a difference is called clear only when the adjusted p is below 0.05.",
    "methods.missing.title": "Missing answers",
    "methods.missing":
      "Answers such as \"Don't know\" and \"Prefer not to say\" and skipped questions are left out of every share and mean, never counted as \"no\"; the non-response of each question is shown with its answers. A scale score needs the scale's minimum number of answered items; a sum with missing items is prorated from the answered ones.",
    "methods.sample.title": "Who the numbers describe",
    "methods.sample":
      "Chapter samples are the members who chose to answer, not probability samples of the membership. Intervals and tests describe the uncertainty from chance only, not from who chose to answer. Published figures come from national surveys of other populations, often with other questions: compare with care, and only with those marked comparable.",
    "methods.causes.title": "Causes and outcomes",
    "methods.causes":
      "A person is exposed to a cause when their answers meet the cause's rule (see the survey file). Outcomes are the indicators that read no question a cause reads. Differences between exposed and unexposed people are associations, never evidence of cause.",
    "methods.disclosure.title": "Privacy",
    "methods.disclosure":
      "No figure describes fewer than {0} people; counts and their complements below {1} are shown only as bounds; groups under {2} never show 0% or 100%; a withheld chapter is protected by withholding a second one; a change between waves is shown whenever both waves' figures are, because it says nothing they do not; when everyone is linked across waves and fewer than {0} people joined or left a group, that group's figures for the later wave are not shown (with the earlier wave's they would describe those people); when the waves are not linked, a change compares everyone who answered each wave, who need not be the same people; sizes are shown as bands and percentages are rounded (to 5 points under 30 people).",
    "audit.summary": "Rules version {0}. Nothing had to be withheld.",
    "audit.summary.some":
      "Rules version {0}. {1} values were withheld or shown only as bounds. The audit lists the rules and the kinds of value they acted on, not which values.",
    "audit.line": "{0} ({1}): {2} × {3}",
    "rule.minimum-group": "minimum group size",
    "rule.complementary": "complementary suppression",
    "rule.cell": "small counts",
    "rule.extremes": "0% or 100% in a small group",
    "rule.wave-difference": "change between waves",
    "kind.group size": "group size",
    "kind.share": "share",
    "kind.mean": "mean",
    "kind.answer distribution": "answer distribution",
    "kind.item non-response": "non-response rate",
    "kind.comparison with the rest of the organization": "comparison with the rest",
    "kind.change between waves": "change between waves",
    "kind.relation between a cause and an outcome": "cause and outcome",
    "kind.reliability": "reliability",
    "test.Welch's t test": "Welch's t test",
    "test.Pearson's chi-square test": "chi-square test",
    "test.Fisher's exact test": "Fisher's exact test",
    "test.Mann-Whitney U test": "Mann-Whitney test",
    "test.paired t test": "paired t test",
    "test.McNemar's exact test": "McNemar's test",
    "test.design-based t test": "design-based t test",
    "test.Rao-Scott F test": "Rao-Scott test",
    "no.data": "No figures can be shown.",
    "questions.none": "No question can be shown.",
    "contents": "Contents",
    "keyFigures": "Key figures",
    "column.outcome": "Outcome",
    "column.index": "Exposure index",
    "column.adjustedP": "Adjusted p",
    "column.respondents": "Respondents",
    "column.rule": "Rule",
    "column.kind": "Kind of value",
    "column.count": "Count",
    "column.thresholds": "Thresholds",
    "methods.indicators": "Indicator definitions",
    "notComparable": "not comparable",
    "notComparable.line": "Wave {0}: not compared, because the survey changed ({1}).",
    "methods.versions.title": "Changes to the survey",
    "methods.versions":
      "The survey changed between waves in ways that break some comparisons; these were left out: {0}.",
    "footer":
      "Made with survey from the survey's answers, read from the store or straight from an export. Every number went through disclosure control before it was written here.",
  ]
}
