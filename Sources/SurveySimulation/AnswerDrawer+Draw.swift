import Foundation
import SurveyCore

extension AnswerDrawer {
  /// Draws an answer for the shown question at a position.
  mutating func draw(_ position: Int, avoidMissing: Bool = false) -> Answer {
    let plan = simulator.model.questions[position]
    let question = plan.question
    switch plan.role {
    case .chapter: return simulator.chapterAnswers[min(chapter, simulator.chapterAnswers.count - 1)]
    case .wave: return waveAnswer(question)
    case .weight:
      return .number(clamp((exp(0.35 * random.normal()) * 100).rounded() / 100, question))
    case .privateField: return privateAnswer(plan)
    case .ordinary: break
    }
    if !question.isRequired, !avoidMissing, random.chance(0.03) { return .blank }
    if !avoidMissing, !plan.missing.isEmpty, random.chance(0.02) {
      let choice = plan.missing[random.integer(in: 0...(plan.missing.count - 1))]
      return .missing(choice.missing ?? .refused, code: choice.code)
    }
    switch question.type {
    case .single:
      guard !plan.substantive.isEmpty else { return .blank }
      if plan.hasOther, random.chance(0.04) {
        otherTexts[question.id] =
          FakeData.remarks[random.integer(in: 0...(FakeData.remarks.count - 1))]
        return .blank
      }
      return .code(plan.substantive[category(latentValue(plan), count: plan.substantive.count)])
    case .multiple:
      return multipleAnswer(plan)
    case .number(let kind, let low, let high):
      return .number(number(kind: kind, low: low, high: high, latent: latentValue(plan)))
    case .text:
      guard question.isRequired || random.chance(0.3) else { return .blank }
      return .text(FakeData.remarks[random.integer(in: 0...(FakeData.remarks.count - 1))])
    case .date(let low, let high):
      let from = low ?? (CivilDate.days(year: 1950, month: 1, day: 1) ?? 0)
      let to = high ?? (CivilDate.days(year: 2025, month: 12, day: 31) ?? 0)
      return .date(from + random.integer(in: 0...max(0, to - from)))
    }
  }

  /// A normal latent value: scale items follow connection with their loading; other questions
  /// lean on it only slightly.
  private mutating func latentValue(_ plan: QuestionPlan) -> Double {
    if let item = plan.loading {
      let loading = item.loading
      return loading * item.sign * connection + (1 - loading * loading).squareRoot()
        * random.normal() + item.shift
    }
    return 0.25 * connection + 0.97 * random.normal() + plan.tilt
  }

  /// The category of a latent value among `count` equally likely categories.
  private func category(_ latent: Double, count: Int) -> Int {
    var index = 0
    while index < count - 1, latent > normalQuantile(Double(index + 1) / Double(count)) {
      index += 1
    }
    return index
  }

  private mutating func multipleAnswer(_ plan: QuestionPlan) -> Answer {
    let choices = plan.substantive
    guard !choices.isEmpty else { return .blank }
    let id = plan.question.id
    if plan.hasOther, random.chance(0.05) {
      otherTexts[id] = FakeData.remarks[random.integer(in: 0...(FakeData.remarks.count - 1))]
    }
    var chosen: [Int] = []
    for (position, code) in choices.enumerated() where !plan.exclusive.contains(code) {
      let sign = position % 2 == 0 ? 1.0 : -1.0
      if random.chance(logistic(-0.7 + 0.5 * sign * connection + plan.tilt)) { chosen.append(code) }
    }
    if chosen.isEmpty, otherTexts[id] == nil {
      if let none = choices.first(where: plan.exclusive.contains) { return .codes([none]) }
      if let first = choices.first { chosen = [first] }
    }
    return chosen.isEmpty ? .blank : .codes(chosen)
  }

  private mutating func number(kind: NumberKind, low: Double?, high: Double?, latent: Double)
    -> Double
  {
    let from = low ?? 0
    let to = high ?? (from + 100)
    let u = min(max(0.5 + 0.5 * tanh(latent / 1.6), 0), 1)
    let value: Double
    if to - from <= 24 {
      value = from + (to - from) * u
    } else {
      value = from + (to - from) * pow(u, 2.2)
    }
    let rounded = kind == .integer ? value.rounded() : (value * 10).rounded() / 10
    return min(max(rounded, from), to)
  }

  private func clamp(_ value: Double, _ question: Question) -> Double {
    guard case .number(_, let low, let high) = question.type else { return value }
    return min(max(value, low ?? value), high ?? value)
  }

  private func waveAnswer(_ question: Question) -> Answer {
    switch question.type {
    case .single:
      let codes = survey.choiceSet(of: question)?.substantive.map(\.code) ?? []
      return codes.indices.contains(wave - 1) ? .code(codes[wave - 1]) : .blank
    case .number: return .number(Double(wave))
    default: return .text(String(wave))
    }
  }

  private mutating func privateAnswer(_ plan: QuestionPlan) -> Answer {
    let question = plan.question
    guard random.chance(0.85) || question.isRequired else { return .blank }
    let id = question.id.lowercased()
    if id.contains("mail") { return .text(FakeData.email(person: person)) }
    if id.contains("phone") || id.contains("tel") { return .text(FakeData.phone(person: person)) }
    switch question.type {
    case .text: return .text(FakeData.name(person: person))
    case .number(let kind, let low, let high):
      return .number(number(kind: kind, low: low, high: high, latent: random.normal()))
    case .single: return plan.substantive.first.map { .code($0) } ?? .blank
    case .multiple: return plan.substantive.first.map { .codes([$0]) } ?? .blank
    case .date(let low, _): return .date(low ?? 0)
    }
  }
}
