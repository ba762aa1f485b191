import Foundation
import SurveyCore
import SurveyReporting
import SurveyStatistics

/// The formats a report is written in.
enum ReportFormat: String, CaseIterable {
  case text
  case html
  case json

  var fileExtension: String { self == .text ? "txt" : rawValue }
}

/// Makes reports of one aggregation: findings through disclosure control, the report model,
/// and the renderers.
struct ReportMaker {
  let survey: Survey
  let aggregation: SurveyAggregation
  let findings: FindingsBuilder
  let reports: ReportBuilder
  let ascii: Bool
  let columns: Int

  init(
    survey: Survey, aggregation: SurveyAggregation, policy: DisclosurePolicy,
    options: EstimateOptions,
    language: String?, ascii: Bool = false, columns: Int = 80,
    incomparable: [String: [String: String]] = [:], translation: ReportTranslation? = nil,
    leftOut: [String] = [], coalition: Bool = false
  ) {
    self.survey = survey
    self.aggregation = aggregation
    findings = FindingsBuilder(
      aggregation: aggregation, policy: policy, options: options, incomparable: incomparable)
    var reports = ReportBuilder(
      survey: survey, language: language, policy: policy, translation: translation,
      coalition: coalition)
    reports.leftOut = leftOut
    self.reports = reports
    self.ascii = ascii
    self.columns = columns
  }

  /// The wave before `wave`, if any.
  func previousWave(before wave: String) -> String? {
    aggregation.waves.last { WaveOrder.less($0, wave) }
  }

  /// The report model of a scope in a wave (compared with the wave before it).
  func report(_ scope: ReportScope, wave: String) -> Report {
    reports.report(
      findings.findings(scope: scope, wave: wave, previousWave: previousWave(before: wave)))
  }

  /// A report in a format.
  func render(_ report: Report, _ format: ReportFormat) -> String {
    switch format {
    case .text:
      TextRenderer(strings: reports.strings, columns: columns, ascii: ascii).render(report)
    case .html: HTMLRenderer.render(report, strings: reports.strings)
    case .json: JSONRenderer.render(report)
    }
  }

  /// A file name for a chapter: lower-case letters, digits, '-' and '_' only.
  static func slug(_ name: String) -> String {
    let folded = TextLayout.ascii(name).lowercased()
    var slug = ""
    for character in folded {
      if character.isLetter || character.isNumber || character == "_" || character == "-" {
        slug.append(character)
      } else if slug.last != "-" {
        slug.append("-")
      }
    }
    let trimmed = slug.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
    return trimmed.isEmpty ? "chapter" : trimmed
  }

  /// Why reports cannot be written without the files of their own words.
  static let missingStrings =
    "the reports' own words (report.en.survey and its translations) were not found next to the "
    + "program: install the folder survey_SurveyReporting.resources beside it, or set "
    + "SURVEY_REPORT_STRINGS to a folder that holds them"

  /// Writes text to a file atomically, with a clear error.
  static func write(_ text: String, to path: String) throws {
    do {
      try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      throw CommandFailure.io("cannot write '\(path)': \(error.localizedDescription)")
    }
  }
}
