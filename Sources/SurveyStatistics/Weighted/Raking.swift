import SurveyCore

/// The respondents of one raking cell in one wave: how many, and the sum and sum of squares of
/// their base weights.
package struct RakingCellSums: Sendable, Hashable, Codable {
  /// How many respondents.
  package var respondents = 0
  /// The sum of their base weights.
  package var weight = 0.0
  /// The sum of their squared base weights.
  package var weightSquares = 0.0

  /// No respondents.
  package init() {}

  /// Sums of known values (for tests).
  package init(respondents: Int, weight: Double, weightSquares: Double) {
    self.respondents = respondents
    self.weight = weight
    self.weightSquares = weightSquares
  }

  /// Adds a respondent with a base weight.
  mutating func add(_ base: Double) {
    respondents += 1
    weight += base
    weightSquares += base * base
  }

  /// Both sums together.
  func merged(with other: RakingCellSums) -> RakingCellSums {
    RakingCellSums(
      respondents: respondents + other.respondents, weight: weight + other.weight,
      weightSquares: weightSquares + other.weightSquares)
  }
}

/// How the weights of one wave were raked: the factor of each cell and how well they fit.
package struct WaveRaking: Sendable, Hashable {
  /// The wave.
  package var wave: String
  /// Each cell's factor (the weight of a respondent is their base weight times it).
  package var factors: [RakingCell: Double]
  /// The sweeps over the margins that were made.
  package var iterations: Int
  /// Whether the weighted counts met every margin (to one part in 10⁹) and, with trimming,
  /// every factor is within the bounds.
  package var converged: Bool
  /// The largest difference between a margin's weighted count and its target, as a share of
  /// the population.
  package var largestMarginError: Double
  /// The respondents raked.
  package var respondents: Int
  /// The population the weights add up to.
  package var populationSize: Double
  /// Kish's design effect of the weights, `n Σw² / (Σw)²`.
  package var designEffect: Double
  /// Kish's effective sample size, `(Σw)² / Σw²`.
  package var effectiveSize: Double
  /// The smallest and largest factor relative to the average factor.
  package var factorRange: ClosedRange<Double>
  /// With trimming: how many respondents' factors were at a bound when raking ended.
  package var trimmedRespondents: Int

  /// Creates the outcome of a raking.
  package init(
    wave: String, factors: [RakingCell: Double], iterations: Int, converged: Bool,
    largestMarginError: Double, respondents: Int, populationSize: Double, designEffect: Double,
    effectiveSize: Double, factorRange: ClosedRange<Double>, trimmedRespondents: Int
  ) {
    self.wave = wave
    self.factors = factors
    self.iterations = iterations
    self.converged = converged
    self.largestMarginError = largestMarginError
    self.respondents = respondents
    self.populationSize = populationSize
    self.designEffect = designEffect
    self.effectiveSize = effectiveSize
    self.factorRange = factorRange
    self.trimmedRespondents = trimmedRespondents
  }
}

/// Why the weights of a wave cannot be raked.
package enum RakingError: Error, Equatable, Sendable {
  /// The roll counts members in a category that no respondent of the wave is in.
  case emptyCategory(margin: String, category: String, wave: String, target: Double)
  /// The roll counts no members in a category that respondents of the wave are in.
  case answeredEmptyCategory(margin: String, category: String, wave: String, respondents: Int)
  /// Respondents are in a category the roll does not count (a chapter left out of the margin).
  case uncountedCategory(margin: String, wave: String, respondents: Int)
  /// The margins of a wave count different totals.
  case totalsDiffer(wave: String, totals: [String: Double])
  /// A margin has no counts for the wave.
  case noTargets(margin: String, wave: String)

  /// A sentence for the organizer: what is wrong and what to do.
  package var message: String {
    switch self {
    case .emptyCategory(let margin, let category, let wave, let target):
      "no respondent of wave \(wave) is in '\(category)' of the margin '\(margin)', so no weight "
        + "can stand for the roll's \(Raking.formatted(target)) members there; merge '\(category)' "
        + "with a neighbouring category in the survey's 'rake' line (and in the question), or "
        + "drop that margin"
    case .answeredEmptyCategory(let margin, let category, let wave, let respondents):
      "the roll counts no members in '\(category)' of the margin '\(margin)', but "
        + "\(respondents) respondent(s) of wave \(wave) are in it, and no weight can make them "
        + "stand for nobody; correct the roll's count for '\(category)' (whoever answered is a "
        + "member), or merge it with a neighbouring category in the survey's 'rake' line (and in "
        + "the question)"
    case .uncountedCategory(let margin, let wave, let respondents):
      "\(respondents) respondent(s) of wave \(wave) are in a category the margin '\(margin)' does "
        + "not count; add it to the margin with its number of members"
    case .totalsDiffer(let wave, let totals):
      "the margins count different numbers of members for wave \(wave) ("
        + totals.sorted { $0.key < $1.key }.map { "\($0.key) \(Raking.formatted($0.value))" }
        .joined(separator: ", ") + "); every margin must count the same members"
    case .noTargets(let margin, let wave):
      "the margin '\(margin)' has no counts for wave \(wave); give counts for every wave, or "
        + "counts without a wave"
    }
  }
}

/// Raking (iterative proportional fitting): per wave, the factors that make the weighted counts
/// of every margin equal the roll's, starting from the base weights, as R's `survey::rake`
/// computes them.
///
/// A category the roll counts as zero members stays empty: no respondent may be in it.
/// A respondent who did not answer a margin's question (or has no chapter) is kept in an extra
/// category of that margin, whose target is the wave's base-weighted share of such respondents
/// times the population; the roll's counts are scaled to the rest. The weights therefore keep
/// the non-respondents' share and give the answering respondents the roll's proportions.
package enum Raking {
  /// The largest number of sweeps over the margins.
  package static let maximumSweeps = 1000
  /// The largest number of rounds of trimming and raking again.
  package static let maximumTrimRounds = 200
  /// Convergence: the largest difference between a weighted count and its target, as a share
  /// of the population.
  package static let tolerance = 1e-12

  /// Rakes every wave of an aggregation's raking cells.
  package static func adjustments(
    _ population: Population, cells: [String: [RakingCell: RakingCellSums]]
  ) throws(RakingError) -> (RakingAdjustments, [WaveRaking]) {
    var factors: [String: [RakingCell: Double]] = [:]
    var waves: [WaveRaking] = []
    for wave in cells.keys.sorted(by: WaveOrder.less) {
      let raked = try rake(population, wave: wave, cells: cells[wave] ?? [:])
      factors[wave] = raked.factors
      waves.append(raked)
    }
    return (RakingAdjustments(population: population, factors: factors), waves)
  }

  /// The targets of each margin for a wave, with the extra category (last) for respondents
  /// without an answer.
  static func targets(
    _ population: Population, wave: String, cells: [(RakingCell, RakingCellSums)]
  ) throws(RakingError) -> (targets: [[Double]], size: Double) {
    let totalWeight = cells.reduce(0) { $0 + $1.1.weight }
    var raw: [[Double]] = []
    var countTotals: [String: Double] = [:]
    for margin in population.margins {
      guard let targets = margin.targets(wave: wave) else {
        throw .noTargets(margin: margin.name, wave: wave)
      }
      raw.append(targets)
      if !margin.isShare { countTotals[margin.name] = targets.reduce(0, +) }
    }
    let totals = Array(countTotals.values)
    if let first = totals.first, totals.contains(where: { abs($0 - first) > 1e-9 * first }) {
      throw .totalsDiffer(wave: wave, totals: countTotals)
    }
    let size = totals.first ?? totalWeight
    var result: [[Double]] = []
    for (index, margin) in population.margins.enumerated() {
      let missing = cells.reduce(0) { $0 + ($1.0.categories[index] < 0 ? $1.1.weight : 0) }
      let answeredShare = totalWeight > 0 ? 1 - missing / totalWeight : 0
      let sum = raw[index].reduce(0, +)
      var targets = raw[index].map { sum > 0 ? $0 / sum * size * answeredShare : 0 }
      targets.append(size * (1 - answeredShare))
      for (category, target) in targets.enumerated().dropLast() where target > 0 {
        let present = cells.contains { $0.0.categories[index] == category && $0.1.weight > 0 }
        if !present {
          throw .emptyCategory(
            margin: margin.name, category: margin.labels[category], wave: wave,
            target: raw[index][category] / max(sum, .leastNonzeroMagnitude) * size)
        }
      }
      for (category, count) in raw[index].enumerated() where count == 0 {
        let answered = cells.filter { $0.0.categories[index] == category && $0.1.weight > 0 }
        if !answered.isEmpty {
          throw .answeredEmptyCategory(
            margin: margin.name, category: margin.labels[category], wave: wave,
            respondents: answered.reduce(0) { $0 + $1.1.respondents })
        }
      }
      let uncounted = cells.filter { $0.0.categories[index] >= margin.categories.count }
      if !uncounted.isEmpty {
        throw .uncountedCategory(
          margin: margin.name, wave: wave,
          respondents: uncounted.reduce(0) { $0 + $1.1.respondents })
      }
      result.append(targets)
    }
    return (result, size)
  }

  /// Rakes one wave.
  package static func rake(
    _ population: Population, wave: String, cells unsorted: [RakingCell: RakingCellSums]
  ) throws(RakingError) -> WaveRaking {
    let cells = unsorted.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    let (targets, size) = try targets(population, wave: wave, cells: cells)
    // Each cell's category per margin, the extra category standing for no answer.
    let slots = cells.map { cell, _ in
      cell.categories.enumerated().map { margin, category in
        category < 0 ? targets[margin].count - 1 : category
      }
    }
    let weights = cells.map { $0.1.weight }
    let totalWeight = weights.reduce(0, +)
    var factors = [Double](repeating: 1, count: cells.count)
    var sweeps = 0
    var error = fit(&factors, weights, slots, targets, size: size, sweeps: &sweeps)
    var trimmed = 0
    var withinBounds = true
    if let trim = population.trim, totalWeight > 0 {
      let average = size / totalWeight
      let (low, high) = (trim.lowerBound * average, trim.upperBound * average)
      let slack = 1e-9 * average
      var rounds = 0
      while rounds < maximumTrimRounds,
        factors.contains(where: { $0 < low - slack || $0 > high + slack })
      {
        rounds += 1
        factors = factors.map { min(max($0, low), high) }
        error = fit(&factors, weights, slots, targets, size: size, sweeps: &sweeps)
      }
      withinBounds = !factors.contains { $0 < low - slack || $0 > high + slack }
      trimmed = zip(factors, cells).reduce(0) { sum, pair in
        abs(pair.0 - low) <= slack || abs(pair.0 - high) <= slack ? sum + pair.1.1.respondents : sum
      }
    }
    var sum = 0.0
    var squares = 0.0
    var respondents = 0
    for (factor, cell) in zip(factors, cells) {
      sum += factor * cell.1.weight
      squares += factor * factor * cell.1.weightSquares
      respondents += cell.1.respondents
    }
    let average = totalWeight > 0 ? size / totalWeight : 1
    let relative = factors.enumerated().filter { cells[$0.offset].1.respondents > 0 }
      .map { $0.element / average }
    return WaveRaking(
      wave: wave,
      factors: Dictionary(uniqueKeysWithValues: zip(cells.map(\.0), factors)),
      iterations: sweeps, converged: error <= 1e-9 && withinBounds, largestMarginError: error,
      respondents: respondents, populationSize: size,
      designEffect: sum > 0 ? Double(respondents) * squares / (sum * sum) : 1,
      effectiveSize: squares > 0 ? sum * sum / squares : 0,
      factorRange: (relative.min() ?? 1)...(relative.max() ?? 1), trimmedRespondents: trimmed)
  }

  /// Sweeps over the margins until every weighted count meets its target; returns the largest
  /// difference left, as a share of the population.
  static func fit(
    _ factors: inout [Double], _ weights: [Double], _ slots: [[Int]], _ targets: [[Double]],
    size: Double, sweeps: inout Int
  ) -> Double {
    guard size > 0, !factors.isEmpty else { return 0 }
    var error = discrepancy(factors, weights, slots, targets, size: size)
    var count = 0
    while error > tolerance, count < maximumSweeps {
      count += 1
      for (margin, marginTargets) in targets.enumerated() {
        var totals = [Double](repeating: 0, count: marginTargets.count)
        for cell in factors.indices { totals[slots[cell][margin]] += factors[cell] * weights[cell] }
        for cell in factors.indices {
          let slot = slots[cell][margin]
          if totals[slot] > 0 { factors[cell] *= marginTargets[slot] / totals[slot] }
        }
      }
      let next = discrepancy(factors, weights, slots, targets, size: size)
      // A fit that no longer improves has met the precision of the arithmetic.
      if next >= error, next < 1e-9 {
        error = next
        break
      }
      error = next
    }
    sweeps += count
    return error
  }

  /// The largest difference between a margin's weighted count and its target, relative to
  /// the population.
  static func discrepancy(
    _ factors: [Double], _ weights: [Double], _ slots: [[Int]], _ targets: [[Double]],
    size: Double
  ) -> Double {
    var largest = 0.0
    for (margin, marginTargets) in targets.enumerated() {
      var totals = [Double](repeating: 0, count: marginTargets.count)
      for cell in factors.indices { totals[slots[cell][margin]] += factors[cell] * weights[cell] }
      for (total, target) in zip(totals, marginTargets) {
        largest = max(largest, abs(total - target) / size)
      }
    }
    return largest
  }

  /// A count for messages: whole numbers without decimals.
  static func formatted(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
  }
}
