import Foundation
import SurveyCore
import SurveyDSL
import SurveyIngest
import SurveyStore
import Testing

enum Fixtures {
  static let platforms = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .appendingPathComponent("SurveyIngestTests/Fixtures/platforms")

  static func club() throws -> Survey {
    try #require(
      try SurveyCompiler.compile(path: platforms.appendingPathComponent("club.survey").path).survey)
  }

  static func compile(_ text: String) throws -> Survey {
    let compiled = SurveyCompiler.compile(text: text)
    return try #require(compiled.survey, "\(DiagnosticRenderer().render(compiled.diagnostics))")
  }
}

/// A store in a temporary directory, removed afterwards.
final class ScratchStore {
  let directory: TemporaryDirectory
  let store: ResponseStore

  init() throws {
    directory = try TemporaryDirectory()
    store = try ResponseStore(path: directory.url.appendingPathComponent("test.db").path)
  }

  var path: String { store.path }

  func importFile(
    _ path: String, survey: Survey, options: ImportOptions = ImportOptions()
  ) throws -> (ImportResult, [ImportedRow]) {
    var rows: [ImportedRow] = []
    let result = try Importer(store: store, survey: survey, codebook: "{}").importFile(
      path, options: options, importedAt: 1_800_000_000,
      onRow: { row, _, _ in rows.append(row) })
    return (result, rows)
  }

  func responses(_ survey: Survey) throws -> [StoredResponse] {
    var all: [StoredResponse] = []
    try store.forEachResponse(of: survey) { all.append($0) }
    return all
  }

  func write(_ name: String, _ text: String) throws -> String {
    let path = directory.url.appendingPathComponent(name).path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }
}
