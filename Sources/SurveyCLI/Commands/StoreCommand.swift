import Foundation
import SurveyCore
import SurveyStore

/// `survey store`: what the store holds.
enum StoreCommand: Command {
  static let name = "store"
  static let summary = "List the imports in the store and the responses per chapter and wave"
  static let usage = "survey store [--store DB | --survey FILE]"
  static let discussion = """
    Shows every import (file, platform, time, counts), the number of stored responses for each
    chapter and wave, and how many rejected rows are waiting to be fixed. These are exact counts
    for whoever holds the store; reports never show them.
    """
  static let options = [
    OptionSpec("store", value: "DB", help: "The store"),
    OptionSpec(
      "survey", short: "s", value: "FILE", help: "Use the store next to this survey (survey.db)"),
  ]

  static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
    let store = try CommandSupport.openStore(
      try storePath(arguments), context: context, readOnly: true)
    let out = context.console.out
    out.write("Store: \(store.path)\n\nImports:\n")
    let imports = try store.imports()
    if imports.isEmpty { out.write("  (none yet)\n") }
    for record in imports {
      let assigned = [record.chapter.map { "chapter \($0)" }, record.wave.map { "wave \($0)" }]
        .compactMap { $0 }
      out.write(
        "  #\(record.id) \(record.importedAt) \(record.fileName) (\(record.platform)\(assigned.isEmpty ? "" : ", " + assigned.joined(separator: ", "))): "
          + "\(record.rows) rows, \(record.accepted) accepted, \(record.alreadyPresent) already present, "
          + "\(record.rejected) rejected, \(record.warnings) warnings"
          + (record.replaced > 0 ? ", \(record.replaced) new versions of changed responses" : "")
          + (record.emptyRows > 0 ? ", \(record.emptyRows) empty rows skipped" : "") + "\n")
    }
    let counts = try store.groupCounts()
    for surveyID in Array(Set(counts.map(\.surveyID))).sorted() {
      let rows = counts.filter { $0.surveyID == surveyID }
      let waves = Array(Set(rows.map(\.wave))).sorted()
      let order = chapterOrder(codebook: try? store.latestCodebook(surveyID: surveyID))
      let chapters = order.sorted(Set(rows.map { $0.chapter ?? "(no chapter)" }))
      let width = max(12, (chapters.map(\.count).max() ?? 0) + 2)
      out.write("\nResponses to '\(surveyID)' by chapter and wave:\n")
      out.write(
        "  " + "chapter".padding(width) + waves.map { "wave \($0)".padding(10) }.joined() + "\n")
      for chapter in chapters {
        let cells = waves.map { wave in
          String(
            rows.first { ($0.chapter ?? "(no chapter)") == chapter && $0.wave == wave }?.count ?? 0
          ).padding(10)
        }
        out.write("  " + chapter.padding(width) + cells.joined() + "\n")
      }
    }
    let unresolved = try store.rejects().count
    out.write(
      "\nRejected rows waiting to be fixed: \(unresolved)\(unresolved > 0 ? " (survey rejects)" : "")\n"
    )
    return ExitStatus.success
  }

  /// The order of a survey's chapters, from the chapter question of its stored codebook.
  static func chapterOrder(codebook: String??) -> ChapterOrder {
    guard let text = codebook ?? nil,
      let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
      let chapter = (object["roles"] as? [String: Any])?["chapter"] as? String,
      let question = (object["questions"] as? [[String: Any]])?.first(where: {
        $0["id"] as? String == chapter
      }),
      let setID = question["choiceSet"] as? String,
      let set = (object["choiceSets"] as? [[String: Any]])?.first(where: {
        $0["id"] as? String == setID
      }),
      let choices = set["choices"] as? [[String: Any]]
    else { return ChapterOrder(choices: []) }
    return ChapterOrder(
      choices: choices.compactMap { choice in
        guard let code = choice["code"] as? Int else { return nil }
        let labels = (choice["label"] as? [String: String]) ?? [:]
        return ChapterOrder.Entry(
          code: code, name: choice["name"] as? String,
          labels: labels.keys.sorted().compactMap { labels[$0] })
      })
  }

  static func storePath(_ arguments: ParsedArguments) throws -> String {
    if let path = arguments.value("store") { return path }
    if let survey = arguments.value("survey") { return StorePath.defaultPath(forSurvey: survey) }
    throw CommandFailure.usage("give --store DB or --survey FILE")
  }
}

extension String {
  /// The string padded with spaces to a width.
  func padding(_ width: Int) -> String {
    count >= width ? self + " " : self + String(repeating: " ", count: width - count)
  }
}
