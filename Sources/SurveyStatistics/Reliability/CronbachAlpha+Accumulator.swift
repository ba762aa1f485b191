extension CronbachAlpha {
  /// Computes alpha from single-pass moments (pairwise missing data, as `psych::alpha`), so a
  /// pooled sample of any size needs constant memory.
  ///
  /// It agrees with ``init(rows:missingData:level:)`` on the same rows whenever every item
  /// varies (items without variance are left out here, and their constant first value is not
  /// added to the total score as psych does).
  ///
  /// - Parameters:
  ///   - accumulator: The items' moments.
  ///   - level: The confidence level of the Feldt interval.
  /// - Returns: The statistics, or nil when fewer than two items vary, a pair of items has fewer
  ///   than two rows in common, or the total score does not vary.
  package init?(accumulator: ReliabilityAccumulator, level: Double = 0.95) {
    let k = accumulator.itemCount
    var kept: [Int] = []
    var removed: [Int] = []
    for item in 0..<k {
      let d = accumulator.pair(item, item)
      if d[0] >= 2, Self.covariance(d) > 0 { kept.append(item) } else { removed.append(item) }
    }
    guard kept.count >= 2 else { return nil }
    var entries: [Double] = []
    for i in kept {
      for j in kept {
        let p = accumulator.pair(i, j)
        guard p[0] >= 2 else { return nil }
        entries.append(Self.covariance(p))
      }
    }
    let c = SymmetricMatrix(size: kept.count, entries: entries)
    let r = c.correlation
    let size = Double(kept.count)
    let smc = r.pseudoInverseDiagonal().map { min(1, max(0, 1 - 1 / $0)) }
    let whole = Self.scaleStatistics(c, r)
    let g6 = 1 - (size - smc.reduce(0, +)) / r.sum
    let sn = size * whole.averageCorrelation / (1 - whole.averageCorrelation)
    let score = accumulator.score
    guard score[0] >= 2 else { return nil }
    let scoreMean = score[1] / score[0]
    let scoreVariance = (score[2] - score[1] * score[1] / score[0]) / (score[0] - 1)
    guard scoreVariance > 0 else { return nil }
    var withSmc = r
    for i in 0..<r.size { withSmc[i, i] = smc[i] }
    let standardized = r.columnSums.map { $0 / r.sum.squareRoot() }
    let corrected = withSmc.columnSums.map { $0 / withSmc.sum.squareRoot() }
    let columnSums = c.columnSums
    let items = kept.enumerated().map { i, column -> Item in
      let d = accumulator.pair(column, column)
      let mean = d[1] / d[0] + (accumulator.shift[column] ?? 0)
      let (rawDrop, stdDrop) = Self.dropped(i, c, r)
      let w = accumulator.withScore[column]
      let covariance = w[3] - w[1] * w[2] / w[0]
      let varianceX = w[4] - w[1] * w[1] / w[0]
      let varianceS = w[5] - w[2] * w[2] / w[0]
      return Item(
        column: column, count: Int(d[0]), mean: mean,
        standardDeviation: Self.covariance(d).squareRoot(),
        rawAlphaIfDropped: rawDrop, standardizedAlphaIfDropped: stdDrop,
        rawCorrelation: covariance / (varianceX * varianceS).squareRoot(),
        standardizedCorrelation: standardized[i], correctedCorrelation: corrected[i],
        dropCorrelation: (columnSums[i] - c[i, i]) / (c[i, i] * c.removing(i).sum).squareRoot())
    }
    let n = accumulator.rows
    self.init(
      totals: (
        whole.raw, whole.standardized, g6, whole.averageCorrelation, sn,
        (whole.q / Double(n)).squareRoot()
      ),
      score: (scoreMean, scoreVariance.squareRoot()),
      feldt: Self.feldt(alpha: whole.raw, rows: n, items: kept.count, level: level),
      items: items, rowCount: n, removed: removed)
  }

  /// The covariance from pair sums `[n, Σa, Σb, Σab, Σa², Σb²]`.
  private static func covariance(_ p: [Double]) -> Double {
    (p[3] - p[1] * p[2] / p[0]) / (p[0] - 1)
  }
}
