import Testing

@testable import SurveyStatistics

/// svymean, svytotal, svyvar, deff, svyby and svyciprop against R's survey 4.1.1.
@Suite struct WeightedTests {
  @Test func estimatesMatchR() throws {
    #expect(ReferenceData.r.weighted.count >= 10)
    for c in ReferenceData.r.weighted {
      let moments = try #require(WeightedMoments(values: c.y, weights: c.w))
      let mean = try #require(moments.meanEstimate(), "\(c.name)")
      let total = try #require(moments.totalEstimate(), "\(c.name)")
      expectClose(mean.estimate, c.mean, family: "svymean", c.name)
      expectClose(mean.standardError, c.meanSE, family: "svymean.se", c.name)
      expectClose(total.estimate, c.total, family: "svytotal", c.name)
      expectClose(total.standardError, c.totalSE, family: "svytotal.se", c.name)
      if let deff = c.meanDeff { expectClose(mean.designEffect, deff, family: "deff.mean", c.name) }
      if let deff = c.totalDeff {
        expectClose(total.designEffect, deff, family: "deff.total", c.name)
      }
      expectClose(moments.variance(), c.variance, family: "svyvar", c.name)
      if let deff = c.meanDeffWithoutReplacement {
        let m = moments.meanEstimate(designEffect: .withoutReplacement)
        expectClose(m?.designEffect, deff, family: "deff.mean", "\(c.name) without replacement")
        let t = moments.totalEstimate(designEffect: .withoutReplacement)
        expectClose(
          t?.designEffect, c.totalDeffWithoutReplacement, family: "deff.total", "\(c.name) wor")
      }
      let normal = try #require(mean.confidenceInterval())
      expectClose(normal.lower, c.meanLower, family: "svymean.ci", c.name)
      expectClose(normal.upper, c.meanUpper, family: "svymean.ci", c.name)
      let df = Double(moments.count + moments.missingCount - 1)
      let t = try #require(mean.confidenceInterval(degreesOfFreedom: df))
      expectClose(t.lower, c.meanTLower, family: "svymean.ci", c.name)
      expectClose(t.upper, c.meanTUpper, family: "svymean.ci", c.name)
    }
  }

  @Test func domainsMatchSvyby() throws {
    #expect(ReferenceData.r.domains.count >= 4)
    for c in ReferenceData.r.domains {
      let domains = try #require(
        WeightedMoments.domains(values: c.y, weights: c.w, domains: c.domains))
      for level in c.levels {
        let label = "\(c.name) \(level.domain)"
        let mean = try #require(domains.mean(level.domain), "\(label)")
        expectClose(mean.estimate, level.mean, family: "svyby.mean", label)
        expectClose(mean.standardError, level.meanSE, family: "svyby.mean.se", label)
        expectClose(mean.designEffect, level.meanDeff, family: "svyby.deff", label)
        let total = try #require(domains.total(level.domain), "\(label)")
        expectClose(total.estimate, level.total, family: "svyby.total", label)
        expectClose(total.standardError, level.totalSE, family: "svyby.total.se", label)
      }
    }
  }

  @Test func proportionIntervalsMatchSvyciprop() throws {
    let cases = ReferenceData.r.surveyProportion + ReferenceData.scipy.surveyWilson
    #expect(cases.count >= 50)
    for c in cases {
      let label = "\(c.name) \(c.method) \(c.level)"
      let methodName = c.method == "xlogit" ? "logit" : c.method
      let method = try #require(SurveyProportionInterval.Method(rawValue: methodName))
      let interval: ConfidenceInterval?
      if let domains = c.domains, let domain = c.domain {
        let split = try #require(
          WeightedMoments.domains(values: c.y.map { $0 }, weights: c.w, domains: domains))
        let moments = try #require(split.moments[domain])
        interval = moments.proportionInterval(
          method: method, level: c.level, designSize: split.designSize)
      } else {
        let moments = try #require(WeightedMoments(values: c.y.map { $0 }, weights: c.w))
        interval = moments.proportionInterval(method: method, level: c.level)
        if let kish = c.kishEffectiveSize {
          expectClose(moments.kishEffectiveSize, kish, family: "kish", c.name)
        }
      }
      let result = try #require(interval, "\(label)")
      expectClose(result.lower, c.lower, family: "svyciprop.\(c.method)", label)
      expectClose(result.upper, c.upper, family: "svyciprop.\(c.method)", label)
    }
  }

  @Test func degenerateInput() throws {
    let constant = try #require(WeightedMoments(values: [1, 1, 1], weights: [1, 2, 3]))
    #expect(constant.proportionInterval(method: .beta) == nil)
    #expect(try #require(constant.meanEstimate()).standardError == 0)
    #expect(try #require(constant.meanEstimate()).designEffect == nil)
    let single = try #require(WeightedMoments(values: [2], weights: [1]))
    #expect(single.meanEstimate() == nil)
    #expect(single.variance() == nil)
    #expect(WeightedMoments().meanEstimate() == nil)
    #expect(WeightedMoments().kishEffectiveSize == nil)
    #expect(WeightedMoments(values: [1, 2], weights: [1]) == nil)
    var skipped = WeightedMoments()
    skipped.add(3, weight: 0)
    skipped.add(.nan, weight: 1)
    #expect(skipped.count == 0)
    #expect(skipped.missingCount == 2)
    #expect(WeightedMoments.domains(values: [1, 2], domains: ["a"]) == nil)
  }
}
