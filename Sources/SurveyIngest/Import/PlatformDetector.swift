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

  /// Why a header is not of the platform given with `--from`.
  package struct Mismatch: Sendable, Equatable {
    /// The header row (0-based) that shows it.
    package var row: Int
    /// What is wrong, worded to follow "… is not a Qualtrics export: ".
    package var reason: String
    /// What to do.
    package var hint: String
  }

  /// Checks a header against the platform a user named: a file that is plainly another
  /// platform's export, or that lacks the header rows the named platform writes, would be read
  /// with data rows taken for header rows (or the reverse), so it is refused.
  ///
  /// - Parameters:
  ///   - header: The first rows of the file.
  ///   - forced: The platform given with `--from`.
  ///   - detected: What ``detect(_:)`` found.
  /// - Returns: The problem, or nil when the file can be read as `forced`.
  package static func mismatch(_ header: HeaderRows, forced: Platform, detected: Platform)
    -> Mismatch?
  {
    guard forced != detected else { return nil }
    // Detection by a first column called "Timestamp" is too weak to overrule the user.
    let distinctive: Set<Platform> = [.qualtrics, .surveyMonkey, .kobo, .odk, .limeSurvey]
    if distinctive.contains(detected) {
      return Mismatch(
        row: detected == .qualtrics ? 2 : 0,
        reason: "its header is that of a \(detected.displayName) export",
        hint: "use --from \(detected.rawValue), or leave --from out to recognise it")
    }
    switch forced {
    case .qualtrics:
      return Mismatch(
        row: min(2, max(header.rows.count - 1, 0)),
        reason:
          "Qualtrics exports have three header rows, the third holding {\"ImportId\":…} entries",
        hint: "export from Qualtrics with 'Use numeric values', or leave --from out")
    case .surveyMonkey:
      let second = header.rows.count > 1 ? header.rows[1].map { MatchKey.text($0) } : []
      if second.contains("response") || second.contains("open-ended response") { return nil }
      return Mismatch(
        row: min(1, max(header.rows.count - 1, 0)),
        reason:
          "SurveyMonkey exports have a second header row naming each column's answer ('Response', 'Open-Ended Response' or an option)",
        hint: "leave --from out to recognise the file")
    case .generic, .googleForms, .kobo, .odk, .limeSurvey:
      return nil
    }
  }
}
