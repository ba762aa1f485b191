import SurveyCore

/// The `survey` command-line tool: dispatches to commands and turns failures into exit statuses.
///
/// It is a library so tests can run it in-process with captured output.
package struct CommandLineTool {
  /// The toolkit's version.
  package static let version = "0.1.0"

  /// The commands, in the order `survey --help` lists them.
  package static var commands: [any Command.Type] {
    [
      CheckCommand.self, FormatCommand.self, DescribeCommand.self, SimulateCommand.self,
      ImportCommand.self, StoreCommand.self, RejectsCommand.self, ExportCommand.self,
      ReportCommand.self, DemoCommand.self, DiffCommand.self,
    ]
  }

  /// Where output goes.
  package var console: Console

  /// Creates the tool.
  package init(console: Console) {
    self.console = console
  }

  /// Runs the tool with the arguments after the program name and returns the exit status.
  package func run(_ arguments: [String]) -> Int32 {
    var arguments = arguments
    let color: String
    do {
      color =
        try Self.extractColor(&arguments)
        ?? (console.environment["NO_COLOR"] == nil ? "auto" : "never")
    } catch let failure as CommandFailure {
      return report(failure, usage: Self.usage)
    } catch {
      return ExitStatus.usage
    }
    let context = CommandContext(
      console: console,
      colorsErrors: color == "always" || (color == "auto" && console.err.isTerminal),
      colorsOutput: color == "always" || (color == "auto" && console.out.isTerminal))
    guard let first = arguments.first else {
      console.err.write(Self.generalHelp)
      return ExitStatus.usage
    }
    switch first {
    case "--help", "-h":
      console.out.write(Self.generalHelp)
      return ExitStatus.success
    case "--version":
      console.out.write("survey \(Self.version)\n")
      return ExitStatus.success
    case "help":
      return help(for: Array(arguments.dropFirst()))
    default: break
    }
    guard let command = Self.commands.first(where: { $0.name == first }) else {
      let names = Self.commands.map { $0.name } + ["help"]
      let suggestion =
        Suggestion.closest(to: first, in: names).map { " (did you mean '\($0)'?)" } ?? ""
      return report(.usage("unknown command '\(first)'" + suggestion), usage: Self.usage)
    }
    let rest = Array(arguments.dropFirst())
    if rest.contains("--help") || rest.contains("-h") {
      console.out.write(command.help)
      return ExitStatus.success
    }
    do {
      let parsed = try ParsedArguments.parse(rest, options: command.options)
      return try command.run(parsed, context: context)
    } catch let failure as CommandFailure {
      return report(failure, usage: command.usage + "\n  See 'survey help \(command.name)'.")
    } catch {
      return report(.unexpected(error), usage: "")
    }
  }

  private func help(for arguments: [String]) -> Int32 {
    guard let name = arguments.first else {
      console.out.write(Self.generalHelp)
      return ExitStatus.success
    }
    guard let command = Self.commands.first(where: { $0.name == name }) else {
      let names = Self.commands.map { $0.name }
      let suggestion =
        Suggestion.closest(to: name, in: names).map { " (did you mean '\($0)'?)" } ?? ""
      return report(.usage("unknown command '\(name)'" + suggestion), usage: Self.usage)
    }
    console.out.write(command.help)
    return ExitStatus.success
  }

  private func report(_ failure: CommandFailure, usage: String) -> Int32 {
    var text = "Error: \(failure.message)\n"
    if failure.showUsage, !usage.isEmpty { text += "Usage: \(usage)\n" }
    console.err.write(text)
    return failure.status
  }

  private static func extractColor(_ arguments: inout [String]) throws -> String? {
    var mode: String?
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      var value: String?
      if argument == "--color" {
        guard index + 1 < arguments.count else {
          throw CommandFailure.usage("option '--color' needs a value (auto, always or never)")
        }
        value = arguments[index + 1]
        arguments.removeSubrange(index...(index + 1))
      } else if argument.hasPrefix("--color=") {
        value = String(argument.dropFirst("--color=".count))
        arguments.remove(at: index)
      } else {
        index += 1
        continue
      }
      guard let value, ["auto", "always", "never"].contains(value) else {
        throw CommandFailure.usage("'--color' takes auto, always or never")
      }
      mode = value
    }
    return mode
  }

  private static let usage = "survey <command> [options]\n  See 'survey --help'."

  static var generalHelp: String {
    let width = (commands.map { $0.name.count }.max() ?? 0) + 4
    var text = """
      OVERVIEW: Design, field, import and report surveys of community connection.

      USAGE: survey <command> [options]

      COMMANDS:

      """
    for command in commands {
      text +=
        "  " + command.name + String(repeating: " ", count: width - command.name.count)
        + command.summary + "\n"
    }
    text += "  help" + String(repeating: " ", count: width - 4) + "Show help for a command\n"
    text += """

      OPTIONS:
        --color auto|always|never   Colour diagnostics (default: auto, only on a terminal)
        --version                   Print the version
        -h, --help                  Show this help

      Run 'survey help <command>' for a command's options.

      """
    return text
  }
}
