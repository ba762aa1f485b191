import Foundation
import SurveyCore
import SurveyIngest
import SurveyStatistics

/// `survey export estimates`: every estimate behind the reports, in full precision, one tidy row
/// per group and estimate, for the analyst (never for publication).
enum EstimatesExport {
  /// The columns, in order.
  static let columns = [
    "wave", "group", "estimate_id", "measure", "estimate", "se", "lower", "upper", "df", "n",
    "n_eff", "method", "p", "p_adjusted",
  ]

  /// What the file says about itself.
  static let notice =
    "For the analyst, not for publication: exact estimates (full double precision) of the figures "
    + "the reports round. Disclosure control decided which groups and values appear, as in the "
    + "reports; the numbers are still exact, so do not pass the file on. Methods as in METHODS.md."

  static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
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
    var sources = arguments
    sources.positionals.removeFirst()
    if arguments.value("store") != nil && !sources.positionals.isEmpty {
      throw CommandFailure.usage("give either --store or CSV files, not both")
    }
    let survey = try CommandSupport.compile(surveyPath, context: context)
    let settings = try ReportCommand.Settings(arguments, survey: survey, context: context)
    let aggregation = try ReportCommand.aggregate(
      surveyPath: surveyPath, survey: survey, arguments: sources, context: context)
    guard !aggregation.waves.isEmpty else {
      throw CommandFailure.input(
        "there are no responses to estimate from; import some with 'survey import'")
    }
    let wave = arguments.value("wave")
    if let wave, !aggregation.waves.contains(wave) {
      throw CommandFailure.input(
        "there is no wave '\(wave)'; the waves are \(aggregation.waves.joined(separator: ", "))")
    }
    let incomparable = try ReportCommand.changedQuestions(
      surveyPath: surveyPath, survey: survey, arguments: arguments, context: context)
    let builder = FindingsBuilder(
      aggregation: aggregation, policy: settings.policy, options: settings.options,
      incomparable: incomparable)
    let (rows, withheld) = EstimateTable(builder: builder).rows(wave: wave)
    let text = format == "json" ? json(rows, withheld: withheld) : csv(rows)
    try ReportMaker.write(text, to: output)
    context.console.out.write(
      "wrote \(rows.count) estimates to \(output) (\(withheld) withheld by disclosure control); "
        + "for the analyst, not for publication\n")
    return ExitStatus.success
  }

  /// A number as the shortest text that reads back as the same double; "" for none.
  static func number(_ value: Double?) -> String {
    guard let value, value.isFinite else { return "" }
    return value == 0 ? "0" : String(value)
  }

  /// A text a spreadsheet would run as a formula, with a leading apostrophe.
  static func masked(_ text: String) -> String {
    guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else {
      return text
    }
    return "'" + text
  }

  static func fields(_ row: EstimateRow) -> [String] {
    [
      row.wave, row.group, row.estimateID, row.measure, number(row.estimate),
      number(row.standardError), number(row.lower), number(row.upper),
      number(row.degreesOfFreedom), String(row.count), number(row.effectiveSize), row.method,
      number(row.pValue), number(row.adjustedPValue),
    ]
  }

  /// The rows as CSV, after one comment line (read with `comment.char = "#"` in R, `comment="#"`
  /// in pandas).
  static func csv(_ rows: [EstimateRow]) -> String {
    // Numbers are written as they are (a negative difference starts with '-'); the texts that
    // come from the data (waves, chapters) are masked as `export data` masks them, so that a
    // spreadsheet never runs them as formulas.
    let writer = CSVWriter(options: CSVWriterOptions(lineEnding: .lf, masksFormulas: false))
    try? writer.writeRecord(columns)
    for row in rows {
      var cells = fields(row)
      for index in 0..<3 { cells[index] = masked(cells[index]) }
      try? writer.writeRecord(cells)
    }
    return "# " + notice + "\n" + String(decoding: writer.bytes, as: UTF8.self)
  }

  /// The rows as JSON: the notice, then one object per row with the same fields.
  static func json(_ rows: [EstimateRow], withheld: Int) -> String {
    let numeric: Set<String> = [
      "estimate", "se", "lower", "upper", "df", "n", "n_eff", "p", "p_adjusted",
    ]
    var out = "{\n  \"notice\" : " + JSONValue.string(notice).compact + ",\n"
    out += "  \"withheld\" : \(withheld),\n  \"estimates\" : ["
    for (index, row) in rows.enumerated() {
      let values = fields(row)
      let members = zip(columns, values).map { name, value in
        let text =
          numeric.contains(name)
          ? (value.isEmpty ? "null" : value) : JSONValue.string(value).compact
        return JSONValue.string(name).compact + " : " + text
      }
      out += (index == 0 ? "\n" : ",\n") + "    { " + members.joined(separator: ", ") + " }"
    }
    out += rows.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
    return out
  }
}
