@testable import SurveyStatistics

extension DistributionTests {
  /// Evaluates the function a reference case names; nil for an unknown case.
  static func evaluate(_ c: DistributionCase) -> Double? {
    let p = c.params
    switch c.family {
    case "norm":
      return continuous(
        c.function, c.x, NormalDistribution.standard.cdf,
        NormalDistribution.standard.sf, NormalDistribution.standard.ppf,
        NormalDistribution.standard.isf)
    case "t":
      guard let nu = p.first, let d = StudentTDistribution(degreesOfFreedom: nu) else { return nil }
      return continuous(c.function, c.x, d.cdf, d.sf, d.ppf, d.isf)
    case "chi2":
      guard let k = p.first, let d = ChiSquaredDistribution(degreesOfFreedom: k) else { return nil }
      return continuous(c.function, c.x, d.cdf, d.sf, d.ppf, d.isf)
    case "f":
      guard p.count == 2,
        let d = FDistribution(numeratorDegreesOfFreedom: p[0], denominatorDegreesOfFreedom: p[1])
      else { return nil }
      return continuous(c.function, c.x, d.cdf, d.sf, d.ppf, d.isf)
    case "beta":
      guard p.count == 2, let d = BetaDistribution(alpha: p[0], beta: p[1]) else { return nil }
      return continuous(c.function, c.x, d.cdf, d.sf, d.ppf, d.isf)
    case "binom":
      guard p.count == 2, let d = BinomialDistribution(trials: Int(p[0]), probability: p[1])
      else { return nil }
      return discrete(c.function, Int(c.x), d.pmf, d.cdf, d.sf)
    case "hypergeom":
      guard p.count == 3,
        let d = HypergeometricDistribution(
          population: Int(p[0]), successes: Int(p[1]), draws: Int(p[2]))
      else { return nil }
      return discrete(c.function, Int(c.x), d.pmf, d.cdf, d.sf)
    default:
      return nil
    }
  }

  private static func continuous(
    _ function: String, _ x: Double, _ cdf: (Double) -> Double, _ sf: (Double) -> Double,
    _ ppf: (Double) -> Double?, _ isf: (Double) -> Double?
  ) -> Double? {
    switch function {
    case "cdf": return cdf(x)
    case "sf": return sf(x)
    case "ppf": return ppf(x)
    case "isf": return isf(x)
    default: return nil
    }
  }

  private static func discrete(
    _ function: String, _ k: Int, _ pmf: (Int) -> Double, _ cdf: (Int) -> Double,
    _ sf: (Int) -> Double
  ) -> Double? {
    switch function {
    case "pmf": return pmf(k)
    case "cdf": return cdf(k)
    case "sf": return sf(k)
    default: return nil
    }
  }
}
