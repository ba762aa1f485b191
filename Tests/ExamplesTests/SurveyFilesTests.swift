import Foundation
import SurveyCore
import SurveyDSL
import SurveyTestSupport
import Testing

/// Every file in `Surveys/` checks clean and is in the canonical layout.
@Suite struct SurveyFilesTests {
  static let surveysDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Surveys")

  static let files: [String] = {
    guard let enumerator = FileManager.default.enumerator(atPath: surveysDirectory.path) else {
      return []
    }
    return enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(".survey") }.sorted()
  }()

  @Test func thereAreSurveyFiles() {
    #expect(Self.files.contains("examples/tenants-union.survey"))
  }

  @Test(arguments: files)
  func checksWithoutErrorsOrWarnings(_ name: String) throws {
    let compiled = try SurveyCompiler.compile(
      path: Self.surveysDirectory.appendingPathComponent(name).path)
    #expect(compiled.diagnostics.isEmpty, "\(DiagnosticRenderer().render(compiled.diagnostics))")
    #expect(compiled.survey != nil)
  }

  @Test(arguments: files)
  func isInTheCanonicalLayoutAndSurvivesARoundTrip(_ name: String) throws {
    let path = Self.surveysDirectory.appendingPathComponent(name).path
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let parsed = Parser.parse(SourceFile(path: path, text: text))
    let formatted = Formatter.format(parsed)
    expectEqualLines(formatted, text)
    let reparsed = Parser.parse(SourceFile(path: path, text: formatted))
    #expect(structuralDump(reparsed.declarations) == structuralDump(parsed.declarations))
  }
}
