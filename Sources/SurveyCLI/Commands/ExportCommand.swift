import Foundation
import SurveyCore
import SurveyIngest
import SurveyStore

/// `survey export data`: the stored responses as tidy CSV or JSON, with a codebook.
enum ExportCommand: Command {
  static let name = "export"
  static let summary = "Export stored responses as tidy CSV or JSON, with a codebook"
  static let usage = "survey export data --survey FILE [--store DB] [--format csv|json] -o OUT"
  static let discussion = """
    'export data' writes one row per respondent: _response_id, _chapter, _wave, _submitted_at and
    _weight, then one column per question with answer codes (multiple choices joined with ';'),
    and the 'other' texts. Private fields are never exported. Cells that a spreadsheet would run
    as a formula (starting with =, +, -, @) are masked with a leading apostrophe. The codebook
    goes next to it as OUT.codebook.json.
    """
  static let options = [
    OptionSpec("survey", short: "s", value: "FILE", help: "The survey"),
    OptionSpec("store", value: "DB", help: "The store (default: survey.db next to the survey)"),
    OptionSpec("format", value: "csv|json", help: "Output format (default: csv)"),
    OptionSpec("output", short: "o", value: "OUT", help: "Where to write"),
  ]

  static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
    guard arguments.positionals.first == "data" else {
      throw CommandFailure.usage(
        arguments.positionals.isEmpty
          ? "say what to export: 'data'"
          : "unknown export '\(arguments.positionals[0])'; use 'data'")
    }
    guard let surveyPath = arguments.value("survey") else {
      throw CommandFailure.usage("missing --survey FILE")
    }
    guard let output = arguments.value("output") else {
      throw CommandFailure.usage("missing -o OUT")
    }
    let format = arguments.value("format") ?? "csv"
    guard ["csv", "json"].contains(format) else {
      throw CommandFailure.usage("'--format' takes csv or json")
    }
    let survey = try CommandSupport.compile(surveyPath, context: context)
    let store = try CommandSupport.openStore(
      arguments.value("store") ?? StorePath.defaultPath(forSurvey: surveyPath), context: context,
      readOnly: true)
    let count = try DataExport(survey: survey, store: store).write(
      to: output, json: format == "json")
    let codebookPath = RejectsCommand.insertSuffix(output, ".codebook").replacingExtension(
      with: ".json")
    do {
      try Data(Codebook.json(survey).pretty.utf8).write(
        to: URL(fileURLWithPath: codebookPath), options: .atomic)
    } catch {
      throw CommandFailure.io("cannot write '\(codebookPath)': \(error.localizedDescription)")
    }
    context.console.out.write(
      "wrote \(count) responses to \(output) and the codebook to \(codebookPath)\n")
    return ExitStatus.success
  }
}

extension String {
  func replacingExtension(with newExtension: String) -> String {
    let slash = lastIndex(of: "/")
    if let dot = lastIndex(of: "."), slash.map({ dot > $0 }) ?? true {
      return String(self[..<dot]) + newExtension
    }
    return self + newExtension
  }
}
