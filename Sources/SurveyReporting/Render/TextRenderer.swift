/// The plain-text report for a terminal or an e-mail: 80 columns, bars from block characters,
/// or plain ASCII.
package struct TextRenderer: Sendable {
  /// The report's words.
  package let strings: ReportStrings
  /// The line width.
  package let columns: Int
  /// Plain ASCII only.
  package let ascii: Bool

  /// A renderer.
  package init(strings: ReportStrings, columns: Int = 80, ascii: Bool = false) {
    self.strings = strings
    self.columns = max(40, columns)
    self.ascii = ascii
  }

  /// The report as text (ending with a newline).
  package func render(_ report: Report) -> String {
    var out = TextOutput(columns: columns, ascii: ascii)
    header(report, &out)
    start(report, &out)
    summary(report, &out)
    who(report, &out)
    indicators(report.indicators, title: strings["section.indicators"], report: report, &out)
    trends(report, &out)
    chapters(report, &out)
    differences(report, &out)
    indicators(report.exposureIndicators, title: strings["section.exposure"], report: report, &out)
    causes(report, &out)
    relations(report, &out)
    questions(report, &out)
    methods(report, &out)
    audit(report, &out)
    out.rule()
    out.paragraph(strings["footer"])
    return out.text
  }

  /// Where to start: each cause in a sentence with its organizing notes, then the caveat.
  func start(_ report: Report, _ out: inout TextOutput) {
    guard let section = report.whereToStart else { return }
    out.heading(strings["section.start"])
    for (number, entry) in section.entries.enumerated() {
      out.paragraph(entry.text, indent: "  \(number + 1). ", hanging: "     ")
      for action in entry.actions {
        out.paragraph(strings["start.action", action.text], indent: "     ", hanging: "     ")
        if let source = action.source { out.paragraph(source, indent: "     ", hanging: "     ") }
      }
    }
    if let summary = section.summary { out.paragraph(summary) }
    out.paragraph(section.caveat)
  }

  func header(_ report: Report, _ out: inout TextOutput) {
    out.rule(heavy: true)
    out.paragraph(report.title, indent: "")
    out.paragraph(report.subtitle, indent: "")
    out.rule(heavy: true)
  }

  func summary(_ report: Report, _ out: inout TextOutput) {
    out.heading(strings["section.summary"])
    for line in report.highlights { out.paragraph(line, indent: "  • ", hanging: "    ") }
  }

  func who(_ report: Report, _ out: inout TextOutput) {
    out.heading(strings["section.who"])
    out.paragraph(Self.whoSentence(report, strings))
    if let period = report.period { out.paragraph(strings["who.period", period]) }
    if let weighting = report.weighting {
      for sentence in weighting.sentences { out.paragraph(sentence) }
    } else if report.weighted {
      out.paragraph(strings["who.weighted"])
    }
    out.paragraph(strings["who.sample"])
  }

  /// The "who answered" sentence, shared by the renderers.
  package static func whoSentence(_ report: Report, _ strings: ReportStrings) -> String {
    if report.kind == "chapter" {
      if report.respondents.withheld != nil {
        return strings["who.withheld", report.audit.minimumGroupSize.description, report.wave]
      }
      return strings[
        "who.chapter", report.respondents.text, report.wave, report.organizationRespondents.text]
    }
    return strings["who.organization", report.respondents.text, report.wave]
  }

  /// A figure with its interval and precision flag.
  func figure(_ figure: Figure) -> String {
    var text = figure.text
    if let interval = figure.interval { text += " (" + interval + ")" }
    if figure.lowPrecision { text += " [" + strings["lowPrecision"] + "]" }
    return text
  }

  /// A comparison with its verdict.
  func comparison(_ comparison: ComparisonFigure) -> String {
    comparison.withheld != nil ? comparison.text : comparison.text + ", " + comparison.verdict
  }

  func indicators(
    _ entries: [IndicatorEntry], title: String, report: Report, _ out: inout TextOutput
  ) {
    guard !entries.isEmpty else { return }
    out.heading(title)
    let label = max(
      14,
      [strings["column.value"], strings["column.organization"]].map(TextLayout.width).max() ?? 14)
    for entry in entries {
      out.paragraph(entry.title, indent: "  ")
      let compact = report.respondents.withheld != nil && entry.organization != nil
      if !compact {
        let text = figure(entry.value) + (entry.band.map { ", " + $0 } ?? "")
        out.figureLine(
          TextLayout.pad(
            strings[report.kind == "chapter" ? "column.chapter" : "column.organization"], label),
          entry.value, text: text, bar: entry.measure == "share")
      }
      if let organization = entry.organization {
        out.figureLine(
          TextLayout.pad(strings["column.organization"], label), organization,
          text: figure(organization),
          bar: entry.measure == "share")
      }
      if let versusRest = entry.versusRest {
        out.paragraph(
          strings["column.vsRest"] + ": " + comparison(versusRest), indent: "    ",
          hanging: "      ")
      }
      if let reason = entry.notComparable, let wave = report.previousWave {
        out.paragraph(
          strings["notComparable.line", wave, reason], indent: "    ", hanging: "      ")
      }
      if let previous = entry.previous, let wave = report.previousWave {
        var line = strings["column.wave", wave] + ": " + figure(previous)
        if let change = entry.change {
          line += "; " + strings["column.change"].lowercased() + " " + comparison(change)
        }
        out.paragraph(line, indent: "    ", hanging: "      ")
      }
      for benchmark in entry.benchmarks {
        let caveat = strings[benchmark.comparable ? "benchmark.comparable" : "benchmark.context"]
        let year = benchmark.year.map { " (" + $0 + ")" } ?? ""
        out.paragraph(
          strings["column.benchmark"] + ": " + benchmark.text + ", " + benchmark.population + year
            + "; " + caveat,
          indent: "    ", hanging: "      ")
      }
      out.blank()
    }
  }
}
