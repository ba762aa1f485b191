import Testing

/// Compares two texts line by line and records a readable diff when they differ.
package func expectEqualLines(
  _ actual: String, _ expected: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
  guard actual != expected else { return }
  let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
  let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
  var diff = ""
  for index in 0..<max(actualLines.count, expectedLines.count) {
    let a = index < actualLines.count ? String(actualLines[index]) : nil
    let e = index < expectedLines.count ? String(expectedLines[index]) : nil
    if a == e { continue }
    if let e { diff += "line \(index + 1) – \(e)\n" }
    if let a { diff += "line \(index + 1) + \(a)\n" }
    if diff.count > 4000 { break }
  }
  Issue.record("texts differ (– expected, + actual):\n\(diff)", sourceLocation: sourceLocation)
}
