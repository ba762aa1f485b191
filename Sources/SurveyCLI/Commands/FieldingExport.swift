import Foundation
import SurveyCore
import SurveyDSL
import SurveyFielding
import SurveyIngest
import SurveyReporting

/// `survey export xlsform | questionnaire | template | translation SURVEY`: the survey in the shapes a chapter
/// fields it with.
enum FieldingExport {
  static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
    let kind = arguments.positionals.first ?? ""
    if kind == "translation", arguments.has("report") {
      try writeReportTranslation(arguments, context: context)
      return ExitStatus.success
    }
    guard let path = arguments.positionals.dropFirst().first ?? arguments.value("survey") else {
      throw CommandFailure.usage("give the survey file: survey export \(kind) SURVEY")
    }
    let survey = try CommandSupport.compile(path, context: context)
    switch kind {
    case "xlsform":
      guard let output = arguments.value("output") else {
        throw CommandFailure.usage("missing -o FORM.csv")
      }
      let form = XLSForm(survey: survey)
      try writeCSV(form.csvRows, to: output)
      for note in form.notes { context.console.err.write("note: \(note)\n") }
      context.console.out.write(
        "wrote the XLSForm to \(output) (convert it with: xls2xform \(output) form.xml)\n")
    case "questionnaire":
      if let language = arguments.value("language"),
        !survey.languages.contains(where: { $0.code == language })
      {
        let codes = survey.languages.map(\.code).joined(separator: ", ")
        throw CommandFailure.usage("the survey has no language '\(language)'; it has \(codes)")
      }
      let questionnaire = Questionnaire(survey: survey, language: arguments.value("language"))
      let format = arguments.value("format") ?? "html"
      guard ["html", "text"].contains(format) else {
        throw CommandFailure.usage("a questionnaire is written as html or text")
      }
      let text = format == "html" ? questionnaire.html : questionnaire.plainText
      if let output = arguments.value("output") {
        try ReportMaker.write(text, to: output)
        context.console.out.write("wrote the questionnaire to \(output)\n")
      } else {
        context.console.out.writeDocument(text)
      }
    case "translation":
      try writeTranslation(path: path, survey: survey, arguments, context: context)
    default:
      guard let output = arguments.value("output") else {
        throw CommandFailure.usage("missing -o TEMPLATE.csv")
      }
      let layout = ExportLayout(survey: survey, platform: .generic)
      try writeCSV(layout.headerRows, to: output)
      let codebook = RejectsCommand.insertSuffix(output, ".codebook")
      try writeCSV(
        TemplateCodebook.rows(survey, columns: layout.headerRows.first ?? []), to: codebook)
      context.console.out.write("wrote the template to \(output) and its codebook to \(codebook)\n")
    }
    return ExitStatus.success
  }

  /// `survey export translation SURVEY --language L [-o FILE]`.
  private static func writeTranslation(
    path: String, survey: Survey, _ arguments: ParsedArguments, context: CommandContext
  ) throws {
    let others = survey.languages.dropFirst().map(\.code)
    guard let language = arguments.value("language"), others.contains(language) else {
      let list =
        others.isEmpty ? "none: add one to its 'languages' line" : others.joined(separator: ", ")
      throw CommandFailure.usage(
        "give the language to translate into with --language; the survey's other languages: \(list)"
      )
    }
    guard let skeleton = try TranslationSkeleton.make(path: path, language: language).skeleton
    else {
      throw CommandFailure.usage("the survey has errors: run survey check \(path)")
    }
    guard let output = arguments.value("output") else {
      context.console.out.writeDocument(skeleton.text)
      return
    }
    try ReportMaker.write(skeleton.text, to: output)
    context.console.out.write(
      "wrote \(skeleton.translated + skeleton.missing) texts to \(output): \(skeleton.translated) translated, \(skeleton.missing) to translate (\(skeleton.inline) more are translated in the survey files)\n"
    )
  }

  /// `survey export translation --report --language L [-o FILE]`: the report's own words,
  /// every English text under a comment, translated where the language's file (the one at `-o`
  /// when it exists, else the built-in one) already has it.
  private static func writeReportTranslation(
    _ arguments: ParsedArguments, context: CommandContext
  ) throws {
    guard let language = arguments.value("language"), !language.isEmpty else {
      throw CommandFailure.usage(
        "give the language to translate the reports' words into with --language (such as fr)")
    }
    guard language.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "-") }) else {
      throw CommandFailure.usage("'\(language)' is not a language code such as fr or pt-BR")
    }
    let builtIn = ReportStrings.builtIn
    guard let english = builtIn.translations["en"] else {
      throw CommandFailure.io(ReportMaker.missingStrings)
    }
    var existing = builtIn.translations[language]
    let output = arguments.value("output")
    if let output, FileManager.default.fileExists(atPath: output) {
      let data: Data
      do {
        data = try SmallFile.read(output, limit: 16 << 20)
      } catch {
        throw CommandFailure.input("cannot read '\(output)': it \(error.phrase)")
      }
      let (own, problems) = ReportTranslation.parse(
        path: output, text: String(decoding: data, as: UTF8.self))
      context.emit(problems)
      guard let own, !problems.hasErrors else {
        throw CommandFailure.input("'\(output)' cannot be read as a report translation (see above)")
      }
      existing = own
    }
    let text = ReportTranslation.skeleton(
      language: language, name: existing?.name ?? language, english: english, existing: existing)
    guard let output else {
      context.console.out.writeDocument(text)
      return
    }
    try ReportMaker.write(text, to: output)
    let translated = english.keys.filter { existing?.texts[$0] != nil }.count
    context.console.out.write(
      "wrote \(english.keys.count) texts of the reports to \(output): \(translated) translated, \(english.keys.count - translated) to translate\n"
    )
  }

  static func writeCSV(_ rows: [[String]], to path: String) throws {
    do {
      let writer = try CSVWriter(
        path: path, options: CSVWriterOptions(lineEnding: .lf, masksFormulas: false))
      for row in rows {
        for cell in row { try writer.writeField(cell) }
        try writer.endRecord()
      }
      try writer.close()
    } catch {
      throw CommandFailure.io("cannot write '\(path)': \(error.localizedDescription)")
    }
  }
}

/// What may be typed in each column of a data-entry template.
enum TemplateCodebook {
  static func rows(_ survey: Survey, columns: [String]) -> [[String]] {
    var rows = [["column", "question", "what to type", "required", "only when"]]
    let language = survey.defaultLanguage
    for column in columns {
      if let question = survey.question(column) {
        rows.append([
          column, question.text.text(in: language), allowed(question, survey),
          question.isRequired ? "yes" : "",
          question.relevance.map { survey.text(of: $0) } ?? "",
        ])
      } else if let owner = survey.questions.first(where: { $0.otherID == column }) {
        rows.append([column, "\"Other\" text for \(owner.id)", "text", "", ""])
      } else {
        let meaning: String =
          switch column {
          case "respondent_id": "an identifier you choose for the paper form (e.g. P-001)"
          case "submitted_at": "the date the form was filled in: YYYY-MM-DD"
          default: "metadata"
          }
        rows.append([column, meaning, "", "", ""])
      }
    }
    return rows
  }

  static func allowed(_ question: Question, _ survey: Survey) -> String {
    let language = survey.defaultLanguage
    switch question.type {
    case .single, .multiple:
      let choices = (survey.choiceSet(of: question)?.choices ?? []).map {
        String($0.code) + " = " + $0.label.text(in: language)
          + ($0.missing != nil ? " (missing)" : "")
      }
      let join: String =
        if case .multiple = question.type { " (several codes separated by ;)" } else { "" }
      return choices.joined(separator: "; ") + join
    case .number(let kind, let low, let high):
      let range = [
        low.map { "at least \(XPathNumber.text($0))" },
        high.map { "at most \(XPathNumber.text($0))" },
      ]
      .compactMap { $0 }.joined(separator: ", ")
      return (kind == .integer ? "a whole number" : "a number")
        + (range.isEmpty ? "" : ", " + range)
    case .text: return "text"
    case .date(let low, let high):
      return "a date YYYY-MM-DD" + (low.map { ", from " + CivilDate.iso($0) } ?? "")
        + (high.map { " to " + CivilDate.iso($0) } ?? "")
    }
  }
}

/// Numbers without a needless ".0".
enum XPathNumber {
  static func text(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
  }
}
