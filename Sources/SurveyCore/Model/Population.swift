/// The membership the answers are weighted to: counts of members by category of some questions
/// (or of chapter), from the organization's roll. Reports rake the weights to them, per wave
/// (iterative proportional fitting).
package struct Population: Sendable, Hashable {
  /// The margins, in the order written.
  package var margins: [Margin]
  /// Bounds on each respondent's weight adjustment relative to the average adjustment (`rake
  /// trim 0.3..3`), when set.
  package var trim: ClosedRange<Double>?

  /// Creates a population.
  package init(margins: [Margin], trim: ClosedRange<Double>? = nil) {
    self.margins = margins
    self.trim = trim
  }

  /// What a margin counts by.
  package enum Variable: Sendable, Hashable {
    /// A single-choice question, by its position in ``Survey/questions``.
    case question(Int)
    /// The chapter, as stored.
    case chapter
  }

  /// One category of a margin.
  package enum Category: Sendable, Hashable {
    /// A choice of the question, by code.
    case code(Int)
    /// A chapter, by name.
    case chapter(String)
  }

  /// One margin: a variable, its categories and how many members the roll counts in each.
  package struct Margin: Sendable, Hashable {
    /// What it counts by.
    package var variable: Variable
    /// The variable's name as written (a question's identifier, or `chapter`).
    package var name: String
    /// The categories, in the order written.
    package var categories: [Category]
    /// Each category's label for reports (a choice's label, or the chapter).
    package var labels: [String]
    /// The counts per category: for every wave (key `nil`) or for one wave.
    package var targets: [String?: [Double]]
    /// Whether the counts are shares of the membership (written as percentages).
    package var isShare: Bool

    /// Creates a margin.
    package init(
      variable: Variable, name: String, categories: [Category], labels: [String],
      targets: [String?: [Double]], isShare: Bool
    ) {
      self.variable = variable
      self.name = name
      self.categories = categories
      self.labels = labels
      self.targets = targets
      self.isShare = isShare
    }

    /// The counts that apply to a wave: the wave's own, else those for every wave.
    package func targets(wave: String) -> [Double]? { targets[wave] ?? targets[nil] }

    /// The category a respondent falls in: its index, `-1` when they gave no countable answer
    /// (or have no chapter), and `categories.count` for an answer the margin does not count (a
    /// chapter left out of it).
    package func slot(answer: Answer?, chapter: String?) -> Int {
      switch variable {
      case .chapter:
        guard let chapter else { return -1 }
        return categories.firstIndex(of: .chapter(chapter)) ?? categories.count
      case .question:
        guard case .code(let code)? = answer else { return -1 }
        return categories.firstIndex(of: .code(code)) ?? categories.count
      }
    }
  }

  /// A text that changes whenever the margins or the bounds change (for the fingerprint of
  /// saved counts, which hold the raking cells).
  package var fingerprintText: String {
    margins.map { margin in
      let variable =
        switch margin.variable {
        case .question(let position): "question \(position)"
        case .chapter: "chapter"
        }
      let categories = margin.categories.map { category in
        switch category {
        case .code(let code): "code \(code)"
        case .chapter(let name): "chapter \(name.debugDescription)"
        }
      }
      let targets = margin.targets.map {
        ($0.key.map { "wave " + $0.debugDescription } ?? "all", $0.value)
      }
      .sorted { $0.0 < $1.0 }.map { "\($0.0): \($0.1)" }
      return "margin \(variable) \(categories) share \(margin.isShare) \(targets)"
    }.joined(separator: "\n") + "\ntrim \(trim.map { "\($0)" } ?? "none")"
  }

  /// A respondent's raking cell: their category in each margin, `-1` when they gave none.
  package func cell(answers: [Answer], chapter: String?) -> RakingCell {
    RakingCell(
      margins.map { margin -> Int in
        let answer: Answer? =
          if case .question(let position) = margin.variable, answers.indices.contains(position) {
            answers[position]
          } else {
            nil
          }
        return margin.slot(answer: answer, chapter: chapter)
      })
  }
}

/// A raking cell: one category per margin (`-1` for no answer). Respondents in the same cell
/// of a wave get the same weight adjustment.
package struct RakingCell: Sendable, Hashable, Codable, Comparable {
  /// The category in each margin.
  package var categories: [Int]

  /// Creates a cell.
  package init(_ categories: [Int]) { self.categories = categories }

  package static func < (lhs: RakingCell, rhs: RakingCell) -> Bool {
    lhs.categories.lexicographicallyPrecedes(rhs.categories)
  }
}

/// The weight adjustments reports apply: per wave, one factor per raking cell, multiplying
/// each respondent's base weight (their `weight from` value, else 1).
package struct RakingAdjustments: Sendable, Hashable {
  /// The population raked to.
  package var population: Population
  /// Per wave, each cell's factor.
  package var factors: [String: [RakingCell: Double]]

  /// Creates adjustments.
  package init(population: Population, factors: [String: [RakingCell: Double]]) {
    self.population = population
    self.factors = factors
  }

  /// A respondent's weight: the base weight times their cell's factor (the base weight alone
  /// when their wave was not raked).
  package func weight(base: Double, wave: String, answers: [Answer], chapter: String?) -> Double {
    guard let waveFactors = factors[wave] else { return base }
    let cell = population.cell(answers: answers, chapter: chapter)
    return base * (waveFactors[cell] ?? 1)
  }

  /// A text that changes whenever any factor changes (for the fingerprint of saved counts).
  package var fingerprintText: String {
    factors.keys.sorted().map { wave in
      "wave \(wave): "
        + (factors[wave] ?? [:]).sorted { $0.key < $1.key }.map { cell, factor in
          cell.categories.map(String.init).joined(separator: ",") + "=" + "\(factor)"
        }.joined(separator: " ")
    }.joined(separator: "\n")
  }
}
