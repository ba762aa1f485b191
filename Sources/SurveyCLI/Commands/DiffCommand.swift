import Foundation
import SurveyCore

/// `survey diff OLD NEW`: what changed between two versions of a survey.
enum DiffCommand: Command {
  static let name = "diff"
  static let summary =
    "Show what changed between two versions of a survey, and whether answers stay comparable"
  static let usage = "survey diff OLD.survey NEW.survey"
  static let discussion = """
    Each change is classified: safe (wording, translations, labels: answers stay comparable),
    compatible (a new question or answer option, a wider range: old answers keep their meaning),
    or breaking (a changed code, type, range, show-if rule, scale, indicator or cause rule:
    answers before and after cannot be compared). Questions are matched by id, or through the
    new version's 'renamed from'. Reports compare waves only over what is comparable.
    Exit status 0; 1 when a file has errors.
    """
  static let options: [OptionSpec] = []

  static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
    guard arguments.positionals.count == 2 else {
      throw CommandFailure.usage("give two survey files: OLD NEW")
    }
    let old = try codebook(arguments.positionals[0], context: context)
    let new = try codebook(arguments.positionals[1], context: context)
    let diff = SurveyDiff(old: old, new: new)
    var text = ""
    if diff.changes.isEmpty { text += "No changes that matter to the answers.\n" }
    let width = SurveyDiff.Impact.allCases.map(\.rawValue.count).max() ?? 10
    for change in diff.changes {
      text +=
        change.impact.rawValue.padding(toLength: width + 2, withPad: " ", startingAt: 0)
        + change.subject + ": "
        + change.description + "\n"
    }
    let counts = SurveyDiff.Impact.allCases.reversed().map { impact in
      "\(diff.changes.filter { $0.impact == impact }.count) \(impact.rawValue)"
    }
    text += "\n" + counts.joined(separator: ", ") + ".\n"
    if !diff.renames.isEmpty {
      text +=
        "Relies on 'renamed from': "
        + diff.renames.map { "\($0.old) → \($0.new)" }.joined(separator: ", ") + ".\n"
    }
    if diff.worst == .breaking, (old["version"] as? String) == (new["version"] as? String) {
      text +=
        "The version is the same in both files: give the new one a new version, so its answers are kept apart.\n"
    }
    context.console.out.write(text)
    return ExitStatus.success
  }

  static func codebook(_ path: String, context: CommandContext) throws -> [String: Any] {
    let survey = try CommandSupport.compile(path, context: context)
    let text = Codebook.json(survey).compact
    guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
    else {
      throw CommandFailure.input("'\(path)': its codebook could not be read (a bug)")
    }
    return object
  }
}
