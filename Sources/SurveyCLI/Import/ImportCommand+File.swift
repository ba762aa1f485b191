import Foundation
import SurveyCore
import SurveyEngine
import SurveyIngest
import SurveyStore

extension ImportCommand {
  static func importFile(
    _ path: String, survey: Survey, codebook: String, store: ResponseStore, options: ImportOptions,
    context: CommandContext
  ) throws -> Int32 {
    // The row-at-a-time reading stays as the oracle the column engine's imports are compared
    // with (SURVEY_ENGINE=rows).
    let byRows = context.console.environment["SURVEY_ENGINE"] == "rows"
    let rows: (ResponseReader) -> any ImportRowSource =
      byRows ? { reader in reader } : { reader in BatchRowReader.rows(of: reader) }
    let importer = Importer(store: store, survey: survey, codebook: codebook, rows: rows)
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    var progress = Progress(
      stream: context.console.err, total: size, label: (path as NSString).lastPathComponent)
    let faults = FaultInjection(environment: context.console.environment)
    var shownRows = 0
    var hiddenRows = 0
    var rowCount = 0
    let result: ImportResult
    do {
      try store.waitForWriters {
        context.console.err.write(
          "\(store.path): another import is writing to the store; waiting for it to finish\n")
      }
      result = try importer.importFile(
        path, options: options, importedAt: Int(Date().timeIntervalSince1970),
        onStage: faults.reached
      ) { row, outcome, bytes in
        rowCount += 1
        if outcome != .alreadyPresent, outcome != .rejectedAgain, !row.problems.isEmpty {
          if shownRows < 20 {
            progress.finish()
            context.emit(row.problems.map(\.diagnostic))
            shownRows += 1
          } else {
            hiddenRows += 1
          }
        }
        progress.update(bytes: bytes, rows: rowCount)
        faults.handed(rows: rowCount)
      }
    } catch {
      progress.finish()
      context.console.err.write(
        "Error: \(path): \(error.localizedDescription) (nothing of it was stored)\n")
      return ExitStatus.inputErrors
    }
    progress.finish()
    context.emit(result.fileDiagnostics)
    guard let summary = result.summary else {
      context.console.err.write(
        "\(path): not imported: fix the problems above (nothing was stored)\n")
      return ExitStatus.inputErrors
    }
    if hiddenRows > 0 {
      context.console.err.write(
        "… and \(hiddenRows) more rows with problems (see 'survey rejects')\n")
    }
    report(summary, path: path, platform: result.platform, store: store.path, context: context)
    return summary.rejected > 0 ? rejectedStatus : ExitStatus.success
  }

  static func report(
    _ summary: ImportSummary, path: String, platform: Platform, store: String,
    context: CommandContext
  ) {
    var line =
      "\(path) (\(platform.displayName), \(summary.rows) rows): \(summary.accepted) accepted, "
      + "\(summary.alreadyPresent) already present, \(summary.rejected) rejected"
    if summary.rejectedAgain > 0 { line += " (\(summary.rejectedAgain) rejected before)" }
    if summary.replaced > 0 {
      line += ", \(summary.replaced) stored as new versions of changed responses"
    }
    if summary.warnings > 0 { line += ", \(summary.warnings) warnings" }
    if summary.emptyRows > 0 {
      line += "; \(summary.emptyRows) empty row\(summary.emptyRows == 1 ? "" : "s") skipped"
    }
    context.console.out.write(line + "\n")
    for (reason, count) in summary.reasons.sorted(by: {
      $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key)
    }) {
      context.console.out.write("  \(count) × \(reason)\n")
    }
    if summary.changed > 0 {
      context.console.out.write(
        "  \(summary.changed) response\(summary.changed == 1 ? "" : "s") came back with other "
          + "answers than stored: to keep the new answers, import again with --replace-changed\n")
    }
    if summary.rejected > 0 {
      context.console.out.write("  list them with: survey rejects --store \(store)\n")
    }
  }
}
