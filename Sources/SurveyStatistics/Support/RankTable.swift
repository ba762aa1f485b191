/// Pooled observations of several groups, ranked with ties averaged.
///
/// Holds one row per distinct value (ascending) with the count of each group at that value,
/// which is all the rank tests need: rank sums, tie corrections and group sizes. Built either
/// from raw samples or from ``CodeHistogram``s, so Likert data with heavy ties costs O(codes).
struct RankTable: Sendable {
  /// The count of each group at each distinct value: `counts[value][group]`.
  let counts: [[Int]]
  /// The average rank of each distinct value.
  let ranks: [Double]
  /// The size of each group.
  let groupSizes: [Int]
  /// The total number of observations N.
  let total: Int
  /// The tie term `Σ(t³ − t)` over distinct values.
  let tieTerm: Double

  /// Ranks raw samples.
  ///
  /// - Parameter groups: The samples (finite values).
  init(groups: [[Double]]) {
    var table: [Double: [Int]] = [:]
    for (g, group) in groups.enumerated() {
      for value in group {
        table[value, default: Array(repeating: 0, count: groups.count)][g] += 1
      }
    }
    self.init(sortedRows: table.sorted { $0.key < $1.key }.map(\.value), groups: groups.count)
  }

  /// Ranks histograms of integer codes.
  ///
  /// - Parameter histograms: One histogram per group; missing answers are ignored.
  init(histograms: [CodeHistogram]) {
    var table: [Int: [Int]] = [:]
    for (g, histogram) in histograms.enumerated() {
      for (code, count) in histogram.counts {
        table[code, default: Array(repeating: 0, count: histograms.count)][g] += count
      }
    }
    self.init(
      sortedRows: table.sorted { $0.key < $1.key }.map(\.value), groups: histograms.count)
  }

  /// The sum of ranks of one group.
  ///
  /// - Parameter group: The group index.
  /// - Returns: `Σ rank` over the group's observations.
  func rankSum(_ group: Int) -> Double {
    zip(counts, ranks).reduce(0.0) { $0 + Double($1.0[group]) * $1.1 }
  }

  /// Whether any value occurs more than once in the pooled sample.
  var hasTies: Bool { tieTerm > 0 }
}

extension RankTable {
  fileprivate init(sortedRows: [[Int]], groups: Int) {
    var ranks: [Double] = []
    var sizes = Array(repeating: 0, count: groups)
    var below = 0
    var tieTerm = 0.0
    for row in sortedRows {
      let t = row.reduce(0, +)
      ranks.append(Double(below) + (Double(t) + 1) / 2)
      let tt = Double(t)
      tieTerm += tt * tt * tt - tt
      below += t
      for (g, count) in row.enumerated() { sizes[g] += count }
    }
    self.counts = sortedRows
    self.ranks = ranks
    self.groupSizes = sizes
    self.total = below
    self.tieTerm = tieTerm
  }
}
