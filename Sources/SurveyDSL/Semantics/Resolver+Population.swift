import SurveyCore

extension Resolver {
  /// The population of the `rake` lines: each margin's variable and categories resolved, its
  /// counts checked (every answer counted once, counts of zero or more and not all zero,
  /// percentages adding to 100%, margins counting the same members), and the trimming bounds.
  mutating func resolvePopulation(_ attributes: [Attribute], survey: Survey) -> Population? {
    guard !attributes.isEmpty else { return nil }
    var margins: [Population.Margin] = []
    var trim: ClosedRange<Double>?
    var lines: [String: SourceRange] = [:]
    for attribute in attributes {
      guard case .rake(let rake) = attribute.value else { continue }
      switch rake {
      case .file: continue  // replaced by the file's lines when it was read
      case .trim(let range):
        guard let low = range.lowValue, let high = range.highValue, low > 0, low <= 1,
          high >= 1
        else {
          report(
            .error, "check.rakeTrim",
            "trimming bounds must be a number from above 0 to 1, then a number of at least 1: "
              + "each weight adjustment is kept between these multiples of the average one",
            at: range.range, label: "for example: rake trim 0.3..3")
          continue
        }
        if trim != nil {
          report(
            .error, "check.duplicateAttribute", "trimming bounds are given twice", at: range.range)
        }
        trim = low...high
      case .margin(let name, let counts, let wave):
        let key = name.text.lowercased() + "\u{0}" + (wave?.text ?? "")
        if let first = lines[key] {
          report(
            .error, "check.duplicateMargin",
            "the margin '\(name.text)'" + (wave.map { " for wave \($0.text)" } ?? "")
              + " is given twice", at: name.range,
            notes: [Diagnostic.Note("it is first given here", at: first)])
          continue
        }
        lines[key] = name.range
        guard let margin = resolveMargin(name, counts, wave: wave, survey: survey) else { continue }
        if let index = margins.firstIndex(where: { $0.variable == margin.variable }) {
          guard margins[index].categories == margin.categories,
            margins[index].isShare == margin.isShare
          else {
            report(
              .error, "check.marginWaves",
              "the margin '\(name.text)' lists other categories (or counts instead of "
                + "percentages) for wave \(wave?.text ?? "(every wave)") than for its other "
                + "waves; give the same categories, in the same order, for every wave",
              at: name.range)
            continue
          }
          margins[index].targets.merge(margin.targets) { old, _ in old }
        } else {
          margins.append(margin)
        }
      }
    }
    guard !margins.isEmpty else {
      if let first = attributes.first {
        report(
          .error, "check.rakeWithoutMargins",
          "'rake' needs at least one margin: the members of the roll by the categories of a "
            + "question", at: first.range,
          label: "for example: rake age_band under_30 120, from_30 240, from_50 180")
      }
      return nil
    }
    checkTotals(margins, lines: lines)
    return Population(margins: margins, trim: trim)
  }

  /// One margin line: the variable must be a single-choice question that is not private (or
  /// `chapter`), every category one of its answers, each substantive answer counted.
  private mutating func resolveMargin(
    _ name: Name, _ counts: [RakeCount], wave: Name?, survey: Survey
  ) -> Population.Margin? {
    let variable: Population.Variable
    var choices: [Choice] = []
    if let position = survey.position(ofQuestion: name.text) {
      let question = survey.questions[position]
      guard case .single = question.type, let set = survey.choiceSet(of: question),
        !privateQuestions.contains(question.id)
      else {
        report(
          .error, "check.marginQuestion",
          "a margin must count by a single-choice question that is not private; "
            + "'\(name.text)' is not one", at: name.range)
        return nil
      }
      variable = .question(position)
      choices = set.substantive
    } else if name.text == "chapter" {
      variable = .chapter
    } else {
      report(
        .error, "check.unknownReference",
        "the survey does not ask '\(name.text)', so answers cannot be weighted by it",
        at: name.range,
        label: Suggestion.label(
          for: name.text, in: survey.questions.map(\.id) + ["chapter"])
          ?? "a margin names a single-choice question, or 'chapter'")
      return nil
    }
    var categories: [Population.Category] = []
    var labels: [String] = []
    var values: [Double] = []
    var isShare: Bool?
    var valid = true
    for count in counts {
      let category: Population.Category
      let label: String
      if case .question = variable {
        guard let choice = Self.choice(count.category.text, in: choices) else {
          report(
            .error, "check.unknownMarginCategory",
            "'\(count.category.text)' is not an answer to '\(name.text)'", at: count.category.range,
            label: Suggestion.label(
              for: count.category.text, in: choices.compactMap(\.name))
              ?? "write an answer's name, code or label")
          valid = false
          continue
        }
        category = .code(choice.code)
        label = choice.name ?? choice.label.text(in: survey.defaultLanguage)
      } else {
        category = .chapter(count.category.text)
        label = count.category.text
      }
      if categories.contains(category) {
        report(
          .error, "check.duplicateMarginCategory",
          "'\(count.category.text)' is counted twice in the margin '\(name.text)'",
          at: count.category.range)
        valid = false
        continue
      }
      guard count.count.value >= 0, count.count.value.isFinite else {
        report(
          .error, "check.marginCount",
          "a count of members must be zero or more", at: count.count.range,
          label: "write the number of members on the roll in this category")
        valid = false
        continue
      }
      if let isShare, isShare != count.count.isPercent {
        report(
          .error, "check.marginCount",
          "the margin '\(name.text)' mixes percentages and numbers of members; give one kind",
          at: count.count.range)
        valid = false
        continue
      }
      isShare = count.count.isPercent
      categories.append(category)
      labels.append(label)
      values.append(count.count.value)
    }
    if case .question = variable {
      let missing = choices.filter { choice in !categories.contains(.code(choice.code)) }
      if valid, !missing.isEmpty {
        report(
          .error, "check.marginIncomplete",
          "the margin '\(name.text)' does not count "
            + missing.map { "'\($0.name ?? String($0.code))'" }.joined(separator: ", ")
            + "; every answer needs its number of members in the roll", at: name.range,
          label: "add the missing answers, or merge them in the question")
        valid = false
      }
    }
    if valid, !values.isEmpty, !values.contains(where: { $0 > 0 }) {
      report(
        .error, "check.marginCount",
        "the margin '\(name.text)' counts no members"
          + (wave.map { " for wave \($0.text)" } ?? "")
          + "; give the number of members on the roll in each category", at: name.range)
      valid = false
    }
    if isShare == true, valid, abs(values.reduce(0, +) - 1) > 0.005 {
      report(
        .error, "check.marginPercent",
        "the percentages of the margin '\(name.text)' add up to "
          + "\((values.reduce(0, +) * 1000).rounded() / 10)%, not 100%", at: name.range)
      valid = false
    }
    guard valid, !categories.isEmpty else { return nil }
    return Population.Margin(
      variable: variable, name: name.text, categories: categories, labels: labels,
      targets: [wave?.text: values], isShare: isShare ?? false)
  }

  /// The choice a category names: by name (any case), by code, or by label in any language.
  private static func choice(_ text: String, in choices: [Choice]) -> Choice? {
    let lowered = text.lowercased()
    return choices.first { $0.name?.lowercased() == lowered }
      ?? Int(text).flatMap { code in choices.first { $0.code == code } }
      ?? choices.first { choice in
        choice.label.values.values.contains { $0.lowercased() == lowered }
      }
  }

  /// Margins in numbers of members must count the same members (per wave).
  private mutating func checkTotals(_ margins: [Population.Margin], lines: [String: SourceRange]) {
    let waves = Set(margins.flatMap { $0.targets.keys })
    for wave in waves {
      var totals: [(String, Double)] = []
      for margin in margins where !margin.isShare {
        guard let targets = wave.flatMap({ margin.targets[$0] }) ?? margin.targets[nil] else {
          continue
        }
        totals.append((margin.name, targets.reduce(0, +)))
      }
      guard let first = totals.first,
        let other = totals.first(where: { abs($0.1 - first.1) > 1e-9 * first.1 })
      else { continue }
      let range = lines[other.0.lowercased() + "\u{0}" + (wave ?? "")] ?? lines.values.first
      report(
        .error, "check.marginTotals",
        "the margins count different numbers of members"
          + (wave.map { " for wave \($0)" } ?? "") + ": '\(first.0)' counts "
          + Self.count(first.1) + ", '\(other.0)' counts " + Self.count(other.1)
          + "; every margin must count the same members", at: range,
        label: "correct the counts, or give this margin in percentages")
    }
  }

  private static func count(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
  }
}
