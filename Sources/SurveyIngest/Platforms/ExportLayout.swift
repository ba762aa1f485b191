import SurveyCore

/// The columns of a platform's CSV export of a survey, in order, with their header rows.
///
/// The same layout serves both directions: `survey simulate` writes exports in it, and the
/// importer uses it to recognise a platform's columns.
package struct ExportLayout: Sendable {
  /// The platform.
  package var platform: Platform
  /// The columns in order.
  package var columns: [ExportColumn]
  /// The language of texts in headers and labels.
  package var language: String

  /// The number of header rows.
  package var headerRowCount: Int { platform.headerRowCount }

  /// The CSV dialect.
  package var dialect: ExportDialect { .of(platform) }

  /// Builds the layout of a survey's export from a platform.
  ///
  /// - Parameters:
  ///   - survey: The survey.
  ///   - platform: The platform whose export shape to use.
  ///   - language: The language of question texts and answer labels (default: the survey's).
  package init(survey: Survey, platform: Platform, language: String? = nil) {
    self.platform = platform
    self.language = language ?? survey.defaultLanguage
    var builder = LayoutBuilder(survey: survey, platform: platform, language: self.language)
    columns = builder.build()
  }

  /// The header rows, one array of cells per row.
  package var headerRows: [[String]] {
    (0..<headerRowCount).map { row in
      columns.map { $0.headers.indices.contains(row) ? $0.headers[row] : "" }
    }
  }
}

/// Builds the columns of one platform's export.
struct LayoutBuilder {
  let survey: Survey
  let platform: Platform
  let language: String
  var columns: [ExportColumn] = []
  var usedLimeCodes: Set<String> = []

  mutating func build() -> [ExportColumn] {
    leadingMetadata()
    var questionNumber = 0
    var gridNumbers: [String: Int] = [:]
    for question in survey.questions {
      if let grid = question.grid {
        if gridNumbers[grid] == nil {
          questionNumber += 1
          gridNumbers[grid] = questionNumber
        }
        add(question, number: gridNumbers[grid] ?? questionNumber)
      } else {
        questionNumber += 1
        add(question, number: questionNumber)
      }
    }
    trailingMetadata()
    return columns
  }

  func text(_ localized: LocalizedText?) -> String {
    localized?.text(in: language, fallback: survey.defaultLanguage) ?? ""
  }

  mutating func meta(_ headers: [String], _ field: MetadataField) {
    columns.append(ExportColumn(headers: headers, role: .metadata(field)))
  }
}
