import Foundation

/// How the simple-random-sampling variance in a design effect is formed (`survey`'s `deff=`).
package enum DesignEffectKind: Sendable, Equatable {
  /// `deff = "replace"`: `V_srs = svyvar/n` (use when weights are not expansion weights).
  case withReplacement
  /// `deff = TRUE`: `V_srs = svyvar·(Ŵ − n)/(Ŵ·n)`; undefined unless `Σw > n`.
  case withoutReplacement
}

extension WeightedMoments {
  /// The weighted mean with its linearization SE, as `svymean` computes it for
  /// `svydesign(ids = ~1, weights = ~w)`.
  ///
  /// `ȳ = Σwy/W` and `V(ȳ) = n/(n−1)·Σw²(y − ȳ)²/W²`. For a domain, pass the full-sample size as
  /// `designSize`: R's `svyby` subsets the design but keeps its sample size, so the factor is
  /// `n/(n−1)` with the full n (statistics.md §1.3). The design effect uses the domain's own
  /// count, like `svymean(..., deff = ...)` on the subset.
  ///
  /// - Parameters:
  ///   - designSize: n in `n/(n−1)`; defaults to `count + missingCount`.
  ///   - designEffect: The kind of design effect to attach, or nil for none.
  /// - Returns: The estimate, or nil when there are no observations or n < 2.
  /// - Complexity: O(1).
  package func meanEstimate(
    designSize: Int? = nil, designEffect: DesignEffectKind? = .withReplacement
  ) -> WeightedEstimate? {
    let n = designSize ?? (count + missingCount)
    guard count > 0, n >= 2, n >= count, weightSum > 0 else { return nil }
    let factor = Double(n) / Double(n - 1)
    let sampling = factor * squaredWeightDeviations / (weightSum * weightSum)
    var deff: Double?
    if let designEffect, let svyvar = variance(designSize: count),
      let srs = srsMeanVariance(svyvar, designEffect),
      srs > 0
    {
      deff = sampling / srs
    }
    return WeightedEstimate(
      estimate: mean, standardError: max(0, sampling).squareRoot(), designEffect: deff)
  }

  /// The weighted total `Σwy` with its linearization SE, as `svytotal` computes it.
  ///
  /// `V(t̂) = n/(n−1)·Σ(zᵢ − z̄)²` over all n design rows, with `zᵢ = wᵢyᵢ` and `zᵢ = 0` for rows
  /// outside this accumulator (missing answers, or other domains when `designSize` is the full
  /// sample size, as in `svyby`).
  ///
  /// - Parameters:
  ///   - designSize: n; defaults to `count + missingCount`.
  ///   - designEffect: The kind of design effect to attach, or nil for none.
  /// - Returns: The estimate, or nil when there are no observations or n < 2.
  /// - Complexity: O(1).
  package func totalEstimate(
    designSize: Int? = nil, designEffect: DesignEffectKind? = .withReplacement
  ) -> WeightedEstimate? {
    let n = designSize ?? (count + missingCount)
    guard count > 0, n >= 2, n >= count else { return nil }
    let total = productMean * Double(count)
    let squares = paddedProductSquares(center: total / Double(n), designSize: n)
    let sampling = Double(n) / Double(n - 1) * squares
    var deff: Double?
    if let designEffect, let svyvar = variance(designSize: count),
      let srs = srsMeanVariance(svyvar, designEffect),
      srs > 0
    {
      deff = sampling / (srs * weightSum * weightSum)
    }
    return WeightedEstimate(
      estimate: total, standardError: max(0, sampling).squareRoot(), designEffect: deff)
  }

  /// The weighted variance as `svyvar` computes it: `Σw(y − ȳ)²/W · n/(n−1)`.
  ///
  /// R's `svyvar(na.rm = TRUE)` takes n from the design before dropping missing answers, so n
  /// defaults to `count + missingCount`; design effects use the observed `count` instead, as
  /// `svymean(deff = ...)` does on its already-subset design.
  ///
  /// - Parameter designSize: n in `n/(n−1)`; defaults to `count + missingCount`.
  /// - Returns: The variance, or nil when fewer than two observations were added.
  /// - Complexity: O(1).
  package func variance(designSize: Int? = nil) -> Double? {
    let n = Double(designSize ?? (count + missingCount))
    guard count >= 2, weightSum > 0, n >= 2 else { return nil }
    return max(0, weightedSquares) / weightSum * n / (n - 1)
  }

  /// Kish's effective sample size `(Σw)²/Σw²`; nil when there are no observations.
  package var kishEffectiveSize: Double? {
    guard count > 0, squaredWeightSum > 0 else { return nil }
    return weightSum * weightSum / squaredWeightSum
  }

  /// Kish's design effect due to unequal weights, `n·Σw²/(Σw)² = 1 + CV²(w)`.
  ///
  /// It ignores any correlation between weights and the outcome (statistics.md §1.4).
  package var kishDesignEffect: Double? {
    guard let effective = kishEffectiveSize else { return nil }
    return Double(count) / effective
  }
}

extension WeightedMoments {
  /// The SRS variance of the mean, `svyvar/m` or `svyvar·(W − m)/(W·m)`.
  fileprivate func srsMeanVariance(_ svyvar: Double, _ kind: DesignEffectKind) -> Double? {
    let m = Double(count)
    switch kind {
    case .withReplacement:
      return svyvar / m
    case .withoutReplacement:
      guard weightSum > m else { return nil }
      return svyvar * (weightSum - m) / (weightSum * m)
    }
  }
}
