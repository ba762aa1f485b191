/// Renders diagnostics in the house format: a clickable header, the source line and a caret line.
///
/// ```
/// Surveys/wellbeing.survey:12:9: error: unknown question type 'scael' [dsl.unknownQuestionType]
/// 12 |   single scael
///    |          ^^^^^ did you mean 'scale'?
/// Surveys/wellbeing.survey:3:1: note: choice sets are declared here
/// ```
///
/// The caret line copies tabs from the source line so carets stay aligned in any terminal, and it
/// counts Characters, so text with "é", CJK or emoji lines up too.
package struct DiagnosticRenderer: Sendable {
  /// Whether to add ANSI colours (only when writing to a terminal).
  package var colored: Bool

  /// Creates a renderer.
  package init(colored: Bool = false) {
    self.colored = colored
  }

  /// Renders several diagnostics, each ending with a newline.
  package func render(_ diagnostics: [Diagnostic]) -> String {
    diagnostics.map(render).joined()
  }

  /// Renders one diagnostic with its excerpt and notes.
  package func render(_ diagnostic: Diagnostic) -> String {
    var out = header(
      location: diagnostic.location, severity: diagnostic.severity,
      message: diagnostic.message + " [\(diagnostic.id)]")
    if let range = diagnostic.range {
      out += excerpt(range, label: diagnostic.label)
    } else if let label = diagnostic.label {
      out += "  " + label + "\n"
    }
    for note in diagnostic.notes {
      out += header(location: note.range?.start, severity: .note, message: note.message)
    }
    return out
  }
}

extension DiagnosticRenderer {
  private func header(location: SourceLocation?, severity: Severity, message: String) -> String {
    let place = location.map { "\($0.description): " } ?? ""
    return paint(place, code: "1") + paint(severity.rawValue + ":", code: color(of: severity))
      + " " + paint(message, code: "1") + "\n"
  }

  private func excerpt(_ range: SourceRange, label: String?) -> String {
    let start = range.start
    let file = range.file
    let localLine = start.line - file.firstLine + 1
    let isExcerpt = localLine == 1 && file.firstColumn > 1
    let lineText = (isExcerpt ? "…" : "") + file.text(ofLine: start.line)
    let lineRange = file.byteRange(ofLine: localLine)
    let gutter = String(start.line)
    let pad = String(repeating: " ", count: gutter.count)
    let skipped = localLine == 1 ? file.firstColumn - 1 : 0
    let prefixCharacters = Array(lineText).prefix(
      max(0, start.column - 1 - skipped + (isExcerpt ? 1 : 0)))
    let indent = String(prefixCharacters.map { $0 == "\t" ? "\t" : " " })
    let endOffset = min(range.bytes.upperBound, lineRange.upperBound)
    let width = max(1, range.file.text(in: range.bytes.lowerBound..<endOffset).count)
    var carets = String(repeating: "^", count: width)
    if let label { carets += " " + label }
    return paint(gutter + " | ", code: "34") + lineText + "\n" + paint(pad + " | ", code: "34")
      + indent + paint(carets, code: "32") + "\n"
  }

  private func color(of severity: Severity) -> String {
    switch severity {
    case .error: "1;31"
    case .warning: "1;33"
    case .note: "1;36"
    }
  }

  private func paint(_ text: String, code: String) -> String {
    guard colored, !text.isEmpty else { return text }
    return "\u{1B}[\(code)m\(text)\u{1B}[0m"
  }
}
