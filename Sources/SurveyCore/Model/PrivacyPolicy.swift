/// The disclosure-control settings of a survey. Defaults follow the toolkit's privacy rules.
package struct PrivacyPolicy: Sendable, Hashable {
  /// The lowest minimum group size a survey may set.
  package static let minGroupFloor = 5

  /// No statistic is shown for a group with fewer respondents (default 10, never below 5).
  package var minGroup: Int = 10
  /// In a distribution, a count and its complement must each be 0 or at least this (default 5).
  package var minCell: Int = 5
  /// Groups smaller than this never show 0 % or 100 % (default 20).
  package var noExtremesBelow: Int = 20
  /// Whether free-text answers may appear in reports: never, or at organization level only.
  package var freeText: FreeTextPolicy = .off

  /// Where free text may be shown.
  package enum FreeTextPolicy: String, Sendable, Hashable {
    case off
    case organization
  }

  /// Creates the default policy.
  package init() {}
}

/// Which questions give the chapter, the wave and the weight of a response.
package struct Roles: Sendable, Hashable {
  /// The question naming the chapter; `nil` means it is assigned at import.
  package var chapter: String?
  /// The question naming the wave; `nil` means it is assigned at import.
  package var wave: String?
  /// The numeric question holding a survey weight, if any.
  package var weight: String?

  /// Creates roles.
  package init(chapter: String? = nil, wave: String? = nil, weight: String? = nil) {
    self.chapter = chapter
    self.wave = wave
    self.weight = weight
  }
}

/// A library file a survey uses (an instrument or a set of items), for the codebook.
package struct LibraryInfo: Sendable, Hashable {
  /// The library's identifier.
  package var id: String
  /// Its title per language.
  package var title: LocalizedText
  /// The path it was loaded from.
  package var path: String
  /// Its citation, wording status and licence.
  package var provenance: Provenance

  /// Creates a library record.
  package init(id: String, title: LocalizedText, path: String, provenance: Provenance) {
    self.id = id
    self.title = title
    self.path = path
    self.provenance = provenance
  }
}
