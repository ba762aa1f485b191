/// The order in which chapters are listed, in reports and in `survey store`.
///
/// When the survey asks the chapter with a choice question, chapters follow the order of that
/// question's choices (a stored chapter is matched by the choice's name, its label in any
/// language, or its code, ignoring case). Other chapters, and every chapter of a survey that
/// does not ask it, come after them in natural order: text compared without case, numbers by
/// value, so "Chapter 2" comes before "Chapter 10".
package struct ChapterOrder: Sendable {
  /// The position of each choice, by its name, labels and code (lower-cased).
  private let ranks: [String: Int]

  /// One choice of the chapter question, as the order needs it.
  package struct Entry: Sendable {
    /// The choice's code.
    package var code: Int
    /// The choice's name, if it has one.
    package var name: String?
    /// The choice's labels in every language.
    package var labels: [String]

    /// Creates an entry.
    package init(code: Int, name: String?, labels: [String]) {
      self.code = code
      self.name = name
      self.labels = labels
    }
  }

  /// The order of the choices given, in that order.
  package init(choices: [Entry]) {
    var ranks: [String: Int] = [:]
    for (rank, choice) in choices.enumerated() {
      for text in [choice.name, String(choice.code)].compactMap({ $0 }) + choice.labels
      where ranks[text.lowercased()] == nil {
        ranks[text.lowercased()] = rank
      }
    }
    self.ranks = ranks
  }

  /// The order of a survey's chapters: its chapter question's choices, if it has one.
  package init(survey: Survey) {
    guard let id = survey.roles.chapter, let question = survey.question(id),
      let set = survey.choiceSet(of: question)
    else {
      self.init(choices: [])
      return
    }
    self.init(
      choices: set.choices.map { choice in
        let labels = choice.label.values
        return Entry(
          code: choice.code, name: choice.name,
          labels: labels.keys.sorted().compactMap { labels[$0] })
      })
  }

  /// The chapters in order.
  package func sorted(_ chapters: some Sequence<String>) -> [String] {
    chapters.sorted(by: less)
  }

  /// Whether chapter `a` is listed before chapter `b`.
  package func less(_ a: String, _ b: String) -> Bool {
    switch (ranks[a.lowercased()], ranks[b.lowercased()]) {
    case (let x?, let y?) where x != y: return x < y
    case (.some, nil): return true
    case (nil, .some): return false
    default: return Self.naturalLess(a, b)
    }
  }

  /// Natural order: runs of digits compared by value, other text without case; texts that are
  /// equal that way are ordered as they are written, so the order is total.
  package static func naturalLess(_ a: String, _ b: String) -> Bool {
    var left = Substring(a)
    var right = Substring(b)
    while let x = left.first, let y = right.first {
      if x.isASCIIDigit, y.isASCIIDigit {
        let leftRun = left.prefix { $0.isASCIIDigit }
        let rightRun = right.prefix { $0.isASCIIDigit }
        let leftDigits = leftRun.drop { $0 == "0" }
        let rightDigits = rightRun.drop { $0 == "0" }
        if leftDigits.count != rightDigits.count { return leftDigits.count < rightDigits.count }
        if leftDigits != rightDigits { return leftDigits < rightDigits }
        left = left.dropFirst(leftRun.count)
        right = right.dropFirst(rightRun.count)
      } else {
        let leftLower = x.lowercased()
        let rightLower = y.lowercased()
        if leftLower != rightLower { return leftLower < rightLower }
        left = left.dropFirst()
        right = right.dropFirst()
      }
    }
    if left.isEmpty != right.isEmpty { return left.isEmpty }
    return a < b
  }
}

extension Character {
  fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
