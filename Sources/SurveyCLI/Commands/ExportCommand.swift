import Foundation
import SurveyCore
import SurveyIngest
import SurveyStore

/// `survey export data`: the stored responses as tidy CSV or JSON, with a codebook.
enum ExportCommand: Command {
  static let name = "export"
  static let summary =
    "Export data, or the survey as a form, a paper questionnaire, a data-entry template or a translation file"
  static let usage = """
    survey export data --survey FILE [--store DB] [--format csv|json] -o OUT
           survey export estimates --survey FILE [--store DB | CSV...] [--wave W] [--format csv|json] -o OUT
           survey export counts --survey FILE [--store DB] --organization NAME -o FILE
           survey export xlsform SURVEY -o FORM.csv
           survey export questionnaire SURVEY [--language L] [--format html|text] [-o OUT]
           survey export template SURVEY -o TEMPLATE.csv
           survey export translation SURVEY --language L [-o SURVEY.L.survey]
           survey export translation --report --language L [-o report.L.survey]
    """
  static let discussion = """
    'export data' writes one row per respondent: _response_id, _chapter, _wave, _submitted_at and
    _weight, then one column per question with answer codes (multiple choices joined with ';'),
    and the 'other' texts. Private fields are never exported. Cells that a spreadsheet would run
    as a formula (starting with =, +, -, @) are masked with a leading apostrophe. The codebook
    goes next to it, named after OUT without its extension: -o data.csv writes the codebook to
    data.codebook.json.
    'export estimates' writes, for the chapter's analyst and never for publication, every
    estimate behind the reports in full precision: one row per wave, group (the organization and
    each chapter) and estimate (each indicator, exposure share and index; each indicator's
    difference from the rest of the organization and from the previous wave; each cause against
    each outcome in the organization), with the columns wave, group, estimate_id, measure,
    estimate, se, lower, upper, df, n, n_eff, method, p and p_adjusted (Benjamini-Hochberg over
    every test in the file). Disclosure control decides which groups and values appear, as in
    the reports. The CSV starts with one '#' comment line that says so (R: read.csv(...,
    comment.char = "#"); pandas: read_csv(..., comment="#")).
    'export counts' writes the organization's counts for a coalition report (survey report
    --counts): the mergeable counts of the store's answers per wave and chapter, with the survey's
    id, version and codebook and a checksum; no response, person key, free text or link between
    waves. Chapters under the minimum group size are folded into the rest of the organization.
    The file says what a reader could learn from it; share it with the coalition's analysts only.
    'export xlsform' writes the survey as an XLSForm (the CSV form pyxform reads) for ODK Collect
    and KoboToolbox, with every language, relevance, ranges, hard checks and required answers;
    answers come back through the KoboToolbox and ODK Central adapters.
    'export questionnaire' writes a paper questionnaire in one language, with boxes to tick and
    the skip instructions written out (HTML to print, or text).
    'export template' writes an empty CSV whose columns import without any mapping, for typing in
    paper answers, and a codebook next to it (TEMPLATE.codebook.csv) with the allowed values.
    'export translation' writes the translation file of one language: every text of the survey
    under a comment with the original, translated where the language's translation file already
    has it and "" where not. Save it next to the survey and add 'use "SURVEY.L.survey"' to it;
    running it again after the survey changes keeps the translations and lists the new texts.
    With --report it writes the reports' own words (headings, sentences, methods) instead, from
    English, keeping what the file at -o (or the built-in translation) already has; pass the file
    to 'survey report --report-translation', or save it as report.L.survey next to the survey.
    """
  static let options = [
    OptionSpec("survey", short: "s", value: "FILE", help: "The survey"),
    OptionSpec("store", value: "DB", help: "The store (default: survey.db next to the survey)"),
    OptionSpec(
      "format", value: "csv|json|html|text", help: "Output format (data: csv; questionnaire: html)"),
    OptionSpec(
      "language", value: "L",
      help: "The language of a questionnaire (default: the survey's first) or translation"),
    OptionSpec("output", short: "o", value: "OUT", help: "Where to write"),
    OptionSpec("wave", value: "W", help: "Only this wave (estimates; default: every wave)"),
    OptionSpec(
      "organization", value: "NAME", help: "Counts: the organization's name in coalition reports"),
    OptionSpec("report", help: "With 'translation': the reports' own words, not the survey's"),
  ]

  static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
    switch arguments.positionals.first {
    case "xlsform", "questionnaire", "template", "translation":
      return try FieldingExport.run(arguments, context: context)
    case "estimates":
      return try EstimatesExport.run(arguments, context: context)
    case "counts":
      return try Coalition.exportCounts(arguments, context: context)
    case "data":
      break
    case nil:
      throw CommandFailure.usage(
        "say what to export: data, estimates, counts, xlsform, questionnaire, template or translation"
      )
    case let other?:
      throw CommandFailure.usage(
        "unknown export '\(other)'; use data, estimates, counts, xlsform, questionnaire, template or translation"
      )
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
    var export = DataExport(survey: survey, store: store)
    if let population = survey.population {
      // The weights every report uses: the roll's raking of the stored answers, per wave.
      export.raking = try ReportSource.raking(
        population, try ReportSource.aggregate(survey: survey, store: store)
      ).0
    }
    let count = try export.write(to: output, json: format == "json")
    let codebookPath = Self.codebookPath(for: output)
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

extension ExportCommand {
  /// Where `export data -o OUT` writes the codebook: OUT without its extension, then
  /// `.codebook.json` (`data.csv` and `data.json` give `data.codebook.json`, `data` too).
  static func codebookPath(for output: String) -> String {
    (output as NSString).deletingPathExtension + ".codebook.json"
  }
}
