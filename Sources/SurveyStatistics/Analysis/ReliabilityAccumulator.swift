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
    add(items: values.map { [$0 ?? .nan] }, rows: [0])
  }

  /// Records many respondents at once: item i's value of row r is `items[i][r]` (NaN for
  /// missing), for the rows given, in order.
  ///
  /// The rows' values are laid out as columns (about the shifts, 0 where missing) and each sum
  /// is a dot product of two columns, four rows at a time.
  package mutating func add(items: [[Double]], rows: [Int]) {
    guard items.count == itemCount, !rows.isEmpty else { return }
    let k = itemCount
    for index in 0..<k where shift[index] == nil {
      if let row = rows.first(where: { !items[index][$0].isNaN }) {
        shift[index] = items[index][row]
      }
    }
    let shifts = shift.map { $0 ?? 0 }
    // The rows with at least one answered item, padded to a multiple of 4 with empty rows.
    var valid: [Int] = []
    var scores: [Double] = []
    for row in rows {
      var answered = 0
      var sum = 0.0
      for index in 0..<k {
        let value = items[index][row]
        if !value.isNaN {
          answered += 1
          sum += value
        }
      }
      guard answered > 0 else { continue }
      valid.append(row)
      scores.append(sum / Double(answered))
    }
    guard !valid.isEmpty else { return }
    self.rows += valid.count
    for s in scores {
      score[0] += 1
      score[1] += s
      score[2] += s * s
    }
    let padded = (valid.count + 3) / 4 * 4
    var deviations = [Double](repeating: 0, count: k * padded)
    var known = [Double](repeating: 0, count: k * padded)
    var score = [Double](repeating: 0, count: padded)
    for (index, value) in scores.enumerated() { score[index] = value }
    for item in 0..<k {
      for (index, row) in valid.enumerated() {
        let value = items[item][row]
        guard !value.isNaN else { continue }
        deviations[item * padded + index] = value - shifts[item]
        known[item * padded + index] = 1
      }
    }
    let zero = SIMD4<Double>(repeating: 0)
    deviations.withUnsafeBufferPointer { deviations in
      known.withUnsafeBufferPointer { known in
        score.withUnsafeBufferPointer { score in
          // Four rows at a time, read as vectors (every column is `padded` long, a multiple
          // of 4, so each read stays within its column).
          guard let a = deviations.baseAddress, let m = known.baseAddress, let s = score.baseAddress
          else { return }
          func load(_ base: UnsafePointer<Double>, _ offset: Int) -> SIMD4<Double> {
            UnsafeRawPointer(base + offset).loadUnaligned(as: SIMD4<Double>.self)
          }
          var pair = 0
          for i in 0..<k {
            let (ai, mi) = (i * padded, i * padded)
            for j in i..<k {
              let (aj, mj) = (j * padded, j * padded)
              var (n, sa, sb, sab, saa, sbb) = (zero, zero, zero, zero, zero, zero)
              var row = 0
              while row < padded {
                let (a1, m1) = (load(a, ai + row), load(m, mi + row))
                let (a2, m2) = (load(a, aj + row), load(m, mj + row))
                n += m1 * m2
                sa += a1 * m2
                sb += m1 * a2
                sab += a1 * a2
                saa += a1 * a1 * m2
                sbb += m1 * a2 * a2
                row += 4
              }
              pairSums[pair] += n.sum()
              pairSums[pair + 1] += sa.sum()
              pairSums[pair + 2] += sb.sum()
              pairSums[pair + 3] += sab.sum()
              pairSums[pair + 4] += saa.sum()
              pairSums[pair + 5] += sbb.sum()
              pair += 6
            }
            var (n, sx, ss, sxs, sxx, sss) = (zero, zero, zero, zero, zero, zero)
            var row = 0
            while row < padded {
              let (a1, m1, sc) = (load(a, ai + row), load(m, mi + row), load(s, row))
              n += m1
              sx += a1
              ss += m1 * sc
              sxs += a1 * sc
              sxx += a1 * a1
              sss += m1 * sc * sc
              row += 4
            }
            scoreSums[6 * i] += n.sum()
            scoreSums[6 * i + 1] += sx.sum()
            scoreSums[6 * i + 2] += ss.sum()
            scoreSums[6 * i + 3] += sxs.sum()
            scoreSums[6 * i + 4] += sxx.sum()
            scoreSums[6 * i + 5] += sss.sum()
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
