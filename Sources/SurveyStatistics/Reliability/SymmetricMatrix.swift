import Foundation

/// A small dense symmetric matrix with the operations reliability analysis needs.
///
/// Stored row-major. The pseudo-inverse uses the cyclic Jacobi eigenvalue method, which is
/// accurate for the item counts of survey scales (k ≤ 100) and handles singular and indefinite
/// matrices, matching psych's `Pinv` (SVD with tolerance `√ε·σ_max`).
struct SymmetricMatrix: Sendable, Equatable {
  /// The dimension k.
  let size: Int
  /// The entries, row-major.
  private(set) var entries: [Double]

  /// Creates a matrix from entries.
  ///
  /// - Parameters:
  ///   - size: The dimension k.
  ///   - entries: k² entries, row-major (assumed symmetric).
  init(size: Int, entries: [Double]) {
    self.size = size
    self.entries = entries
  }

  /// One entry.
  ///
  /// - Parameters:
  ///   - row: The row index in 0..<k.
  ///   - column: The column index in 0..<k.
  subscript(row: Int, column: Int) -> Double {
    get { entries[row * size + column] }
    set { entries[row * size + column] = newValue }
  }

  /// The matrix without one row and column.
  ///
  /// - Parameter index: The row and column to remove.
  /// - Returns: The (k−1)×(k−1) submatrix.
  func removing(_ index: Int) -> SymmetricMatrix {
    let kept = (0..<size).filter { $0 != index }
    return SymmetricMatrix(
      size: kept.count, entries: kept.flatMap { r in kept.map { c in self[r, c] } })
  }

  /// The sum of all entries.
  var sum: Double { entries.reduce(0, +) }

  /// The trace.
  var trace: Double { (0..<size).reduce(0) { $0 + self[$1, $1] } }

  /// The diagonal.
  var diagonal: [Double] { (0..<size).map { self[$0, $0] } }

  /// The sum of each column.
  var columnSums: [Double] { (0..<size).map { c in (0..<size).reduce(0) { $0 + self[$1, c] } } }

  /// The matrix product with itself.
  var squared: SymmetricMatrix {
    var result = SymmetricMatrix(size: size, entries: Array(repeating: 0, count: size * size))
    for r in 0..<size {
      for c in 0..<size {
        result[r, c] = (0..<size).reduce(0) { $0 + self[r, $1] * self[$1, c] }
      }
    }
    return result
  }

  /// The correlation matrix `D^(−½)·C·D^(−½)` (R's `cov2cor`).
  var correlation: SymmetricMatrix {
    var result = self
    let scale = diagonal.map { 1 / $0.squareRoot() }
    for r in 0..<size {
      for c in 0..<size { result[r, c] = self[r, c] * scale[r] * scale[c] }
    }
    for i in 0..<size { result[i, i] = 1 }
    return result
  }

  /// The diagonal of the Moore–Penrose pseudo-inverse.
  ///
  /// Eigenvalues with magnitude at most `√ε·max|λ|` are treated as zero, as in psych's `Pinv`.
  ///
  /// - Returns: `diag(A⁺)`.
  /// - Complexity: O(k³) per Jacobi sweep, usually under 10 sweeps.
  func pseudoInverseDiagonal() -> [Double] {
    let (values, vectors) = eigen()
    let largest = values.map { abs($0) }.max() ?? 0
    let tolerance = Double.ulpOfOne.squareRoot() * largest
    return (0..<size).map { i in
      var total = 0.0
      for (j, lambda) in values.enumerated() where abs(lambda) > tolerance {
        let v = vectors[i * size + j]
        total += v * v / lambda
      }
      return total
    }
  }
}

extension SymmetricMatrix {
  /// Eigenvalues and eigenvectors (column j of the row-major `vectors`) by cyclic Jacobi.
  fileprivate func eigen() -> (values: [Double], vectors: [Double]) {
    var a = entries
    let n = size
    var v = Array(repeating: 0.0, count: n * n)
    for i in 0..<n { v[i * n + i] = 1 }
    let scale = a.reduce(0) { $0 + $1 * $1 }
    for _ in 0..<100 {
      var off = 0.0
      for p in 0..<n {
        for q in (p + 1)..<max(p + 1, n) { off += a[p * n + q] * a[p * n + q] }
      }
      if off <= 1e-34 * scale { break }
      for p in 0..<n {
        for q in (p + 1)..<max(p + 1, n) where a[p * n + q] != 0 {
          let theta = (a[q * n + q] - a[p * n + p]) / (2 * a[p * n + q])
          let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
          let c = 1 / (t * t + 1).squareRoot()
          let s = t * c
          for k in 0..<n {
            let akp = a[k * n + p]
            let akq = a[k * n + q]
            a[k * n + p] = c * akp - s * akq
            a[k * n + q] = s * akp + c * akq
          }
          for k in 0..<n {
            let apk = a[p * n + k]
            let aqk = a[q * n + k]
            a[p * n + k] = c * apk - s * aqk
            a[q * n + k] = s * apk + c * aqk
          }
          for k in 0..<n {
            let vkp = v[k * n + p]
            let vkq = v[k * n + q]
            v[k * n + p] = c * vkp - s * vkq
            v[k * n + q] = s * vkp + c * vkq
          }
        }
      }
    }
    return ((0..<n).map { a[$0 * n + $0] }, v)
  }
}
