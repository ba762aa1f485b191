import SurveyCore

/// Words shared by the text and JSON codebooks.
enum Codebook {
  /// A question's type as written in the survey language.
  static func typeText(_ type: QuestionType) -> String {
    switch type {
    case .single(let set): set == ChoiceSet.builtInYesNo.id ? "yes-no" : "single \(set)"
    case .multiple(let set): "multiple \(set)"
    case .number(let kind, let low, let high):
      kind.rawValue + range(low.map(JSONValue.format), high.map(JSONValue.format))
    case .text: "text"
    case .date(let low, let high): "date" + range(low.map(CivilDate.iso), high.map(CivilDate.iso))
    }
  }

  /// "source; wording verified; licence public-domain", or "" when nothing is known.
  static func provenanceText(_ provenance: Provenance) -> String {
    var parts: [String] = []
    if let source = provenance.source { parts.append(source) }
    if let wording = provenance.wording { parts.append("wording \(wording.rawValue)") }
    if let licence = provenance.licence { parts.append("licence \(licence.rawValue)") }
    return parts.joined(separator: "; ")
  }

  /// What an indicator measures, in words.
  static func measureText(_ measure: Measure, in survey: Survey) -> String {
    switch measure {
    case .share(let condition): "share of respondents with " + survey.text(of: condition)
    case .mean(let reference): "mean of " + reference.id
    }
  }

  private static func range(_ low: String?, _ high: String?) -> String {
    guard low != nil || high != nil else { return "" }
    return " " + (low ?? "") + ".." + (high ?? "")
  }
}
