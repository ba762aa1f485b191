import Foundation
import FuzzSupport
import SurveyCore
import SurveyDSL

// Fuzz target for the survey language: any bytes as a survey file, through the lexer, parser,
// checker and (when it parses) the formatter, whose output must parse again. Built with
// `-sanitize=fuzzer,address -DFUZZING` by Tests/Fuzz/run.sh; a normal build gives a program that
// replays files given as arguments (for regression tests of crashes found).

/// A survey whose Spanish texts come from the fuzzed file.
let translatedSurvey = """
  survey t "T"
    version 1
    languages en "English", es "Español"
    description "D"

  use "main.es.survey"

  choices yn
    1 yes "Yes"
    missing refused 9 "Refused"

  question q "Q?"
    integer 0..10
    hint "H"
    unit "U"
    check q < 9 "C"

  grid g "G?"
    single yn
    row r "R"

  scale s "S"
    items r
    band 1..1 "B"

  indicator i "I"
    share s >= 1
    better higher
    threshold 50% "T" convention

  """

/// Runs one input.
func fuzzDSL(_ bytes: UnsafeRawBufferPointer) {
  let text = String(decoding: bytes, as: UTF8.self)
  let compiled = SurveyCompiler.compile(text: text, path: "fuzz.survey")
  _ = compiled.diagnostics.count
  // The same bytes as the translation file of a small bilingual survey.
  let loader = SourceLoader(files: ["main.survey": translatedSurvey, "main.es.survey": text])
  _ = try? SurveyCompiler.compile(path: "main.survey", loader: loader).diagnostics.count
  let parsed = Parser.parse(SourceFile(path: "fuzz.survey", text: text))
  guard !parsed.diagnostics.contains(where: { $0.severity == .error }) else { return }
  let formatted = Formatter.format(parsed)
  let again = Parser.parse(SourceFile(path: "fuzz.survey", text: formatted))
  // Formatting must not turn a valid file into an invalid one.
  if again.diagnostics.contains(where: { $0.severity == .error }) {
    fatalError("the formatter's output does not parse:\n\(formatted)")
  }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  fuzzDSL(UnsafeRawBufferPointer(start: data, count: size))
  return 0
}

@main
enum Fuzz {
  static func main() {
    FuzzDriver.main(fuzzTestOneInput)
  }
}
