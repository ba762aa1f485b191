/// "Did you mean" suggestions from edit distance.
package enum Suggestion {
  /// The candidate closest to `word`, if it is close enough to be a likely misspelling.
  ///
  /// Distance is the optimal-string-alignment edit distance (insertions, deletions, substitutions
  /// and transpositions of adjacent characters), compared case-insensitively. A candidate is
  /// accepted when its distance is at most a third of the word's length (at least 1, at most 3),
  /// or when the word and candidate differ only by case, `-` and `_`, or when the word is the
  /// start of a candidate (at least three characters: `hash` for `hashed`). A word of more than
  /// ``maxWordLength`` bytes gets no suggestion: it is no misspelling, and comparing it would cost
  /// time and memory in proportion to its length.
  ///
  /// - Complexity: O(c · m · n) for c candidates of length m and a word of length n ≤ 100.
  package static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
    guard word.utf8.count <= maxWordLength else { return nil }
    let target = Array(word.lowercased())
    let normalizedTarget = normalize(word)
    var best: (String, Int)?
    var prefixMatch: String?
    for candidate in candidates where candidate != word {
      if normalize(candidate) == normalizedTarget { return candidate }
      if target.count >= 3, prefixMatch == nil, candidate.lowercased().hasPrefix(word.lowercased())
      {
        prefixMatch = candidate
      }
      let distance = editDistance(target, Array(candidate.lowercased()))
      if distance < (best?.1 ?? Int.max) { best = (candidate, distance) }
    }
    guard let (candidate, distance) = best else { return nil }
    let limit = max(1, min(3, target.count / 3))
    return distance <= limit ? candidate : prefixMatch
  }

  /// The "did you mean 'x'?" label for a suggestion, or `nil`.
  package static func label(for word: String, in candidates: some Sequence<String>) -> String? {
    closest(to: word, in: candidates).map { "did you mean '\($0)'?" }
  }

  /// The longest word, in UTF-8 bytes, for which a suggestion is looked for.
  package static let maxWordLength = 100

  /// Optimal-string-alignment distance between two character arrays.
  package static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous2 = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          value = min(value, previous2[j - 2] + 1)
        }
        current[j] = value
      }
      previous2 = previous
      previous = current
    }
    return previous[b.count]
  }

  private static func normalize(_ word: String) -> String {
    String(word.lowercased().filter { $0 != "-" && $0 != "_" })
  }
}
