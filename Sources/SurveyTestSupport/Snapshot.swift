import Foundation
import Testing

/// Compares text with a golden file, re-recording it when `RECORD_SNAPSHOTS` is set.
///
/// Recording fails the test on purpose, so a re-recorded snapshot is always looked at.
package func expectSnapshot(
  _ actual: String, path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
  let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil
  let existing = FileManager.default.contents(atPath: path).map {
    String(decoding: $0, as: UTF8.self)
  }
  if record || existing == nil {
    let directory = (path as NSString).deletingLastPathComponent
    try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    _ = FileManager.default.createFile(atPath: path, contents: Data(actual.utf8))
    Issue.record("recorded a new snapshot at \(path)", sourceLocation: sourceLocation)
    return
  }
  expectEqualLines(actual, existing ?? "", sourceLocation: sourceLocation)
}
