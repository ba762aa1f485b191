import Foundation
import SurveyCore
import SurveyDSL
import SurveyIngest
import SurveyStore

/// `survey import --survey FILE CSV...`: validates and stores exports.
enum ImportCommand: Command {
  static let name = "import"
  static let summary = "Validate survey exports and add their responses to the store"
  static let usage =
    "survey import --survey FILE [--store DB] [--from PLATFORM] [--chapter C] [--wave W] [--timezone ±HH:MM] [--replace-changed] CSV..."
  static let discussion = """
    Recognises the platform from the file's headers (or use --from, which is checked against
    them), matches columns to questions by id, old id, text in any of the survey's languages or
    platform path, turns labels into codes, and checks every cell: type, range, known answer,
    required, answers to hidden questions, and hard checks (soft checks give warnings). A row
    with an error is rejected as a whole and kept with its reasons (see 'survey rejects'); a
    record too large to read is rejected in its place. Rows of empty cells are skipped and
    counted. Each file is one transaction.
    Every data row is stored, already present, or rejected and kept. A response is recognised
    by the platform's response id within its wave (and the --chapter given), or, without an id,
    by its text and its occurrence in the file: importing a file again adds nothing, a grown
    export adds only its new rows, and identical rows stay as many as they are. A response
    whose id comes back with other answers is rejected and kept, unless --replace-changed
    stores the new answers as a new version (reports then use the newest version).
    Files are read as UTF-8; one saved in Windows-1252 or Latin-1 (Excel's plain 'CSV') is
    refused with one message, and is read with --encoding windows-1252 or latin-1.
    Timestamps without a time zone are read in --timezone if given, else in the time zone the
    export declares (Qualtrics, daylight saving time included), else as UTC; a --timezone that
    overrides a declared zone is used, with a warning.
    Exit status: 0 when every row was stored or already present, 3 when rows were rejected,
    1 when a file could not be imported at all (nothing of it is stored).
    """
  static let options = [
    OptionSpec("survey", short: "s", value: "FILE", help: "The survey the answers belong to"),
    OptionSpec("store", value: "DB", help: "The store (default: survey.db next to the survey)"),
    OptionSpec("from", value: "PLATFORM", help: "The platform, when it should not be detected"),
    OptionSpec(
      "chapter", value: "C", help: "The chapter of every row (when the survey does not ask it)"),
    OptionSpec("wave", value: "W", help: "The wave of every row (when the survey does not ask it)"),
    OptionSpec(
      "timezone", value: "±HH:MM",
      help: "Time zone of timestamps written without one (default: the export's own, else UTC)"
    ),
    OptionSpec(
      "decimal-comma", help: "Numbers use a decimal comma (default: only in ';'-separated files)"),
    OptionSpec(
      "replace-changed",
      help: "Store responses whose id comes back with other answers as new versions"),
    OptionSpec(
      "encoding", value: "utf-8|windows-1252|latin-1",
      help: "The files' text encoding (default: UTF-8; Excel's plain 'CSV' is windows-1252)"),
  ]

  static let rejectedStatus: Int32 = 3

  static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
    guard let surveyPath = arguments.value("survey") else {
      throw CommandFailure.usage("missing --survey FILE")
    }
    guard !arguments.positionals.isEmpty else { throw CommandFailure.usage("no CSV file given") }
    var options = ImportOptions(chapter: arguments.value("chapter"), wave: arguments.value("wave"))
    if let name = arguments.value("from") { options.platform = try platform(name) }
    if let zone = arguments.value("timezone") { options.timeZoneOffsetMinutes = try offset(zone) }
    if arguments.has("decimal-comma") { options.decimalComma = true }
    options.replacesChanged = arguments.has("replace-changed")
    options.encoding = try encoding(arguments.value("encoding"))
    let survey = try CommandSupport.compile(surveyPath, context: context)
    let storePath = arguments.value("store") ?? StorePath.defaultPath(forSurvey: surveyPath)
    // An import waits for another import into the same store as long as that one takes.
    let store = try CommandSupport.openStore(
      storePath, context: context, busyTimeout: .seconds(86_400))
    let codebook = Codebook.json(survey).compact
    var status = ExitStatus.success
    for path in arguments.positionals {
      let fileStatus = try importFile(
        path, survey: survey, codebook: codebook, store: store, options: options, context: context)
      status = max(status == ExitStatus.inputErrors ? status : fileStatus, status)
      if fileStatus == ExitStatus.inputErrors { status = ExitStatus.inputErrors }
    }
    return status
  }

  static func platform(_ name: String) throws -> Platform {
    guard let platform = Platform(rawValue: name) else {
      let names = Platform.allCases.map(\.rawValue)
      let hint = Suggestion.closest(to: name, in: names).map { " (did you mean '\($0)'?)" } ?? ""
      throw CommandFailure.usage(
        "unknown platform '\(name)'\(hint); use one of \(names.joined(separator: ", "))")
    }
    return platform
  }

  /// The encoding named with `--encoding`, if any.
  static func encoding(_ name: String?) throws -> TextEncoding? {
    guard let name else { return nil }
    guard let encoding = TextEncoding(name: name) else {
      throw CommandFailure.usage(
        "'--encoding' takes utf-8, windows-1252 or latin-1, not '\(name)'")
    }
    return encoding
  }

  static func offset(_ text: String) throws -> Int {
    let sign = text.hasPrefix("-") ? -1 : 1
    let body = text.drop { $0 == "+" || $0 == "-" }
    let parts = body.split(separator: ":")
    guard text.hasPrefix("+") || text.hasPrefix("-"), let hours = parts.first.flatMap({ Int($0) }),
      hours <= 14,
      parts.count <= 2, let minutes = parts.count == 2 ? Int(parts[1]) : 0, minutes < 60
    else {
      throw CommandFailure.usage(
        "'--timezone' takes an offset such as +02:00 or -05:00, not '\(text)'")
    }
    return sign * (hours * 60 + minutes)
  }
}
