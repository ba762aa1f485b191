import Testing

@testable import SurveyStatistics

/// Per-group estimates from the single-pass accumulators against R (`groups_reference.R`):
/// unweighted and weighted means and shares, intervals, quantiles from counts and Kish's n, on
/// groups with missing answers, ties, a group of 3 and a group whose answers are all equal.
@Suite("Group estimates against R")
struct GroupEstimateTests {
  let data = GroupData.shared

  @Test("the reference data loaded")
  func loaded() throws {
    let data = try #require(data)
    #expect(data.rows.count == 159)
    #expect(list(data.reference, "groups").count == 10)
  }

  @Test("means, spreads, quantiles and t intervals of scores")
  func scores() throws {
    let data = try #require(data)
    for group in list(data.reference, "groups") {
      let chapter = group["chapter"] as? String
      let wave = Int(number(group, "wave") ?? 0)
      let rows = data.rows(chapter: chapter, wave: wave)
      let label = "\(chapter ?? "organization")/\(wave)"
      #expect(Double(rows.count) == number(group, "rows"), "\(label)")
      let score = GroupData.accumulate(rows, \.score)
      let estimate = try #require(score.mean(), "\(label)")
      #expect(Double(estimate.count) == number(group, "score", "n"))
      #expect(Double(estimate.unknown) == number(group, "score", "missing"))
      expectClose(estimate.mean, number(group, "score", "mean"), family: "group mean", label)
      expectClose(
        estimate.standardDeviation, number(group, "score", "sd"), family: "group sd", label)
      expectClose(
        estimate.interval?.lower, number(group, "score", "t_lower"), family: "group t", label)
      expectClose(
        estimate.interval?.upper, number(group, "score", "t_upper"), family: "group t", label)
      expectClose(estimate.median, number(group, "score", "median"), family: "group median", label)
      expectClose(estimate.lowerQuartile, number(group, "score", "q1"), family: "group q1", label)
      expectClose(estimate.upperQuartile, number(group, "score", "q3"), family: "group q3", label)
      let items = GroupData.items(rows)
      expectClose(items.median, number(group, "item", "median"), family: "item median", label)
      expectClose(items.lowerQuartile, number(group, "item", "q1"), family: "item q1", label)
      expectClose(items.upperQuartile, number(group, "item", "q3"), family: "item q3", label)
    }
  }

  @Test("weighted means with the survey package's domain standard errors")
  func weightedScores() throws {
    let data = try #require(data)
    for group in list(data.reference, "groups") {
      let chapter = group["chapter"] as? String
      let wave = Int(number(group, "wave") ?? 0)
      let label = "\(chapter ?? "organization")/\(wave)"
      let design = data.rows(chapter: nil, wave: wave).count
      let score = GroupData.accumulate(data.rows(chapter: chapter, wave: wave), \.score)
      let estimate = try #require(score.mean(weighted: true, designSize: design), "\(label)")
      #expect(estimate.isWeighted)
      expectClose(estimate.mean, number(group, "score", "w_mean"), family: "weighted mean", label)
      let standardError = try #require(
        score.moments.meanEstimate(designSize: design, designEffect: nil))
      expectClose(
        standardError.standardError, number(group, "score", "w_se"), family: "weighted se", label)
      expectClose(
        estimate.interval?.lower, number(group, "score", "w_lower"), family: "weighted ci", label)
      expectClose(
        estimate.interval?.upper, number(group, "score", "w_upper"), family: "weighted ci", label)
      expectClose(estimate.effectiveSize, number(group, "score", "kish"), family: "kish", label)
    }
  }

  @Test("shares with Wilson, Clopper-Pearson and Korn-Graubard intervals")
  func shares() throws {
    let data = try #require(data)
    for group in list(data.reference, "groups") {
      let chapter = group["chapter"] as? String
      let wave = Int(number(group, "wave") ?? 0)
      let label = "\(chapter ?? "organization")/\(wave)"
      let design = data.rows(chapter: nil, wave: wave).count
      let flag = GroupData.accumulate(data.rows(chapter: chapter, wave: wave), \.flag)
      let wilson = try #require(flag.share(), "\(label)")
      #expect(Double(wilson.successes) == number(group, "flag", "k"))
      #expect(Double(wilson.trials) == number(group, "flag", "n"))
      #expect(Double(wilson.unknown) == number(group, "flag", "missing"))
      expectClose(
        wilson.interval?.lower, number(group, "flag", "wilson_lower"), family: "wilson", label)
      expectClose(
        wilson.interval?.upper, number(group, "flag", "wilson_upper"), family: "wilson", label)
      let exact = try #require(flag.share(method: .clopperPearson))
      expectClose(
        exact.interval?.lower, number(group, "flag", "cp_lower"), tolerance: 1e-6, family: "cp",
        label)
      expectClose(
        exact.interval?.upper, number(group, "flag", "cp_upper"), tolerance: 1e-6, family: "cp",
        label)
      let weighted = try #require(flag.share(weighted: true, designSize: design))
      expectClose(
        weighted.proportion, number(group, "flag", "w_p"), family: "weighted share", label)
      expectClose(
        weighted.interval?.lower, number(group, "flag", "w_beta_lower"), tolerance: 1e-6,
        family: "korn-graubard",
        label)
      expectClose(
        weighted.interval?.upper, number(group, "flag", "w_beta_upper"), tolerance: 1e-6,
        family: "korn-graubard",
        label)
      expectClose(weighted.effectiveSize, number(group, "flag", "kish"), family: "kish", label)
    }
  }
}
