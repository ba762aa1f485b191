extension HTMLRenderer.Page {
  /// The methods appendix: the notes, the indicators' definitions and the scales' reliability.
  func methods() -> String {
    var html = ""
    for note in report.methods.notes {
      html += "<h3>\(escape(note.title))</h3>\n" + paragraph(note.text)
    }
    if !report.methods.indicators.isEmpty {
      let title = word("methods.indicators")
      html += "<h3>\(escape(title))</h3>\n"
      let headers = [
        escape(strings["column.indicator"]), escape(strings["methods.definition"]),
        escape(strings["methods.source"]), escape(word("column.thresholds")),
      ]
      let rows = report.methods.indicators.map { method in
        Row(
          header: bdi(method.title),
          cells: [
            "<code>\(escape(method.definition))</code>", method.source.map(bdi) ?? "",
            list(method.thresholds.map(bdi)),
          ])
      }
      html += table(
        id: "methods-indicators", caption: escape(title), headers: headers, rows: rows,
        className: "data definitions", hiddenCaption: true)
    }
    if !report.methods.scales.isEmpty {
      html += "<h3>\(escape(strings["methods.reliability"]))</h3>\n<dl class=\"scales\">\n"
      for scale in report.methods.scales {
        html += "<div><dt>\(bdi(scale.title))</dt>\n"
        let name = scale.alpha == nil ? "withheld" : "figure"
        html += "<dd><span class=\"\(name)\">\(escape(scale.text))</span></dd>\n"
        if let weakest = scale.weakestItem { html += "<dd>\(escape(weakest))</dd>\n" }
        if let source = scale.source {
          html += "<dd class=\"about\">\(escape(strings["methods.source"])): \(bdi(source))</dd>\n"
        }
        html += "</div>\n"
      }
      html += "</dl>\n"
    }
    return html
  }

  /// A list of HTML fragments (nothing when empty).
  func list(_ items: [String]) -> String {
    guard !items.isEmpty else { return "" }
    return "<ul class=\"plain\">" + items.map { "<li>\($0)</li>" }.joined() + "</ul>"
  }

  /// The privacy audit: the summary, then what each rule acted on.
  func audit() -> String {
    var html = paragraph(report.audit.summary)
    guard !report.audit.entries.isEmpty else { return html }
    let headers = [
      escape(word("column.rule")), escape(word("column.kind")), escape(word("column.count")),
    ]
    let rows = report.audit.entries.map { entry in
      let rule = named("rule." + entry.rule, fallback: entry.rule)
      return Row(
        header: escape(rule + " (" + String(entry.threshold) + ")"),
        cells: [
          escape(named("kind." + entry.kind, fallback: entry.kind)), escape(String(entry.count)),
        ])
    }
    html += table(
      id: "audit-table", caption: escape(strings["section.audit"]), headers: headers, rows: rows,
      className: "data audit", hiddenCaption: true)
    return html
  }

  /// A word of ``ReportStrings`` by key, or the fallback when the key is missing.
  func named(_ key: String, fallback: String) -> String {
    let text = strings[key]
    return text == key ? fallback : text
  }
}
