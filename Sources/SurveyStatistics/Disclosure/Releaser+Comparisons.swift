extension Releaser {
  /// Why a comparison of two values may not be shown: a side is withheld or only a bound (the
  /// difference would reveal it).
  package func comparisonRule(
    _ first: Released<ReleasedEstimate>, _ second: Released<ReleasedEstimate>
  ) -> DisclosureRule? {
    for side in [first, second] {
      switch side {
      case .withheld(let rule, _): return rule
      case .shown(let estimate) where !estimate.isExact: return .cell
      case .shown: continue
      }
    }
    return nil
  }

  /// Records a comparison that is withheld.
  package mutating func withheldComparison(_ rule: DisclosureRule, _ kind: CellKind) -> Released<
    ReleasedComparison
  > {
    withhold(rule, kind)
  }

  /// Rounds a comparison for display (after the report's Benjamini–Hochberg adjustment).
  ///
  /// - Parameters:
  ///   - comparison: The comparison.
  ///   - isShare: Whether the difference is of shares (shown in percentage points).
  ///   - decimals: Decimals of the compared means.
  package func release(_ comparison: Comparison, isShare: Bool, decimals: Int) -> ReleasedComparison
  {
    let scale = isShare ? 100.0 : 1.0
    let places = isShare ? 0 : decimals
    let round = { (value: Double) in Self.rounded(value * scale, decimals: places) }
    return ReleasedComparison(
      test: comparison.test, difference: comparison.difference.map(round),
      interval: comparison.interval.map { round($0.lower)...max(round($0.lower), round($0.upper)) },
      decimals: places, isPercentagePoints: isShare && comparison.difference != nil,
      statistic: Self.rounded(
        comparison.statistic.isFinite ? comparison.statistic : 0, decimals: 2),
      degreesOfFreedom: comparison.degreesOfFreedom.map { Self.rounded($0, decimals: 1) },
      pValue: Self.rounded(comparison.pValue, decimals: 3),
      adjustedPValue: comparison.adjustedPValue.map { Self.rounded($0, decimals: 3) },
      effect: comparison.effect.map { Self.rounded($0, decimals: 2) },
      effectKind: comparison.effectKind,
      isSignificant: comparison.isSignificant)
  }
}
