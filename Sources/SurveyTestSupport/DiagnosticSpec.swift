import SurveyCore
import Testing

/// An expected diagnostic: its id, the marker where it starts, and optionally its severity and a
/// piece of its message and label.
package struct DiagnosticSpec: Sendable, CustomStringConvertible {
  /// The stable id, such as `check.unknownReference`.
  package var id: String
  /// The marker at which the diagnostic's range starts.
  package var marker: String
  /// The expected severity, if checked.
  package var severity: Severity?
  /// Text the message must contain, if checked.
  package var message: String?
  /// Text the label must contain, if checked.
  package var label: String?
  /// The file the marker is in (the main file when `nil`).
  package var file: String?

  /// Creates a spec.
  package init(
    _ id: String, at marker: String = "1️⃣", severity: Severity? = nil, message: String? = nil,
    label: String? = nil, file: String? = nil
  ) {
    self.id = id
    self.marker = marker
    self.severity = severity
    self.message = message
    self.label = label
    self.file = file
  }

  /// `id at marker`.
  package var description: String { "\(id) at \(marker)" }
}

/// Checks that `diagnostics` are exactly the expected ones, each at its marker.
///
/// - Parameters:
///   - diagnostics: What the code under test produced.
///   - specs: What is expected; every diagnostic must match one spec and every spec one
///     diagnostic.
///   - markers: Marker offsets by file path.
package func expectDiagnostics(
  _ diagnostics: [Diagnostic], _ specs: [DiagnosticSpec], markers: [String: [String: Int]],
  mainFile: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
  var remaining = diagnostics
  for spec in specs {
    let file = spec.file ?? mainFile
    guard let offset = markers[file]?[spec.marker] else {
      Issue.record("marker \(spec.marker) not found in \(file)", sourceLocation: sourceLocation)
      continue
    }
    let index = remaining.firstIndex { diagnostic in
      diagnostic.id == spec.id && diagnostic.range?.file.path == file
        && diagnostic.range?.bytes.lowerBound == offset
        && (spec.severity == nil || diagnostic.severity == spec.severity)
        && (spec.message.map { diagnostic.message.contains($0) } ?? true)
        && (spec.label.map { (diagnostic.label ?? "").contains($0) } ?? true)
    }
    guard let index else {
      let rendered = DiagnosticRenderer().render(diagnostics)
      Issue.record(
        "expected \(spec) in \(file) (offset \(offset)); got:\n\(rendered)",
        sourceLocation: sourceLocation)
      continue
    }
    remaining.remove(at: index)
  }
  if !remaining.isEmpty {
    Issue.record(
      "unexpected diagnostics:\n\(DiagnosticRenderer().render(remaining))",
      sourceLocation: sourceLocation)
  }
}
