import Foundation
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
}
