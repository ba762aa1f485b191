import Foundation

/// What changed between two versions of a survey, read from their codebooks (so a stored
/// version can be compared with the file as it is now), each change classified by what it does
/// to comparing answers across the versions.
package struct SurveyDiff: Sendable {
  /// How a change affects comparing answers.
  package enum Impact: String, Sendable, Comparable, CaseIterable {
    /// Wording or translations: answers stay comparable.
    case safe
    /// Something added (a question, an answer option), or a range widened: old answers keep
    /// their meaning.
    case compatible
    /// A code, a type, a range, a scale or a rule changed meaning: answers before and after
    /// cannot be compared.
    case breaking

    package static func < (lhs: Impact, rhs: Impact) -> Bool {
      allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
  }

  /// One change.
  package struct Change: Sendable, Equatable {
    package var impact: Impact
    /// What changed: "question lonely", "scale loneliness", "indicator lonely", "cause unions".
    package var subject: String
    /// The question it concerns, if any (in the new version's ids).
    package var question: String?
    package var description: String
  }

  /// The changes, breaking first.
  package private(set) var changes: [Change] = []
  /// The `renamed from` declarations the comparison relied on: (old id, new id).
  package private(set) var renames: [(old: String, new: String)] = []

  /// Compares two codebooks (`survey describe --format json`).
  package init(old: [String: Any], new: [String: Any]) {
    let oldSets = Self.choiceSets(old)
    let newSets = Self.choiceSets(new)
    let oldQuestions = Self.list(old, "questions")
    let newQuestions = Self.list(new, "questions")
    var matchedOld: Set<String> = []
    for question in newQuestions {
      let id = Self.string(question, "id")
      let renamed = (question["renamedFrom"] as? [String]) ?? []
      let previous =
        oldQuestions.first { Self.string($0, "id") == id }
        ?? oldQuestions.first { renamed.contains(Self.string($0, "id")) }
      guard let previous else {
        add(.compatible, "question \(id)", id, "new question")
        continue
      }
      let oldID = Self.string(previous, "id")
      matchedOld.insert(oldID)
      if oldID != id {
        renames.append((oldID, id))
        add(
          .safe, "question \(id)", id,
          "renamed from \(oldID) (its answers are matched through 'renamed from')")
      }
      compareQuestion(previous, question, id: id, oldSets: oldSets, newSets: newSets)
    }
    for question in oldQuestions where !matchedOld.contains(Self.string(question, "id")) {
      let id = Self.string(question, "id")
      add(
        .breaking, "question \(id)", id,
        "removed (or renamed without 'renamed from'): its answers cannot be followed")
    }
    compareNamed(old, new, "scales", label: "scale") { before, after in
      var problems: [String] = []
      for key in ["items", "reversed", "score", "minAnswered"]
      where !Self.same(before[key], after[key]) {
        problems.append(key == "items" ? "its items changed" : "its \(key) changed")
      }
      return problems
    }
    compareNamed(old, new, "indicators", label: "indicator") { before, after in
      Self.same(before["measure"], after["measure"]) ? [] : ["its definition changed"]
    }
    compareNamed(old, new, "causes", label: "cause") { before, after in
      Self.same(before["exposedIf"], after["exposedIf"]) ? [] : ["its exposure rule changed"]
    }
    changes.sort { ($1.impact, $0.subject) < ($0.impact, $1.subject) }
  }

  mutating func add(_ impact: Impact, _ subject: String, _ question: String?, _ description: String)
  {
    changes.append(
      Change(impact: impact, subject: subject, question: question, description: description))
  }

  /// The questions whose answers cannot be compared across the versions (new ids).
  package var breakingQuestions: [String: String] {
    var result: [String: String] = [:]
    for change in changes where change.impact == .breaking {
      if let question = change.question, result[question] == nil {
        result[question] = change.description
      }
    }
    return result
  }

  /// The most serious impact, or nil when nothing changed.
  package var worst: Impact? { changes.map(\.impact).max() }
}
