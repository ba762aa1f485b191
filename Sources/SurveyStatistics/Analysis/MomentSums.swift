/// Sums over a batch of one group's values, in one pass, from which an accumulator of that
/// batch is made (then merged into the group's running accumulator, as
/// ``WeightedMoments/merge(_:)`` merges two).
///
/// Values are summed about a shift (the first value seen), so that the sums of squares keep
/// their precision for survey measures whose spread is small against their size.
struct MomentSums {
  var shift = Double.nan
  var count = 0
  var unknown = 0
  var trues = 0
  var falses = 0
  var smallest = Double.infinity
  var largest = -Double.infinity
  /// Σd and Σd² with d = y − shift (unweighted).
  var sum = 0.0
  var squares = 0.0
  /// With weights: Σw, Σw², Σwd, Σwd², Σw²d, Σw²d², Σwy, Σ(wy)².
  var w = 0.0
  var q = 0.0
  var wd = 0.0
  var wdd = 0.0
  var qd = 0.0
  var qdd = 0.0
  var z = 0.0
  var zz = 0.0

  /// Adds a known value.
  @inline(__always)
  mutating func add(_ y: Double) {
    if count == 0 { shift = y }
    count += 1
    let d = y - shift
    sum += d
    squares += d * d
    if y == 1 { trues += 1 } else if y == 0 { falses += 1 }
    if y < smallest { smallest = y }
    if y > largest { largest = y }
  }

  /// Adds a known value with its weight.
  @inline(__always)
  mutating func add(_ y: Double, weight: Double) {
    add(y)
    let d = y - shift
    w += weight
    q += weight * weight
    wd += weight * d
    wdd += weight * d * d
    qd += weight * weight * d
    qdd += weight * weight * d * d
    z += weight * y
    zz += weight * y * weight * y
  }

  /// The moments of the values (``WeightedMoments``), weighted when weights were given.
  func moments(weighted: Bool) -> WeightedMoments {
    guard count > 0 else { return WeightedMoments(missing: unknown) }
    let n = Double(count)
    if !weighted {
      let mean = sum / n
      let m2 = Swift.max(0, squares - sum * mean)
      return WeightedMoments(
        count: count, missing: unknown, shift: shift, weightSum: n, squaredWeightSum: n,
        shiftedMean: mean, weightedSquares: m2, shiftedSquaredWeightMean: mean,
        squaredWeightSquares: m2, productMean: shift + mean, productSquares: m2)
    }
    let mean = wd / w
    let squaredWeightMean = qd / q
    let productMean = z / n
    return WeightedMoments(
      count: count, missing: unknown, shift: shift, weightSum: w, squaredWeightSum: q,
      shiftedMean: mean, weightedSquares: Swift.max(0, wdd - wd * mean),
      shiftedSquaredWeightMean: squaredWeightMean,
      squaredWeightSquares: Swift.max(0, qdd - qd * squaredWeightMean),
      productMean: productMean, productSquares: Swift.max(0, zz - z * productMean))
  }

  /// The unweighted mean and sum of squared deviations.
  var running: (mean: Double, squares: Double) {
    guard count > 0 else { return (0, 0) }
    let mean = sum / Double(count)
    return (shift + mean, Swift.max(0, squares - sum * mean))
  }
}
