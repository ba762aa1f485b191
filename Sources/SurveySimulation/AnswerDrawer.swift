import Foundation
import SurveyCore

/// Draws one respondent's answers question by question.
struct AnswerDrawer {
  let simulator: ResponseSimulator
  let person: Int
  let wave: Int
  let chapter: Int
  let connection: Double
  var random: RandomSource
  var answers: [Answer]
  var otherTexts: [String: String] = [:]

  init(
    simulator: ResponseSimulator, person: Int, wave: Int, chapter: Int, connection: Double,
    random: RandomSource
  ) {
    self.simulator = simulator
    self.person = person
    self.wave = wave
    self.chapter = chapter
    self.connection = connection
    self.random = random
    answers = Array(repeating: .blank, count: simulator.survey.questions.count)
  }

  var survey: Survey { simulator.survey }
  var program: SurveyProgram { simulator.survey.program }

  mutating func drawAll() {
    for position in answers.indices {
      answers[position] = program.isShown(position, answers) ? draw(position) : .blank
    }
  }

  /// Re-draws the questions a cause's rule reads until the rule gives the target exposure.
  mutating func matchCauses(_ targets: [Bool]) {
    for (cause, target) in targets.enumerated() {
      let items = simulator.model.causeItems[cause]
      guard !items.isEmpty else { continue }
      var tries = 0
      while program.exposure(cause: cause, answers) != target, tries < 40 {
        tries += 1
        for position in items where program.isShown(position, answers) {
          guard simulator.model.questions[position].role != .chapter else { continue }
          answers[position] = draw(position, avoidMissing: true)
          refresh(from: position)
        }
      }
    }
  }

  /// Makes every shown answer pass its hard checks and every required, shown question answered.
  mutating func enforceChecks() {
    for position in answers.indices {
      guard program.isShown(position, answers) else {
        answers[position] = .blank
        clearOther(position)
        continue
      }
      let required = simulator.model.questions[position].question.isRequired
      var tries = 0
      while tries < 30, !passes(position) || (required && !answers[position].isSubstantive) {
        tries += 1
        answers[position] = draw(position, avoidMissing: true)
      }
      if !passes(position), !required { answers[position] = .blank }
      // Soft checks flag unusual answers: most people give usual ones, a few do not.
      var softTries = 0
      while softTries < 10, !passesSoft(position), !random.chance(0.02) {
        softTries += 1
        let redrawn = draw(position, avoidMissing: true)
        let previous = answers[position]
        answers[position] = redrawn
        if !passes(position) { answers[position] = previous }
      }
    }
  }

  private func passesSoft(_ position: Int) -> Bool {
    program.checks[position].allSatisfy {
      $0.isHard || program.evaluate($0.condition, answers) != .bool(false)
    }
  }

  private func passes(_ position: Int) -> Bool {
    program.checks[position].allSatisfy {
      !$0.isHard || program.evaluate($0.condition, answers) != .bool(false)
    }
  }

  private mutating func clearOther(_ position: Int) {
    let plan = simulator.model.questions[position]
    if plan.hasOther { otherTexts[plan.question.id] = nil }
  }

  /// After an answer changes, shows or hides the questions whose conditions read it.
  private mutating func refresh(from position: Int) {
    var queue = simulator.model.dependents[position]
    var seen: Set<Int> = []
    while let next = queue.popLast() {
      guard seen.insert(next).inserted else { continue }
      let shown = program.isShown(next, answers)
      if shown, answers[next] == .blank {
        answers[next] = draw(next)
      } else if !shown, answers[next] != .blank {
        answers[next] = .blank
        clearOther(next)
      } else {
        continue
      }
      queue += simulator.model.dependents[next]
    }
  }
}
