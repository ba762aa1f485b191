import SurveyCore

/// What a running command has at hand.
package struct CommandContext {
  /// Output streams and environment.
  package var console: Console
  /// Whether diagnostics on standard error are coloured.
  package var colorsErrors: Bool
  /// Whether output on standard output is coloured.
  package var colorsOutput: Bool

  /// A context on a console.
  package init(console: Console, colorsErrors: Bool = false, colorsOutput: Bool = false) {
    self.console = console
    self.colorsErrors = colorsErrors
    self.colorsOutput = colorsOutput
  }

  /// Writes diagnostics to standard error in the house format.
  ///
  /// Coloured diagnostics are written raw, for their colour codes: ``DiagnosticRenderer`` makes
  /// every piece of user text in them inert.
  package func emit(_ diagnostics: [Diagnostic]) {
    guard !diagnostics.isEmpty else { return }
    let text = DiagnosticRenderer(colored: colorsErrors).render(diagnostics)
    if colorsErrors {
      console.err.writeRaw(text)
    } else {
      console.err.write(text)
    }
  }
}

/// A subcommand of `survey`.
package protocol Command {
  /// The word that selects it.
  static var name: String { get }
  /// One line for the command list.
  static var summary: String { get }
  /// The usage line(s), without "Usage: ".
  static var usage: String { get }
  /// Further explanation printed by `survey help COMMAND`.
  static var discussion: String { get }
  /// The options it accepts.
  static var options: [OptionSpec] { get }

  /// Runs the command and returns its exit status.
  static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32
}

extension Command {
  /// The full help text.
  static var help: String {
    var text = "OVERVIEW: \(summary)\n\nUSAGE: \(usage)\n"
    if !discussion.isEmpty { text += "\n" + discussion + "\n" }
    let visible = options + [OptionSpec("help", short: "h", help: "Show this help")]
    text += "\nOPTIONS:\n"
    let labels = visible.map { option -> String in
      var label = option.short.map { "-\($0), " } ?? ""
      label += "--" + option.name
      if let value = option.value { label += " " + value }
      return label
    }
    let width = (labels.map(\.count).max() ?? 0) + 2
    for (label, option) in zip(labels, visible) {
      text +=
        "  " + label + String(repeating: " ", count: max(1, width - label.count)) + option.help
        + "\n"
    }
    return text
  }
}
