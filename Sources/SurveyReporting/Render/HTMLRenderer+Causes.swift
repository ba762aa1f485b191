extension HTMLRenderer.Page {
  /// The causes: a bar chart of the shares exposed, then a table with the organization's.
  func causes() -> String {
    let title = strings["section.causes"]
    let bars = report.causes.map {
      Bar(label: $0.title, value: $0.exposed, marker: $0.organization)
    }
    var html = barChart(bars, title: title, id: "causes-chart")
    let hasOrganization = report.causes.contains { $0.organization != nil }
    var headers = [
      escape(strings["column.cause"]),
      header(strings["column.exposed"], detail: report.chapter.map(bdi)),
    ]
    if hasOrganization { headers.append(escape(strings["column.organization"])) }
    let rows = report.causes.map { cause in
      var cells = [figure(cause.exposed)]
      if hasOrganization { cells.append(cause.organization.map { figure($0) } ?? "") }
      return Row(header: bdi(cause.title), cells: cells)
    }
    let caption = escape(title) + " · " + escape(strings["column.wave", report.wave])
    html += table(
      id: "causes-table", caption: caption, headers: headers, rows: rows,
      className: "data compact")
    return html
  }

  /// Causes against outcomes, then the reminder that these are associations.
  func relations(_ entries: [RelationEntry], id: String) -> String {
    let headers = [
      escape(strings["column.cause"]), escape(word("column.outcome")),
      escape(strings["column.exposed"]), escape(strings["column.unexposed"]),
      escape(strings["column.difference"]),
    ]
    let rows = entries.map { entry in
      Row(
        header: bdi(entry.causeTitle),
        cells: [
          bdi(entry.outcomeTitle), figure(entry.exposed), figure(entry.unexposed),
          comparison(entry.difference),
        ])
    }
    let title = strings[id == "relations" ? "section.relations" : "section.relations.chapter"]
    return table(
      id: "\(id)-table", caption: escape(title), headers: headers, rows: rows,
      hiddenCaption: true)
      + paragraph(strings["association"], class: "note association")
  }

  /// Exposure indexes against outcomes: Spearman's rho, the adjusted p value and the
  /// respondents behind them.
  func correlations() -> String {
    let headers = [
      escape(word("column.index")), escape(word("column.outcome")),
      escape(strings["column.rho"]), escape(word("column.adjustedP")),
      escape(word("column.respondents")),
    ]
    let rows = report.correlations.map { entry in
      Row(
        header: bdi(entry.indexTitle),
        cells: [
          bdi(entry.outcomeTitle), "<span class=\"figure\">\(escape(entry.text))</span>",
          "<span class=\"figure\">\(escape(entry.pText))</span>", escape(entry.respondents),
        ])
    }
    return table(
      id: "correlations-table", caption: escape(strings["section.correlations"]),
      headers: headers, rows: rows, hiddenCaption: true)
      + paragraph(strings["association"], class: "note association")
  }
}
