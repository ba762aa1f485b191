import SurveyCore

extension HTMLRenderer {
  /// Text made safe for HTML (see ``HTMLText/escape(_:)``).
  static func escape(_ text: String) -> String { HTMLText.escape(text) }

  /// A label from the survey or the data, escaped and isolated in `<bdi>` so that right-to-left
  /// text does not reorder what surrounds it.
  static func bdi(_ text: String) -> String { "<bdi>" + escape(text) + "</bdi>" }
}

extension HTMLRenderer.Page {
  /// Escapes text (see ``HTMLRenderer/escape(_:)``).
  func escape(_ text: String) -> String { HTMLRenderer.escape(text) }

  /// Escapes and isolates a label (see ``HTMLRenderer/bdi(_:)``).
  func bdi(_ text: String) -> String { HTMLRenderer.bdi(text) }

  /// A word of the report's own, from ``ReportStrings``.
  func word(_ key: String) -> String { strings[key] }

  /// A phrase of ``ReportStrings`` with its `{0}`, `{1}`… replaced by HTML fragments; the
  /// phrase's own words are escaped.
  func phrase(_ key: String, _ parts: String...) -> String {
    let template = Array(strings[key])
    var html = ""
    var literal = ""
    var index = 0
    while index < template.count {
      if template[index] == "{",
        let close = template[index...].firstIndex(of: "}"),
        let number = Int(String(template[(index + 1)..<close])),
        parts.indices.contains(number)
      {
        html += escape(literal) + parts[number]
        literal = ""
        index = close + 1
      } else {
        literal.append(template[index])
        index += 1
      }
    }
    return html + escape(literal)
  }

  /// A paragraph of plain text.
  func paragraph(_ text: String, class name: String? = nil) -> String {
    let attribute = name.map { " class=\"\($0)\"" } ?? ""
    return "<p\(attribute)>\(escape(text))</p>\n"
  }

  /// A figure: its text, then its interval in smaller type and the low-precision tag; a withheld
  /// figure is muted.
  func figure(_ figure: Figure, interval: Bool = true) -> String {
    guard figure.withheld == nil else {
      return "<span class=\"withheld\">\(escape(figure.text))</span>"
    }
    var html = "<span class=\"figure\">\(escape(figure.text))</span>"
    if interval, let range = figure.interval {
      html += " <span class=\"interval\">\(escape(range))</span>"
    }
    if figure.lowPrecision { html += " " + lowPrecisionTag() }
    return html
  }

  /// The "low precision" tag.
  func lowPrecisionTag() -> String {
    "<span class=\"tag tag-low\">\(escape(strings["lowPrecision"]))</span>"
  }

  /// A comparison: its text and its verdict in words; a withheld comparison shows only its
  /// muted text.
  func comparison(_ comparison: ComparisonFigure) -> String {
    guard comparison.withheld == nil else {
      return "<span class=\"withheld\">\(escape(comparison.text))</span>"
    }
    return "<span class=\"figure\">\(escape(comparison.text))</span> " + verdict(comparison)
  }

  /// A comparison's verdict, with "better" or "worse" in words when the direction is known (the
  /// colour only repeats the words).
  func verdict(_ comparison: ComparisonFigure) -> String {
    let direction = ["better", "worse"].contains(comparison.direction) ? comparison.direction : ""
    var text = escape(comparison.verdict)
    if !direction.isEmpty {
      text += " · " + escape(strings["direction." + direction])
    }
    let name = direction.isEmpty ? "verdict" : "verdict verdict-\(direction)"
    return "<span class=\"\(name)\">\(text)</span>"
  }

  /// A row of a table: its header cell and its data cells (HTML).
  struct Row {
    let header: String
    let cells: [String]
  }

  /// A table in a scrollable wrapper, with a caption, column headers and row headers.
  ///
  /// - Parameters:
  ///   - id: A unique anchor for the table.
  ///   - caption: The caption (HTML).
  ///   - headers: The column headers (HTML), the row headers' column first.
  ///   - rows: The rows.
  ///   - className: A class for the table's layout.
  ///   - hiddenCaption: Whether the caption is for assistive technology only (when it repeats
  ///     the heading above the table).
  func table(
    id: String, caption: String, headers: [String], rows: [Row], className: String = "data",
    hiddenCaption: Bool = false
  ) -> String {
    var html = "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" "
    html += "aria-labelledby=\"\(id)-caption\">\n"
    html += "<table class=\"\(className)\" id=\"\(id)\">\n"
    let shown = hiddenCaption ? "<span class=\"visually-hidden\">\(caption)</span>" : caption
    html += "<caption id=\"\(id)-caption\">\(shown)</caption>\n<thead>\n<tr>"
    html += headers.map { "<th scope=\"col\">\($0)</th>" }.joined()
    html += "</tr>\n</thead>\n<tbody>\n"
    for row in rows {
      html += "<tr><th scope=\"row\">\(row.header)</th>"
      html += row.cells.map { "<td>\($0)</td>" }.joined()
      html += "</tr>\n"
    }
    return html + "</tbody>\n</table>\n</div>\n"
  }

  /// A column header with a second, smaller line.
  func header(_ text: String, detail: String?) -> String {
    guard let detail else { return escape(text) }
    return escape(text) + "<span class=\"detail\">\(detail)</span>"
  }
}
