import Foundation

/// A normal distribution with a given mean and standard deviation.
///
/// The cdf and sf use `erfc` from the C library on the appropriate side, so both tails keep
/// relative precision down to about 1e-300. The quantile is Wichura's algorithm AS 241
/// (PPND16), accurate to about 1e-16 relative, evaluated on the tail that holds the smaller
/// probability. This matches `scipy.stats.norm` and R's `pnorm`/`qnorm`.
package struct NormalDistribution: Sendable, Equatable {
  /// The mean.
  package let mean: Double
  /// The standard deviation (> 0).
  package let standardDeviation: Double

  /// The standard normal distribution.
  package static let standard = NormalDistribution(validMean: 0, standardDeviation: 1)

  /// Creates a normal distribution.
  ///
  /// - Parameters:
  ///   - mean: The mean (finite).
  ///   - standardDeviation: The standard deviation (finite, > 0).
  /// - Returns: nil when a parameter is out of range.
  package init?(mean: Double = 0, standardDeviation: Double = 1) {
    guard mean.isFinite, standardDeviation.isFinite, standardDeviation > 0 else { return nil }
    self.init(validMean: mean, standardDeviation: standardDeviation)
  }

  /// The cumulative distribution function `P(X ≤ x)`.
  ///
  /// - Parameter x: The point (NaN gives NaN).
  /// - Returns: The lower-tail probability.
  package func cdf(_ x: Double) -> Double {
    Self.standardCDF((x - mean) / standardDeviation)
  }

  /// The survival function `P(X > x)`.
  ///
  /// - Parameter x: The point (NaN gives NaN).
  /// - Returns: The upper-tail probability.
  package func sf(_ x: Double) -> Double {
    Self.standardCDF(-(x - mean) / standardDeviation)
  }

  /// The probability density function.
  ///
  /// - Parameter x: The point.
  /// - Returns: The density.
  package func pdf(_ x: Double) -> Double {
    let z = (x - mean) / standardDeviation
    return exp(-0.5 * z * z - 0.5 * SaddlePointTerms.logTwoPi) / standardDeviation
  }

  /// The quantile function (inverse cdf).
  ///
  /// - Parameter p: A lower-tail probability in [0, 1].
  /// - Returns: The quantile (`-infinity` at 0, `+infinity` at 1), or nil when `p` is outside
  ///   [0, 1] or NaN.
  package func ppf(_ p: Double) -> Double? {
    guard p >= 0, p <= 1 else { return nil }
    return mean + standardDeviation * Self.standardQuantile(lower: p, upper: 1 - p)
  }

  /// The inverse survival function.
  ///
  /// - Parameter q: An upper-tail probability in [0, 1].
  /// - Returns: The point with `P(X > x) = q`, or nil when `q` is outside [0, 1] or NaN.
  package func isf(_ q: Double) -> Double? {
    guard q >= 0, q <= 1 else { return nil }
    return mean + standardDeviation * Self.standardQuantile(lower: 1 - q, upper: q)
  }
}

extension NormalDistribution {
  /// The standard normal cdf `Φ(z) = ½·erfc(−z/√2)`.
  ///
  /// - Parameter z: The standardized point.
  /// - Returns: `Φ(z)`.
  static func standardCDF(_ z: Double) -> Double {
    0.5 * erfc(-z * 0.707_106_781_186_547_524_400_844_362_104_85)
  }

  /// The standard normal quantile by AS 241, using whichever tail is smaller.
  ///
  /// - Parameters:
  ///   - lower: The lower-tail probability `p`.
  ///   - upper: The upper-tail probability `1 − p`.
  /// - Returns: `Φ⁻¹(p)`.
  static func standardQuantile(lower: Double, upper: Double) -> Double {
    if lower <= 0 { return -.infinity }
    if upper <= 0 { return .infinity }
    let q = lower - 0.5
    if abs(q) <= 0.425 {
      let r = 0.180625 - q * q
      return q * centralNumerator(r) / centralDenominator(r)
    }
    var r = (-log(min(lower, upper))).squareRoot()
    let value: Double
    if r <= 5 {
      r -= 1.6
      value = intermediateNumerator(r) / intermediateDenominator(r)
    } else {
      r -= 5
      value = tailNumerator(r) / tailDenominator(r)
    }
    return q < 0 ? -value : value
  }
}

extension NormalDistribution {
  fileprivate init(validMean: Double, standardDeviation: Double) {
    self.mean = validMean
    self.standardDeviation = standardDeviation
  }

  fileprivate static func horner(_ x: Double, _ coefficients: [Double]) -> Double {
    var result = 0.0
    for c in coefficients.reversed() { result = result * x + c }
    return result
  }

  fileprivate static func centralNumerator(_ r: Double) -> Double {
    horner(
      r,
      [
        3.387_132_872_796_366_608, 133.141_667_891_784_377_45, 1971.590_950_306_551_442_7,
        13731.693_765_509_461_125, 45921.953_931_549_871_457, 67265.770_927_008_700_853,
        33430.575_583_588_128_105, 2509.080_928_730_122_672_7,
      ])
  }

  fileprivate static func centralDenominator(_ r: Double) -> Double {
    horner(
      r,
      [
        1, 42.313_330_701_600_911_252, 687.187_007_492_057_908_3, 5394.196_021_424_751_107_7,
        21213.794_301_586_595_867, 39307.895_800_092_710_61, 28729.085_735_721_942_674,
        5226.495_278_852_545_925,
      ])
  }

  fileprivate static func intermediateNumerator(_ r: Double) -> Double {
    horner(
      r,
      [
        1.423_437_110_749_683_577_34, 4.630_337_846_156_545_295_9, 5.769_497_221_460_691_405_5,
        3.647_848_324_763_204_605_04, 1.270_458_252_452_368_382_58, 0.241_780_725_177_450_611_77,
        0.022_723_844_989_269_184_583_3, 7.745_450_142_783_414_076_4e-4,
      ])
  }

  fileprivate static func intermediateDenominator(_ r: Double) -> Double {
    horner(
      r,
      [
        1, 2.053_191_626_637_758_821_87, 1.676_384_830_183_803_849_4, 0.689_767_334_985_100_004_55,
        0.148_103_976_427_480_074_59, 0.015_198_666_563_616_457_196_6,
        5.475_938_084_995_344_946e-4, 1.050_750_071_644_416_843_24e-9,
      ])
  }

  fileprivate static func tailNumerator(_ r: Double) -> Double {
    horner(
      r,
      [
        6.657_904_643_501_103_777_2, 5.463_784_911_164_114_369_9, 1.784_826_539_917_291_335_8,
        0.296_560_571_828_504_891_23, 0.026_532_189_526_576_123_093,
        0.001_242_660_947_388_078_438_6,
        2.711_555_568_743_487_578_15e-5, 2.010_334_399_292_288_132_65e-7,
      ])
  }

  fileprivate static func tailDenominator(_ r: Double) -> Double {
    horner(
      r,
      [
        1, 0.599_832_206_555_887_937_69, 0.136_929_880_922_735_805_31,
        0.014_875_361_290_850_614_852_5, 7.868_691_311_456_132_591e-4,
        1.846_318_317_510_054_681_8e-5,
        1.421_511_758_316_445_888_7e-7, 2.044_263_103_389_939_785_64e-15,
      ])
  }
}
