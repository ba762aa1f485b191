/// A mergeable histogram of integer answer codes: the count of each code plus missing answers.
///
/// Memory grows with the number of distinct codes, not with the number of rows. Merging two
/// histograms adds their counts, so `a.merged(with: b)` is exactly the histogram of one pass over
/// both inputs. It yields n, mean, SD, median, quartiles and shares
/// (`CodeHistogram+Statistics.swift`) and is the input of the rank tests.
package struct CodeHistogram: Sendable, Equatable, Codable {
  /// Counts of the codes 0..<64 (answer codes are almost always small), grown as needed.
  private var dense: [Int] = []
  /// Counts of other codes.
  private var sparse: [Int: Int] = [:]
  /// The number of substantive answers n.
  package private(set) var count = 0
  /// The number of missing (non-substantive) answers.
  package private(set) var missingCount = 0

  static let denseLimit = 64

  /// The count of each code that occurred at least once.
  package var counts: [Int: Int] {
    var counts = sparse
    for (code, value) in dense.enumerated() where value > 0 { counts[code] = value }
    return counts
  }

  /// The count of one code.
  package func count(of code: Int) -> Int {
    if code >= 0 && code < dense.count { return dense[code] }
    return sparse[code] ?? 0
  }

  package static func == (lhs: CodeHistogram, rhs: CodeHistogram) -> Bool {
    lhs.count == rhs.count && lhs.missingCount == rhs.missingCount && lhs.counts == rhs.counts
  }

  /// Creates an empty histogram.
  package init() {}

  /// Creates a histogram of a list of codes.
  ///
  /// - Parameter codes: The answers; nil entries count as missing.
  /// - Complexity: O(n).
  package init(codes: [Int?]) {
    for code in codes {
      if let code { add(code) } else { addMissing() }
    }
  }

  /// Creates a histogram from counts per code.
  ///
  /// - Parameters:
  ///   - counts: The count of each code; non-positive counts are ignored.
  ///   - missing: The number of missing answers (negative values count as 0).
  package init(counts: [Int: Int], missing: Int = 0) {
    for (code, count) in counts where count > 0 { add(code, count: count) }
    self.missingCount = max(0, missing)
  }

  /// Records `count` answers with the given code.
  ///
  /// - Parameters:
  ///   - code: The answer code.
  ///   - count: How many answers to add (non-positive values are ignored).
  package mutating func add(_ code: Int, count: Int = 1) {
    guard count > 0 else { return }
    self.count += count
    if code >= 0 && code < Self.denseLimit {
      if code >= dense.count { dense += Array(repeating: 0, count: code + 1 - dense.count) }
      dense[code] += count
    } else {
      sparse[code, default: 0] += count
    }
  }

  /// Records missing answers.
  ///
  /// - Parameter count: How many missing answers to add (non-positive values are ignored).
  package mutating func addMissing(_ count: Int = 1) {
    guard count > 0 else { return }
    missingCount += count
  }

  /// Adds another histogram's counts to this one.
  ///
  /// - Parameter other: The histogram to merge in.
  /// - Complexity: O(number of distinct codes in `other`).
  package mutating func merge(_ other: CodeHistogram) {
    for (code, value) in other.dense.enumerated() where value > 0 { add(code, count: value) }
    for (code, value) in other.sparse { add(code, count: value) }
    missingCount += other.missingCount
  }

  /// The histogram of both inputs.
  ///
  /// - Parameter other: The histogram to merge in.
  /// - Returns: The merged histogram, equal to one pass over both inputs.
  package func merged(with other: CodeHistogram) -> CodeHistogram {
    var result = self
    result.merge(other)
    return result
  }

  /// The codes in increasing order with their counts.
  package var sortedCounts: [(code: Int, count: Int)] {
    counts.sorted { $0.key < $1.key }.map { (code: $0.key, count: $0.value) }
  }

  /// The item-nonresponse rate `missing / (n + missing)`; nil when there are no answers at all.
  package var nonresponseRate: Double? {
    ItemNonresponse.rate(answered: count, missing: missingCount)
  }
}

extension CodeHistogram {
  /// Whether every count is a possible one and every code within the range codes may take.
  var isPlausible: Bool {
    ReadBack.count(count) && ReadBack.count(missingCount) && dense.count <= Self.denseLimit
      && dense.allSatisfy(ReadBack.count)
      && sparse.allSatisfy { abs($0.key) <= ReadBack.largestCount && ReadBack.count($0.value) }
  }
}
