import CSQLite
import Foundation
import Glibc
import SurveyCore
import SurveyIngest
import Testing

@testable import SurveyStore

/// A store in a folder that cannot be written can still be read: SQLite cannot create the
/// store's `-wal` and `-shm` files there, so the store is opened as immutable instead.
@Suite struct ReadOnlyFolderTests {
  /// Makes a folder unwritable for this process and back: `chmod 0555` for an ordinary user; for
  /// root, to whom permissions do not apply, the immutable attribute (`chattr +i`).
  enum Lock {
    static let isRoot = geteuid() == 0

    static func chattr(_ flag: String, _ path: String) -> Bool {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
      process.arguments = [flag, path]
      process.standardError = FileHandle.nullDevice
      guard (try? process.run()) != nil else { return false }
      process.waitUntilExit()
      return process.terminationStatus == 0
    }

    static func lock(_ path: String) -> Bool {
      isRoot ? chattr("+i", path) : chmod(path, 0o555) == 0
    }

    static func unlock(_ path: String) {
      if isRoot { _ = chattr("-i", path) } else { _ = chmod(path, 0o755) }
    }

    /// Whether a folder can be locked here (root needs chattr and a file system that has the
    /// attribute), tried on a scratch folder.
    static let isPossible: Bool = {
      guard let directory = try? TemporaryDirectory() else { return false }
      defer { directory.remove() }
      guard lock(directory.url.path) else { return false }
      defer { unlock(directory.url.path) }
      return access(directory.url.path, W_OK) != 0
    }()
  }

  /// A closed store holding the generic fixture's two responses, in a new folder.
  static func store(in folder: String) throws -> String {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let path = folder + "/club.db"
    let store = try ResponseStore(path: path)
    _ = try Importer(store: store, survey: try Fixtures.club(), codebook: "{}").importFile(
      Fixtures.platforms.appendingPathComponent("generic.csv").path, options: ImportOptions(),
      importedAt: 0)
    return path
  }

  @Test(.enabled(if: Lock.isPossible, "cannot make a folder unwritable here"))
  func aStoreInAFolderThatCannotBeWrittenIsRead() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = try Self.store(in: directory.path("store"))
    let folder = directory.path("store")
    #expect(Lock.lock(folder))
    defer { Lock.unlock(folder) }
    // The folder really cannot be written, and the store is in WAL mode without a -wal file.
    #expect(open(folder + "/probe", O_WRONLY | O_CREAT, 0o600) < 0)
    #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    let store = try ResponseStore(path: path, readOnly: true)
    #expect(try store.responseCount() == 2)
    #expect(try store.imports().count == 1)
    #expect(store.connection.isImmutable)
  }

  @Test func theFallbackIsTakenOnlyWhenItIsSafe() {
    let readOnlyDirectory = SQLiteError(
      extendedCode: SQLITE_READONLY | (6 << 8), message: "attempt to write a readonly database",
      path: "s.db")
    let cannotOpen = SQLiteError(
      extendedCode: SQLITE_CANTOPEN, message: "unable to open database file", path: "s.db")
    let corrupt = SQLiteError(
      extendedCode: SQLITE_CORRUPT, message: "database disk image is malformed", path: "s.db")
    typealias Check = (SQLiteError, Bool, Bool, Int?, Bool)
    let cases: [Check] = [
      (readOnlyDirectory, true, false, nil, true),
      (cannotOpen, true, false, nil, true),
      (cannotOpen, true, false, 0, true),
      // Changes still in the -wal file would be ignored: not safe.
      (readOnlyDirectory, true, false, 4096, false),
      // A folder that can be written may have a writer.
      (cannotOpen, true, true, nil, false),
      (cannotOpen, false, false, nil, false),
      (corrupt, true, false, nil, false),
    ]
    for (error, readable, writable, wal, expected) in cases {
      #expect(
        SQLiteConnection.mayReadImmutably(
          after: error, databaseReadable: readable, folderWritable: writable, walBytes: wal)
          == expected, "\(error.extendedCode) \(readable) \(writable) \(String(describing: wal))")
    }
  }

  @Test func anImmutableOpenReadsTheStoreWhateverItsPath() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = try Self.store(in: directory.path("a b?c#d%e"))
    let connection = try SQLiteConnection(path: path, mode: .readOnly, immutable: true)
    #expect(connection.isImmutable)
    #expect(try connection.integer("SELECT count(*) FROM responses") == 2)
    #expect(!FileManager.default.fileExists(atPath: path + "-shm"))
  }

  @Test func aStoreWithChangesStillInItsLogSaysWhatToDo() {
    let error = SQLiteConnection.cannotReadWithoutLog("survey.db")
    let text = error.errorDescription ?? ""
    #expect(text.contains("'survey.db'"))
    #expect(text.contains("survey.db-wal"))
    #expect(text.contains("where its folder can be written"))
  }
}
