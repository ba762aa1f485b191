import SurveyCore
import SurveyDSL
import Testing

@testable import SurveyStatistics

/// A small survey for disclosure tests: one ordinal item with a share indicator, one number
/// with a mean indicator, one cause.
enum AttackSurvey {
  static let text = """
    survey attack "Attack survey"
      version 1
      languages en "English"

    choices often
      1 never "Never"
      2 sometimes "Sometimes"
      3 often "Often"
      4 always "Always"
      missing refused 9 "Prefer not to say"

    question lonely "How often do you feel lonely?"
      single often

    question friends "How many close friends do you have?"
      integer 0..50

    question renter "Do you rent your home?"
      yes-no

    cause renting "Renting"
      exposed if renter = yes

    indicator often_lonely "Often or always lonely"
      share lonely in (often, always)
      better lower

    indicator friends_mean "Close friends (mean)"
      mean friends
      better higher

    """

  static func survey() throws -> Survey {
    let compiled = SurveyCompiler.compile(text: text, path: "attack.survey")
    return try #require(compiled.survey, "\(compiled.diagnostics)")
  }

  /// Answers: lonely code, friends count, renter.
  static func answers(lonely: Int?, friends: Int?, renter: Bool? = nil, survey: Survey) -> [Answer]
  {
    var answers = Array(repeating: Answer.blank, count: survey.questions.count)
    for (position, question) in survey.questions.enumerated() {
      switch question.id {
      case "lonely": answers[position] = lonely.map { .code($0) } ?? .blank
      case "friends": answers[position] = friends.map { .number(Double($0)) } ?? .blank
      case "renter":
        answers[position] = renter.map { .code($0 ? 1 : 0) } ?? .blank
      default: break
      }
    }
    return answers
  }
}
