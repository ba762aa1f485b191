/// A mergeable histogram of integer answer codes: the count of each code plus missing answers.
///
/// Memory grows with the number of distinct codes, not with the number of rows. Merging two
/// histograms adds their counts, so `a.merged(with: b)` is exactly the histogram of one pass over
/// both inputs. It yields n, mean, SD, median, quartiles and shares
/// (`CodeHistogram+Statistics.swift`) and is the input of the rank tests.
package struct CodeHistogram: Sendable, Equatable {
  /// The count of each code that occurred at least once.
  package private(set) var counts: [Int: Int] = [:]
  /// The number of missing (non-substantive) answers.
  package private(set) var missingCount = 0

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
    for (code, count) in counts where count > 0 { self.counts[code] = count }
    self.missingCount = max(0, missing)
  }

  /// Records `count` answers with the given code.
  ///
  /// - Parameters:
  ///   - code: The answer code.
  ///   - count: How many answers to add (non-positive values are ignored).
  package mutating func add(_ code: Int, count: Int = 1) {
    guard count > 0 else { return }
    counts[code, default: 0] += count
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
    for (code, count) in other.counts { counts[code, default: 0] += count }
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

  /// The number of substantive answers n.
  package var count: Int { counts.values.reduce(0, +) }

  /// The codes in increasing order with their counts.
  package var sortedCounts: [(code: Int, count: Int)] {
    counts.sorted { $0.key < $1.key }.map { (code: $0.key, count: $0.value) }
  }

  /// The item-nonresponse rate `missing / (n + missing)`; nil when there are no answers at all.
  package var nonresponseRate: Double? {
    ItemNonresponse.rate(answered: count, missing: missingCount)
  }
}
