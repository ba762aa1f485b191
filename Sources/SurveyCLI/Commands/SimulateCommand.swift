import SurveyCore
import SurveyDSL
import SurveyIngest
import SurveySimulation

/// `survey simulate SURVEY`: writes realistic synthetic answers in a platform's export shape.
enum SimulateCommand: Command {
  static let name = "simulate"
  static let summary =
    "Write realistic synthetic answers to a survey, as a platform would export them"
  static let usage =
    "survey simulate SURVEY [--respondents N] [--chapters K] [--waves W] [--seed S] [--as PLATFORM] [--language L] -o FILE"
  static let discussion = """
    Draws answers from latent traits so that scales hang together and exposure to the causes
    relates to the outcomes, while honouring types, ranges, 'show if', required questions, checks
    and missing codes. The same seed always writes the same bytes, and a run with more
    respondents starts with the rows of a smaller one. When the survey has no wave question and
    --waves is above 1, each wave goes to its own file (out.wave1.csv, out.wave2.csv), as each
    round is exported separately. Platforms: \(Platform.allCases.map(\.rawValue).joined(separator: ", ")).
    """
  static let options = [
    OptionSpec("respondents", short: "n", value: "N", help: "Respondents per wave (default: 200)"),
    OptionSpec("chapters", value: "K", help: "Number of chapters (default: 4)"),
    OptionSpec("waves", value: "W", help: "Number of waves (default: 1)"),
    OptionSpec("seed", value: "S", help: "Random seed (default: 1)"),
    OptionSpec("as", value: "PLATFORM", help: "Export shape (default: generic)"),
    OptionSpec(
      "language", value: "CODE", help: "Language of texts and labels (default: the survey's)"),
    OptionSpec(
      "output", short: "o", value: "FILE", help: "Where to write ('-' for standard output)"),
  ]

  static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
    guard arguments.positionals.count == 1, let path = arguments.positionals.first else {
      throw CommandFailure.usage("give one survey file")
    }
    guard let output = arguments.value("output") else {
      throw CommandFailure.usage("missing -o FILE")
    }
    let platformName = arguments.value("as") ?? "generic"
    guard let platform = Platform(rawValue: platformName) else {
      let names = Platform.allCases.map(\.rawValue)
      let hint =
        Suggestion.closest(to: platformName, in: names).map { " (did you mean '\($0)'?)" } ?? ""
      throw CommandFailure.usage(
        "unknown platform '\(platformName)'\(hint); use one of \(names.joined(separator: ", "))")
    }
    var plan = SimulationPlan(
      respondents: try integer(arguments, "respondents", default: 200),
      chapters: try integer(arguments, "chapters", default: 4),
      waves: try integer(arguments, "waves", default: 1),
      seed: UInt64(try integer(arguments, "seed", default: 1)))
    plan.panelShare = 0.6
    let survey = try CommandSupport.compile(path, context: context)
    if let language = arguments.value("language"),
      !survey.languages.contains(where: { $0.code == language })
    {
      throw CommandFailure.usage("the survey has no language '\(language)'")
    }
    if survey.roles.chapter == nil, platform != .generic, plan.chapters > 1 {
      throw CommandFailure.input(
        "this survey has no chapter question, so chapters are assigned at import; a \(platform.displayName) export has no place for them: use --as generic or --chapters 1"
      )
    }
    let simulator: ResponseSimulator
    do {
      simulator = try ResponseSimulator(survey: survey, plan: plan)
    } catch {
      throw CommandFailure.input(error.message)
    }
    let writer = SimulationWriter(
      simulator: simulator, platform: platform, language: arguments.value("language"))
    let files = writer.files(for: output)
    if output == "-", files.count > 1 {
      throw CommandFailure.usage("several waves go to several files: give -o FILE")
    }
    for file in files {
      do {
        // Standard output gets the bytes as they are, unless it is a terminal (see TextStream).
        let toTerminal = file.path == "-" && context.console.out.isTerminal
        let csv =
          toTerminal
          ? CSVWriter(options: writer.options)
          : file.path == "-"
            ? CSVWriter(fileDescriptor: 1, options: writer.options)
            : try CSVWriter(path: file.path, options: writer.options)
        try writer.write(waves: file.waves, to: csv)
        try csv.close()
        if toTerminal {
          context.console.out.writeDocument(String(decoding: csv.bytes, as: UTF8.self))
        }
      } catch {
        throw CommandFailure.io(error.localizedDescription)
      }
      if file.path != "-" {
        let count = plan.respondents * file.waves.count
        context.console.err.write(
          "wrote \(count) \(platform.displayName) responses (\(plan.chapters) chapters, wave \(file.waves.lowerBound == file.waves.upperBound ? "\(file.waves.lowerBound)" : "\(file.waves.lowerBound)-\(file.waves.upperBound)")) to \(file.path)\n"
        )
      }
    }
    return ExitStatus.success
  }

  private static func integer(_ arguments: ParsedArguments, _ name: String, default value: Int)
    throws -> Int
  {
    guard let text = arguments.value(name) else { return value }
    guard let number = Int(text), number >= 0 else {
      throw CommandFailure.usage("'--\(name)' needs a whole number, not '\(text)'")
    }
    return number
  }
}

/// Helpers shared by commands.
enum CommandSupport {
  /// Compiles a survey, printing its diagnostics; fails when it has errors.
  static func compile(_ path: String, context: CommandContext) throws -> Survey {
    let compiled: CompiledSurvey
    do {
      compiled = try SurveyCompiler.compile(path: path)
    } catch {
      throw CommandFailure.input(error.localizedDescription)
    }
    context.emit(compiled.diagnostics)
    guard let survey = compiled.survey else {
      throw CommandFailure.input("'\(path)' has errors; fix them first (see above)")
    }
    return survey
  }
}
