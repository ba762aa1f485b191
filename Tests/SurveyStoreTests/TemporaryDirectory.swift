import Foundation

/// A fresh directory under the system's temporary directory; call ``remove()`` in a `defer`.
struct TemporaryDirectory {
  /// The directory's location.
  let url: URL

  /// Creates a uniquely named, empty directory.
  init() throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("survey-sqlite-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  /// The path of an entry in the directory.
  ///
  /// - Parameter name: The entry's file name.
  func path(_ name: String) -> String {
    url.appendingPathComponent(name).path
  }

  /// Deletes the directory and everything in it.
  func remove() {
    try? FileManager.default.removeItem(at: url)
  }
}
