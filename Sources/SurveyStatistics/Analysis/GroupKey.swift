/// A group whose statistics a report shows.
package struct GroupKey: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
  /// The chapter, or `nil` for the whole organization.
  package var chapter: String?
  /// The wave.
  package var wave: String

  /// Creates a key.
  package init(chapter: String?, wave: String) {
    self.chapter = chapter
    self.wave = wave
  }

  /// The whole organization in a wave.
  package static func organization(_ wave: String) -> GroupKey {
    GroupKey(chapter: nil, wave: wave)
  }

  /// Orders by wave, then the organization first, then chapters by name.
  package static func < (lhs: GroupKey, rhs: GroupKey) -> Bool {
    if lhs.wave != rhs.wave { return WaveOrder.less(lhs.wave, rhs.wave) }
    switch (lhs.chapter, rhs.chapter) {
    case (nil, nil): return false
    case (nil, _): return true
    case (_, nil): return false
    case (let a?, let b?): return a < b
    }
  }

  /// `chapter/wave`.
  package var description: String { (chapter ?? "organization") + "/" + wave }
}

/// Waves sort numerically when they are numbers ("2" before "10"), else as text.
package enum WaveOrder {
  /// Whether wave `a` comes before wave `b`.
  package static func less(_ a: String, _ b: String) -> Bool {
    if let x = Double(a), let y = Double(b) { return x < y }
    return a < b
  }
}
