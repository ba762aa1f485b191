/// Why a value was withheld or shown only as a bound.
package enum DisclosureRule: String, Sendable, CaseIterable, Comparable {
  /// The group (or the answers behind a value) is below the minimum group size.
  case minimumGroup = "minimum-group"
  /// Withheld so that a withheld group cannot be worked out from the totals and other groups.
  case complementary = "complementary"
  /// A count or its complement is between 1 and the cell minimum: shown as a bound.
  case cell = "cell"
  /// 0 % or 100 % (or identical answers) in a group below the extremes threshold.
  case extremes = "extremes"
  /// A group's figure in a wave that, with the earlier wave's, would describe the few linked
  /// people who joined or left.
  case waveDifference = "wave-difference"

  /// Rules in the order reports list them.
  package static func < (lhs: DisclosureRule, rhs: DisclosureRule) -> Bool {
    let order = allCases
    return (order.firstIndex(of: lhs) ?? 0) < (order.firstIndex(of: rhs) ?? 0)
  }

  /// A sentence for the audit section, with the threshold.
  package func explanation(_ policy: DisclosurePolicy) -> String {
    switch self {
    case .minimumGroup:
      "fewer than \(policy.minimumGroupSize) respondents behind the value"
    case .complementary:
      "withheld so that a withheld group cannot be worked out by subtracting the other groups "
        + "from the total (the withheld groups together must pass every rule)"
    case .cell:
      "a count or its complement between 1 and \(policy.minimumCell - 1): shown only as a bound"
    case .extremes:
      "0 %, 100 % or identical answers in a group of fewer than \(policy.noExtremesBelow): "
        + "shown only as a bound, or withheld"
    case .waveDifference:
      "everyone is linked across waves and 1 to \(policy.minimumGroupSize - 1) people joined or "
        + "left: with the earlier wave's figure, the later one would describe them"
    }
  }

  /// The threshold the rule applies.
  package func threshold(_ policy: DisclosurePolicy) -> Int {
    switch self {
    case .minimumGroup, .complementary, .waveDifference: policy.minimumGroupSize
    case .cell: policy.minimumCell
    case .extremes: policy.noExtremesBelow
    }
  }
}

/// The kind of value a rule acted on, for the audit.
package enum CellKind: String, Sendable, CaseIterable, Comparable {
  case group = "group size"
  case share = "share"
  case mean = "mean"
  case distribution = "answer distribution"
  case nonresponse = "item non-response"
  case comparison = "comparison with the rest of the organization"
  case change = "change between waves"
  case relation = "relation between a cause and an outcome"
  case reliability = "reliability"

  /// Kinds in the order reports list them.
  package static func < (lhs: CellKind, rhs: CellKind) -> Bool {
    let order = allCases
    return (order.firstIndex(of: lhs) ?? 0) < (order.firstIndex(of: rhs) ?? 0)
  }
}

/// What one report withheld and why: rules, thresholds and kinds of value, with counts, never
/// the values themselves or which group they belonged to.
package struct DisclosureAudit: Sendable, Equatable {
  /// One line of the audit.
  package struct Entry: Sendable, Hashable, Comparable {
    /// The rule.
    package var rule: DisclosureRule
    /// The kind of value.
    package var kind: CellKind
    /// How many values it acted on.
    package var count: Int

    package static func < (lhs: Entry, rhs: Entry) -> Bool {
      (lhs.rule, lhs.kind) < (rhs.rule, rhs.kind)
    }
  }

  /// The policy applied.
  package let policy: DisclosurePolicy
  private var counts: [DisclosureRule: [CellKind: Int]] = [:]

  /// An empty audit.
  package init(policy: DisclosurePolicy) { self.policy = policy }

  /// Records that a rule acted on a value.
  package mutating func record(_ rule: DisclosureRule, _ kind: CellKind) {
    counts[rule, default: [:]][kind, default: 0] += 1
  }

  /// The entries, ordered by rule then kind.
  package var entries: [Entry] {
    counts.flatMap { rule, kinds in kinds.map { Entry(rule: rule, kind: $0.key, count: $0.value) } }
      .sorted()
  }

  /// Whether nothing was withheld.
  package var isEmpty: Bool { counts.isEmpty }
}
