import Foundation
import SurveyCore

/// What to simulate: how many respondents, in which chapters and waves, from which seed.
package struct SimulationPlan: Sendable {
  /// Respondents per wave.
  package var respondents: Int
  /// The number of chapters.
  package var chapters: Int
  /// Relative chapter sizes (defaults to sizes falling off like a real organization's).
  package var chapterWeights: [Double]?
  /// The number of waves.
  package var waves: Int
  /// The seed: the same seed gives the same answers, byte for byte.
  package var seed: UInt64
  /// The share of a wave's respondents who answered the wave before too.
  package var panelShare: Double = 0.6
  /// The day the first wave's fieldwork starts (days since 1970-01-01).
  package var firstDay: Int = CivilDate.days(year: 2026, month: 3, day: 2) ?? 0
  /// Days between the starts of two waves.
  package var daysBetweenWaves: Int = 182
  /// Days each wave's fieldwork lasts.
  package var fieldworkDays: Int = 28

  /// Creates a plan.
  package init(
    respondents: Int, chapters: Int, waves: Int = 1, seed: UInt64 = 1,
    chapterWeights: [Double]? = nil
  ) {
    self.respondents = respondents
    self.chapters = chapters
    self.waves = waves
    self.seed = seed
    self.chapterWeights = chapterWeights
  }

  /// The relative size of each chapter.
  package var weights: [Double] {
    if let chapterWeights, chapterWeights.count == chapters { return chapterWeights }
    return (0..<chapters).map { 1 / pow(Double($0) + 1.5, 0.75) }
  }
}

/// A synthetic response.
package struct SimulatedResponse: Sendable {
  /// The person (the same in every wave they answer).
  package var person: Int
  /// The wave, from 1.
  package var wave: Int
  /// The chapter, from 0.
  package var chapter: Int
  /// When they started and submitted (seconds since 1970).
  package var startedAt: Int
  /// When they submitted.
  package var submittedAt: Int
  /// One answer per question, in survey order.
  package var answers: [Answer]
  /// "Other" texts by question.
  package var otherTexts: [String: String]
}

/// Why a simulation cannot run.
package enum SimulationError: Error, Equatable, Sendable {
  /// More chapters were asked for than the chapter question offers.
  case tooManyChapters(asked: Int, available: Int, question: String)
  /// A plan value is out of range.
  case invalidPlan(String)

  /// A sentence for the user.
  package var message: String {
    switch self {
    case .tooManyChapters(let asked, let available, let question):
      "'\(question)' offers \(available) chapters, fewer than the \(asked) asked for"
    case .invalidPlan(let reason): reason
    }
  }
}
