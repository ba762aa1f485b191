import Foundation
import SurveyStore
import Testing

/// Commands that read a store: the files they write and what they say when the store is bad.
@Suite struct StoreAccessTests {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let fixtures = root.appendingPathComponent("Tests/SurveyIngestTests/Fixtures/platforms")
  static let survey = fixtures.appendingPathComponent("club.survey").path

  /// A store holding the generic fixture's two responses.
  static func store(in directory: TemporaryDirectory) -> String {
    let store = directory.path + "/club.db"
    let run = Run([
      "import", "--survey", survey, "--store", store,
      fixtures.appendingPathComponent("generic.csv").path,
    ])
    #expect(run.status == 0, "\(run.err)")
    return store
  }

  @Test func theCodebookIsNamedAsTheHelpSays() throws {
    let help = Run(["help", "export"]).out.split(whereSeparator: \.isWhitespace)
    #expect(
      help.joined(separator: " ").contains("-o data.csv writes the codebook to data.codebook.json"))
    let directory = try TemporaryDirectory()
    let store = Self.store(in: directory)
    for (output, codebook) in [
      ("data.csv", "data.codebook.json"), ("data.json", "data.codebook.json"),
      ("plain", "plain.codebook.json"), ("v1.2/answers", "v1.2/answers.codebook.json"),
    ] {
      try FileManager.default.createDirectory(
        atPath: directory.path + "/v1.2", withIntermediateDirectories: true)
      let format = output.hasSuffix(".json") ? ["--format", "json"] : []
      let run = Run(
        ["export", "data", "--survey", Self.survey, "--store", store, "-o"]
          + [directory.path + "/" + output] + format)
      #expect(run.status == 0, "\(run.err)")
      #expect(
        FileManager.default.fileExists(atPath: directory.path + "/" + codebook),
        "\(output): \(run.out)")
      #expect(run.out.hasSuffix("the codebook to \(directory.path)/\(codebook)\n"), "\(run.out)")
    }
  }

  /// Overwrites the pages of the store's data tables with garbage, leaving the schema and the
  /// `meta` and `surveys` tables readable, so the store opens and fails on its first query.
  static func corrupt(_ store: String) throws {
    var pages: [Int64] = []
    var pageSize: Int64 = 0
    do {
      let connection = try SQLiteConnection(path: store, mode: .readOnly)
      let query = try connection.prepare(
        "SELECT rootpage FROM sqlite_master WHERE name IN ('imports', 'responses', 'answers', 'rejects')"
      )
      while try query.step() == .row { pages.append(query.int64(at: 0)) }
      let size = try connection.prepare("PRAGMA page_size")
      _ = try size.step()
      pageSize = size.int64(at: 0)
    }
    #expect(pages.count == 4 && pageSize > 0)
    let handle = try #require(FileHandle(forWritingAtPath: store))
    defer { try? handle.close() }
    for page in pages {
      try handle.seek(toOffset: UInt64((page - 1) * pageSize))
      try handle.write(contentsOf: Data(repeating: 0xDE, count: Int(pageSize)))
    }
  }

  @Test func aCorruptStoreGetsAClearMessageFromEveryCommand() throws {
    let directory = try TemporaryDirectory()
    let store = Self.store(in: directory)
    try Self.corrupt(store)
    let generic = Self.fixtures.appendingPathComponent("generic.csv").path
    let commands: [[String]] = [
      ["store", "--store", store],
      ["rejects", "--store", store],
      ["rejects", "--store", store, "--csv", directory.path + "/fix.csv"],
      [
        "export", "data", "--survey", Self.survey, "--store", store, "-o",
        directory.path + "/d.csv",
      ],
      [
        "export", "data", "--survey", Self.survey, "--store", store, "--format", "json", "-o",
        directory.path + "/d.json",
      ],
      ["report", "--survey", Self.survey, "--store", store],
      [
        "report", "--survey", Self.survey, "--store", store, "--all-chapters", "-o",
        directory.path + "/r",
      ],
      ["import", "--survey", Self.survey, "--store", store, generic],
    ]
    for command in commands {
      let run = Run(command)
      #expect(run.status == 1, "\(command): \(run.status) \(run.err)")
      #expect(!run.err.contains("SQLiteError("), "\(command): \(run.err)")
      #expect(run.err.contains("'\(store)' is corrupt"), "\(command): \(run.err)")
      #expect(run.err.contains("restore it from a backup"), "\(command): \(run.err)")
    }
    #expect(!FileManager.default.fileExists(atPath: directory.path + "/d.csv"))
  }
}
