extension HTMLRenderer.Page {
  /// Every question's answers, under the survey's section titles when the questions have them.
  func questions() -> String {
    guard !report.questions.isEmpty else { return paragraph(strings["questions.none"]) }
    var groups: [(section: String?, entries: [(number: Int, entry: QuestionEntry)])] = []
    for (number, entry) in report.questions.enumerated() {
      if let last = groups.indices.last, groups[last].section == entry.section {
        groups[last].entries.append((number + 1, entry))
      } else {
        groups.append((entry.section, [(number + 1, entry)]))
      }
    }
    var html = ""
    for group in groups {
      var level = 3
      if let section = group.section {
        html += "<h3 class=\"question-section\">\(bdi(section))</h3>\n"
        level = 4
      }
      for (number, entry) in group.entries {
        html += question(entry, number: number, level: level)
      }
    }
    return html
  }

  /// One question: its text as a heading, who answered and who did not, the answers with a bar
  /// each, and the comparison with the rest of the organization.
  func question(_ entry: QuestionEntry, number: Int, level: Int) -> String {
    var html = "<article class=\"question\">\n<h\(level)>\(bdi(entry.text))</h\(level)>\n"
    // The message shown instead of a withheld distribution (the same words as the count's).
    let message = entry.withheldText ?? (entry.withheld == nil ? nil : entry.answered.text)
    var meta: [String] = []
    if entry.answered.withheld == nil {
      meta.append(phrase("respondents", figure(entry.answered)))
    } else if entry.answered.text != message {
      meta.append(figure(entry.answered))
    }
    meta.append(phrase("nonresponse", figure(entry.nonresponse)))
    html += "<p class=\"question-meta\">\(meta.joined(separator: " · "))</p>\n"
    if let message { html += paragraph(message, class: "withheld") }
    if !entry.rows.isEmpty {
      let rows = entry.rows.map { row in
        Row(header: bdi(row.label), cells: [share(row.share)])
      }
      html += table(
        id: "question-\(number)",
        caption: bdi(entry.text),
        headers: [escape(strings["column.answer"]), escape(strings["column.share"])], rows: rows,
        className: "data answers", hiddenCaption: true)
    }
    if entry.collapsed { html += paragraph(strings["collapsed"], class: "note") }
    if let versusRest = entry.versusRest {
      html += "<p class=\"versus\">\(escape(strings["column.vsRest"])): "
      html += "\(comparison(versusRest))</p>\n"
    }
    return html + "</article>\n"
  }

  /// An answer's share: its text, then a bar (hidden from assistive technology, which reads
  /// the text).
  func share(_ share: Figure) -> String {
    var html = "<div class=\"share\">\(figure(share))"
    if share.withheld == nil, let value = share.value {
      html += "<span class=\"answer-bar\" aria-hidden=\"true\">"
      html += "<span style=\"width:\(coordinate(clamped(value)))%\"></span></span>"
    }
    return html + "</div>"
  }
}
