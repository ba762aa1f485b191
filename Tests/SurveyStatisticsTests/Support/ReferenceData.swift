import Foundation

/// The reference values written by `References/reference_scipy.py` and `References/reference_r.R`.
///
/// Both files are test resources (`resources: [.copy("References")]`) loaded with
/// `Bundle.module`; the scripts are not run by the tests, so neither R nor scipy is needed in CI.
struct ReferenceData: Decodable, Sendable {
  var distributions: [DistributionCase] = []
  var binomialTest: [BinomialTestCase] = []
  var proportionIntervals: [ProportionIntervalCase] = []
  var descriptives: [DescriptiveCase] = []
  var tTests: [TTestCase] = []
  var mannWhitney: [MannWhitneyCase] = []
  var kruskalWallis: [KruskalCase] = []
  var wilcoxon: [WilcoxonCase] = []
  var chiSquare: [ChiSquareCase] = []
  var fisher: [FisherCase] = []
  var mcnemar: [McNemarCase] = []
  var twoProportion: [TwoProportionCase] = []
  var spearman: [SpearmanCase] = []
  var fdr: [FDRCase] = []
  var weighted: [WeightedCase] = []
  var domains: [DomainCase] = []
  var surveyProportion: [SurveyProportionCase] = []
  var surveyWilson: [SurveyProportionCase] = []
  var alpha: [AlphaCase] = []

  enum CodingKeys: String, CodingKey {
    case distributions, binomialTest, proportionIntervals, descriptives, tTests, mannWhitney
    case kruskalWallis, wilcoxon, chiSquare, fisher, mcnemar, twoProportion, spearman, fdr
    case weighted, domains, surveyProportion, surveyWilson, alpha
  }

  init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    func list<T: Decodable>(_ key: CodingKeys) throws -> [T] {
      try c.decodeIfPresent([T].self, forKey: key) ?? []
    }
    distributions = try list(.distributions)
    binomialTest = try list(.binomialTest)
    proportionIntervals = try list(.proportionIntervals)
    descriptives = try list(.descriptives)
    tTests = try list(.tTests)
    mannWhitney = try list(.mannWhitney)
    kruskalWallis = try list(.kruskalWallis)
    wilcoxon = try list(.wilcoxon)
    chiSquare = try list(.chiSquare)
    fisher = try list(.fisher)
    mcnemar = try list(.mcnemar)
    twoProportion = try list(.twoProportion)
    spearman = try list(.spearman)
    fdr = try list(.fdr)
    weighted = try list(.weighted)
    domains = try list(.domains)
    surveyProportion = try list(.surveyProportion)
    surveyWilson = try list(.surveyWilson)
    alpha = try list(.alpha)
  }

  /// The values computed with scipy 1.17.1.
  static let scipy = load("scipy")
  /// The values computed with R 4.2.2, survey 4.1.1 and psych 2.2.9.
  static let r = load("r")

  /// Both files, tagged with their source.
  static var both: [(source: String, data: ReferenceData)] {
    [("scipy", scipy), ("R", r)]
  }

  private static func load(_ name: String) -> ReferenceData {
    guard
      let url = Bundle.module.url(
        forResource: name, withExtension: "json", subdirectory: "References"),
      let data = try? Data(contentsOf: url)
    else { return ReferenceData() }
    let decoder = JSONDecoder()
    decoder.nonConformingFloatDecodingStrategy = .convertFromString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return (try? decoder.decode(ReferenceData.self, from: data)) ?? ReferenceData()
  }

  private init() {}
}

struct DistributionCase: Decodable, Sendable {
  var family: String
  var function: String
  var params: [Double]
  var x: Double
  var expected: Double
}

struct BinomialTestCase: Decodable, Sendable {
  var k: Int
  var n: Int
  var p: Double
  var pValue: Double
}

struct ProportionIntervalCase: Decodable, Sendable {
  var successes: Int
  var trials: Int
  var level: Double
  var method: String
  var lower: Double
  var upper: Double
}

struct DescriptiveCase: Decodable, Sendable {
  var name: String
  var codes: [Int]
  var probs: [Double]
  var quantiles: [Double]
  var mean: Double
  var sd: Double?
  var tLower: Double?
  var tUpper: Double?
}

struct TTestCase: Decodable, Sendable {
  var name: String
  var kind: String
  var x: [Double]
  var y: [Double]
  var statistic: Double
  var df: Double
  var pValue: Double
  var lower: Double?
  var upper: Double?
}

struct MannWhitneyCase: Decodable, Sendable {
  var name: String
  var x: [Double]
  var y: [Double]
  var method: String
  var continuity: Bool
  var u1: Double
  var pValue: Double
  var rankBiserial: Double?
}

struct KruskalCase: Decodable, Sendable {
  var name: String
  var groups: [[Double]]
  var statistic: Double
  var df: Double
  var pValue: Double
  var epsilonSquared: Double?
}

struct WilcoxonCase: Decodable, Sendable {
  var name: String
  var x: [Double]
  var y: [Double]
  var zeroMethod: String
  var correction: Bool
  var statistic: Double?
  var positiveRankSum: Double?
  var pValue: Double
  var z: Double?
}

struct ChiSquareCase: Decodable, Sendable {
  var name: String
  var table: [[Int]]
  var statistic: Double
  var df: Double
  var pValue: Double
  var expected: [[Double]]
  var cramersV: Double?
}

struct FisherCase: Decodable, Sendable {
  var table: [Int]
  var oddsRatio: Double?
  var pValue: Double
}

struct McNemarCase: Decodable, Sendable {
  var b: Int
  var c: Int
  var exactP: Double
  var chiSquare: Double
  var chiSquareP: Double
  var corrected: Double?
  var correctedP: Double?
}

struct TwoProportionCase: Decodable, Sendable {
  var successes1: Int
  var trials1: Int
  var successes2: Int
  var trials2: Int
  var z: Double?
  var pValue: Double
  var chiSquare: Double
  var newcombeLower: Double?
  var newcombeUpper: Double?
}

struct SpearmanCase: Decodable, Sendable {
  var name: String
  var x: [Double]
  var y: [Double]
  var rho: Double
  var pValue: Double
}

struct FDRCase: Decodable, Sendable {
  var p: [Double]
  var bh: [Double]
  var by: [Double]
}

struct WeightedCase: Decodable, Sendable {
  var name: String
  var y: [Double?]
  var w: [Double]
  var mean: Double
  var meanSE: Double
  var total: Double
  var totalSE: Double
  var meanDeff: Double?
  var totalDeff: Double?
  var variance: Double?
  var meanDeffWithoutReplacement: Double?
  var totalDeffWithoutReplacement: Double?
  var meanLower: Double
  var meanUpper: Double
  var meanTLower: Double
  var meanTUpper: Double
}

struct DomainLevel: Decodable, Sendable {
  var domain: String
  var mean: Double
  var meanSE: Double
  var meanDeff: Double
  var total: Double
  var totalSE: Double
}

struct DomainCase: Decodable, Sendable {
  var name: String
  var y: [Double?]
  var w: [Double]
  var domains: [String]
  var levels: [DomainLevel]
}

struct SurveyProportionCase: Decodable, Sendable {
  var name: String
  var y: [Double]
  var w: [Double]
  var domains: [String]?
  var domain: String?
  var method: String
  var level: Double
  var lower: Double
  var upper: Double
  var kishEffectiveSize: Double?
}

struct AlphaItemCase: Decodable, Sendable {
  var n: Int
  var rawR: Double
  var stdR: Double
  var rCor: Double
  var rDrop: Double
  var mean: Double
  var sd: Double
  var rawAlphaIfDropped: Double
  var stdAlphaIfDropped: Double
}

struct AlphaCase: Decodable, Sendable {
  var name: String
  var rows: [[Double?]]
  var use: String
  var raw: Double
  var std: Double
  var g6: Double
  var averageR: Double
  var sn: Double
  var ase: Double
  var mean: Double
  var sd: Double
  var feldtLower: Double
  var feldtUpper: Double
  var items: [AlphaItemCase]
}
