import SurveyCore
import SurveyStatistics

/// Builds the report model of a chapter or of the organization from findings (which have been
/// through disclosure control) and the survey's labels in one language.
package struct ReportBuilder: Sendable {
  /// The survey.
  package let survey: Survey
  /// The language of the labels.
  package let language: String
  /// The report's own words.
  package let strings: ReportStrings
  /// Numbers to text.
  package let formatter: FigureFormatter
  /// For a coalition report: per organization whose version of the survey asks some questions
  /// differently, which of its answers were left out of the pooled figures and why.
  package var leftOut: [String] = []
  let outcomes: Set<Int>

  /// Relations listed per report (largest first).
  static let relationLimit = 12
  /// Chapter differences listed in an overview.
  static let differenceLimit = 10

  /// A builder for a survey in a language (the survey's first language when nil or unknown).
  /// With `translation`, the report's own words come from it.
  /// With `coalition`, it uses a coalition's words: organizations in the place of chapters.
  package init(
    survey: Survey, language: String?, policy: DisclosurePolicy,
    translation: ReportTranslation? = nil, coalition: Bool = false
  ) {
    self.survey = survey
    let codes = survey.languages.map(\.code)
    self.language = language.flatMap { codes.contains($0) ? $0 : nil } ?? survey.defaultLanguage
    var strings = ReportStrings(language: self.language, translation: translation)
    strings.isCoalition = coalition
    self.strings = strings
    formatter = FigureFormatter(strings: strings, policy: policy)
    outcomes = Set(survey.outcomeIndicators)
  }

  func text(_ value: LocalizedText) -> String {
    value.text(in: language, fallback: survey.defaultLanguage)
  }

  /// A chapter's name as people know it, in the report's language: the label of the chapter
  /// question's answer the stored chapter stands for (by name, by label in any language, or by
  /// the code of an answer without a name), else the stored chapter.
  package func chapterLabel(_ name: String) -> String {
    guard let id = survey.roles.chapter, let question = survey.question(id),
      let choice = survey.choiceSet(of: question)?.choice(matching: name)
    else { return name }
    return text(choice.label)
  }

  /// The report for a set of findings.
  package func report(_ findings: Findings) -> Report {
    let surveyTitle = text(survey.title)
    let chapter = findings.scope.chapter.map(chapterLabel)
    let period = findings.fieldwork.map(periodText)
    let title =
      chapter.map { strings["title.chapter", surveyTitle, $0] }
      ?? strings["title.organization", surveyTitle]
    let subtitle =
      period.map { strings["subtitle.period", findings.wave, $0, survey.version] }
      ?? strings["subtitle", findings.wave, survey.version]
    // A chapter too small to report on shows the organization's figures only.
    let chapterWithheld = chapter != nil && findings.size.value == nil
    let entries = findings.indicators.map { finding in
      var entry = indicatorEntry(finding, findings: findings)
      if chapterWithheld {
        (entry.versusRest, entry.previous, entry.change, entry.trend) = (nil, nil, nil, [])
      }
      return entry
    }
    let outcomeEntries = zip(findings.indicators, entries).filter {
      outcomes.contains($0.0.indicator)
    }.map(\.1)
    let exposureEntries = zip(findings.indicators, entries).filter {
      !outcomes.contains($0.0.indicator)
    }.map(\.1)
    var report = Report(
      language: language, kind: chapter == nil ? "organization" : "chapter", title: title,
      subtitle: subtitle,
      survey: SurveyInfo(id: survey.id, title: surveyTitle, version: survey.version),
      chapter: chapter,
      wave: findings.wave, previousWave: findings.previousWave, waves: findings.waves,
      period: period,
      respondents: formatter.size(findings.size),
      organizationRespondents: formatter.size(findings.organizationSize),
      weighted: findings.isWeighted, highlights: [], indicators: outcomeEntries,
      exposureIndicators: exposureEntries,
      chapters: chapterMatrix(findings), differences: differences(findings),
      causes: causes(findings),
      chapterRelations: relations(findings.chapterRelations),
      relations: relations(findings.relations),
      correlations: correlations(findings),
      questions: chapterWithheld ? [] : findings.items.map(questionEntry),
      methods: methods(findings), audit: audit(findings.audit))
    report.highlights = highlights(report, findings: findings)
    report.weighting = findings.raking.map(weighting)
    report.whereToStart = startSection(findings)
    return report
  }

  /// What the report says of weights raked to the roll.
  func weighting(_ raking: WaveRaking) -> Weighting {
    let margins = survey.population?.margins.map(\.name) ?? []
    let trim = survey.population?.trim
    let named = margins.map { $0.replacingOccurrences(of: "_", with: " ") }
      .joined(separator: ", ")
    var sentences = [strings["who.raked", named, String(raking.iterations)]]
    if let trim {
      sentences.append(
        strings[
          "who.rakedTrim", formatter.number(trim.lowerBound, decimals: 2),
          formatter.number(trim.upperBound, decimals: 2)])
    }
    if !raking.converged {
      sentences.append(
        strings["who.rakedApart", formatter.number(raking.largestMarginError * 100, decimals: 1)])
    }
    sentences.append(
      strings[
        "who.rakedPrecision",
        formatter.number(100 / max(raking.designEffect, 1), decimals: 0),
        formatter.number(raking.designEffect, decimals: 2)])
    return Weighting(
      margins: margins, iterations: raking.iterations, converged: raking.converged,
      designEffect: Releaser.rounded(raking.designEffect, decimals: 2),
      trim: trim.map { [$0.lowerBound, $0.upperBound] }, sentences: sentences)
  }

  /// "March 2026", "March–April 2026", "December 2025–January 2026".
  func periodText(_ days: ClosedRange<Int>) -> String {
    let first = CivilDate.components(ofDays: days.lowerBound)
    let last = CivilDate.components(ofDays: days.upperBound)
    if first.year == last.year && first.month == last.month {
      return "\(strings.month(first.month)) \(first.year)"
    }
    if first.year == last.year {
      return "\(strings.month(first.month))–\(strings.month(last.month)) \(first.year)"
    }
    return "\(strings.month(first.month)) \(first.year)–\(strings.month(last.month)) \(last.year)"
  }

  func indicatorEntry(_ finding: IndicatorFinding, findings: Findings) -> IndicatorEntry {
    let indicator = survey.indicators[finding.indicator]
    let isShare = survey.indicatorIsShare(finding.indicator)
    let value = formatter.estimate(finding.value)
    let band =
      isShare
      ? nil
      : value.value.flatMap { mean in
        indicator.thresholds.filter { $0.value <= mean }.max { $0.value < $1.value }.map {
          text($0.label)
        }
      }
    return IndicatorEntry(
      id: indicator.id, title: text(indicator.title), measure: isShare ? "share" : "mean",
      better: indicator.better.rawValue, value: value,
      organization: finding.organization.map(formatter.estimate),
      versusRest: formatter.comparison(finding.versusRest, better: indicator.better),
      previous: finding.previous.map(formatter.estimate),
      change: formatter.comparison(finding.change, better: indicator.better),
      trend: finding.trend.map { $0.map(formatter.estimate) ?? formatter.notComparable() },
      benchmarks: indicator.benchmarks.map { benchmark in
        let shown = isShare ? benchmark.value * 100 : benchmark.value
        let decimals = shown == shown.rounded() ? 0 : 1
        let number = formatter.number(shown, decimals: decimals)
        return BenchmarkEntry(
          text: isShare ? strings["percent", number] : number, value: shown,
          population: benchmark.population,
          year: benchmark.year, source: benchmark.source, comparable: benchmark.isComparable)
      }, band: band, notComparable: finding.notComparable)
  }

  func chapterMatrix(_ findings: Findings) -> ChapterMatrix? {
    guard findings.scope.chapter == nil, !findings.chapters.isEmpty else { return nil }
    let columns = findings.chapters.map {
      ChapterColumn(name: chapterLabel($0.chapter), respondents: formatter.size($0.size))
    }
    let rows = findings.indicators.map { finding in
      MatrixRow(
        id: survey.indicators[finding.indicator].id,
        title: text(survey.indicators[finding.indicator].title),
        values: findings.chapters.map { formatter.estimate($0.indicators[finding.indicator]) },
        organization: formatter.estimate(finding.value))
    }
    return ChapterMatrix(chapters: columns, rows: rows)
  }

  func causes(_ findings: Findings) -> [CauseEntry] {
    let entries = findings.causes.map { finding in
      let cause = survey.causes[finding.cause]
      guard finding.isMeasurable else {
        return CauseEntry(
          id: cause.id, title: text(cause.title), group: cause.group,
          exposed: Figure(
            text: strings["cause.unmeasurable"], interval: nil, value: nil, lower: nil,
            upper: nil, unit: "percent", bound: nil, boundValue: nil, withheld: nil,
            lowPrecision: false),
          organization: nil, unmeasurable: true)
      }
      return CauseEntry(
        id: cause.id, title: text(cause.title), group: cause.group,
        exposed: formatter.estimate(finding.exposed),
        organization: finding.organization.map(formatter.estimate), unmeasurable: false)
    }
    return entries.enumerated().sorted { a, b in
      let (x, y) = (a.element.exposed.value ?? -1, b.element.exposed.value ?? -1)
      return x != y ? x > y : a.offset < b.offset
    }.map(\.element)
  }

  func relations(_ findings: [RelationFinding]) -> [RelationEntry] {
    findings.prefix(Self.relationLimit).map { finding in
      let cause = survey.causes[finding.cause]
      let outcome = survey.indicators[finding.outcome]
      let exposed = formatter.estimate(.shown(finding.exposed))
      let unexposed = formatter.estimate(.shown(finding.unexposed))
      let difference = formatter.shown(finding.comparison, better: outcome.better)
      return RelationEntry(
        cause: cause.id, causeTitle: text(cause.title), outcome: outcome.id,
        outcomeTitle: text(outcome.title),
        exposed: exposed, unexposed: unexposed, difference: difference,
        standardizedDifference: finding.standardizedDifference,
        sentence: strings[
          "relation.sentence", text(cause.title), text(outcome.title), exposed.text, unexposed.text,
          difference.text])
    }
  }

  func correlations(_ findings: Findings) -> [CorrelationEntry] {
    let clear = findings.indexRelations.filter { $0.adjustedPValue < 0.05 }
    let ranked = clear.sorted {
      abs($0.rho) != abs($1.rho)
        ? abs($0.rho) > abs($1.rho) : ($0.index, $0.outcome) < ($1.index, $1.outcome)
    }
    return ranked.prefix(Self.relationLimit).map { finding in
      let index = survey.indexes[finding.index]
      let outcome = survey.indicators[finding.outcome]
      return CorrelationEntry(
        index: index.id, indexTitle: text(index.title), outcome: outcome.id,
        outcomeTitle: text(outcome.title),
        rho: finding.rho, text: formatter.number(finding.rho, decimals: 2, signed: true),
        p: finding.pValue,
        adjustedP: finding.adjustedPValue, pText: formatter.pText(finding.adjustedPValue),
        respondents: finding.size.description)
    }
  }
}
