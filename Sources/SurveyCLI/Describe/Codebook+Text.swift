import SurveyCore
import SurveyStatistics

extension Codebook {
  /// The codebook as plain text, in one language.
  static func text(_ survey: Survey, language: String) -> String {
    var out = TextCodebook(survey: survey, language: language)
    out.header()
    out.questions()
    out.derivedValues()
    out.scales()
    out.causes()
    out.indicators()
    out.libraries()
    return out.text
  }
}

private struct TextCodebook {
  let survey: Survey
  let language: String
  var text = ""

  func local(_ text: LocalizedText?) -> String {
    text?.text(in: language, fallback: survey.defaultLanguage) ?? ""
  }

  mutating func line(_ indent: Int, _ content: String) {
    text += String(repeating: "  ", count: indent) + content + "\n"
  }

  mutating func header() {
    line(0, "\(local(survey.title)) (\(survey.id), version \(survey.version))")
    let languages = survey.languages.enumerated().map { position, language in
      let notes = [
        position == 0 ? "default" : nil,
        language.isDraft ? "draft translation, review before fielding" : nil,
      ]
      return "\(language.name) ("
        + ([language.code] + notes.compactMap { $0 }).joined(separator: ", ") + ")"
    }
    line(0, "Languages: " + languages.joined(separator: ", "))
    let roles = survey.roles
    line(
      0,
      "Chapter: " + (roles.chapter.map { "question '\($0)'" } ?? "assigned at import") + ". Wave: "
        + (roles.wave.map { "question '\($0)'" } ?? "assigned at import") + ". Weight: "
        + (roles.weight.map { "question '\($0)'" } ?? "none") + ".")
    if let population = survey.population { line(0, Self.rakingLine(population)) }
    let privacy = survey.privacy
    line(
      0,
      "Privacy: no figures for groups under \(privacy.minGroup); answer counts and their complements 0 or at least \(privacy.minCell); no 0% or 100% for groups under \(privacy.noExtremesBelow); free text \(privacy.freeText.rawValue)."
    )
    let counts = [
      CheckCommand.count(survey.questions.count, "question"),
      CheckCommand.count(survey.scales.count, "scale"),
      CheckCommand.count(survey.indicators.count, "indicator"),
      CheckCommand.count(survey.causes.count, "cause"),
    ]
    line(0, "Contents: " + counts.joined(separator: ", ") + ".")
    if let description = survey.description { line(0, local(description)) }
  }

  mutating func questions() {
    var currentSection: String?? = .none
    for question in survey.questions {
      if currentSection != .some(question.section) {
        currentSection = .some(question.section)
        text += "\n"
        if let id = question.section, let section = survey.section(id) {
          line(0, "SECTION \(id): \(local(section.title))")
          if let description = section.description { line(1, local(description)) }
          if let relevance = section.relevance { line(1, "shown if " + survey.text(of: relevance)) }
        } else {
          line(0, "QUESTIONS")
        }
      }
      describe(question)
    }
  }

  mutating func describe(_ question: Question) {
    var flags = [Codebook.typeText(question.type)]
    if let unit = question.unit { flags.append("unit \"\(local(unit))\"") }
    if question.isRequired { flags.append("required") }
    if let mode = question.privateMode {
      flags.append(mode == .hashed ? "private, stored as a salted hash" : "private, never stored")
    }
    if let grid = question.grid { flags.append("row of grid '\(grid)'") }
    line(1, "\(question.id): " + flags.joined(separator: ", "))
    line(2, local(question.text))
    if let hint = question.hint { line(2, "hint: " + local(hint)) }
    if let relevance = question.relevance { line(2, "shown if " + survey.text(of: relevance)) }
    for check in question.checks {
      line(
        2,
        (check.isHard ? "check " : "warn ") + survey.text(of: check.condition) + ": \""
          + local(check.message) + "\"")
    }
    if !question.renamedFrom.isEmpty {
      line(2, "renamed from " + question.renamedFrom.joined(separator: ", "))
    }
    if let set = survey.choiceSet(of: question) {
      for choice in set.choices {
        let name = choice.name.map { " \($0)" } ?? ""
        let missing = choice.missing.map { " (missing: \($0.rawValue))" } ?? ""
        line(3, "\(choice.code)\(name): \(local(choice.label))\(missing)")
      }
    }
    if let other = question.otherID {
      line(2, "'other' text in \(other): \(local(question.otherLabel))")
    }
    let provenance = Codebook.provenanceText(question.provenance)
    if !provenance.isEmpty { line(2, "source: " + provenance) }
  }

  mutating func derivedValues() {
    guard !survey.derived.isEmpty else { return }
    text += "\n"
    line(0, "DERIVED VALUES")
    for value in survey.derived {
      line(
        1,
        "\(value.id): \(local(value.title)) (\(value.kind == .condition ? "a condition" : "a number"))"
      )
      line(2, "compute " + survey.text(of: value.expression))
    }
  }

  mutating func scales() {
    guard !survey.scales.isEmpty else { return }
    text += "\n"
    line(0, "SCALES")
    for scale in survey.scales {
      line(1, "\(scale.id): \(local(scale.title))")
      line(
        2,
        "items: " + scale.items.joined(separator: ", ")
          + (scale.reversed.isEmpty ? "" : "; reversed: " + scale.reversed.joined(separator: ", ")))
      var rule =
        "score: \(scale.rule.rawValue), at least \(scale.minAnswered) of \(scale.items.count) items answered"
      if let range = survey.scoreRange(of: scale) {
        rule +=
          ", range \(JSONValue.format(range.lowerBound))..\(JSONValue.format(range.upperBound))"
      }
      line(2, rule)
      for band in scale.bands {
        line(
          2,
          "band \(JSONValue.format(band.low))..\(JSONValue.format(band.high)): \(local(band.label))"
        )
      }
      let provenance = Codebook.provenanceText(scale.provenance)
      if !provenance.isEmpty { line(2, "source: " + provenance) }
    }
  }

  mutating func causes() {
    guard !survey.causes.isEmpty else { return }
    text += "\n"
    line(0, "CAUSES (\(survey.causes.count))")
    for cause in survey.causes {
      line(1, "\(cause.id): \(local(cause.title))" + (cause.group.map { " [\($0)]" } ?? ""))
      line(2, "exposed if " + survey.text(of: cause.rule))
      let provenance = Codebook.provenanceText(cause.provenance)
      if !provenance.isEmpty { line(2, "source: " + provenance) }
    }
    for index in survey.indexes {
      line(1, "index \(index.id): \(local(index.title))")
      line(
        2,
        "counts \(index.causes.count) causes (known for at least \(index.minKnown)): "
          + index.causes.joined(separator: ", "))
    }
  }

  mutating func indicators() {
    guard !survey.indicators.isEmpty else { return }
    text += "\n"
    line(0, "INDICATORS")
    for indicator in survey.indicators {
      line(1, "\(indicator.id): \(local(indicator.title))")
      line(
        2,
        Codebook.measureText(indicator.measure, in: survey)
          + "; \(indicator.better.rawValue) is better")
      for threshold in indicator.thresholds {
        line(
          2,
          "threshold \(JSONValue.format(threshold.value)): \(local(threshold.label)) (\(threshold.isPublished ? "published" : "toolkit convention"))"
        )
      }
      for benchmark in indicator.benchmarks {
        let details = [benchmark.year, benchmark.source].compactMap { $0 }.joined(separator: ", ")
        line(
          2,
          "benchmark \(JSONValue.format(benchmark.value)): \(benchmark.population)"
            + (details.isEmpty ? "" : " (\(details))")
            + (benchmark.isComparable ? "; comparable" : "; not comparable, context only"))
      }
      let provenance = Codebook.provenanceText(indicator.provenance)
      if !provenance.isEmpty { line(2, "source: " + provenance) }
    }
  }

  mutating func libraries() {
    guard !survey.libraries.isEmpty else { return }
    text += "\n"
    line(0, "LIBRARIES")
    for library in survey.libraries {
      line(1, "\(library.id): \(local(library.title)) (\(library.path))")
      let provenance = Codebook.provenanceText(library.provenance)
      if !provenance.isEmpty { line(2, "source: " + provenance) }
    }
  }

  /// What the survey's weights are raked to.
  private static func rakingLine(_ population: Population) -> String {
    let margins = population.margins.map { margin -> String in
      func counts(_ targets: [Double]) -> String {
        zip(margin.labels, targets).map { label, value in
          label + " " + count(value, share: margin.isShare)
        }.joined(separator: ", ")
      }
      let waves = margin.targets.keys.compactMap { $0 }.sorted(by: WaveOrder.less)
      var parts = waves.map { wave in "wave \(wave): " + counts(margin.targets[wave] ?? []) }
      if let all = margin.targets[nil] {
        parts.append((waves.isEmpty ? "" : "other waves: ") + counts(all))
      }
      return margin.name + " (" + parts.joined(separator: "; ") + ")"
    }
    var text = "Raked, per wave, to the membership roll by " + margins.joined(separator: ", ")
    if let trim = population.trim {
      text +=
        "; adjustments kept within \(trim.lowerBound) and \(trim.upperBound) times the average"
    }
    return text + "."
  }

  /// A count of the roll as written: a whole number, or a percentage.
  private static func count(_ value: Double, share: Bool) -> String {
    let shown = share ? value * 100 : value
    let text = shown == shown.rounded() && abs(shown) < 1e15 ? String(Int(shown)) : String(shown)
    return share ? text + "%" : text
  }
}
