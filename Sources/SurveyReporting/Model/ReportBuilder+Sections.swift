import Foundation
import SurveyCore
import SurveyStatistics

extension ReportBuilder {
  /// The clearest differences between a chapter and the rest, largest effect first (Cohen's d
  /// turned into a correlation, r = d/√(d² + 4), to rank it with Cramér's V).
  func differences(_ findings: Findings) -> [DifferenceEntry] {
    var candidates: [(effect: Double, entry: DifferenceEntry)] = []
    for row in findings.chapters {
      for (index, comparison) in row.versusRest.enumerated() {
        guard case .shown(let shown)? = comparison, shown.isSignificant, outcomes.contains(index)
        else { continue }
        let indicator = survey.indicators[index]
        let value = formatter.estimate(row.indicators[index])
        let figure = formatter.shown(shown, better: indicator.better)
        let effect = abs(shown.effect ?? 0)
        let r = shown.effectKind == .cohensD ? effect / (effect * effect + 4).squareRoot() : effect
        candidates.append(
          (
            r,
            DifferenceEntry(
              chapter: chapterLabel(row.chapter), indicator: indicator.id,
              title: text(indicator.title), value: value,
              comparison: figure,
              sentence: strings[
                "difference.sentence", text(indicator.title), chapterLabel(row.chapter), value.text,
                figure.verdict,
                figure.text])
          ))
      }
    }
    return candidates.sorted { a, b in
      a.effect != b.effect
        ? a.effect > b.effect
        : (a.entry.chapter, a.entry.indicator) < (b.entry.chapter, b.entry.indicator)
    }.prefix(Self.differenceLimit).map(\.entry)
  }

  func questionEntry(_ finding: ItemFinding) -> QuestionEntry {
    let question = survey.questions[finding.question]
    let choices = survey.choiceSet(of: question)
    let label = { (code: Int) in
      choices?.choices.first { $0.code == code }.map { self.text($0.label) } ?? String(code)
    }
    var rows: [AnswerRow] = []
    var withheld: String?
    var withheldText: String?
    var collapsed = false
    var answered = formatter.size(.withheld(.minimumGroup, message: ""))
    switch finding.distribution {
    case .shown(let distribution):
      rows = distribution.rows.map { row in
        AnswerRow(
          label: row.codes.map(label).joined(separator: " / "),
          share: formatter.share(
            ReleasedShare(
              percent: row.percent, interval: nil, size: distribution.size, isWeighted: false,
              isLowPrecision: false)))
      }
      collapsed = distribution.isCollapsed
      answered = formatter.size(.shown(distribution.size))
    case .withheld(let rule, _):
      withheld = rule.rawValue
      withheldText = formatter.withheldText(rule)
      answered = formatter.withheld(rule, unit: "respondents")
    }
    let nonresponse: Figure
    switch finding.nonresponse {
    case .shown(let share): nonresponse = formatter.share(share)
    case .withheld(let rule, _): nonresponse = formatter.withheld(rule, unit: "percent")
    }
    let type: String
    if case .multiple = question.type { type = "multiple" } else { type = "single" }
    return QuestionEntry(
      id: question.id, text: text(question.text),
      section: question.section.flatMap { id in survey.sections.first { $0.id == id } }.map {
        text($0.title)
      },
      type: type, answered: answered, nonresponse: nonresponse, rows: rows, collapsed: collapsed,
      withheld: withheld, withheldText: withheldText,
      versusRest: formatter.comparison(finding.versusRest, better: nil))
  }

  func methods(_ findings: Findings) -> Methods {
    let indicators = survey.indicators.map { indicator in
      let definition: String
      switch indicator.measure {
      case .share(let condition): definition = survey.text(of: condition)
      case .mean(let reference): definition = "mean(" + reference.id + ")"
      }
      return IndicatorMethod(
        id: indicator.id, title: text(indicator.title), definition: definition,
        source: indicator.provenance.source,
        thresholds: indicator.thresholds.map {
          formatter.number($0.value, decimals: $0.value == $0.value.rounded() ? 0 : 1) + ": "
            + text($0.label)
        })
    }
    let scales = findings.reliability.map { finding -> ScaleMethod in
      let scale = survey.scales[finding.scale]
      guard case .shown(let value) = finding.value else {
        let rule: DisclosureRule =
          if case .withheld(let rule, _) = finding.value { rule } else { .minimumGroup }
        return ScaleMethod(
          id: scale.id, title: text(scale.title), items: scale.items.count,
          source: scale.provenance.source,
          text: formatter.withheldText(rule), alpha: nil, standardizedAlpha: nil, weakestItem: nil)
      }
      let interval =
        value.interval.map {
          strings[
            "interval.mean", formatter.number($0.lowerBound, decimals: 2),
            formatter.number($0.upperBound, decimals: 2)]
        } ?? "–"
      let weakest = value.items.min { $0.correctedItemTotal < $1.correctedItemTotal }.map { item in
        strings[
          "methods.weakest",
          scale.items.indices.contains(item.item) ? scale.items[item.item] : String(item.item + 1),
          formatter.number(item.correctedItemTotal, decimals: 2),
          formatter.number(item.alphaIfDropped, decimals: 2)]
      }
      return ScaleMethod(
        id: scale.id, title: text(scale.title), items: scale.items.count,
        source: scale.provenance.source,
        text: strings[
          "methods.alpha", formatter.number(value.alpha, decimals: 2), interval,
          formatter.number(value.standardizedAlpha, decimals: 2),
          strings["respondents", value.size.description]],
        alpha: value.alpha, standardizedAlpha: value.standardizedAlpha, weakestItem: weakest)
    }
    let policy = formatter.policy
    var notes: [MethodNote] = []
    let broken = findings.indicators.compactMap { finding in
      finding.notComparable.map {
        text(survey.indicators[finding.indicator].title) + " (" + $0 + ")"
      }
    }
    if !leftOut.isEmpty {
      notes.append(
        MethodNote(
          title: strings["methods.pooling.title"],
          text: strings["methods.pooling", leftOut.joined(separator: "; ")]))
    }
    if !broken.isEmpty {
      notes.append(
        MethodNote(
          title: strings["methods.versions.title"],
          text: strings["methods.versions", broken.joined(separator: "; ")]))
    }
    notes += [
      MethodNote(
        title: strings["methods.intervals.title"],
        text: strings[
          findings.options.shareMethod == .wilson ? "methods.intervals" : "methods.intervals.cp"]),
      MethodNote(
        title: strings["methods.tests.title"],
        text: strings["methods.tests", String(policy.minimumGroupSize), String(findings.testCount)]),
      MethodNote(title: strings["methods.missing.title"], text: strings["methods.missing"]),
      MethodNote(title: strings["methods.causes.title"], text: strings["methods.causes"]),
      MethodNote(title: strings["methods.sample.title"], text: strings["methods.sample"]),
      MethodNote(
        title: strings["methods.disclosure.title"],
        text: strings[
          "methods.disclosure", String(policy.minimumGroupSize), String(policy.minimumCell),
          String(policy.noExtremesBelow)]),
    ]
    return Methods(indicators: indicators, scales: scales, notes: notes)
  }

  func audit(_ audit: DisclosureAudit) -> Audit {
    let policy = audit.policy
    let entries = audit.entries.map { entry in
      AuditEntry(
        rule: entry.rule.rawValue, kind: entry.kind.rawValue, count: entry.count,
        threshold: entry.rule.threshold(policy),
        text: strings["rule." + entry.rule.rawValue] + " (" + String(entry.rule.threshold(policy))
          + "): "
          + strings["kind." + entry.kind.rawValue] + " × " + String(entry.count))
    }
    let total = entries.reduce(0) { $0 + $1.count }
    return Audit(
      rulesVersion: DisclosurePolicy.rulesVersion, minimumGroupSize: policy.minimumGroupSize,
      minimumCell: policy.minimumCell, noExtremesBelow: policy.noExtremesBelow, entries: entries,
      summary: total == 0
        ? strings["audit.summary", DisclosurePolicy.rulesVersion]
        : strings["audit.summary.some", DisclosurePolicy.rulesVersion, String(total)])
  }

  func highlights(_ report: Report, findings: Findings) -> [String] {
    var lines: [String] = []
    if findings.scope.chapter != nil {
      if report.respondents.withheld != nil {
        return [strings["who.withheld", String(formatter.policy.minimumGroupSize), findings.wave]]
      }
      var differs = false
      for entry in report.indicators {
        guard let comparison = entry.versusRest, comparison.withheld == nil,
          let difference = comparison.difference,
          comparison.verdict != strings["verdict.same"], let organization = entry.organization
        else { continue }
        differs = true
        lines.append(
          strings[
            difference > 0 ? "highlight.higher" : "highlight.lower", entry.title, entry.value.text,
            organization.text])
      }
      if !differs { lines.append(strings["highlight.none"]) }
      for entry in report.indicators {
        guard let change = entry.change, change.withheld == nil, let difference = change.difference,
          change.verdict != strings["verdict.same"], let previous = entry.previous,
          let wave = findings.previousWave
        else { continue }
        lines.append(
          strings[
            difference > 0 ? "highlight.change.up" : "highlight.change.down", entry.title, wave,
            entry.value.text, previous.text])
      }
    } else {
      let shown = findings.chapters.filter { $0.size.value != nil }.count
      lines.append(
        strings["highlight.chapters", String(shown), String(findings.chapters.count - shown)])
      lines += report.differences.prefix(3).map(\.sentence)
      if report.differences.isEmpty && !findings.chapters.isEmpty {
        lines.append(strings["highlight.nodifference"])
      }
    }
    if let cause = report.causes.first, cause.exposed.value != nil {
      lines.append(strings["highlight.cause", cause.title, cause.exposed.text])
    }
    if let relation = report.relations.first(where: {
      $0.difference.verdict != strings["verdict.same"]
    }) {
      lines.append(
        strings[
          "highlight.relation", relation.causeTitle, relation.outcomeTitle, relation.exposed.text,
          relation.unexposed.text])
    }
    return lines
  }
}
