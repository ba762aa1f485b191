import Foundation
import SurveyCore
import SurveyIngest
import SurveyStore

/// `survey rejects`: lists rejected rows and writes them out for fixing.
enum RejectsCommand: Command {
  static let name = "rejects"
  static let summary =
    "List rejected rows with their reasons, or write them out to fix and re-import"
  static let usage = "survey rejects [--store DB | --survey FILE] [--all] [--csv OUT]"
  static let discussion = """
    Lists every rejected row waiting to be fixed: its file, line and every reason. With --csv,
    writes the rows as they were (private and unread cells blanked), under their file's header
    rows, with one more column, survey_reject, naming the rejection each row corrects: fix them
    in a spreadsheet or text editor and import the file again; a corrected row that is stored
    resolves its rejection, and one that is rejected again takes its place in this list. When
    rows come from several imports, each import gets its own file (OUT.import3.csv). A record
    too large to read kept nothing of its text: fix it in the original file at the line given.
    """
  static let options = [
    OptionSpec("store", value: "DB", help: "The store"),
    OptionSpec(
      "survey", short: "s", value: "FILE", help: "Use the store next to this survey (survey.db)"),
    OptionSpec("all", help: "Include rows that were fixed since"),
    OptionSpec("csv", value: "OUT", help: "Write the rows, with their header, to a CSV file"),
  ]

  static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
    let store = try CommandSupport.openStore(
      try StoreCommand.storePath(arguments), context: context, readOnly: true)
    let rejects = try store.rejects(includeResolved: arguments.has("all"))
    let imports = Dictionary(
      try store.imports().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    if let output = arguments.value("csv") {
      return try write(rejects, imports: imports, to: output, context: context)
    }
    if rejects.isEmpty {
      context.console.out.write(
        "No rejected rows\(arguments.has("all") ? "" : " waiting to be fixed").\n")
      return ExitStatus.success
    }
    for reject in rejects {
      let file = imports[reject.importID]?.fileName ?? "import \(reject.importID)"
      let state =
        reject.isResolved
        ? " (fixed since)" : reject.isSuperseded ? " (a corrected copy was rejected again)" : ""
      context.console.out.write("\(file) line \(reject.sourceLine)\(state):\n")
      for reason in reasons(reject.reasons) { context.console.out.write("  \(reason)\n") }
    }
    context.console.out.write("\(rejects.count) rejected row\(rejects.count == 1 ? "" : "s")\n")
    return ExitStatus.success
  }

  /// The reasons of a reject, one line each: `line 12, column 8: message [id]`.
  static func reasons(_ json: String) -> [String] {
    guard let array = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]]
    else { return [json] }
    return array.map { reason in
      let line = reason["line"] as? Int
      let column = reason["column"] as? Int
      let place = [line.map { "line \($0)" }, column.map { "column \($0)" }].compactMap { $0 }
        .joined(separator: ", ")
      return place + ": " + (reason["message"] as? String ?? "") + " ["
        + (reason["id"] as? String ?? "") + "]"
    }
  }

  private static func write(
    _ rejects: [RejectRecord], imports: [Int64: ImportRecord], to output: String,
    context: CommandContext
  ) throws -> Int32 {
    for reject in rejects where reject.isTooLarge {
      let file = imports[reject.importID]?.fileName ?? "import \(reject.importID)"
      context.console.out.write(
        "\(file) line \(reject.sourceLine): too large to read, so nothing of it was kept; "
          + "fix it in the original file\n")
    }
    let groups = Dictionary(grouping: rejects.filter { !$0.isTooLarge }, by: \.importID)
    guard !groups.isEmpty else {
      context.console.out.write("No rejected rows to write.\n")
      return ExitStatus.success
    }
    for (importID, rows) in groups.sorted(by: { $0.key < $1.key }) {
      let path = groups.count == 1 ? output : insertSuffix(output, ".import\(importID)")
      let record = imports[importID]
      let delimiter = record?.delimiter.utf8.first.flatMap { CSVDelimiter(byte: $0) } ?? .comma
      let bytes = RejectsFile(header: record?.header ?? [], delimiter: delimiter).bytes(of: rows)
      do {
        try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
      } catch {
        throw CommandFailure.io("cannot write '\(path)': \(error.localizedDescription)")
      }
      context.console.out.write(
        "wrote \(rows.count) rejected row\(rows.count == 1 ? "" : "s") to \(path)\n")
    }
    return ExitStatus.success
  }

  static func insertSuffix(_ path: String, _ suffix: String) -> String {
    let slash = path.lastIndex(of: "/")
    if let dot = path.lastIndex(of: "."), slash.map({ dot > $0 }) ?? true {
      return String(path[..<dot]) + suffix + String(path[dot...])
    }
    return path + suffix
  }
}
