import Foundation

extension CronbachAlpha {
  /// Validated rows after any listwise deletion.
  struct Input: Sendable {
    /// The rows used.
    var rows: [[Double?]]
    /// The number of items k.
    var columns: Int
  }

  /// The scale-level statistics of `psych`'s internal `alpha.1` for one covariance matrix.
  struct ScaleStatistics: Sendable {
    /// Raw alpha.
    var raw: Double
    /// Standardized alpha.
    var standardized: Double
    /// The average inter-item correlation.
    var averageCorrelation: Double
    /// Duhachek & Iacobucci's Q (`ase² · n`).
    var q: Double
  }

  /// Checks the shape and values of the rows and applies listwise deletion.
  ///
  /// - Parameters:
  ///   - rows: The data matrix.
  ///   - missingData: The missing-data rule.
  /// - Returns: The validated input, or nil when it is unusable.
  static func prepare(_ rows: [[Double?]], _ missingData: MissingData) -> Input? {
    guard let k = rows.first?.count, k >= 2,
      rows.allSatisfy({ row in row.count == k && row.allSatisfy { $0?.isFinite ?? true } })
    else { return nil }
    let used =
      missingData == .listwise ? rows.filter { row in row.allSatisfy { $0 != nil } } : rows
    guard !used.isEmpty else { return nil }
    return Input(rows: used, columns: k)
  }

  /// Computes every statistic from validated input.
  ///
  /// - Parameters:
  ///   - input: The validated rows.
  ///   - level: The Feldt confidence level.
  /// - Returns: The statistics, or nil when they are undefined.
  static func compute(_ input: Input, level: Double) -> CronbachAlpha? {
    let rows = input.rows
    let columns = (0..<input.columns).map { c in rows.compactMap { $0[c] } }
    var kept: [Int] = []
    var removed: [Int] = []
    for (c, values) in columns.enumerated() {
      if let sd = SampleSummary(values)?.standardDeviation, sd > 0 {
        kept.append(c)
      } else {
        removed.append(c)
      }
    }
    guard kept.count >= 2, let c = covariance(rows, kept) else { return nil }
    let r = c.correlation
    let k = Double(kept.count)
    let smc = r.pseudoInverseDiagonal().map { min(1, max(0, 1 - 1 / $0)) }
    let whole = scaleStatistics(c, r)
    let g6 = 1 - (k - smc.reduce(0, +)) / r.sum
    let sn = k * whole.averageCorrelation / (1 - whole.averageCorrelation)
    guard let score = totalScores(rows, kept, removed) else { return nil }
    let valid = score.filter { !$0.isNaN }
    guard let total = SampleSummary(valid), let sd = total.standardDeviation, sd > 0 else {
      return nil
    }
    var withSmc = r
    for i in 0..<r.size { withSmc[i, i] = smc[i] }
    let items = itemStatistics(
      rows: rows, kept: kept, scores: score, c: c, r: r, withSmc: withSmc)
    let n = rows.count
    return CronbachAlpha(
      totals: (
        whole.raw, whole.standardized, g6, whole.averageCorrelation, sn,
        (whole.q / Double(n)).squareRoot()
      ),
      score: (total.mean, sd),
      feldt: feldt(alpha: whole.raw, rows: n, items: kept.count, level: level),
      items: items, rowCount: n, removed: removed)
  }
}

extension CronbachAlpha {
  /// Pairwise-complete covariances of the kept columns (R's `cov(use = "pairwise")`).
  fileprivate static func covariance(_ rows: [[Double?]], _ kept: [Int]) -> SymmetricMatrix? {
    var matrix = SymmetricMatrix(
      size: kept.count, entries: Array(repeating: 0, count: kept.count * kept.count))
    for (i, ci) in kept.enumerated() {
      for (j, cj) in kept.enumerated() where j >= i {
        let pairs = rows.compactMap { row -> (Double, Double)? in
          guard let a = row[ci], let b = row[cj] else { return nil }
          return (a, b)
        }
        guard let value = pairedMoments(pairs)?.covariance else { return nil }
        matrix[i, j] = value
        matrix[j, i] = value
      }
    }
    return matrix
  }

  /// Covariance and correlation of pairs, with means taken over the pairs themselves.
  fileprivate static func pairedMoments(
    _ pairs: [(Double, Double)]
  ) -> (covariance: Double, correlation: Double)? {
    guard pairs.count >= 2 else { return nil }
    let n = Double(pairs.count)
    let meanA = pairs.reduce(0) { $0 + $1.0 } / n
    let meanB = pairs.reduce(0) { $0 + $1.1 } / n
    var sab = 0.0
    var saa = 0.0
    var sbb = 0.0
    for (a, b) in pairs {
      sab += (a - meanA) * (b - meanB)
      saa += (a - meanA) * (a - meanA)
      sbb += (b - meanB) * (b - meanB)
    }
    return (sab / (n - 1), sab / (saa * sbb).squareRoot())
  }

  /// psych's `alpha.1`: raw and standardized alpha, average r and Q.
  static func scaleStatistics(_ c: SymmetricMatrix, _ r: SymmetricMatrix)
    -> ScaleStatistics
  {
    let k = Double(c.size)
    let sumC = c.sum
    let traceC = c.trace
    let squared = c.squared
    let q =
      2 * k * k / ((k - 1) * (k - 1) * sumC * sumC * sumC)
      * (sumC * (squared.trace + traceC * traceC) - 2 * traceC * squared.sum)
    return ScaleStatistics(
      raw: (1 - traceC / sumC) * k / (k - 1),
      standardized: (1 - k / r.sum) * k / (k - 1),
      averageCorrelation: (r.sum - k) / (k * (k - 1)), q: q)
  }

  /// The total score of each row: the mean of the answered kept items (NaN if none), with
  /// psych's adjustment for removed items, `(k·mean + Σ first-row removed values)/(k + removed)`.
  fileprivate static func totalScores(_ rows: [[Double?]], _ kept: [Int], _ removed: [Int])
    -> [Double]?
  {
    guard let first = rows.first else { return nil }
    let removedSum = removed.reduce(0.0) { $0 + (first[$1] ?? 0) }
    let k = Double(kept.count)
    return rows.map { row in
      let answered = kept.compactMap { row[$0] }
      guard !answered.isEmpty else { return .nan }
      let mean = answered.reduce(0, +) / Double(answered.count)
      return removed.isEmpty ? mean : (k * mean + removedSum) / (k + Double(removed.count))
    }
  }

  /// Per-item statistics: α if dropped and the four item–total correlations.
  fileprivate static func itemStatistics(
    rows: [[Double?]], kept: [Int], scores: [Double], c: SymmetricMatrix, r: SymmetricMatrix,
    withSmc: SymmetricMatrix
  ) -> [Item] {
    let standardized = r.columnSums.map { $0 / r.sum.squareRoot() }
    let corrected = withSmc.columnSums.map { $0 / withSmc.sum.squareRoot() }
    let columnSums = c.columnSums
    return kept.enumerated().map { i, column in
      let values = rows.compactMap { $0[column] }
      let summary = SampleSummary(values)
      let pairs = zip(rows, scores).compactMap { row, score -> (Double, Double)? in
        guard let value = row[column], !score.isNaN else { return nil }
        return (score, value)
      }
      let (rawDrop, stdDrop) = dropped(i, c, r)
      let rest = c.removing(i).sum
      return Item(
        column: column, count: values.count, mean: summary?.mean ?? .nan,
        standardDeviation: summary?.standardDeviation ?? .nan,
        rawAlphaIfDropped: rawDrop, standardizedAlphaIfDropped: stdDrop,
        rawCorrelation: pairedMoments(pairs)?.correlation ?? .nan,
        standardizedCorrelation: standardized[i], correctedCorrelation: corrected[i],
        dropCorrelation: (columnSums[i] - c[i, i]) / (c[i, i] * rest).squareRoot())
    }
  }

  /// Raw and standardized alpha without item `i` (psych's special values when k = 2).
  static func dropped(_ i: Int, _ c: SymmetricMatrix, _ r: SymmetricMatrix) -> (
    Double, Double
  ) {
    if c.size == 2 {
      let other = 1 - i
      return (c[0, 1] / c[other, other], r[0, 1])
    }
    let statistics = scaleStatistics(c.removing(i), r.removing(i))
    return (statistics.raw, statistics.standardized)
  }

  /// Feldt's interval, psych's `alpha.ci`.
  static func feldt(alpha: Double, rows: Int, items: Int, level: Double)
    -> ConfidenceInterval?
  {
    let df1 = Double(rows - 1)
    guard rows >= 2, ConfidenceInterval.isValidLevel(level),
      let f = FDistribution(
        numeratorDegreesOfFreedom: df1, denominatorDegreesOfFreedom: df1 * Double(items - 1))
    else { return nil }
    let tail = (1 - level) / 2
    let high = f.quantile(lower: 1 - tail, upper: tail)
    let low = f.quantile(lower: tail, upper: 1 - tail)
    return ConfidenceInterval(
      lower: 1 - (1 - alpha) * high, upper: 1 - (1 - alpha) * low, level: level)
  }
}
