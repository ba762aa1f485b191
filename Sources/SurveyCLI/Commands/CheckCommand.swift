import SurveyCore
import SurveyDSL

/// `survey check FILE...`: reports every mistake in survey files.
enum CheckCommand: Command {
  static let name = "check"
  static let summary = "Check survey files and report every mistake"
  static let usage = "survey check [--strict] FILE..."
  static let discussion = """
    Reads each survey file and the files it uses, and reports every error and warning with its
    file, line and column. Exits with 0 when there are no errors, 1 when there are (or, with
    --strict, when there are warnings). A translation file is checked together with the survey
    file next to it that uses it.
    """
  static let options = [
    OptionSpec("strict", help: "Treat warnings as errors")
  ]

  static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
    guard !arguments.positionals.isEmpty else { throw CommandFailure.usage("no survey file given") }
    var failed = false
    for path in arguments.positionals {
      let compiled: CompiledSurvey
      do {
        compiled = try SurveyCompiler.compile(path: path)
      } catch {
        context.console.err.write("Error: \(error.localizedDescription)\n")
        failed = true
        continue
      }
      context.emit(compiled.diagnostics)
      let errors = compiled.diagnostics.filter { $0.severity == .error }.count
      let warnings = compiled.diagnostics.filter { $0.severity == .warning }.count
      if errors > 0 || (arguments.has("strict") && warnings > 0) { failed = true }
      context.console.out.write(
        "\(path): \(compiled.checkedWith.map { "checked with \($0), which uses it: " } ?? "")\(summary(compiled.survey, errors: errors, warnings: warnings))\n"
      )
    }
    return failed ? ExitStatus.inputErrors : ExitStatus.success
  }

  static func summary(_ survey: Survey?, errors: Int, warnings: Int) -> String {
    var parts: [String] = []
    if errors > 0 { parts.append(count(errors, "error")) }
    if warnings > 0 { parts.append(count(warnings, "warning")) }
    guard errors == 0, let survey else { return parts.joined(separator: ", ") }
    var contents = [count(survey.questions.count, "question")]
    if !survey.scales.isEmpty { contents.append(count(survey.scales.count, "scale")) }
    if !survey.indicators.isEmpty { contents.append(count(survey.indicators.count, "indicator")) }
    if !survey.causes.isEmpty { contents.append(count(survey.causes.count, "cause")) }
    let status = parts.isEmpty ? "ok" : "ok with " + parts.joined(separator: ", ")
    return status + " (" + contents.joined(separator: ", ") + ")"
  }

  static func count(_ number: Int, _ noun: String) -> String {
    "\(number) \(noun)\(number == 1 ? "" : "s")"
  }
}
