import Foundation
import SurveyCore
import SurveyIngest
import SurveyStore
import Testing

/// A store written before schema version 3 (`Fixtures/v2-store.sqlite`, made by
/// `Fixtures/make_v2_store.sh` with the toolkit of commit 9047697) is upgraded when opened for
/// writing, and the responses and rejected rows it holds are recognised by their old keys.
@Suite("store migration to version 3")
struct StoreMigrationTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

  @Test("an old store's responses and rejects are recognised, and new waves are stored")
  func upgradesAndRecognises() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.path("old.db")
    try FileManager.default.copyItem(
      atPath: Self.fixtures.appendingPathComponent("v2-store.sqlite").path, toPath: path)
    let old = try ResponseStore(path: path, readOnly: true)
    #expect(old.schemaVersion == 2)
    #expect(try old.responseCount() == 4)
    let store = try ResponseStore(path: path)
    #expect(store.schemaVersion == 3)
    #expect(try store.integrityCheck() == ["ok"])
    let survey = try Fixtures.club()
    let generic = Fixtures.platforms.appendingPathComponent("generic.csv").path
    let keyless = Self.fixtures.appendingPathComponent("v2-keyless.csv").path
    let wave1 = ImportOptions(wave: "1")

    let again = try #require(try importing(generic, survey, store, wave1))
    #expect(again.accepted == 0 && again.alreadyPresent == 2, "\(again)")
    // The old store kept one of two identical rows; the second is stored now, the rejected row
    // is recognised as rejected before.
    let rows = try #require(try importing(keyless, survey, store, wave1))
    #expect(rows.accepted == 1 && rows.alreadyPresent == 2 && rows.rejected == 1, "\(rows)")
    #expect(rows.rejectedAgain == 1)
    #expect(try store.rejects().count == 1)
    #expect(try store.responseCount() == 5)
    let rowsAgain = try #require(try importing(keyless, survey, store, wave1))
    #expect(rowsAgain.accepted == 0 && rowsAgain.alreadyPresent == 3, "\(rowsAgain)")
    // The same platform ids in another wave are other responses.
    let wave2 = try #require(try importing(generic, survey, store, ImportOptions(wave: "2")))
    #expect(wave2.accepted == 2, "\(wave2)")
    #expect(try store.responseCount() == 7)
    #expect(try store.integrityCheck() == ["ok"])
  }

  private func importing(
    _ path: String, _ survey: Survey, _ store: ResponseStore, _ options: ImportOptions
  ) throws -> ImportSummary? {
    try Importer(store: store, survey: survey, codebook: "{}").importFile(
      path, options: options, importedAt: 1_800_000_000
    ).summary
  }
}
