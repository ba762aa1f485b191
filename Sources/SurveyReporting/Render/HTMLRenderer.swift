/// Renders a ``Report`` as one self-contained HTML5 page: inline CSS and inline SVG charts, no
/// script and no request for anything outside the page, every label escaped and isolated from
/// the surrounding text direction.
///
/// Every number on the page is a text of the report model, printed as given; the renderer only
/// places bars and whiskers from the values behind those texts.
package enum HTMLRenderer {
  /// The page for a report.
  ///
  /// - Parameters:
  ///   - report: The report to render.
  ///   - strings: The report's own words (headings, column names, notes).
  /// - Returns: The HTML document; the same report gives the same bytes.
  package static func render(_ report: Report, strings: ReportStrings) -> String {
    Page(report: report, strings: strings).document()
  }

  /// Languages written right to left, by their base code.
  static let rightToLeft: Set<String> = [
    "ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ps", "sd", "syr", "ug", "ur", "yi",
  ]

  /// Whether a language (a BCP 47 code) is written right to left.
  static func isRightToLeft(_ language: String) -> Bool {
    let base = language.split(separator: "-").first.map { $0.lowercased() } ?? ""
    return rightToLeft.contains(base)
  }
}

extension HTMLRenderer {
  /// One rendering of a report: the report, its words and the parts of the page.
  struct Page {
    let report: Report
    let strings: ReportStrings

    /// A section of the page with its anchor and heading.
    struct Section {
      let id: String
      let title: String
      let body: String

      var html: String {
        "<section id=\"\(id)\" aria-labelledby=\"\(id)-title\">\n"
          + "<h2 id=\"\(id)-title\">\(HTMLRenderer.escape(title))</h2>\n\(body)</section>\n"
      }
    }

    /// The whole document.
    func document() -> String {
      let sections = self.sections()
      // The page's direction follows its own words (the labels are isolated in <bdi>): an Arabic
      // survey reported with English words (no Arabic table yet) stays left to right.
      let direction = HTMLRenderer.isRightToLeft(strings.language) ? " dir=\"rtl\"" : ""
      var html = "<!doctype html>\n"
      html += "<html lang=\"\(escape(report.language))\"\(direction)>\n<head>\n"
      html += "<meta charset=\"utf-8\">\n"
      html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      html += "<meta name=\"color-scheme\" content=\"light dark\">\n"
      html += "<title>\(escape(report.title))</title>\n"
      html += "<link rel=\"icon\" href=\"data:,\">\n"
      html += "<style>\n\(HTMLStyle.css)</style>\n</head>\n<body>\n<div class=\"page\">\n"
      html += header()
      html += navigation(sections)
      html += "<main>\n" + sections.map(\.html).joined() + "</main>\n"
      html += "<footer class=\"report-footer\">\n<p>\(escape(strings["footer"]))</p>\n</footer>\n"
      html += "</div>\n</body>\n</html>\n"
      return html
    }

    /// The sections in reading order; a section with nothing to show is left out.
    func sections() -> [Section] {
      var list = [
        Section(id: "start", title: strings["section.start"], body: start()),
        Section(id: "summary", title: strings["section.summary"], body: summary()),
        Section(id: "who", title: strings["section.who"], body: who()),
        Section(
          id: "indicators", title: strings["section.indicators"],
          body: indicatorSection(report.indicators, id: "indicators")),
      ]
      if report.waves.count >= 2 {
        list.append(Section(id: "trends", title: strings["section.trends"], body: trends()))
      }
      if !report.exposureIndicators.isEmpty {
        list.append(
          Section(
            id: "exposure", title: strings["section.exposure"],
            body: indicatorSection(report.exposureIndicators, id: "exposure")))
      }
      if !report.causes.isEmpty {
        list.append(Section(id: "causes", title: strings["section.causes"], body: causes()))
      }
      if !report.chapterRelations.isEmpty {
        list.append(
          Section(
            id: "relations-chapter", title: strings["section.relations.chapter"],
            body: relations(report.chapterRelations, id: "relations-chapter")))
      }
      if !report.relations.isEmpty {
        list.append(
          Section(
            id: "relations", title: strings["section.relations"],
            body: relations(report.relations, id: "relations")))
      }
      if !report.correlations.isEmpty {
        list.append(
          Section(id: "correlations", title: strings["section.correlations"], body: correlations()))
      }
      if let matrix = report.chapters, !matrix.chapters.isEmpty {
        list.append(
          Section(id: "chapters", title: strings["section.chapters"], body: chapterMatrix(matrix)))
      }
      if !report.differences.isEmpty {
        list.append(
          Section(id: "differences", title: strings["section.differences"], body: differences()))
      }
      list += [
        Section(id: "questions", title: strings["section.questions"], body: questions()),
        Section(id: "methods", title: strings["section.methods"], body: methods()),
        Section(id: "audit", title: strings["section.audit"], body: audit()),
      ]
      return list
    }

    /// The title, the subtitle and the key figures.
    func header() -> String {
      var html = "<header class=\"report-header\" id=\"top\">\n"
      html += "<h1>\(title())</h1>\n"
      html += "<p class=\"subtitle\">\(escape(report.subtitle))</p>\n"
      html += keyFigures()
      return html + "</header>\n"
    }

    /// The title, with the survey's title and the chapter's name isolated when the title is made
    /// of them.
    func title() -> String {
      let survey = report.survey.title
      if let chapter = report.chapter {
        if strings["title.chapter", survey, chapter] == report.title {
          return phrase("title.chapter", bdi(survey), bdi(chapter))
        }
      } else if strings["title.organization", survey] == report.title {
        return phrase("title.organization", bdi(survey))
      }
      return bdi(report.title)
    }

    /// Cards for the first four indicators of social connection.
    func keyFigures() -> String {
      let entries = report.indicators.filter { ["share", "mean"].contains($0.measure) }.prefix(4)
      guard !entries.isEmpty else { return "" }
      var html = "<ul class=\"cards\" aria-label=\"\(escape(word("keyFigures")))\">\n"
      for entry in entries {
        html += "<li class=\"card\">\n<p class=\"card-title\">\(bdi(entry.title))</p>\n"
        let valueClass = entry.value.withheld == nil ? "card-value" : "card-value withheld"
        html += "<p class=\"\(valueClass)\">\(escape(entry.value.text))</p>\n"
        var notes: [String] = []
        if entry.value.withheld == nil, let interval = entry.value.interval {
          notes.append("<span class=\"interval\">\(escape(interval))</span>")
        }
        if let band = entry.band { notes.append("<span class=\"tag\">\(bdi(band))</span>") }
        if entry.value.lowPrecision { notes.append(lowPrecisionTag()) }
        if !notes.isEmpty { html += "<p class=\"card-meta\">\(notes.joined(separator: " "))</p>\n" }
        if let organization = entry.organization {
          html +=
            "<p class=\"card-meta\">\(escape(strings["column.organization"])): "
            + "\(figure(organization, interval: false))</p>\n"
        }
        if let versusRest = entry.versusRest, versusRest.withheld == nil {
          html +=
            "<p class=\"card-meta\">\(escape(strings["column.vsRest"])): "
            + "\(verdict(versusRest))</p>\n"
        }
        html += "</li>\n"
      }
      return html + "</ul>\n"
    }

    /// Links to the sections.
    func navigation(_ sections: [Section]) -> String {
      let links = sections.map { "<li><a href=\"#\($0.id)\">\(escape($0.title))</a></li>" }
      return "<nav class=\"toc\" aria-label=\"\(escape(word("contents")))\">\n<ol>\n"
        + links.joined(separator: "\n") + "\n</ol>\n</nav>\n"
    }

    /// Where to start: the causes, each with its organizing notes, then the caveat.
    func start() -> String {
      guard let section = report.whereToStart else { return "" }
      var html = ""
      if !section.entries.isEmpty {
        html += "<ol class=\"start\">\n"
        for entry in section.entries {
          html += "<li><p>\(escape(entry.text))</p>"
          for action in entry.actions {
            html += "<p class=\"action\">\(escape(strings["start.action", action.text]))"
            if let source = action.source {
              html += " <span class=\"note\">\(escape(source))</span>"
            }
            html += "</p>"
          }
          html += "</li>\n"
        }
        html += "</ol>\n"
      }
      if let summary = section.summary { html += paragraph(summary) }
      return html + "<p class=\"note\">\(escape(section.caveat))</p>\n"
    }

    /// The key findings.
    func summary() -> String {
      guard !report.highlights.isEmpty else { return paragraph(strings["no.data"]) }
      let items = report.highlights.map { "<li>\(escape($0))</li>" }
      return "<ul class=\"highlights\">\n" + items.joined(separator: "\n") + "\n</ul>\n"
    }

    /// Who answered: the group's size, the organization's, the fieldwork and the weights.
    func who() -> String {
      let wave = escape(report.wave)
      var html = "<p>"
      if report.respondents.withheld != nil {
        html += phrase("who.withheld", escape(String(report.audit.minimumGroupSize)), wave)
      } else if report.kind == "chapter" {
        html += phrase(
          "who.chapter", strong(report.respondents), wave, strong(report.organizationRespondents))
      } else {
        html += phrase("who.organization", strong(report.respondents), wave)
      }
      html += "</p>\n<dl class=\"facts\">\n"
      if report.kind == "chapter" {
        html += "<div><dt>\(escape(strings["column.value"]))</dt>"
        html += "<dd>\(figure(report.respondents))</dd></div>\n"
      }
      html += "<div><dt>\(escape(strings["column.organization"]))</dt>"
      html += "<dd>\(figure(report.organizationRespondents))</dd></div>\n</dl>\n"
      if let period = report.period { html += paragraph(strings["who.period", period]) }
      if let weighting = report.weighting {
        for sentence in weighting.sentences { html += paragraph(sentence) }
      } else if report.weighted {
        html += paragraph(strings["who.weighted"])
      }
      return html + "<p class=\"note\">\(escape(strings["who.sample"]))</p>\n"
    }

    /// A figure in bold (or muted when withheld), for a sentence.
    func strong(_ figure: Figure) -> String {
      figure.withheld == nil
        ? "<strong>\(escape(figure.text))</strong>"
        : "<span class=\"withheld\">\(escape(figure.text))</span>"
    }
  }
}
