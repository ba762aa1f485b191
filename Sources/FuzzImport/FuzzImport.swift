import Foundation
import FuzzSupport
import SurveyCore
import SurveyDSL
import SurveyIngest

// Fuzz target for the import path: any bytes as an export of a small survey with every kind of
// question, read by each platform adapter in turn (the first byte picks one, or detection):
// header mapping, cell decoding, validation and the redaction of rejected rows. Built with
// `-sanitize=fuzzer,address -DFUZZING` by Tests/Fuzz/run.sh; a normal build replays files.

let fuzzSurvey: Survey? = SurveyCompiler.compile(
  text: """
    survey club "Club"
      version 1
      languages en "English", es "Español"
      chapter from chapter

    choices chapters
      1 north "North" es "Norte"
      2 south "South" es "Sur"

    choices often
      1 never "Never" es "Nunca"
      2 sometimes "Sometimes" es "A veces"
      3 often "Often" es "A menudo"
      missing refused 9 "Prefer not to say" es "Prefiero no decirlo"

    choices places
      1 park "Park" es "Parque"
      2 library "Library" es "Biblioteca"
      3 cafe "Café, bar or diner" es "Café, bar o restaurante"

    question chapter "Which chapter are you in?"
      single chapters
      required

    question email "Your e-mail"
      text
      private hashed

    question employed "Do you have a paid job?"
      yes-no

    question hours "Hours worked per week"
      integer 0..100
      show if employed = yes

    question lonely "How often do you feel lonely?"
      single often

    question places "Where do you meet people?"
      multiple places
      other "Somewhere else" es "En otro lugar"

    question commute "Commute in hours"
      decimal 0..5

    question joined "When did you join?"
      date 2000-01-01..2026-12-31

    """, path: "club.survey"
).survey

let fuzzDirectory = NSTemporaryDirectory() + "survey-fuzz-\(getpid())"

func fuzzImport(_ bytes: UnsafeRawBufferPointer) {
  guard let survey = fuzzSurvey, let selector = bytes.first else { return }
  try? FileManager.default.createDirectory(atPath: fuzzDirectory, withIntermediateDirectories: true)
  let path = fuzzDirectory + "/input.csv"
  guard FileManager.default.createFile(atPath: path, contents: Data(bytes.dropFirst())) else {
    return
  }
  var options = ImportOptions(wave: "1")
  let platforms = Platform.allCases
  if Int(selector) < platforms.count { options.platform = platforms[Int(selector)] }
  guard let reader = try? ResponseReader(path: path, survey: survey, options: options) else {
    return
  }
  var rows = 0
  while let row = try? reader.next(), rows < 10_000 {
    rows += 1
    _ = row.problems.map(\.diagnostic)
  }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  fuzzImport(UnsafeRawBufferPointer(start: data, count: size))
  return 0
}

@main
enum Fuzz {
  static func main() {
    // Compile the survey before the first input, so that its one-time allocations are not
    // counted against an input by the leak checker.
    guard fuzzSurvey != nil else { exit(2) }
    FuzzDriver.main(fuzzTestOneInput)
  }
}
