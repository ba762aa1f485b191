extension HTMLRenderer.Page {
  /// A table of indicators with a bar chart of the shares.
  func indicatorSection(_ entries: [IndicatorEntry], id: String) -> String {
    guard !entries.isEmpty else { return paragraph(strings["no.data"]) }
    let title = strings[id == "exposure" ? "section.exposure" : "section.indicators"]
    var html = indicatorTable(entries, id: "\(id)-table", title: title)
    let shares = entries.filter { $0.measure == "share" }
    if !shares.isEmpty {
      let bars = shares.map { Bar(label: $0.title, value: $0.value, marker: $0.organization) }
      html += barChart(bars, title: title, id: "\(id)-chart")
    }
    return html
  }

  /// Indicator | this group | organization | against the rest | previous wave | change |
  /// published figure, with the columns the report has.
  func indicatorTable(_ entries: [IndicatorEntry], id: String, title: String) -> String {
    let hasOrganization = entries.contains { $0.organization != nil }
    let hasVersusRest = entries.contains { $0.versusRest != nil }
    let hasPrevious = report.previousWave != nil
    let hasBenchmarks = entries.contains { !$0.benchmarks.isEmpty }
    var headers = [
      escape(strings["column.indicator"]),
      report.kind == "chapter"
        ? header(strings["column.value"], detail: report.chapter.map(bdi))
        : escape(strings["column.organization"]),
    ]
    if hasOrganization { headers.append(escape(strings["column.organization"])) }
    if hasVersusRest { headers.append(escape(strings["column.vsRest"])) }
    if let previousWave = report.previousWave {
      headers.append(
        header(strings["column.previous"], detail: escape(strings["column.wave", previousWave])))
      headers.append(escape(strings["column.change"]))
    }
    if hasBenchmarks { headers.append(escape(strings["column.benchmark"])) }
    let notes = benchmarkNotes(entries)
    let rows = entries.map { entry in
      var value = figure(entry.value)
      if let band = entry.band { value += " <span class=\"tag\">\(bdi(band))</span>" }
      var cells = [value]
      if hasOrganization { cells.append(entry.organization.map { figure($0) } ?? "") }
      if hasVersusRest { cells.append(entry.versusRest.map(comparison) ?? "") }
      if hasPrevious {
        if let reason = entry.notComparable {
          cells.append("<span class=\"withheld\">" + escape(strings["notComparable"]) + "</span>")
          cells.append("<span class=\"withheld\">" + escape(reason) + "</span>")
        } else {
          cells.append(entry.previous.map { figure($0) } ?? "")
          cells.append(entry.change.map(comparison) ?? "")
        }
      }
      if hasBenchmarks { cells.append(benchmarks(entry.benchmarks, notes: notes, id: id)) }
      return Row(header: bdi(entry.title), cells: cells)
    }
    let caption = escape(title) + " · " + escape(strings["column.wave", report.wave])
    var html = table(
      id: id, caption: caption, headers: headers, rows: rows, className: "data indicators")
    if !notes.isEmpty {
      html += "<ol class=\"notes\" aria-label=\"\(escape(strings["column.benchmark"]))\">\n"
      for (index, note) in notes.enumerated() {
        html += "<li id=\"\(id)-note-\(index + 1)\">\(note)</li>\n"
      }
      html += "</ol>\n"
    }
    return html
  }

  /// What a published figure describes: its population and its source (HTML).
  func benchmarkNote(_ benchmark: BenchmarkEntry) -> String {
    bdi(benchmark.population) + (benchmark.source.map { ". " + bdi($0) } ?? "")
  }

  /// The published figures' populations and sources, each once, in order of appearance: the
  /// table's notes, so that its cells stay short.
  func benchmarkNotes(_ entries: [IndicatorEntry]) -> [String] {
    var notes: [String] = []
    for note in entries.flatMap(\.benchmarks).map(benchmarkNote) where !notes.contains(note) {
      notes.append(note)
    }
    return notes
  }

  /// Published figures: the figure, the year, a reference to the note with the population and
  /// the source, and whether it can be compared.
  func benchmarks(_ benchmarks: [BenchmarkEntry], notes: [String], id: String) -> String {
    benchmarks.map { benchmark in
      var html = "<div class=\"benchmark\"><span class=\"figure\">\(escape(benchmark.text))</span> "
      if let year = benchmark.year { html += "<span class=\"about\">\(escape(year))</span> " }
      if let index = notes.firstIndex(of: benchmarkNote(benchmark)) {
        html += "<a class=\"ref\" href=\"#\(id)-note-\(index + 1)\">[\(index + 1)]</a> "
      }
      let caveat = strings[benchmark.comparable ? "benchmark.comparable" : "benchmark.context"]
      let name = benchmark.comparable ? "tag tag-comparable" : "tag tag-context"
      return html + "<span class=\"\(name)\">\(escape(caveat))</span></div>"
    }.joined()
  }

  /// Every indicator across the waves.
  func trends() -> String {
    var html = trendTable(
      report.indicators, id: "trends-indicators", title: strings["section.indicators"])
    if !report.exposureIndicators.isEmpty {
      html += trendTable(
        report.exposureIndicators, id: "trends-exposure", title: strings["section.exposure"])
    }
    return html
  }

  /// Indicator × wave.
  func trendTable(_ entries: [IndicatorEntry], id: String, title: String) -> String {
    let headers =
      [escape(strings["column.indicator"])]
      + report.waves.map { escape(strings["column.wave", $0]) }
    let rows = entries.map { entry in
      Row(
        header: bdi(entry.title),
        cells: report.waves.indices.map { index in
          entry.trend.indices.contains(index) ? figure(entry.trend[index]) : ""
        })
    }
    let caption = escape(strings["section.trends"]) + " · " + escape(title)
    return table(id: id, caption: caption, headers: headers, rows: rows, className: "data trend")
  }

  /// Every chapter side by side, with the organization last.
  func chapterMatrix(_ matrix: ChapterMatrix) -> String {
    let headers =
      [escape(strings["column.indicator"])]
      + matrix.chapters.map { column in
        bdi(column.name) + "<span class=\"detail\">\(figure(column.respondents))</span>"
      }
      + [
        header(
          strings["column.organization"], detail: figure(report.organizationRespondents))
      ]
    let rows = matrix.rows.map { row in
      Row(
        header: bdi(row.title),
        cells: row.values.map { figure($0) } + [figure(row.organization)])
    }
    let caption =
      escape(strings["section.chapters"]) + " · "
      + escape(strings["column.wave", report.wave])
    return table(
      id: "chapters-table", caption: caption, headers: headers, rows: rows,
      className: "data matrix")
  }

  /// The chapters that differ from the rest, in sentences.
  func differences() -> String {
    let items = report.differences.map { "<li>\(escape($0.sentence))</li>" }
    return "<ul class=\"sentences\">\n" + items.joined(separator: "\n") + "\n</ul>\n"
  }
}
