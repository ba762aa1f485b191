import Foundation
import SurveyCore
import SurveyIngest
import SurveyStatistics
import SurveyStore

/// Where a report's responses come from: the store, or CSV exports read directly.
enum ReportSource {
  /// Every stored response of the survey, in one pass.
  static func aggregate(survey: Survey, store: ResponseStore) throws -> SurveyAggregation {
    var aggregation = SurveyAggregation(survey: survey)
    do {
      try store.forEachResponse(of: survey) { response in
        aggregation.add(
          answers: response.answers, chapter: response.chapter, wave: response.wave,
          weight: response.weight,
          personKey: response.personKey,
          submittedDay: response.submittedAt.flatMap { CivilDate.parseISO($0.prefix(10)) })
      }
    } catch {
      throw CommandFailure.input(
        "cannot read the store '\(store.path)': \(error.localizedDescription)")
    }
    return aggregation
  }

  /// The accepted rows of CSV exports, validated as an import would, without storing them.
  ///
  /// - Returns: The aggregation and the number of rejected rows (reported, never silently
  ///   dropped: the caller says how many and how to see why).
  static func aggregate(
    survey: Survey, files: [String], options: ImportOptions, context: CommandContext
  ) throws -> (SurveyAggregation, rejected: Int) {
    var aggregation = SurveyAggregation(survey: survey)
    var rejected = 0
    for path in files {
      let reader: ResponseReader
      do {
        reader = try ResponseReader(path: path, survey: survey, options: options)
      } catch {
        throw CommandFailure.input("\(path): \(error.localizedDescription)")
      }
      context.emit(reader.fileDiagnostics)
      if reader.fileDiagnostics.contains(where: { $0.severity == .error }) {
        throw CommandFailure.input("\(path): cannot be read as answers to this survey (see above)")
      }
      var shown = 0
      while let row = try readRow(reader, path) {
        if row.isRejected {
          rejected += 1
          if shown < 5 {
            context.emit(row.problems.filter { $0.severity == .error }.map(\.diagnostic))
            shown += 1
          }
          continue
        }
        aggregation.add(
          answers: row.answers, chapter: row.chapter, wave: row.wave ?? "1", weight: row.weight,
          personKey: row.personValue,
          submittedDay: row.submittedAt.map { Int(floor(Double($0) / 86_400)) })
      }
    }
    return (aggregation, rejected)
  }

  static func readRow(_ reader: ResponseReader, _ path: String) throws -> ImportedRow? {
    do {
      return try reader.next()
    } catch {
      throw CommandFailure.input("\(path): \(error.localizedDescription)")
    }
  }
}
