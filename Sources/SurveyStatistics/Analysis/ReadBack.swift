/// The bounds that counts read back from data (the counts a store saves, an organization's
/// counts file) must keep before they are trusted.
///
/// Such data can be edited by hand and its checksum written again, so a count might be negative,
/// larger than any membership or not a number. Within these bounds every count stays
/// non-negative, sums of them cannot overflow (2⁶³ is 2³¹ times the largest count), and sums of
/// squares of the largest values stay finite.
enum ReadBack {
  /// The largest count: about 4.3 billion respondents or answers in one group.
  static let largestCount = 1 << 32
  /// The largest magnitude of a saved sum or value.
  static let largestMagnitude = 1e150
  /// The widest fieldwork day (days since 1970 either side: beyond the year 9999).
  static let largestDay = 3_000_000

  /// Whether a count is one the toolkit could have made.
  static func count(_ value: Int) -> Bool { value >= 0 && value <= largestCount }

  /// Whether a saved value or sum is a finite number within bounds.
  static func number(_ value: Double) -> Bool {
    value.isFinite && abs(value) <= largestMagnitude
  }

  /// Whether a sum of non-negative parts is within bounds and not negative.
  static func sum(_ value: Double) -> Bool { number(value) && value >= 0 }
}

extension WeightedMoments {
  /// Whether the saved moments are within ``ReadBack``'s bounds.
  var isPlausible: Bool {
    ReadBack.count(count) && ReadBack.count(missingCount) && ReadBack.sum(weightSum)
      && ReadBack.sum(squaredWeightSum) && ReadBack.number(shift) && ReadBack.number(shiftedMean)
      && ReadBack.sum(weightedSquares) && ReadBack.number(shiftedSquaredWeightMean)
      && ReadBack.sum(squaredWeightSquares) && ReadBack.number(productMean)
      && ReadBack.sum(productSquares)
  }
}

extension ValueHistogram {
  /// Whether every value is a bounded number and every count a possible one.
  var isPlausible: Bool {
    counts.allSatisfy { ReadBack.number($0.key) && ReadBack.count($0.value) }
  }
}

extension JointHistogram {
  /// Whether every pair holds bounded numbers and every count a possible one.
  var isPlausible: Bool {
    counts.allSatisfy { pair, count in
      ReadBack.number(pair.x) && ReadBack.number(pair.y) && ReadBack.count(count)
    }
  }
}

extension CauseAccumulator {
  /// Whether the exposure and every outcome's counts are plausible.
  var isPlausible: Bool {
    exposure.isPlausible && exposed.allSatisfy(\.isPlausible)
      && unexposed.allSatisfy(\.isPlausible)
  }
}

extension GroupAccumulator {
  /// Whether every count and sum of the group is within ``ReadBack``'s bounds.
  var isPlausible: Bool {
    ReadBack.count(respondents) && weights.isPlausible && indicators.allSatisfy(\.isPlausible)
      && items.allSatisfy(\.isPlausible) && causes.allSatisfy(\.isPlausible)
      && indexes.allSatisfy(\.isPlausible)
  }
}

extension ReliabilityAccumulator {
  /// Whether the saved sums are bounded numbers.
  var isPlausible: Bool {
    ReadBack.count(rows) && shift.allSatisfy { $0.map(ReadBack.number) ?? true }
      && pairSums.allSatisfy(ReadBack.number) && scoreSums.allSatisfy(ReadBack.number)
      && score.allSatisfy(ReadBack.number)
  }
}

extension SurveyAggregation.WaveData {
  /// Whether the wave's sums, pair counts, fieldwork days and raking cells are plausible.
  var isPlausible: Bool {
    reliability.allSatisfy { $0?.isPlausible ?? true }
      && correlations.allSatisfy { $0.allSatisfy(\.isPlausible) }
      && (fieldwork.map {
        abs($0.lowerBound) <= ReadBack.largestDay && abs($0.upperBound) <= ReadBack.largestDay
      } ?? true)
      && rakingCells.values.allSatisfy {
        ReadBack.count($0.respondents) && ReadBack.sum($0.weight) && ReadBack.sum($0.weightSquares)
      }
  }
}

extension SurveyAggregation.PanelEntry {
  /// Whether every saved indicator value is a bounded number.
  var isPlausible: Bool { indicators.allSatisfy { $0.map(ReadBack.number) ?? true } }
}
