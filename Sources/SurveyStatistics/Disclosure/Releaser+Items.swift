extension Releaser {
  /// A question's answer distribution in a group: every option, or collapsed bands, or
  /// withheld. Multiple choice gives each option's share of those who answered, with bounds.
  package mutating func distribution(
    question position: Int, shape: ItemShape, of group: GroupAccumulator, key: GroupKey
  ) -> Released<ReleasedDistribution> {
    if let rule = contextRule(.item(position), key, group) { return withhold(rule, .distribution) }
    guard group.items.indices.contains(position) else {
      return withhold(.minimumGroup, .distribution)
    }
    let item = group.items[position]
    switch shape {
    case .ordinal, .nominal:
      let size = item.codes.count
      guard let band = SizeBand.band(for: size, policy: policy) else {
        return withhold(.minimumGroup, .distribution)
      }
      guard let (rows, collapsed) = policy.distributionRows(item.codes, shape: shape) else {
        return withhold(size < policy.noExtremesBelow ? .extremes : .cell, .distribution)
      }
      if collapsed { audit.record(.cell, .distribution) }
      return .shown(
        ReleasedDistribution(
          rows: rows.map { row in
            .init(
              codes: row.codes,
              percent: .value(policy.percent(Double(row.count) / Double(size), size: size)))
          }, isCollapsed: collapsed, size: band))
    case .multiple(let codes):
      let size = item.multipleAnswered
      guard let band = SizeBand.band(for: size, policy: policy) else {
        return withhold(.minimumGroup, .distribution)
      }
      var bounded = false
      let rows = codes.map { code -> ReleasedDistribution.Row in
        let count = item.codes.count(of: code)
        switch policy.judgeShare(count: count, size: size) {
        case .exact:
          return .init(
            codes: [code], percent: .value(policy.percent(Double(count) / Double(size), size: size))
          )
        case .bound, .withheld:
          bounded = true
          let bound = policy.lowBound(size: size)
          return .init(
            codes: [code], percent: count * 2 < size ? .below(bound) : .above(100 - bound))
        }
      }
      if bounded { audit.record(.cell, .distribution) }
      return .shown(ReleasedDistribution(rows: rows, isCollapsed: false, size: band))
    case .other:
      return withhold(.minimumGroup, .distribution)
    }
  }

  /// A question's item non-response rate in a group: the share of those shown the question who
  /// gave no substantive answer (blank, or a missing code such as "prefer not to say").
  package mutating func nonresponse(
    question position: Int, of group: GroupAccumulator, key: GroupKey
  ) -> Released<ReleasedShare> {
    if let rule = contextRule(.nonresponse(position), key, group) {
      return withhold(rule, .nonresponse)
    }
    guard group.items.indices.contains(position) else {
      return withhold(.minimumGroup, .nonresponse)
    }
    let item = group.items[position]
    return countShare(count: item.shown - item.answered, size: item.shown, kind: .nonresponse)
  }
}
