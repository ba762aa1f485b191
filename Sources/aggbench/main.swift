import Foundation
import SurveyCLI
import SurveyCore
import SurveyDSL
import SurveyIngest
import SurveyStatistics

// aggbench: the raw per-chapter counts behind the reports, for checking the benchmark's pandas
// and polars scripts (Benchmarks/pipeline_bench.py). Not a product command: it prints counts
// without disclosure control, for generated data only.
//
//   aggbench SURVEY CSV [--threads N]
//
// Prints JSON: for each chapter, the respondents, and for each single-choice question the
// number of substantive answers and the sum of their codes, read through the same streaming
// path as 'survey report' (validation, parallel chunks).

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
  FileHandle.standardError.write(Data("usage: aggbench SURVEY CSV [--threads N]\n".utf8))
  exit(64)
}
let threads =
  arguments.firstIndex(of: "--threads").flatMap {
    arguments.indices.contains($0 + 1) ? Int(arguments[$0 + 1]) : nil
  } ?? 2
guard let survey = try? SurveyCompiler.compile(path: arguments[1]).survey else {
  FileHandle.standardError.write(Data("aggbench: \(arguments[1]) does not compile\n".utf8))
  exit(1)
}
let context = CommandContext(console: Console.standard())
do {
  let (aggregation, rejected) = try ReportSource.aggregate(
    survey: survey, files: [arguments[2]], options: ImportOptions(wave: "1"), threads: threads,
    context: context)
  var chapters: [String: Any] = [:]
  for chapter in aggregation.chapters(in: "1") {
    guard let group = aggregation.group(GroupKey(chapter: chapter, wave: "1")) else { continue }
    var questions: [String: Any] = [:]
    for (position, question) in survey.questions.enumerated() {
      guard case .single = question.type else { continue }
      let substantive = Set(survey.choiceSet(of: question)?.substantive.map(\.code) ?? [])
      let counts = group.items[position].codes.counts.filter { substantive.contains($0.key) }
      questions[question.id] = [
        "n": counts.values.reduce(0, +), "sum": counts.reduce(0) { $0 + $1.key * $1.value },
      ]
    }
    chapters[chapter] = ["respondents": group.respondents, "questions": questions]
  }
  let object: [String: Any] = ["rejected": rejected, "chapters": chapters]
  let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
  FileHandle.standardOutput.write(data)
  FileHandle.standardOutput.write(Data("\n".utf8))
} catch {
  FileHandle.standardError.write(Data("aggbench: \(error)\n".utf8))
  exit(1)
}
