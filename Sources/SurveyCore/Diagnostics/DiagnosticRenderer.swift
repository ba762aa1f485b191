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
///
/// A long line is shown as a ``LineWindow``: at most 60 Characters on each side of the caret,
/// with `…` where the line is cut (the header still gives the real column), so a diagnostic on a
/// line of 100 MB is a few lines long and costs little to make.
///
/// Everything that comes from the user (the path, the message, the source line, the label and the
/// notes) passes through ``TerminalText/inert(_:keepingTabs:)``, so the rendered text drives no
/// terminal; the only escape sequences in it are its own colour codes, when ``colored`` is set.
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
    if let range = diagnostic.range, range.file.showsExcerpt {
      out += excerpt(range, label: diagnostic.label)
    } else if let label = diagnostic.label {
      out += "  " + TerminalText.inert(label) + "\n"
    }
    for note in diagnostic.notes {
      out += header(location: note.range?.start, severity: .note, message: note.message)
    }
    return out
  }
}

extension DiagnosticRenderer {
  private func header(location: SourceLocation?, severity: Severity, message: String) -> String {
    let place = location.map { "\(TerminalText.inert($0.description)): " } ?? ""
    return paint(place, code: "1") + paint(severity.rawValue + ":", code: color(of: severity))
      + " " + paint(TerminalText.inert(message), code: "1") + "\n"
  }

  private func excerpt(_ range: SourceRange, label: String?) -> String {
    let file = range.file
    let offset = max(0, min(range.bytes.lowerBound, file.bytes.count))
    let localLine = file.line(containing: offset)
    let lineRange = file.byteRange(ofLine: localLine)
    let start = min(max(offset, lineRange.lowerBound), lineRange.upperBound)
    let window = LineWindow(file.bytes[lineRange], from: start, to: range.bytes.upperBound)
    // An excerpt file (a CSV cell's line) may already be cut from a longer line.
    let isCutBefore = window.isCutBefore || (localLine == 1 && file.firstColumn > 1)
    let isCutAfter = window.isCutAfter || (localLine == file.lineCount && file.isCutAtEnd)
    // Caret and width are counted on the text as shown.
    let before = (isCutBefore ? "…" : "") + TerminalText.inert(window.before)
    let marked = TerminalText.inert(window.marked)
    let lineText =
      before + marked + TerminalText.inert(window.rest) + (isCutAfter ? "…" : "")
    let gutter = String(localLine + file.firstLine - 1)
    let pad = String(repeating: " ", count: gutter.count)
    let indent = String(before.map { $0 == "\t" ? "\t" : " " })
    var carets = String(repeating: "^", count: max(1, marked.count))
    if let label { carets += " " + TerminalText.inert(label) }
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
