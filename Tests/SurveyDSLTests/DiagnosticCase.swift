import SurveyCore
import SurveyDSL
import SurveyTestSupport
import Testing

/// A survey source with markers and the diagnostics expected at them.
struct DiagnosticCase: Sendable, CustomTestStringConvertible {
  var name: String
  var source: String
  var expected: [DiagnosticSpec]
  /// Other files, by path, that the main file can `use`.
  var files: [String: String] = [:]

  var testDescription: String { name }

  /// The standard header most cases start with.
  static let header = "survey t \"T\"\n  version 1\n\n"

  init(
    _ name: String, _ source: String, _ expected: [DiagnosticSpec], files: [String: String] = [:],
    withHeader: Bool = true
  ) {
    self.name = name
    self.source = (withHeader ? Self.header : "") + source
    self.expected = expected
    self.files = files
  }

  /// Compiles the case and checks its diagnostics exactly.
  func run(sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let main = MarkedSource(source)
    var texts = ["main.survey": main.text]
    var markers = ["main.survey": main.markers]
    for (path, source) in files {
      let marked = MarkedSource(source)
      texts[path] = marked.text
      markers[path] = marked.markers
    }
    let loader = SourceLoader(files: texts)
    guard let compiled = try? SurveyCompiler.compile(path: "main.survey", loader: loader) else {
      Issue.record("could not compile", sourceLocation: sourceLocation)
      return
    }
    expectDiagnostics(
      compiled.diagnostics, expected, markers: markers, mainFile: "main.survey",
      sourceLocation: sourceLocation)
  }
}
