/// Single-pass, mergeable moments of a scale's items for Cronbach's alpha on a pooled sample:
/// pairwise-complete means, variances and covariances (R's `cov(use = "pairwise")`), and each
/// item against the respondent's mean score, as `psych::alpha` uses them.
///
/// Values are accumulated around a per-item shift (the first value seen) for precision.
package struct ReliabilityAccumulator: Sendable, Equatable {
  /// The number of items.
  package let itemCount: Int
  /// Rows with at least one answered item.
  package private(set) var rows = 0
  var shift: [Double?]
  /// Per pair (i ≤ j, row-major upper triangle): n, Σa, Σb, Σab, Σa², Σb².
  var pairs: [[Double]]
  /// Per item against the score: n, Σx, Σs, Σxs, Σx², Σs².
  var withScore: [[Double]]
  /// The score: n, Σs, Σs².
  var score: [Double] = [0, 0, 0]

  /// An empty accumulator for k items.
  package init(items: Int) {
    itemCount = items
    shift = Array(repeating: nil, count: items)
    pairs = Array(repeating: Array(repeating: 0, count: 6), count: items * (items + 1) / 2)
    withScore = Array(repeating: Array(repeating: 0, count: 6), count: items)
  }

  /// Records one respondent's item values (nil for missing).
  package mutating func add(_ values: [Double?]) {
    guard values.count == itemCount else { return }
    let answered = values.compactMap { $0 }
    guard !answered.isEmpty else { return }
    rows += 1
    for (index, value) in values.enumerated() where shift[index] == nil && value != nil {
      shift[index] = value
    }
    let centred = values.enumerated().map { index, value in value.map { $0 - (shift[index] ?? 0) } }
    let s = answered.reduce(0, +) / Double(answered.count)
    score[0] += 1
    score[1] += s
    score[2] += s * s
    var pair = 0
    for i in 0..<itemCount {
      for j in i..<itemCount {
        defer { pair += 1 }
        guard let a = centred[i], let b = centred[j] else { continue }
        pairs[pair][0] += 1
        pairs[pair][1] += a
        pairs[pair][2] += b
        pairs[pair][3] += a * b
        pairs[pair][4] += a * a
        pairs[pair][5] += b * b
      }
      if let x = centred[i] {
        withScore[i][0] += 1
        withScore[i][1] += x
        withScore[i][2] += s
        withScore[i][3] += x * s
        withScore[i][4] += x * x
        withScore[i][5] += s * s
      }
    }
  }

  /// Adds another accumulator of the same items (shifts must agree, so merge accumulators
  /// seeded with the same first values, or use ``merged(with:)`` which re-centres).
  package mutating func merge(_ other: ReliabilityAccumulator) {
    guard other.itemCount == itemCount else { return }
    rows += other.rows
    for index in 0..<3 { score[index] += other.score[index] }
    var pair = 0
    for i in 0..<itemCount {
      for j in i..<itemCount {
        let (si, sj) = (shift[i] ?? other.shift[i] ?? 0, shift[j] ?? other.shift[j] ?? 0)
        let di = (other.shift[i] ?? si) - si
        let dj = (other.shift[j] ?? sj) - sj
        let o = other.pairs[pair]
        let n = o[0]
        pairs[pair][0] += n
        pairs[pair][1] += o[1] + n * di
        pairs[pair][2] += o[2] + n * dj
        pairs[pair][3] += o[3] + di * o[2] + dj * o[1] + n * di * dj
        pairs[pair][4] += o[4] + 2 * di * o[1] + n * di * di
        pairs[pair][5] += o[5] + 2 * dj * o[2] + n * dj * dj
        pair += 1
      }
      let si = shift[i] ?? other.shift[i] ?? 0
      let di = (other.shift[i] ?? si) - si
      let o = other.withScore[i]
      withScore[i][0] += o[0]
      withScore[i][1] += o[1] + o[0] * di
      withScore[i][2] += o[2]
      withScore[i][3] += o[3] + di * o[2]
      withScore[i][4] += o[4] + 2 * di * o[1] + o[0] * di * di
      withScore[i][5] += o[5]
      if shift[i] == nil { shift[i] = other.shift[i] }
    }
  }

  func pair(_ i: Int, _ j: Int) -> [Double] {
    let (a, b) = i <= j ? (i, j) : (j, i)
    let index = a * itemCount - a * (a - 1) / 2 + (b - a)
    let values = pairs[index]
    return i <= j ? values : [values[0], values[2], values[1], values[3], values[5], values[4]]
  }
}
