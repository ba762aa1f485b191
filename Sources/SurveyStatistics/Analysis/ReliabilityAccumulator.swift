/// Single-pass, mergeable moments of a scale's items for Cronbach's alpha on a pooled sample:
/// pairwise-complete means, variances and covariances (R's `cov(use = "pairwise")`), and each
/// item against the respondent's mean score, as `psych::alpha` uses them.
///
/// Values are accumulated around a per-item shift (the first value seen) for precision.
package struct ReliabilityAccumulator: Sendable, Equatable, Codable {
  /// The number of items.
  package let itemCount: Int
  /// Rows with at least one answered item.
  package private(set) var rows = 0
  var shift: [Double?]
  /// Per pair (i ≤ j, row-major upper triangle), six sums in a row: n, Σa, Σb, Σab, Σa², Σb².
  var pairSums: [Double]
  /// Per item against the score, six sums in a row: n, Σx, Σs, Σxs, Σx², Σs².
  var scoreSums: [Double]
  /// The score: n, Σs, Σs².
  var score: [Double] = [0, 0, 0]

  /// An empty accumulator for k items.
  package init(items: Int) {
    itemCount = items
    shift = Array(repeating: nil, count: items)
    pairSums = Array(repeating: 0, count: 6 * items * (items + 1) / 2)
    scoreSums = Array(repeating: 0, count: 6 * items)
  }

  /// Records one respondent's item values (nil for missing).
  package mutating func add(_ values: [Double?]) {
    guard values.count == itemCount else { return }
    var answered = 0
    var sum = 0.0
    for value in values {
      if let value {
        answered += 1
        sum += value
      }
    }
    guard answered > 0 else { return }
    rows += 1
    let s = sum / Double(answered)
    score[0] += 1
    score[1] += s
    score[2] += s * s
    for index in 0..<itemCount where shift[index] == nil { shift[index] = values[index] }
    let k = itemCount
    let shifts = shift
    pairSums.withUnsafeMutableBufferPointer { pairs in
      scoreSums.withUnsafeMutableBufferPointer { sums in
        var pair = 0
        for i in 0..<k {
          let a = values[i].map { $0 - (shifts[i] ?? 0) }
          for j in i..<k {
            defer { pair += 6 }
            guard let a, let value = values[j] else { continue }
            let b = value - (shifts[j] ?? 0)
            pairs[pair] += 1
            pairs[pair + 1] += a
            pairs[pair + 2] += b
            pairs[pair + 3] += a * b
            pairs[pair + 4] += a * a
            pairs[pair + 5] += b * b
          }
          if let x = a {
            let base = 6 * i
            sums[base] += 1
            sums[base + 1] += x
            sums[base + 2] += s
            sums[base + 3] += x * s
            sums[base + 4] += x * x
            sums[base + 5] += s * s
          }
        }
      }
    }
  }

  /// Adds another accumulator of the same items, re-centring its sums on this one's shifts.
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
        let o = Array(other.pairSums[pair..<(pair + 6)])
        let n = o[0]
        pairSums[pair] += n
        pairSums[pair + 1] += o[1] + n * di
        pairSums[pair + 2] += o[2] + n * dj
        pairSums[pair + 3] += o[3] + di * o[2] + dj * o[1] + n * di * dj
        pairSums[pair + 4] += o[4] + 2 * di * o[1] + n * di * di
        pairSums[pair + 5] += o[5] + 2 * dj * o[2] + n * dj * dj
        pair += 6
      }
      let si = shift[i] ?? other.shift[i] ?? 0
      let di = (other.shift[i] ?? si) - si
      let base = 6 * i
      let o = Array(other.scoreSums[base..<(base + 6)])
      scoreSums[base] += o[0]
      scoreSums[base + 1] += o[1] + o[0] * di
      scoreSums[base + 2] += o[2]
      scoreSums[base + 3] += o[3] + di * o[2]
      scoreSums[base + 4] += o[4] + 2 * di * o[1] + o[0] * di * di
      scoreSums[base + 5] += o[5]
      if shift[i] == nil { shift[i] = other.shift[i] }
    }
  }

  /// The sums of item i against the score.
  var withScore: [[Double]] {
    (0..<itemCount).map { Array(scoreSums[(6 * $0)..<(6 * $0 + 6)]) }
  }

  func pair(_ i: Int, _ j: Int) -> [Double] {
    let (a, b) = i <= j ? (i, j) : (j, i)
    let index = 6 * (a * itemCount - a * (a - 1) / 2 + (b - a))
    let values = Array(pairSums[index..<(index + 6)])
    return i <= j ? values : [values[0], values[2], values[1], values[3], values[5], values[4]]
  }
}
