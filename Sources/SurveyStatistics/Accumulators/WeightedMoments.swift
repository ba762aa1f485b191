/// Mergeable single-pass moments of a weighted variable, sufficient for `svymean`, `svytotal`,
/// `svyvar`, their linearization standard errors and Kish's effective sample size.
///
/// Three streams are accumulated with West's weighted update around a shift (the first value)
/// and merged with Chan's pairwise formula (every term a sum of non-negative parts):
/// the `w`-weighted mean and `Σw(y − ȳ)²`; the `w²`-weighted mean and `Σw²(y − ȳ_{w²})²`, which
/// give `Σw²(y − ȳ)²` for the SE of the mean; and the unweighted mean and sum of squares of
/// `z = w·y` for the SE of the total. Memory is constant; merging two accumulators agrees with
/// one pass over both inputs to about 1e-15 relative.
///
/// Missing answers are recorded with ``addMissing(_:)``: like R's `svymean(na.rm = TRUE)`, which
/// subsets the design but keeps its full sample size, they enter the variance factor
/// `n/(n − 1)` but nothing else.
package struct WeightedMoments: Sendable, Equatable, Codable {
  /// The number of observations with a value and a positive weight.
  package private(set) var count = 0
  /// The number of rows in the design without a usable value.
  package private(set) var missingCount = 0
  /// The sum of weights `W = Σw`.
  package private(set) var weightSum = 0.0
  /// The sum of squared weights `Σw²`.
  package private(set) var squaredWeightSum = 0.0
  /// The shift K subtracted from every value (the first value added), so that the running
  /// means describe `y − K` and keep their precision when `|ȳ|` is large against the spread.
  private(set) var shift = 0.0
  /// The weighted mean of `y − K`.
  private(set) var shiftedMean = 0.0
  /// `Σw(y − ȳ)²`.
  package private(set) var weightedSquares = 0.0
  /// The mean of `y − K` under squared weights.
  private(set) var shiftedSquaredWeightMean = 0.0
  /// `Σw²(y − ȳ_{w²})²`.
  private(set) var squaredWeightSquares = 0.0
  /// The unweighted mean of `z = w·y`.
  private(set) var productMean = 0.0
  /// `Σ(z − z̄)²` for `z = w·y`.
  private(set) var productSquares = 0.0

  /// Creates an empty accumulator.
  package init() {}

  /// Accumulates paired values and weights.
  ///
  /// - Parameters:
  ///   - values: The observations; nil entries are recorded as missing.
  ///   - weights: The sampling weights, one per value (1 when omitted).
  /// - Returns: nil when the lengths differ.
  package init?(values: [Double?], weights: [Double]? = nil) {
    if let weights, weights.count != values.count { return nil }
    for (index, value) in values.enumerated() {
      let weight = weights?[index] ?? 1
      if let value { add(value, weight: weight) } else { addMissing() }
    }
  }

  /// An accumulator of rows that all lack a usable value.
  init(missing: Int) {
    missingCount = max(0, missing)
  }

  /// An accumulator from its sufficient statistics (see ``MomentSums``).
  init(
    count: Int, missing: Int, shift: Double, weightSum: Double, squaredWeightSum: Double,
    shiftedMean: Double, weightedSquares: Double, shiftedSquaredWeightMean: Double,
    squaredWeightSquares: Double, productMean: Double, productSquares: Double
  ) {
    self.count = count
    missingCount = missing
    self.shift = shift
    self.weightSum = weightSum
    self.squaredWeightSum = squaredWeightSum
    self.shiftedMean = shiftedMean
    self.weightedSquares = weightedSquares
    self.shiftedSquaredWeightMean = shiftedSquaredWeightMean
    self.squaredWeightSquares = squaredWeightSquares
    self.productMean = productMean
    self.productSquares = productSquares
  }

  /// Adds one observation.
  ///
  /// An observation with a non-finite value, or a weight that is not positive and finite, is
  /// recorded as missing (it still counts towards the design size).
  ///
  /// - Parameters:
  ///   - value: The observed value y.
  ///   - weight: The sampling weight w > 0 (1 by default).
  package mutating func add(_ value: Double, weight: Double = 1) {
    guard value.isFinite, weight.isFinite, weight > 0 else {
      addMissing()
      return
    }
    count += 1
    let w2 = weight * weight
    let z = weight * value
    if count == 1 {
      // Start exactly at the first value, which becomes the shift K: a West update from 0
      // would leave a residue of about ulp(y) in ȳ that later updates multiply by |y|.
      shift = value
      weightSum = weight
      squaredWeightSum = w2
      productMean = z
      return
    }
    let y = value - shift
    let newWeight = weightSum + weight
    let delta = y - shiftedMean
    shiftedMean += delta * weight / newWeight
    weightedSquares += weight * delta * (y - shiftedMean)
    weightSum = newWeight

    let newSquared = squaredWeightSum + w2
    let delta2 = y - shiftedSquaredWeightMean
    shiftedSquaredWeightMean += delta2 * w2 / newSquared
    squaredWeightSquares += w2 * delta2 * (y - shiftedSquaredWeightMean)
    squaredWeightSum = newSquared

    let deltaZ = z - productMean
    productMean += deltaZ / Double(count)
    productSquares += deltaZ * (z - productMean)
  }

  /// Records rows of the design that have no usable value.
  ///
  /// - Parameter count: The number of such rows (non-positive values are ignored).
  package mutating func addMissing(_ count: Int = 1) {
    guard count > 0 else { return }
    missingCount += count
  }

  /// Adds another accumulator (Chan et al.'s pairwise update).
  ///
  /// - Parameter other: The accumulator to merge in.
  /// - Complexity: O(1).
  package mutating func merge(_ other: WeightedMoments) {
    missingCount += other.missingCount
    guard other.count > 0 else { return }
    guard count > 0 else {
      let missing = missingCount
      self = other
      missingCount = missing
      return
    }
    // Express the other accumulator's means relative to this shift; the difference of the two
    // shifts is exact when they are within a factor of two of each other.
    let offset = other.shift - shift
    let (m1, s1) = Self.combine(
      weightSum, shiftedMean, weightedSquares,
      other.weightSum, other.shiftedMean + offset, other.weightedSquares)
    let (m2, s2) = Self.combine(
      squaredWeightSum, shiftedSquaredWeightMean, squaredWeightSquares,
      other.squaredWeightSum, other.shiftedSquaredWeightMean + offset, other.squaredWeightSquares)
    let (m3, s3) = Self.combine(
      Double(count), productMean, productSquares,
      Double(other.count), other.productMean, other.productSquares)
    shiftedMean = m1
    weightedSquares = s1
    shiftedSquaredWeightMean = m2
    squaredWeightSquares = s2
    productMean = m3
    productSquares = s3
    weightSum += other.weightSum
    squaredWeightSum += other.squaredWeightSum
    count += other.count
  }

  /// The accumulator of both inputs.
  ///
  /// - Parameter other: The accumulator to merge in.
  /// - Returns: The merged accumulator.
  package func merged(with other: WeightedMoments) -> WeightedMoments {
    var result = self
    result.merge(other)
    return result
  }
}

extension WeightedMoments {
  /// The weighted mean `Σwy/W` (0 before any observation).
  package var mean: Double { shift + shiftedMean }

  /// `Σw²(y − ȳ)²`, the numerator of the linearization variance of the mean.
  var squaredWeightDeviations: Double {
    let difference = shiftedSquaredWeightMean - shiftedMean
    return squaredWeightSquares + squaredWeightSum * difference * difference
  }

  /// `Σ(z − c)²` over `n` design rows, where rows outside this accumulator have `z = 0`.
  ///
  /// - Parameters:
  ///   - center: The centering constant c.
  ///   - designSize: The number of rows n in the design (≥ `count`).
  /// - Returns: The padded sum of squares used by the SE of a total.
  func paddedProductSquares(center: Double, designSize: Int) -> Double {
    let shift = productMean - center
    let outside = Double(designSize - count)
    return productSquares + Double(count) * shift * shift + outside * center * center
  }
}

extension WeightedMoments {
  fileprivate static func combine(
    _ w1: Double, _ m1: Double, _ s1: Double, _ w2: Double, _ m2: Double, _ s2: Double
  ) -> (Double, Double) {
    let total = w1 + w2
    let delta = m2 - m1
    return (m1 + delta * w2 / total, s1 + s2 + delta * delta * w1 * w2 / total)
  }
}
