import SurveyCore

/// Accumulates the lines of a text report.
struct TextOutput {
  let columns: Int
  let ascii: Bool
  private(set) var lines: [String] = []

  init(columns: Int, ascii: Bool) {
    self.columns = columns
    self.ascii = ascii
  }

  /// The text, ending with a newline; ASCII-only when asked.
  var text: String {
    var lines = lines
    while lines.last?.isEmpty == true { lines.removeLast() }
    let text =
      lines.map { line in
        var trimmed = Substring(line)
        while trimmed.last == " " { trimmed = trimmed.dropLast() }
        return String(trimmed)
      }.joined(separator: "\n") + "\n"
    // Labels and answers cannot drive the terminal; tabs go too, as they would break alignment.
    return ascii ? TextLayout.ascii(text) : TerminalText.inert(text, keepingTabs: false)
  }

  mutating func append(_ line: String) { lines.append(line) }

  mutating func blank() {
    if lines.last?.isEmpty == false { lines.append("") }
  }

  mutating func rule(heavy: Bool = false) {
    lines.append(
      String(repeating: ascii ? (heavy ? "=" : "-") : (heavy ? "━" : "─"), count: columns))
  }

  mutating func heading(_ title: String) {
    blank()
    let text = ascii ? TextLayout.ascii(title).uppercased() : title.uppercased()
    lines += TextLayout.wrap(text, columns: columns)
    lines.append(String(repeating: ascii ? "-" : "─", count: min(columns, TextLayout.width(text))))
  }

  mutating func paragraph(_ text: String, indent: String = "  ", hanging: String? = nil) {
    lines += TextLayout.wrap(text, columns: columns, indent: indent, hanging: hanging)
  }

  /// `    label  42%  ████████▍          (35–49%)`, wrapping the text when needed.
  mutating func figureLine(_ label: String, _ figure: Figure, text: String, bar: Bool) {
    let prefix = "    " + label + "  "
    var line = prefix
    if bar, let value = figure.value {
      line += TextLayout.bar(value / 100, columns: 20, ascii: ascii) + "  "
    }
    let rest = TextLayout.wrap(text, columns: columns - TextLayout.width(line))
    lines.append(line + (rest.first ?? ""))
    let pad = String(repeating: " ", count: TextLayout.width(line))
    for more in rest.dropFirst() { lines.append(pad + more) }
  }
}
