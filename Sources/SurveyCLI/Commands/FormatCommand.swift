import Foundation
import SurveyCore
import SurveyDSL

/// `survey fmt FILE...`: prints or rewrites survey files in the canonical layout.
enum FormatCommand: Command {
  static let name = "fmt"
  static let summary = "Print a survey file in the standard layout"
  static let usage = "survey fmt [--write | --check] FILE..."
  static let discussion = """
    Prints the file in the standard layout: two-space indentation, one blank line between
    declarations, single spaces between words, comments kept. Formatting never changes what the
    file means. With --write, files are rewritten in place; with --check, nothing is written and
    the exit status is 1 if any file is not in the standard layout. Files with syntax errors are
    left alone.
    """
  static let options = [
    OptionSpec("write", short: "w", help: "Rewrite the files in place"),
    OptionSpec("check", help: "Exit with 1 if a file is not formatted, without writing"),
  ]

  static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
    let paths = arguments.positionals
    guard !paths.isEmpty else { throw CommandFailure.usage("no survey file given") }
    let write = arguments.has("write")
    let check = arguments.has("check")
    if write, check { throw CommandFailure.usage("use either --write or --check, not both") }
    if !write, !check, paths.count > 1 {
      throw CommandFailure.usage("give one file, or use --write or --check for several")
    }
    var status = ExitStatus.success
    let loader = SourceLoader()
    for path in paths {
      guard let bytes = try? loader.read(path) else {
        context.console.err.write("Error: cannot read '\(path)'\n")
        status = ExitStatus.inputErrors
        continue
      }
      var diagnostics: [Diagnostic] = []
      let parsed = loader.parse(path: path, bytes: bytes, diagnostics: &diagnostics)
      if diagnostics.hasErrors {
        context.emit(diagnostics.filter { $0.severity == .error })
        context.console.err.write("\(path): not formatted because of syntax errors\n")
        status = ExitStatus.inputErrors
        continue
      }
      let formatted = Formatter.format(parsed)
      let unchanged = Array(formatted.utf8) == bytes
      if check {
        if !unchanged {
          context.console.out.write("\(path): not formatted\n")
          status = ExitStatus.inputErrors
        }
      } else if write {
        if !unchanged {
          do {
            try Data(formatted.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
          } catch {
            throw CommandFailure.io("cannot write '\(path)': \(error.localizedDescription)")
          }
          context.console.out.write("\(path): formatted\n")
        }
      } else {
        context.console.out.writeDocument(formatted)
      }
    }
    return status
  }
}
