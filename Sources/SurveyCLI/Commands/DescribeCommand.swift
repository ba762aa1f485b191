import SurveyCore
import SurveyDSL

/// `survey describe FILE`: prints the resolved survey as a codebook.
enum DescribeCommand: Command {
  static let name = "describe"
  static let summary = "Print a survey as a codebook"
  static let usage = "survey describe [--format text|json] [--language CODE] FILE"
  static let discussion = """
    Prints every question with its codes and labels, every scale, indicator, cause and index,
    with their sources, as the checked survey sees them (library files included).
    """
  static let options = [
    OptionSpec("format", value: "text|json", help: "Output format (default: text)"),
    OptionSpec(
      "language", value: "CODE", help: "Language of the text codebook (default: the survey's)"),
  ]

  static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
    guard arguments.positionals.count == 1, let path = arguments.positionals.first else {
      throw CommandFailure.usage(
        arguments.positionals.isEmpty ? "no survey file given" : "give one survey file")
    }
    let format = arguments.value("format") ?? "text"
    guard ["text", "json"].contains(format) else {
      throw CommandFailure.usage("'--format' takes text or json, not '\(format)'")
    }
    let compiled: CompiledSurvey
    do {
      compiled = try SurveyCompiler.compile(path: path)
    } catch {
      throw CommandFailure.input(error.localizedDescription)
    }
    context.emit(compiled.diagnostics)
    guard let survey = compiled.survey else {
      context.console.err.write("\(path): not described because of errors\n")
      return ExitStatus.inputErrors
    }
    let language = arguments.value("language") ?? survey.defaultLanguage
    guard survey.languages.contains(where: { $0.code == language }) else {
      let codes = survey.languages.map(\.code)
      throw CommandFailure.usage(
        "the survey has no language '\(language)' (it has \(codes.joined(separator: ", ")))")
    }
    context.console.out.writeDocument(
      format == "json" ? Codebook.json(survey).pretty : Codebook.text(survey, language: language))
    return ExitStatus.success
  }
}
