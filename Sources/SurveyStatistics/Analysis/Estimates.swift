import SurveyCore

/// The share of a group for whom an indicator's condition holds.
package struct ShareEstimate: Sendable, Equatable {
  /// Respondents for whom it holds.
  package var successes: Int
  /// Respondents for whom it is known.
  package var trials: Int
  /// Respondents for whom it is unknown (item non-response, not shown).
  package var unknown: Int
  /// The proportion (weighted when the survey has weights).
  package var proportion: Double
  /// Its confidence interval: Wilson (or Clopper–Pearson on request) without weights; the
  /// Korn–Graubard interval of R's `svyciprop(method = "beta")` with weights.
  package var interval: ConfidenceInterval?
  /// Kish's effective sample size, with weights.
  package var effectiveSize: Double?
  /// Whether weights were used.
  package var isWeighted: Bool
}

/// A mean with its spread and interval.
package struct MeanEstimate: Sendable, Equatable {
  /// Respondents with a value.
  package var count: Int
  /// Respondents without one.
  package var unknown: Int
  /// The mean (weighted when the survey has weights).
  package var mean: Double
  /// The standard deviation (n − 1; unweighted).
  package var standardDeviation: Double?
  /// The t interval (unweighted; none when every value is equal, as R's `t.test` refuses), or
  /// mean ± t·SE with the linearization SE (weighted).
  package var interval: ConfidenceInterval?
  /// The median and quartiles (type 7, exact, from counts; unweighted).
  package var median: Double?
  /// The lower quartile.
  package var lowerQuartile: Double?
  /// The upper quartile.
  package var upperQuartile: Double?
  /// Kish's effective sample size, with weights.
  package var effectiveSize: Double?
  /// Whether weights were used.
  package var isWeighted: Bool
}

/// How intervals for shares are made.
package enum ShareIntervalMethod: String, Sendable {
  case wilson
  case clopperPearson = "clopper-pearson"
}

extension IndicatorAccumulator {
  /// The share estimate, or nil when nobody has a known value.
  ///
  /// - Parameters:
  ///   - weighted: Use the respondents' weights (linearization, as R's `survey` package).
  ///   - designSize: The full sample size for the SE factor of a domain (the `svyby` way).
  package func share(
    level: Double = 0.95, method: ShareIntervalMethod = .wilson, weighted: Bool = false,
    designSize: Int? = nil
  ) -> ShareEstimate? {
    let trials = trueCount + falseCount
    guard trials > 0 else { return nil }
    if weighted {
      let design = max(designSize ?? moments.count + moments.missingCount, moments.count)
      return ShareEstimate(
        successes: trueCount, trials: trials, unknown: unknown, proportion: moments.mean,
        interval: moments.proportionInterval(method: .beta, level: level, designSize: design),
        effectiveSize: moments.kishEffectiveSize, isWeighted: true)
    }
    let interval = ProportionInterval.interval(
      successes: trueCount, trials: trials, level: level,
      method: method == .wilson ? .wilson : .clopperPearson)
    return ShareEstimate(
      successes: trueCount, trials: trials, unknown: unknown,
      proportion: Double(trueCount) / Double(trials), interval: interval, effectiveSize: nil,
      isWeighted: false)
  }

  /// The mean estimate, or nil when nobody has a value.
  package func mean(level: Double = 0.95, weighted: Bool = false, designSize: Int? = nil)
    -> MeanEstimate?
  {
    guard moments.count > 0 else { return nil }
    let summary = sampleSummary
    if weighted {
      let design = max(designSize ?? moments.count + moments.missingCount, moments.count)
      let estimate = moments.meanEstimate(designSize: design, designEffect: nil)
      return MeanEstimate(
        count: moments.count, unknown: unknown, mean: moments.mean,
        standardDeviation: summary?.standardDeviation,
        interval: estimate?.confidenceInterval(
          level: level, degreesOfFreedom: Double(moments.count - 1)),
        median: values.quantile(0.5), lowerQuartile: values.quantile(0.25),
        upperQuartile: values.quantile(0.75),
        effectiveSize: moments.kishEffectiveSize, isWeighted: true)
    }
    return MeanEstimate(
      count: moments.count, unknown: unknown, mean: summary?.mean ?? moments.mean,
      standardDeviation: summary?.standardDeviation,
      interval: (summary?.variance ?? 0) > 0 ? summary?.meanInterval(level: level) : nil,
      median: values.quantile(0.5), lowerQuartile: values.quantile(0.25),
      upperQuartile: values.quantile(0.75),
      effectiveSize: nil, isWeighted: false)
  }
}
