import Foundation
import FuzzSupport
import SurveyCore
import SurveyDSL
import SurveyEngine
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
  var rejected = 0
  while let row = try? reader.next(), rows < 10_000 {
    rows += 1
    if row.isRejected { rejected += 1 }
    _ = row.problems.map(\.diagnostic)
  }
  // The column engine on the same file, as import reads it and as a report counts it (in
  // chunks on two threads): it must set aside exactly the rows the row reader rejects.
  guard rows < 10_000,
    let again = try? ResponseReader(path: path, survey: survey, options: options)
  else { return }
  let engine = BatchRowReader.rows(of: again)
  var engineRows = 0
  var engineRejected = 0
  while let row = try? engine.next(), engineRows < 10_000 {
    engineRows += 1
    if row.isRejected { engineRejected += 1 }
    _ = row.problems.map(\.diagnostic)
  }
  if engineRows != rows || engineRejected != rejected {
    fatalError(
      "engine read \(engineRows) rows (\(engineRejected) rejected), rows \(rows) (\(rejected))")
  }
  guard let counted = try? ResponseReader(path: path, survey: survey, options: options),
    let parts = try? ColumnEngine.count(
      counted, threads: 2, parallelThreshold: 0, minimumChunkBytes: 1)
  else { return }
  _ = parts.reduce(0) { $0 + $1.rejected }
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
