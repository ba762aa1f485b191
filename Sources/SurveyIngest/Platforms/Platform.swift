/// A survey platform whose CSV exports the toolkit reads (and `survey simulate` writes).
package enum Platform: String, Sendable, Hashable, CaseIterable {
  /// Question identifiers as headers, codes as values: the toolkit's own shape.
  case generic
  /// Google Forms: question texts as headers, answer labels as values.
  case googleForms = "google-forms"
  /// KoboToolbox: `;`-separated, every field quoted, XML names with group paths.
  case kobo = "kobotoolbox"
  /// ODK Central: group paths joined with `-`, space-separated multiple choices.
  case odk = "odk-central"
  /// Qualtrics: three header rows (export tags, question texts, import ids).
  case qualtrics
  /// SurveyMonkey: two header rows, question text over each block of columns.
  case surveyMonkey = "surveymonkey"
  /// LimeSurvey: question codes, `Q[SQ]` sub-question columns, BOM and CRLF.
  case limeSurvey = "limesurvey"

  /// The name shown to people.
  package var displayName: String {
    switch self {
    case .generic: "generic CSV"
    case .googleForms: "Google Forms"
    case .kobo: "KoboToolbox"
    case .odk: "ODK Central"
    case .qualtrics: "Qualtrics"
    case .surveyMonkey: "SurveyMonkey"
    case .limeSurvey: "LimeSurvey"
    }
  }

  /// The number of header rows before the first response.
  package var headerRowCount: Int {
    switch self {
    case .qualtrics: 3
    case .surveyMonkey: 2
    default: 1
    }
  }

  /// Whether answers are written as labels (rather than codes or names).
  package var writesLabels: Bool {
    switch self {
    case .googleForms, .surveyMonkey: true
    default: false
    }
  }
}

/// The CSV conventions of an export.
package struct ExportDialect: Sendable, Hashable {
  /// The field delimiter.
  package var delimiter: UInt8
  /// Whether every field is quoted.
  package var quotesEverything: Bool
  /// The line ending.
  package var lineEnding: String
  /// Whether the file starts with a UTF-8 byte-order mark.
  package var byteOrderMark: Bool

  /// The dialect a platform uses.
  package static func of(_ platform: Platform) -> ExportDialect {
    switch platform {
    case .kobo:
      ExportDialect(
        delimiter: UInt8(ascii: ";"), quotesEverything: true, lineEnding: "\r\n",
        byteOrderMark: false)
    case .limeSurvey:
      ExportDialect(
        delimiter: UInt8(ascii: ","), quotesEverything: true, lineEnding: "\r\n",
        byteOrderMark: true)
    case .googleForms, .qualtrics, .surveyMonkey:
      ExportDialect(
        delimiter: UInt8(ascii: ","), quotesEverything: false, lineEnding: "\r\n",
        byteOrderMark: false)
    case .generic, .odk:
      ExportDialect(
        delimiter: UInt8(ascii: ","), quotesEverything: false, lineEnding: "\n",
        byteOrderMark: false)
    }
  }
}
