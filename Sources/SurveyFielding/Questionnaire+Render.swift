import SurveyCore

extension Questionnaire {
  /// The questionnaire as one printable HTML page (A4, no script, nothing fetched).
  package var html: String {
    var body = ""
    body += "<header><h1>" + escape(text(survey.title)) + "</h1>"
    if let description = survey.description {
      body += "<p class=\"intro\">" + escape(text(description)) + "</p>"
    }
    body += "</header>\n"
    var section: String?
    var grid: String?
    for (position, question) in survey.questions.enumerated() {
      if question.grid != grid, grid != nil {
        body += "</tbody></table></div>\n"
        grid = nil
      }
      if question.section != section {
        section = question.section
        if let id = section, let declared = survey.sections.first(where: { $0.id == id }) {
          body += "<h2>" + escape(text(declared.title)) + "</h2>\n"
          if let note = instruction(declared.relevance) {
            body += "<p class=\"skip\">" + escape(note) + "</p>\n"
          }
        }
      }
      if let id = question.grid, let declared = survey.grids.first(where: { $0.id == id }) {
        if grid != id {
          grid = id
          body += gridHeader(declared, question)
        }
        body += gridRow(question, position)
        continue
      }
      body += block(question, position)
    }
    if grid != nil { body += "</tbody></table></div>\n" }
    body += "<p class=\"end\">" + escape(words.page) + "</p>\n"
    return """
      <!doctype html>
      <html lang="\(escape(language))">
      <head>
      <meta charset="utf-8">
      <title>\(escape(text(survey.title)))</title>
      <link rel="icon" href="data:,">
      <style>
      @page { size: A4; margin: 16mm 16mm 18mm; }
      body { font-family: "DejaVu Serif", Georgia, serif; font-size: 11pt; line-height: 1.35; color: #000; max-width: 48rem; margin: 1rem auto; }
      h1 { font-size: 18pt; margin: 0 0 .3rem; } h2 { break-after: avoid; font-size: 13pt; border-bottom: 1.5pt solid #000; margin: 1.2rem 0 .5rem; padding-bottom: .15rem; }
      .intro { font-style: italic; }
      .q { break-inside: avoid; margin: 0 0 .8rem; }
      .q .text { font-weight: bold; } .q .n { display: inline-block; min-width: 2.2em; }
      .how { font-size: 9pt; font-style: italic; margin-left: 2.2em; }
      .skip { font-size: 9.5pt; margin: .1rem 0 .2rem 2.2em; }
      .skip::before { content: "→ "; }
      ul.options { list-style: none; margin: .25rem 0 0 2.2em; padding: 0; columns: 2; }
      ul.options li { margin: .12rem 0; break-inside: avoid; }
      .box { display: inline-block; width: .85em; height: .85em; border: 1pt solid #000; vertical-align: -.1em; margin-right: .45em; }
      .code { font-size: 7.5pt; color: #555; margin-left: .3em; }
      .blank { display: inline-block; border-bottom: 1pt solid #000; width: 8em; height: 1.1em; margin: .3rem 0 0 2.2em; }
      .lines { margin: .3rem 0 0 2.2em; } .lines div { border-bottom: .75pt solid #000; height: 1.5em; }
      table.grid { border-collapse: collapse; margin: .3rem 0 .8rem 2.2em; font-size: 10pt; break-inside: avoid; }
      table.grid th, table.grid td { border: .5pt solid #999; padding: .2rem .35rem; text-align: center; }
      table.grid th[scope=row] { text-align: left; font-weight: normal; }
      .end { margin-top: 2rem; font-weight: bold; }
      </style>
      </head>
      <body>
      \(body)</body>
      </html>

      """
  }

  func escape(_ value: String) -> String { HTMLText.escape(value) }

  func block(_ question: Question, _ position: Int) -> String {
    var html =
      "<div class=\"q\"><p class=\"text\"><span class=\"n\">" + String(numbers[position])
      + ".</span>"
      + escape(text(question.text)) + "</p>\n"
    if let note = instruction(question.relevance) {
      html += "<p class=\"skip\">" + escape(note) + "</p>\n"
    }
    if let hint = question.hint { html += "<p class=\"how\">" + escape(text(hint)) + "</p>\n" }
    switch question.type {
    case .single, .multiple:
      let multiple: Bool = if case .multiple = question.type { true } else { false }
      html +=
        "<p class=\"how\">" + escape(multiple ? words.tickAll : words.tickOne)
        + "</p>\n<ul class=\"options\">"
      for choice in choices(question) {
        html +=
          "<li><span class=\"box\"></span>" + escape(text(choice.label)) + "<span class=\"code\">"
          + String(choice.code) + "</span></li>"
      }
      if let other = question.otherLabel {
        html +=
          "<li><span class=\"box\"></span>" + escape(text(other))
          + ": <span class=\"blank\"></span></li>"
      }
      html += "</ul>\n"
    case .number(_, let low, let high):
      var how = words.number
      if let low, let high {
        how +=
          " " + words.from + " " + XPathWriter.number(low) + " " + words.to + " "
          + XPathWriter.number(high)
      }
      html += "<p class=\"how\">" + escape(how + ".") + "</p><span class=\"blank\"></span>"
      if let unit = question.unit { html += " " + escape(text(unit)) }
      html += "\n"
    case .text:
      html +=
        "<p class=\"how\">" + escape(words.writeIn)
        + "</p><div class=\"lines\"><div></div><div></div><div></div></div>\n"
    case .date:
      html += "<p class=\"how\">" + escape(words.date + ".") + "</p><span class=\"blank\"></span>\n"
    }
    return html + "</div>\n"
  }

  func gridHeader(_ grid: Grid, _ first: Question) -> String {
    var html = "<div class=\"q\"><p class=\"text\">" + escape(text(grid.text)) + "</p>\n"
    if let note = instruction(first.relevance) {
      html += "<p class=\"skip\">" + escape(note) + "</p>\n"
    }
    html +=
      "<p class=\"how\">" + escape(words.tickOne)
      + "</p>\n<table class=\"grid\"><thead><tr><th></th>"
    for choice in choices(first) {
      html += "<th scope=\"col\">" + escape(text(choice.label)) + "</th>"
    }
    return html + "</tr></thead><tbody>\n"
  }

  func gridRow(_ question: Question, _ position: Int) -> String {
    var html =
      "<tr><th scope=\"row\">" + String(numbers[position]) + ". " + escape(text(question.text))
      + "</th>"
    for _ in choices(question) { html += "<td><span class=\"box\"></span></td>" }
    return html + "</tr>\n"
  }

  /// The questionnaire as plain text (for e-mail or a screen reader), with `[ ]` boxes.
  package var plainText: String {
    var lines: [String] = [text(survey.title).uppercased(), ""]
    if let description = survey.description { lines += [text(description), ""] }
    var section: String?
    for (position, question) in survey.questions.enumerated() {
      if question.section != section {
        section = question.section
        if let id = section, let declared = survey.sections.first(where: { $0.id == id }) {
          lines += ["", text(declared.title).uppercased()]
          if let note = instruction(declared.relevance) { lines.append("-> " + note) }
          lines.append("")
        }
      }
      lines.append(String(numbers[position]) + ". " + text(question.text))
      if let note = instruction(question.relevance) { lines.append("   -> " + note) }
      switch question.type {
      case .single, .multiple:
        let multiple: Bool = if case .multiple = question.type { true } else { false }
        lines.append("   (" + (multiple ? words.tickAll : words.tickOne) + ")")
        for choice in choices(question) {
          lines.append("   [ ] " + text(choice.label) + "  (" + String(choice.code) + ")")
        }
        if let other = question.otherLabel {
          lines.append("   [ ] " + text(other) + ": ________________")
        }
      case .number(_, let low, let high):
        let range =
          low.flatMap { l in
            high.map { " (" + XPathWriter.number(l) + "–" + XPathWriter.number($0) + ")" }
          } ?? ""
        lines.append("   " + words.number + range + ": ________ " + text(question.unit))
      case .text:
        lines += [
          "   ______________________________________________",
          "   ______________________________________________",
        ]
      case .date:
        lines.append("   " + words.date + ": ____-__-__")
      }
      lines.append("")
    }
    lines.append(words.page)
    return lines.joined(separator: "\n") + "\n"
  }
}
