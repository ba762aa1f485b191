/// Counts of distinct values, mergeable: exact medians and quartiles of scores from counts.
package struct ValueHistogram: Sendable, Equatable, Codable {
  /// How often each value occurred.
  package private(set) var counts: [Double: Int] = [:]

  /// Creates an empty histogram.
  package init() {}

  /// Records a value.
  package mutating func add(_ value: Double, count: Int = 1) {
    guard value.isFinite else { return }
    counts[value, default: 0] += count
  }

  /// Records many values, each distinct value looked up once (survey measures take a handful
  /// of distinct values: they are counted along a short list first).
  package mutating func add(counting values: some Sequence<Double>) {
    var distinct: [Double] = []
    var counts: [Int] = []
    var more: [Double: Int] = [:]
    for value in values {
      if let index = distinct.firstIndex(of: value) {
        counts[index] += 1
      } else if distinct.count < 16 {
        distinct.append(value)
        counts.append(1)
      } else {
        more[value, default: 0] += 1
      }
    }
    for (index, value) in distinct.enumerated() { add(value, count: counts[index]) }
    for (value, count) in more { add(value, count: count) }
  }

  /// Adds another histogram's counts.
  package mutating func merge(_ other: ValueHistogram) {
    for (value, count) in other.counts { counts[value, default: 0] += count }
  }

  /// The number of values.
  package var count: Int { counts.values.reduce(0, +) }

  /// The type-7 quantile (R's default): `x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋])` with
  /// `h = (n − 1)p` over the sorted values.
  ///
  /// - Complexity: O(k log k) for k distinct values.
  package func quantile(_ p: Double) -> Double? {
    let n = count
    guard n > 0, p >= 0, p <= 1 else { return nil }
    let sorted = counts.sorted { $0.key < $1.key }
    let h = Double(n - 1) * p
    let low = Int(h.rounded(.down))
    let fraction = h - Double(low)
    func value(at index: Int) -> Double {
      var seen = 0
      for (value, count) in sorted {
        seen += count
        if index < seen { return value }
      }
      return sorted.last?.key ?? .nan
    }
    let lower = value(at: low)
    guard fraction > 0 else { return lower }
    return lower + fraction * (value(at: low + 1) - lower)
  }
}

/// Counts of value pairs, for Spearman's ρ from counts (ties share average ranks).
package struct JointHistogram: Sendable, Equatable, Codable {
  /// Pair counts.
  package private(set) var counts: [Pair: Int] = [:]

  /// A pair of values.
  package struct Pair: Sendable, Hashable, Codable {
    package var x: Double
    package var y: Double
  }

  /// Creates an empty histogram.
  package init() {}

  /// Records a pair.
  package mutating func add(_ x: Double, _ y: Double, count: Int = 1) {
    guard x.isFinite, y.isFinite, count > 0 else { return }
    counts[Pair(x: x, y: y), default: 0] += count
  }

  /// Adds another histogram's counts.
  package mutating func merge(_ other: JointHistogram) {
    for (pair, count) in other.counts { counts[pair, default: 0] += count }
  }

  /// The number of pairs.
  package var count: Int { counts.values.reduce(0, +) }
}
