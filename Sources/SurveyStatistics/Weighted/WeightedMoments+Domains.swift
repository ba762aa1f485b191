extension WeightedMoments {
  /// Per-domain accumulators for estimates the `svyby` way.
  package struct Domains<Key: Hashable & Sendable>: Sendable {
    /// The accumulator of each domain that has at least one row.
    package var moments: [Key: WeightedMoments]
    /// The full-sample size n used in every domain's `n/(n−1)` factor.
    package var designSize: Int

    /// The weighted mean of one domain with its `svyby` standard error.
    ///
    /// - Parameters:
    ///   - key: The domain.
    ///   - designEffect: The kind of design effect to attach, or nil for none.
    /// - Returns: The estimate, or nil for an unknown or empty domain.
    /// - Complexity: O(1).
    package func mean(
      _ key: Key, designEffect: DesignEffectKind? = .withReplacement
    ) -> WeightedEstimate? {
      moments[key]?.meanEstimate(designSize: designSize, designEffect: designEffect)
    }

    /// The weighted total of one domain with its `svyby` standard error.
    ///
    /// - Parameters:
    ///   - key: The domain.
    ///   - designEffect: The kind of design effect to attach, or nil for none.
    /// - Returns: The estimate, or nil for an unknown or empty domain.
    /// - Complexity: O(1).
    package func total(
      _ key: Key, designEffect: DesignEffectKind? = .withReplacement
    ) -> WeightedEstimate? {
      moments[key]?.totalEstimate(designSize: designSize, designEffect: designEffect)
    }
  }

  /// Splits a sample into domains (e.g. chapters) for `svyby`-style estimates.
  ///
  /// Every row counts towards the full design size, including rows whose value is missing.
  ///
  /// - Parameters:
  ///   - values: The observations; nil is a missing answer.
  ///   - weights: The sampling weights (1 when omitted).
  ///   - domains: The domain of each row.
  /// - Returns: The domain accumulators, or nil when the lengths differ.
  /// - Complexity: O(n).
  package static func domains<Key: Hashable & Sendable>(
    values: [Double?], weights: [Double]? = nil, domains: [Key]
  ) -> Domains<Key>? {
    guard domains.count == values.count, weights.map({ $0.count == values.count }) ?? true
    else { return nil }
    var moments: [Key: WeightedMoments] = [:]
    for (index, key) in domains.enumerated() {
      let weight = weights?[index] ?? 1
      if let value = values[index] {
        moments[key, default: WeightedMoments()].add(value, weight: weight)
      } else {
        moments[key, default: WeightedMoments()].addMissing()
      }
    }
    return Domains(moments: moments, designSize: values.count)
  }
}
