extension TextRenderer {
  func trends(_ report: Report, _ out: inout TextOutput) {
    guard report.waves.count >= 2 else { return }
    out.heading(strings["section.trends"])
    let cell = 12
    let label = max(20, columns - 4 - cell * report.waves.count)
    var header = "  " + TextLayout.pad("", label)
    for wave in report.waves {
      header += TextLayout.pad(strings["column.wave", wave], cell, right: true)
    }
    out.append(header)
    for entry in report.indicators {
      var line = "  " + TextLayout.pad(entry.title, label)
      for figure in entry.trend {
        line += TextLayout.pad(cellText(figure, width: cell - 1), cell, right: true)
      }
      out.append(line)
    }
    if report.indicators.contains(where: { $0.trend.contains { $0.withheld != nil } }) {
      out.paragraph(
        "– " + strings["withheld.minimum", String(report.audit.minimumGroupSize)] + "; * "
          + strings["withheld.other"], indent: "  ")
    }
  }

  func chapters(_ report: Report, _ out: inout TextOutput) {
    guard let matrix = report.chapters else { return }
    out.heading(strings["section.chapters"])
    let cell = 11
    let label = 24
    let perTable = max(1, (columns - 2 - label - cell) / cell)
    var start = 0
    while start < matrix.chapters.count {
      let slice = Array(matrix.chapters[start..<min(matrix.chapters.count, start + perTable)])
      var header =
        "  " + TextLayout.pad("", label)
        + TextLayout.pad(strings["column.organization"], cell, right: true)
      var sizes =
        "  " + TextLayout.pad("", label)
        + TextLayout.pad(report.respondents.text, cell, right: true)
      for column in slice {
        header += TextLayout.pad(column.name, cell, right: true)
        sizes += TextLayout.pad(
          column.respondents.withheld == nil ? column.respondents.text : "–", cell, right: true)
      }
      out.append(header)
      out.append(sizes)
      for row in matrix.rows {
        var line =
          "  " + TextLayout.pad(row.title, label)
          + TextLayout.pad(cellText(row.organization, width: cell - 1), cell, right: true)
        for index in start..<(start + slice.count) where index < row.values.count {
          line += TextLayout.pad(cellText(row.values[index], width: cell - 1), cell, right: true)
        }
        out.append(line)
      }
      out.blank()
      start += perTable
    }
    out.paragraph(
      "– " + strings["withheld.minimum", String(report.audit.minimumGroupSize)] + "; * "
        + strings["withheld.other"])
  }

  /// A compact cell: the figure (a bound shortened to "<45%" when it does not fit), "–" when
  /// too few answered, "*" when withheld for another rule.
  func cellText(_ figure: Figure, width: Int) -> String {
    guard let rule = figure.withheld else {
      return TextLayout.width(figure.text) <= width || figure.bound == nil
        ? figure.text : shortBound(figure)
    }
    return rule == "minimum-group" ? "–" : "*"
  }

  /// "<45%" or ">55%" for narrow columns.
  func shortBound(_ figure: Figure) -> String {
    guard let value = figure.boundValue else { return figure.text }
    return (figure.bound == "below" ? "<" : ">") + strings["percent", String(Int(value))]
  }

  func differences(_ report: Report, _ out: inout TextOutput) {
    guard report.kind == "organization", report.chapters != nil else { return }
    out.heading(strings["section.differences"])
    if report.differences.isEmpty { out.paragraph(strings["highlight.nodifference"]) }
    for entry in report.differences {
      out.paragraph(entry.sentence, indent: "  • ", hanging: "    ")
    }
  }

  func causes(_ report: Report, _ out: inout TextOutput) {
    guard !report.causes.isEmpty else { return }
    out.heading(strings["section.causes"])
    let label = 30
    for cause in report.causes {
      // A title too long for its column goes on a line of its own.
      if TextLayout.width(cause.title) > label {
        out.paragraph(cause.title, indent: "  ")
      }
      var head =
        "  " + TextLayout.pad(TextLayout.width(cause.title) > label ? "" : cause.title, label) + " "
      if let value = cause.exposed.value {
        head += TextLayout.bar(value / 100, columns: 16, ascii: ascii) + " "
      } else {
        head += String(repeating: " ", count: 17)
      }
      let organization = cause.organization.map {
        "(" + strings["column.organization"].lowercased() + " " + $0.text + ")"
      }
      let line = head + cause.exposed.text + (organization.map { "  " + $0 } ?? "")
      if TextLayout.width(line) <= columns {
        out.append(line)
      } else {
        let pad = String(repeating: " ", count: TextLayout.width(head))
        let room = columns - TextLayout.width(head)
        let lines =
          TextLayout.wrap(cause.exposed.text, columns: room)
          + (organization.map { TextLayout.wrap($0, columns: room) } ?? [])
        for (index, text) in lines.enumerated() { out.append((index == 0 ? head : pad) + text) }
      }
    }
    out.blank()
    out.paragraph(strings["association"])
  }

  func relations(_ report: Report, _ out: inout TextOutput) {
    if !report.chapterRelations.isEmpty {
      out.heading(strings["section.relations.chapter"])
      for relation in report.chapterRelations {
        out.paragraph(relation.sentence, indent: "  • ", hanging: "    ")
      }
    }
    if !report.relations.isEmpty {
      out.heading(strings["section.relations"])
      for relation in report.relations {
        out.paragraph(relation.sentence, indent: "  • ", hanging: "    ")
      }
    }
    if !report.correlations.isEmpty {
      out.heading(strings["section.correlations"])
      for entry in report.correlations {
        out.paragraph(
          entry.indexTitle + " / " + entry.outcomeTitle + ": " + strings["column.rho"] + " "
            + entry.text + " ("
            + entry.pText + ")",
          indent: "  • ", hanging: "    ")
      }
    }
    if !report.chapterRelations.isEmpty || !report.relations.isEmpty {
      out.blank()
      out.paragraph(strings["association"])
    }
  }

  func questions(_ report: Report, _ out: inout TextOutput) {
    out.heading(strings["section.questions"])
    var section: String?
    for question in report.questions {
      if let title = question.section, title != section {
        out.blank()
        out.paragraph(title.uppercased(), indent: "  ")
        section = title
      }
      out.blank()
      out.paragraph(question.text, indent: "  ")
      if let withheld = question.withheldText {
        out.paragraph(
          withheld + ". " + strings["nonresponse", question.nonresponse.text], indent: "    ")
        continue
      }
      let label = 30
      for row in question.rows {
        var line = "    " + TextLayout.pad(row.label, label) + " "
        if let value = row.share.value {
          line += TextLayout.bar(value / 100, columns: 20, ascii: ascii) + " "
        } else {
          line += String(repeating: " ", count: 21)
        }
        out.append(line + row.share.text)
      }
      var notes = [
        strings["answered", question.answered.text],
        strings["nonresponse", question.nonresponse.text],
      ]
      if question.collapsed { notes.append(strings["collapsed"]) }
      if let versusRest = question.versusRest {
        notes.append(strings["column.vsRest"] + ": " + comparison(versusRest))
      }
      out.paragraph(notes.joined(separator: " "), indent: "    ", hanging: "    ")
    }
  }

  func methods(_ report: Report, _ out: inout TextOutput) {
    out.heading(strings["section.methods"])
    for note in report.methods.notes {
      out.blank()
      out.paragraph(note.title, indent: "  ")
      out.paragraph(note.text, indent: "    ")
    }
    out.blank()
    out.paragraph(strings["methods.reliability"], indent: "  ")
    for scale in report.methods.scales {
      out.paragraph(scale.title + ": " + scale.text, indent: "    • ", hanging: "      ")
      if let weakest = scale.weakestItem { out.paragraph(weakest, indent: "      ") }
    }
    out.blank()
    out.paragraph(strings["methods.definition"], indent: "  ")
    for indicator in report.methods.indicators {
      out.paragraph(
        indicator.title + ": " + indicator.definition, indent: "    • ", hanging: "      ")
      if !indicator.thresholds.isEmpty {
        out.paragraph(indicator.thresholds.joined(separator: "; "), indent: "      ")
      }
      if let source = indicator.source {
        out.paragraph(
          strings["methods.source"] + ": " + source, indent: "      ", hanging: "        ")
      }
    }
  }

  func audit(_ report: Report, _ out: inout TextOutput) {
    out.heading(strings["section.audit"])
    out.paragraph(report.audit.summary)
    for entry in report.audit.entries { out.paragraph(entry.text, indent: "  • ", hanging: "    ") }
  }
}
