/// Recognises a platform from the header rows of its export.
package enum PlatformDetector {
  /// The platform whose export this looks like (generic when nothing distinctive is found).
  package static func detect(_ header: HeaderRows) -> Platform {
    let first = Set((header.rows.first ?? []).map { $0.lowercased() })
    let third = header.rows.count > 2 ? header.rows[2] : []
    if third.contains(where: { $0.contains("\"ImportId\"") || $0.contains("ImportId") }) {
      return .qualtrics
    }
    if first.contains("respondent id"), first.contains("collector id") { return .surveyMonkey }
    if first.contains("_uuid") || first.contains("_submission_time") { return .kobo }
    if first.contains("submissiondate"), first.contains("key") { return .odk }
    if first.contains("submitdate"), first.contains("startlanguage") { return .limeSurvey }
    if header.rows.first?.first?.lowercased() == "timestamp" { return .googleForms }
    return .generic
  }
}
