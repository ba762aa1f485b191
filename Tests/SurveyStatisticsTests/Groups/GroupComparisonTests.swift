import Testing

@testable import SurveyStatistics

/// Comparisons between groups (a chapter against the rest, wave 1 against wave 2, the same
/// people across waves, exposed against unexposed) against R, and Benjamini-Hochberg over them.
@Suite("Group comparisons against R")
struct GroupComparisonTests {
  let data = GroupData.shared

  /// Checks the four comparisons of two sets of rows against one reference entry, and returns
  /// the p values in the reference's BH order (welch, chi-square, Mann-Whitney).
  func check(
    _ first: [GroupData.Row], _ second: [GroupData.Row], _ entry: [String: Any], _ label: String
  )
    -> (welch: Double?, chi: Double?, mannWhitney: Double?)
  {
    let scoreA = GroupData.accumulate(first, \.score)
    let scoreB = GroupData.accumulate(second, \.score)
    let welch = Comparison.means(scoreA, scoreB)
    #expect(welch?.test == .welch)
    expectClose(welch?.difference, number(entry, "welch", "estimate"), family: "welch", label)
    expectClose(welch?.statistic, number(entry, "welch", "statistic"), family: "welch", label)
    expectClose(welch?.degreesOfFreedom, number(entry, "welch", "df"), family: "welch df", label)
    expectClose(welch?.pValue, number(entry, "welch", "p"), family: "welch p", label)
    expectClose(welch?.interval?.lower, number(entry, "welch", "lower"), family: "welch ci", label)
    expectClose(welch?.interval?.upper, number(entry, "welch", "upper"), family: "welch ci", label)

    let flagA = GroupData.accumulate(first, \.flag)
    let flagB = GroupData.accumulate(second, \.flag)
    #expect(Double(flagA.trueCount) == number(entry, "shares", "k1"), "\(label)")
    #expect(Double(flagA.known) == number(entry, "shares", "n1"), "\(label)")
    #expect(Double(flagB.trueCount) == number(entry, "shares", "k2"), "\(label)")
    #expect(Double(flagB.known) == number(entry, "shares", "n2"), "\(label)")
    let shares = Comparison.shares(flagA, flagB)
    expectClose(
      shares?.interval?.lower, number(entry, "shares", "newcombe_lower"), family: "newcombe", label)
    expectClose(
      shares?.interval?.upper, number(entry, "shares", "newcombe_upper"), family: "newcombe", label)
    expectClose(shares?.effect, number(entry, "shares", "cramer_v"), family: "cramer v", label)
    let table = TwoByTwoTable(
      a: flagA.trueCount, b: flagA.falseCount, c: flagB.trueCount, d: flagB.falseCount)
    let chi = table.contingencyTable.flatMap(ChiSquareTest.pearson)
    expectClose(chi?.statistic, number(entry, "shares", "chisq"), family: "chi-square", label)
    expectClose(chi?.pValue, number(entry, "shares", "chisq_p"), family: "chi-square p", label)
    let fisher = FisherExactTest.twoSided(table)
    expectClose(
      fisher.pValue, number(entry, "shares", "fisher_p"), tolerance: 1e-6, family: "fisher", label)
    // The comparison picks Fisher exactly when an expected count is below 5.
    if let chi, let shares {
      #expect(shares.test == (chi.minimumExpected >= 5 ? .chiSquare : .fisher), "\(label)")
      #expect(shares.pValue == (shares.test == .chiSquare ? chi.pValue : fisher.pValue), "\(label)")
    }

    let itemsA = GroupData.items(first)
    let itemsB = GroupData.items(second)
    let mannWhitney = Comparison.ordinal(itemsA, itemsB)
    expectClose(
      mannWhitney?.statistic, number(entry, "mann_whitney", "w"), family: "mann-whitney", label)
    expectClose(
      mannWhitney?.pValue, number(entry, "mann_whitney", "p"), family: "mann-whitney p", label)
    let categorical = Comparison.categorical([itemsA, itemsB])
    expectClose(
      categorical?.statistic, number(entry, "item_chisq", "statistic"), family: "item chi-square",
      label)
    expectClose(
      categorical?.degreesOfFreedom, number(entry, "item_chisq", "df"), family: "item chi-square",
      label)
    expectClose(
      categorical?.pValue, number(entry, "item_chisq", "p"), family: "item chi-square p", label)
    expectClose(
      categorical?.effect, number(entry, "item_chisq", "cramer_v"), family: "item cramer v", label)
    return (welch?.pValue, chi?.pValue, mannWhitney?.pValue)
  }

  @Test("each chapter against the rest, wave against wave, and Benjamini-Hochberg over all")
  func chaptersAndWaves() throws {
    let data = try #require(data)
    var welch: [Double?] = []
    var chi: [Double?] = []
    var mannWhitney: [Double?] = []
    var blocks: [[Double?]] = []
    for entry in list(data.reference, "chapter_vs_rest") {
      let chapter = try #require(entry["chapter"] as? String)
      let wave = Int(number(entry, "wave") ?? 0)
      let rows = data.rows(chapter: nil, wave: wave)
      let p = check(
        rows.filter { $0.chapter == chapter }, rows.filter { $0.chapter != chapter }, entry,
        "\(chapter)/\(wave)")
      welch.append(p.welch)
      chi.append(p.chi)
      mannWhitney.append(p.mannWhitney)
    }
    blocks += [welch, chi, mannWhitney]
    (welch, chi, mannWhitney) = ([], [], [])
    for entry in list(data.reference, "waves") {
      let chapter = entry["chapter"] as? String
      let p = check(
        data.rows(chapter: chapter, wave: 1), data.rows(chapter: chapter, wave: 2), entry,
        "\(chapter ?? "organization") waves")
      welch.append(p.welch)
      chi.append(p.chi)
      mannWhitney.append(p.mannWhitney)
    }
    blocks += [welch, chi, mannWhitney]
    let pValues = blocks.flatMap { $0 }.compactMap { $0 }
    let bh = data.reference["bh"] as? [String: Any]
    let expectedRaw = (bh?["p"] as? [Any])?.compactMap { number($0) } ?? []
    let expectedAdjusted = (bh?["adjusted"] as? [Any])?.compactMap { number($0) } ?? []
    try #require(pValues.count == expectedRaw.count)
    var comparisons = pValues.map {
      Comparison(
        test: .welch, statistic: 0, pValue: $0, firstCount: 1, secondCount: 1)
    }
    ComparisonFamily.adjust(&comparisons)
    for (index, comparison) in comparisons.enumerated() {
      expectClose(comparison.pValue, expectedRaw[index], family: "bh input", "\(index)")
      expectClose(comparison.adjustedPValue, expectedAdjusted[index], family: "bh", "\(index)")
    }
  }

  @Test("the same people across waves: paired t, McNemar and Wilcoxon")
  func paired() throws {
    let data = try #require(data)
    for entry in list(data.reference, "paired") {
      let chapter = entry["chapter"] as? String
      let label = chapter ?? "organization"
      let earlier = Dictionary(
        data.rows(chapter: chapter, wave: 1).map { ($0.chapter + "/" + $0.person, $0) },
        uniquingKeysWith: { a, _ in a })
      var scores = PairedAccumulator()
      var flags = PairedAccumulator()
      var itemChanges: [Double] = []
      for later in data.rows(chapter: chapter, wave: 2) {
        guard let first = earlier[later.chapter + "/" + later.person] else { continue }
        scores.add(earlier: first.score, later: later.score, isShare: false)
        flags.add(earlier: first.flag, later: later.flag, isShare: true)
        if let a = first.item, let b = later.item { itemChanges.append(Double(b - a)) }
      }
      #expect(Double(scores.count) == number(entry, "t", "n"), "\(label)")
      let t = Comparison.paired(scores, isShare: false)
      #expect(t?.test == .pairedT)
      expectClose(t?.difference, number(entry, "t", "estimate"), family: "paired t", label)
      expectClose(t?.statistic, number(entry, "t", "statistic"), family: "paired t", label)
      expectClose(t?.degreesOfFreedom, number(entry, "t", "df"), family: "paired t", label)
      expectClose(t?.pValue, number(entry, "t", "p"), family: "paired t p", label)
      expectClose(t?.interval?.lower, number(entry, "t", "lower"), family: "paired t ci", label)
      expectClose(t?.interval?.upper, number(entry, "t", "upper"), family: "paired t ci", label)
      #expect(Double(flags.table.a) == number(entry, "mcnemar", "a"), "\(label)")
      #expect(Double(flags.table.b) == number(entry, "mcnemar", "b"), "\(label)")
      #expect(Double(flags.table.c) == number(entry, "mcnemar", "c"), "\(label)")
      #expect(Double(flags.table.d) == number(entry, "mcnemar", "d"), "\(label)")
      let mcnemar = Comparison.paired(flags, isShare: true)
      #expect(mcnemar?.test == .mcnemar)
      expectClose(mcnemar?.pValue, number(entry, "mcnemar", "p"), family: "mcnemar", label)
      let wilcoxon = WilcoxonSignedRankTest.approximate(
        differences: itemChanges, continuityCorrection: true)
      expectClose(wilcoxon?.pValue, number(entry, "wilcoxon", "p"), family: "wilcoxon", label)
    }
  }

  @Test("exposed against unexposed, and Spearman's rho from counts")
  func exposure() throws {
    let data = try #require(data)
    let reference = data.reference["exposure"]
    let rows = data.rows(chapter: nil, wave: 1)
    var cause = CauseAccumulator(outcomes: 2)
    var scoreJoint = JointHistogram()
    var flagJoint = JointHistogram()
    for row in rows {
      if let exposed = row.exposed {
        for (outcome, value) in [row.score, row.flag].enumerated() {
          if exposed == 1 {
            cause.exposed[outcome].add(value, weight: row.weight)
          } else {
            cause.unexposed[outcome].add(value, weight: row.weight)
          }
        }
      }
      if let index = row.index, let score = row.score { scoreJoint.add(index, score) }
      if let index = row.index, let flag = row.flag { flagJoint.add(index, flag) }
    }
    let score = try #require(
      CauseRelation.relation(cause: 0, outcome: 0, accumulator: cause, isShare: false))
    expectClose(
      score.comparison.difference, number(reference, "score", "estimate"), family: "exposure welch")
    expectClose(
      score.comparison.pValue, number(reference, "score", "p"), family: "exposure welch p")
    expectClose(
      score.comparison.interval?.lower, number(reference, "score", "lower"),
      family: "exposure welch ci")
    expectClose(
      score.comparison.interval?.upper, number(reference, "score", "upper"),
      family: "exposure welch ci")
    let flag = try #require(
      CauseRelation.relation(cause: 0, outcome: 1, accumulator: cause, isShare: true))
    expectClose(
      flag.comparison.interval?.lower, number(reference, "flag", "newcombe_lower"),
      family: "exposure newcombe")
    expectClose(
      flag.comparison.interval?.upper, number(reference, "flag", "newcombe_upper"),
      family: "exposure newcombe")
    expectClose(
      flag.comparison.effect, number(reference, "flag", "cramer_v"), family: "exposure cramer v")
    let expectedP =
      flag.comparison.test == .chiSquare
      ? number(reference, "flag", "chisq_p") : number(reference, "flag", "fisher_p")
    expectClose(flag.comparison.pValue, expectedP, tolerance: 1e-6, family: "exposure share p")
    for (joint, key) in [(scoreJoint, "spearman"), (flagJoint, "spearman_flag")] {
      #expect(Double(joint.count) == number(reference, key, "n"))
      let rho = SpearmanCorrelation.test(joint)
      expectClose(rho?.rho, number(reference, key, "rho"), family: "spearman counts", key)
      expectClose(rho?.pValue, number(reference, key, "p"), family: "spearman counts p", key)
    }
  }
}
