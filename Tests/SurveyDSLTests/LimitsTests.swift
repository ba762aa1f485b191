import SurveyCore
import SurveyDSL
import SurveyTestSupport
import Testing

/// Inputs at the limits: deep nesting, invalid UTF-8, NUL bytes, empty files.
@Suite struct LimitsTests {
  @Test func deeplyNestedConditionIsReportedNotCrashed() throws {
    let depth = 5_000
    let condition =
      String(repeating: "(", count: depth) + "a > 1" + String(repeating: ")", count: depth)
    let source =
      DiagnosticCase.header
      + "question a \"A?\"\n  integer\n\nquestion b \"B?\"\n  text\n  show if " + condition + "\n"
    let compiled = SurveyCompiler.compile(text: source, path: "deep.survey")
    let deep = try #require(compiled.diagnostics.first { $0.id == "dsl.expressionTooDeep" })
    #expect(deep.location?.line == 9)
    #expect(deep.location?.column == 11 + Parser.maxExpressionDepth)
    #expect(compiled.diagnostics.filter { $0.severity == .error }.count == 1)
  }

  @Test func longChainOfOperatorsIsReported() throws {
    let chain = (0..<500).map { _ in "a > 1" }.joined(separator: " or ")
    let source =
      DiagnosticCase.header
      + "question a \"A?\"\n  integer\n\nquestion b \"B?\"\n  text\n  show if " + chain + "\n"
    let compiled = SurveyCompiler.compile(text: source, path: "chain.survey")
    #expect(compiled.diagnostics.contains { $0.id == "dsl.expressionTooDeep" })
  }

  /// Numbers beyond what an integer holds once crashed the checker (found by FuzzDSL).
  @Test(arguments: [
    ("choices c\n  99999999999999999999999 a \"A\"\n", "dsl.invalidCode"),
    (
      "choices c\n  1 a \"A\"\n\nquestion q \"Q\"\n  single c\n\nquestion r \"R\"\n  integer\n  show if q = 99999999999999999999999\n",
      "check.unknownCode"
    ),
    (
      "question r \"R\"\n  integer\n\nscale x \"X\"\n  items r\n  min-answered 99999999999999999999999\n",
      "check.invalidMinimum"
    ),
  ])
  func hugeNumbersAreReported(_ source: String, _ id: String) {
    let compiled = SurveyCompiler.compile(text: DiagnosticCase.header + source, path: "big.survey")
    #expect(compiled.diagnostics.contains { $0.id == id }, "\(compiled.diagnostics.map(\.id))")
  }

  @Test func invalidUTF8IsReportedAtItsPosition() throws {
    var bytes = Array((DiagnosticCase.header + "question a \"Caf").utf8)
    bytes += [0xE9]  // Latin-1 'é', not valid UTF-8
    bytes += Array("\"\n  text\n".utf8)
    let loader = SourceLoader(files: [:])
    var diagnostics: [Diagnostic] = []
    _ = loader.parse(path: "latin1.survey", bytes: bytes, diagnostics: &diagnostics)
    let invalid = try #require(diagnostics.first { $0.id == "dsl.invalidUTF8" })
    #expect(invalid.location?.line == 4)
    #expect(invalid.location?.column == 16)
  }

  @Test func nulByteIsAnInvalidCharacter() throws {
    let source = DiagnosticCase.header + "question a \"A?\"\n  text \u{0}\n"
    let compiled = SurveyCompiler.compile(text: source)
    let invalid = try #require(compiled.diagnostics.first { $0.id == "dsl.invalidCharacter" })
    #expect(invalid.location?.line == 5)
    #expect(invalid.location?.column == 8)
    #expect(invalid.message.contains("U+0000"))
  }

  @Test func emptyFileHasOneClearError() {
    let compiled = SurveyCompiler.compile(text: "")
    #expect(compiled.diagnostics.map(\.id) == ["check.missingHeader"])
    #expect(compiled.survey == nil)
  }

  @Test func binaryGarbageProducesDiagnosticsWithoutCrashing() {
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<50 {
      let bytes = (0..<2_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
      let loader = SourceLoader(files: [:])
      var diagnostics: [Diagnostic] = []
      let parsed = loader.parse(path: "garbage.survey", bytes: bytes, diagnostics: &diagnostics)
      #expect(!diagnostics.isEmpty)
      #expect(parsed.file.path == "garbage.survey")
    }
  }
}
