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
    Lists every rejected row that no later import has replaced: its file, line and every reason.
    With --csv, writes the rows exactly as they were, under their file's header rows, so they can
    be corrected in a spreadsheet or text editor and imported again; a corrected row then
    replaces its rejection. When rows come from several imports, each import gets its own file
    (OUT.import3.csv).
    """
  static let options = [
    OptionSpec("store", value: "DB", help: "The store"),
    OptionSpec(
      "survey", short: "s", value: "FILE", help: "Use the store next to this survey (survey.db)"),
    OptionSpec("all", help: "Include rows that a later import has replaced"),
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
      context.console.out.write(
        "\(file) line \(reject.sourceLine)\(reject.isResolved ? " (fixed since)" : ""):\n")
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
    let groups = Dictionary(grouping: rejects, by: \.importID)
    guard !groups.isEmpty else {
      context.console.out.write("No rejected rows to write.\n")
      return ExitStatus.success
    }
    for (importID, rows) in groups.sorted(by: { $0.key < $1.key }) {
      let path = groups.count == 1 ? output : insertSuffix(output, ".import\(importID)")
      let header = imports[importID]?.header ?? []
      var bytes = header
      for row in rows { bytes += masked(row.raw, header: header) + [0x0A] }
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

  /// A rejected row as written, except that a cell a spreadsheet would run as a formula (one
  /// starting with =, +, -, @) gets a leading apostrophe, as in 'survey export data': a
  /// respondent's answer must never run in the organizer's spreadsheet. Other cells keep their
  /// bytes; a row that cannot be parsed on its own is kept as it was.
  static func masked(_ raw: [UInt8], header: [UInt8]) -> [UInt8] {
    let dangerous: Set<UInt8> = [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D]
    guard raw.contains(where: { dangerous.contains($0) }) else { return raw }
    let reader = CSVReader(bytes: header + [0x0A] + raw)
    var last: [[UInt8]]?
    while (try? reader.nextRecord()) == true {
      var fields: [[UInt8]] = []
      reader.record.forEachField { _, field in fields.append(Array(field)) }
      last = fields
    }
    guard let fields = last else { return raw }
    let writer = CSVWriter(
      options: CSVWriterOptions(
        delimiter: reader.dialect.delimiter, lineEnding: .lf, masksFormulas: true))
    for field in fields {
      let text = String(decoding: field, as: UTF8.self)
      // Numbers such as -3 are data, not formulas; the writer masks only what a spreadsheet runs.
      if (try? writer.writeField(text)) == nil { return raw }
    }
    guard (try? writer.endRecord()) != nil else { return raw }
    var bytes = writer.bytes
    if bytes.last == 0x0A { bytes.removeLast() }
    return bytes
  }

  static func insertSuffix(_ path: String, _ suffix: String) -> String {
    let slash = path.lastIndex(of: "/")
    if let dot = path.lastIndex(of: "."), slash.map({ dot > $0 }) ?? true {
      return String(path[..<dot]) + suffix + String(path[dot...])
    }
    return path + suffix
  }
}
