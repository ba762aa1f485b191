import Foundation
import SurveyCore
import SurveyDSL
import Testing

/// The examples in `Surveys/README.md` are valid survey language.
@Suite struct ReferenceSnippetTests {
  static let snippets: [String] = {
    let path = SurveyFilesTests.surveysDirectory.appendingPathComponent("README.md").path
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
    var blocks: [String] = []
    var current: [Substring]?
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("```") {
        if let lines = current {
          blocks.append(lines.joined(separator: "\n") + "\n")
          current = nil
        } else {
          current = []
        }
      } else if current != nil {
        current?.append(line)
      }
    }
    let keywords = Set(DeclarationKind.allCases.map(\.rawValue))
    return blocks.filter { block in
      guard let first = block.split(separator: " ").first else { return false }
      return keywords.contains(String(first)) && !block.contains("|")
    }
  }()

  @Test func thereAreEnoughSnippets() {
    #expect(Self.snippets.count >= 10)
  }

  @Test(arguments: snippets)
  func snippetParsesWithoutSyntaxErrors(_ snippet: String) {
    let parsed = Parser.parse(SourceFile(path: "snippet.survey", text: snippet))
    #expect(parsed.diagnostics.isEmpty, "\(DiagnosticRenderer().render(parsed.diagnostics))")
    #expect(!parsed.declarations.isEmpty)
  }
}
