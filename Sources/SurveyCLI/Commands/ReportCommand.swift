import Foundation
import SurveyCore
import SurveyIngest
import SurveyReporting
import SurveyStatistics

/// `survey report`: chapter reports and the organization overview, from the store or from CSV.
enum ReportCommand: Command {
  static let name = "report"
  static let summary = "Write chapter reports and the organization overview (text, HTML or JSON)"
  static let usage = """
    survey report --survey FILE [--store DB | CSV...] [--chapter C | --all-chapters | --overview]
                  [--wave W] [--format text|html|json] [-o PATH] [--language L] [--ascii]
           survey report --survey FILE --counts A.counts B.counts … [--overview | --organization NAME | --all -o DIR]
    """
  static let discussion = """
    Reads the stored responses (or, for a quick look, CSV exports directly: rows are validated as
    'survey import' does, and rejected rows are counted and left out). Every number goes through
    disclosure control first: no figure for fewer than --min-group people (default 10), small
    counts shown only as bounds, no 0 % or 100 % in small groups, complementary suppression, sizes
    in bands. A chapter report compares the chapter with the rest of the organization and with the
    previous wave; the overview shows every chapter side by side. The report ends with its methods
    and a privacy audit. With --all-chapters, -o names a folder that receives one file per chapter
    and the overview. Nothing in a report depends on the clock.
    A report from the store saves its counts in the store (table 'aggregates'); the next report
    of the same survey reads them and adds only the responses imported since, so a report of a
    large store takes a second instead of reading every response again. Counts saved for another
    version of the survey file or of the toolkit are not used; --recount ignores them.
    A coalition report (--counts) pools the counts that organizations exported with 'survey
    export counts', never their members' answers: each organization takes the place of a chapter
    (--organization NAME reports on one against the rest of the coalition, --all writes every
    organization's report and the coalition overview to -o DIR). Counts of another survey, or a
    damaged or edited file, are refused; counts made with another version of the survey are
    pooled over the questions whose answers are comparable, and the report says what was left
    out. The order of the files changes nothing. A coalition report speaks of organizations and
    the coalition; --coalition gives a report of a store (or exports) whose chapters are
    organizations the same words.
    The reports' own words come in English, Spanish and drafts in French, German and Portuguese;
    'survey export translation --report' writes a file to translate them, which
    --report-translation reads (or report.L.survey next to the survey file, for --language L).
    """
  static let options = [
    OptionSpec("survey", short: "s", value: "FILE", help: "The survey"),
    OptionSpec("store", value: "DB", help: "The store (default: survey.db next to the survey)"),
    OptionSpec("chapter", value: "C", help: "Report on one chapter"),
    OptionSpec("all-chapters", help: "Report on every chapter and the organization (-o DIR)"),
    OptionSpec(
      "overview", help: "Report on the organization, every chapter side by side (default)"),
    OptionSpec("wave", value: "W", help: "The wave (default: the latest)"),
    OptionSpec("format", value: "text|html|json", help: "Output format (default: text)"),
    OptionSpec(
      "output", short: "o", value: "PATH", help: "Write to a file (a folder with --all-chapters)"),
    OptionSpec(
      "language", value: "L", help: "Labels in this language (default: the survey's first)"),
    OptionSpec("ascii", help: "Plain ASCII text (no block characters or accents)"),
    OptionSpec("width", value: "N", help: "Text width in columns (default: 80)"),
    OptionSpec(
      "min-group", value: "N",
      help: "Smallest group any figure may describe (default 10, at least 5)"),
    OptionSpec(
      "intervals", value: "wilson|clopper-pearson", help: "Interval for shares (default: wilson)"),
    OptionSpec(
      "from", value: "PLATFORM", help: "CSV input: the platform, when it should not be detected"),
    OptionSpec("set-chapter", value: "C", help: "CSV input: the chapter of every row"),
    OptionSpec("set-wave", value: "W", help: "CSV input: the wave of every row"),
    OptionSpec(
      "encoding", value: "utf-8|windows-1252|latin-1",
      help: "CSV input: the files' text encoding (default: UTF-8)"),
    OptionSpec("threads", value: "N", help: "Parts read at once (default: all cores; 1 = serial)"),
    OptionSpec("recount", help: "Count every stored response again, ignoring saved counts"),
    OptionSpec(
      "counts",
      help: "A coalition report: the files given are organizations' counts (survey export counts)"),
    OptionSpec("organization", value: "NAME", help: "Coalition: report on one organization"),
    OptionSpec("all", help: "Coalition: report on every organization and the coalition (-o DIR)"),
    OptionSpec(
      "coalition",
      help: "A coalition's words for a store or exports whose chapters are organizations"),
    OptionSpec(
      "report-translation", value: "FILE",
      help: "The reports' own words from this translation file (survey export translation --report)"
    ),
  ]

  static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
    guard let surveyPath = arguments.value("survey") else {
      throw CommandFailure.usage("missing --survey FILE")
    }
    let format = try ReportFormat(rawValue: arguments.value("format") ?? "text")
      .orThrow(CommandFailure.usage("'--format' takes text, html or json"))
    var arguments = arguments
    if arguments.has("counts") {
      // In a coalition report, each organization takes the place of a chapter.
      if let organization = arguments.value("organization") {
        arguments.values["chapter", default: []].append(organization)
      }
      if arguments.has("all") { arguments.flags.insert("all-chapters") }
      if arguments.value("store") != nil {
        throw CommandFailure.usage("give either --store or --counts files, not both")
      }
    } else if arguments.value("organization") != nil || arguments.has("all") {
      throw CommandFailure.usage(
        "--organization and --all are for coalition reports (--counts); use --chapter or --all-chapters"
      )
    }
    let scopes = [
      arguments.value("chapter") != nil, arguments.has("all-chapters"), arguments.has("overview"),
    ]
    guard scopes.filter({ $0 }).count <= 1 else {
      throw CommandFailure.usage("choose one of --chapter, --all-chapters and --overview")
    }
    if arguments.value("store") != nil && !arguments.positionals.isEmpty {
      throw CommandFailure.usage("give either --store or CSV files, not both")
    }
    let survey = try CommandSupport.compile(surveyPath, context: context)
    let settings = try Settings(arguments, survey: survey, context: context)
    let aggregation: SurveyAggregation
    var incomparable: [String: [String: String]] = [:]
    var leftOut: [String] = []
    if arguments.has("counts") {
      (aggregation, leftOut) = try Coalition.pool(arguments.positionals, survey: survey)
    } else {
      aggregation = try aggregate(
        surveyPath: surveyPath, survey: survey, arguments: arguments, context: context)
      incomparable = try changedQuestions(
        surveyPath: surveyPath, survey: survey, arguments: arguments, context: context)
    }
    guard let latest = aggregation.waves.last else {
      throw CommandFailure.input(
        "there are no responses to report on; import some with 'survey import'")
    }
    let wave = arguments.value("wave") ?? latest
    guard aggregation.waves.contains(wave) else {
      throw CommandFailure.input(
        "there is no wave '\(wave)'; the waves are \(aggregation.waves.joined(separator: ", "))")
    }
    let maker = ReportMaker(
      survey: survey, aggregation: aggregation, policy: settings.policy, options: settings.options,
      language: arguments.value("language"), ascii: arguments.has("ascii"),
      columns: settings.columns, incomparable: incomparable, translation: settings.translation,
      leftOut: leftOut, coalition: arguments.has("counts") || arguments.has("coalition"))
    if arguments.has("all-chapters") {
      guard let folder = arguments.value("output") else {
        throw CommandFailure.usage("--all-chapters writes several files: give a folder with -o DIR")
      }
      let written = try writeAll(
        maker, wave: wave, formats: [format], folder: folder,
        prefix: arguments.has("counts") || arguments.has("coalition") ? "organization" : "chapter")
      context.console.out.write(written.map { "wrote \($0)\n" }.joined())
      return ExitStatus.success
    }
    let scope: ReportScope
    if let asked = arguments.value("chapter") {
      // The stored name ("old_town") or the name people know ("Old Town"), in any case.
      let known = aggregation.chapters()
      let label = { (name: String) in maker.reports.chapterLabel(name) }
      guard
        let chapter = known.first(where: { $0 == asked })
          ?? known.first(where: {
            $0.lowercased() == asked.lowercased() || label($0).lowercased() == asked.lowercased()
          })
      else {
        let hint =
          Suggestion.closest(to: asked, in: known.map(label)).map { " Did you mean '\($0)'?" } ?? ""
        throw CommandFailure.input(
          "there is no chapter '\(asked)' in the responses.\(hint) Chapters: \(known.map(label).joined(separator: ", "))"
        )
      }
      scope = .chapter(chapter)
    } else {
      scope = .organization
    }
    let text = maker.render(maker.report(scope, wave: wave), format)
    if let output = arguments.value("output") {
      try ReportMaker.write(text, to: output)
      context.console.out.write("wrote \(output)\n")
    } else {
      context.console.out.writeDocument(text)
    }
    return ExitStatus.success
  }

  /// Writes every chapter's report and the overview to a folder.
  ///
  /// - Returns: The paths written, in order.
  /// - Parameter prefix: What each chapter's file name starts with (`organization` in a
  ///   coalition, where organizations take the place of chapters).
  static func writeAll(
    _ maker: ReportMaker, wave: String, formats: [ReportFormat], folder: String,
    prefix: String = "chapter"
  ) throws -> [String] {
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw CommandFailure.io("cannot create the folder '\(folder)': \(error.localizedDescription)")
    }
    var written: [String] = []
    var used: Set<String> = ["overview"]
    var scopes: [(ReportScope, String)] = [(.organization, "overview")]
    for chapter in maker.aggregation.chapters(in: wave) {
      var name = prefix + "-" + ReportMaker.slug(chapter)
      var suffix = 2
      while used.contains(name) {
        name = prefix + "-" + ReportMaker.slug(chapter) + "-\(suffix)"
        suffix += 1
      }
      used.insert(name)
      scopes.append((.chapter(chapter), name))
    }
    for (scope, name) in scopes {
      let report = maker.report(scope, wave: wave)
      for format in formats {
        let path = (folder as NSString).appendingPathComponent(name + "." + format.fileExtension)
        try ReportMaker.write(maker.render(report, format), to: path)
        written.append(path)
      }
    }
    return written
  }

  /// The answers counted for a report. A survey raked to a population is counted twice: once
  /// for its raking cells, whose weights are then raked to the roll, and again with them.
  static func aggregate(
    surveyPath: String, survey: Survey, arguments: ParsedArguments, context: CommandContext
  ) throws -> SurveyAggregation {
    try ReportSource.counted(survey) { survey, quiet in
      var context = context
      if quiet { context.console.err = CapturedStream() }
      return try aggregateOnce(
        surveyPath: surveyPath, survey: survey, arguments: arguments, context: context)
    }
  }

  private static func aggregateOnce(
    surveyPath: String, survey: Survey, arguments: ParsedArguments, context: CommandContext
  ) throws -> SurveyAggregation {
    var threads = ProcessInfo.processInfo.activeProcessorCount
    if let text = arguments.value("threads") {
      guard let number = Int(text), number >= 1 else {
        throw CommandFailure.usage("'--threads' takes a whole number of at least 1 (got '\(text)')")
      }
      threads = number
    }
    // The row-at-a-time path stays, as the oracle of the column engine's reports, until the
    // engine has been compared with it everywhere.
    let byRows = context.console.environment["SURVEY_ENGINE"] == "rows"
    guard !arguments.positionals.isEmpty else {
      let store = try CommandSupport.openStore(
        arguments.value("store") ?? StorePath.defaultPath(forSurvey: surveyPath), context: context,
        readOnly: true)
      return try ReportSource.aggregate(
        survey: survey, store: store, threads: threads, recount: arguments.has("recount"),
        byRows: byRows)
    }
    var options = ImportOptions(
      chapter: arguments.value("set-chapter"), wave: arguments.value("set-wave"))
    if let name = arguments.value("from") { options.platform = try ImportCommand.platform(name) }
    options.encoding = try ImportCommand.encoding(arguments.value("encoding"))
    let (aggregation, rejected) = try
      (byRows ? ReportSource.aggregateByRows : ReportSource.aggregate)(
        survey, arguments.positionals, options, threads, context, 4 << 20, 1 << 20)
    if rejected > 0 {
      context.console.err.write(
        "\(rejected) rows were rejected and are not in the report; 'survey import' keeps them with their reasons\n"
      )
    }
    return aggregation
  }

  /// Per wave, the questions whose stored answers were given to an earlier version of the survey
  /// that differs from this file in a breaking way (see `survey diff`), with why.
  static func changedQuestions(
    surveyPath: String, survey: Survey, arguments: ParsedArguments, context: CommandContext
  ) throws -> [String: [String: String]] {
    guard arguments.positionals.isEmpty else { return [:] }
    let store = try CommandSupport.openStore(
      arguments.value("store") ?? StorePath.defaultPath(forSurvey: surveyPath), context: context,
      readOnly: true)
    let current = Codebook.json(survey).compact
    guard let now = try? JSONSerialization.jsonObject(with: Data(current.utf8)) as? [String: Any],
      let stored = try? store.waveCodebooks(of: survey)
    else { return [:] }
    var result: [String: [String: String]] = [:]
    for (wave, codebooks) in stored {
      for codebook in codebooks where codebook != current {
        guard
          let old = try? JSONSerialization.jsonObject(with: Data(codebook.utf8)) as? [String: Any]
        else { continue }
        for (question, reason) in SurveyDiff(old: old, new: now).breakingQuestions {
          result[wave, default: [:]][question] = result[wave]?[question] ?? reason
        }
      }
    }
    return result
  }

  /// The statistical and privacy settings from the options.
  struct Settings {
    var policy: DisclosurePolicy
    var options: EstimateOptions
    var columns: Int
    /// The reports' own words from a translation file, when one is given or found.
    var translation: ReportTranslation?

    init(_ arguments: ParsedArguments, survey: Survey, context: CommandContext) throws {
      policy = .standard
      if let text = arguments.value("min-group") {
        guard let size = Int(text), let chosen = DisclosurePolicy(minimumGroupSize: size) else {
          throw CommandFailure.usage(
            "'--min-group' takes a whole number of at least \(DisclosurePolicy.floor) (got '\(text)')"
          )
        }
        policy = chosen
      }
      options = EstimateOptions(weighted: survey.isWeighted)
      switch arguments.value("intervals") {
      case nil, "wilson": options.shareMethod = .wilson
      case "clopper-pearson": options.shareMethod = .clopperPearson
      case let other?:
        throw CommandFailure.usage("'--intervals' takes wilson or clopper-pearson (got '\(other)')")
      }
      columns = 80
      if let text = arguments.value("width") {
        guard let width = Int(text), (40...400).contains(width) else {
          throw CommandFailure.usage("'--width' takes a number from 40 to 400 (got '\(text)')")
        }
        columns = width
      }
      if let language = arguments.value("language"),
        !survey.languages.contains(where: { $0.code == language })
      {
        let codes = survey.languages.map(\.code).joined(separator: ", ")
        throw CommandFailure.usage("the survey has no language '\(language)'; it has \(codes)")
      }
      guard ReportStrings.builtIn.translations["en"] != nil else {
        throw CommandFailure.io(ReportMaker.missingStrings)
      }
      translation = try Self.translation(arguments, survey: survey, context: context)
    }

    /// The reports' words from `--report-translation FILE`, or from `report.L.survey` next to
    /// the survey file for `--language L`.
    static func translation(
      _ arguments: ParsedArguments, survey: Survey, context: CommandContext
    ) throws -> ReportTranslation? {
      var path = arguments.value("report-translation")
      if path == nil, let language = arguments.value("language"),
        let surveyPath = arguments.value("survey")
      {
        let beside = ((surveyPath as NSString).deletingLastPathComponent as NSString)
          .appendingPathComponent("report.\(language).survey")
        if FileManager.default.fileExists(atPath: beside) { path = beside }
      }
      guard let path else { return nil }
      let data: Data
      do {
        data = try SmallFile.read(path, limit: 16 << 20)
      } catch {
        throw CommandFailure.input(
          "cannot read the report translation '\(path)': it \(error.phrase)")
      }
      let (translation, problems) = ReportTranslation.parse(
        path: path, text: String(decoding: data, as: UTF8.self))
      context.emit(problems)
      guard let translation, !problems.hasErrors else {
        throw CommandFailure.input("'\(path)' cannot be read as a report translation (see above)")
      }
      return translation
    }
  }
}

extension Optional {
  /// The value, or the error.
  func orThrow(_ error: @autoclosure () -> any Error) throws -> Wrapped {
    guard let self else { throw error() }
    return self
  }
}
