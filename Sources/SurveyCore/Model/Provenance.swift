/// How far an item's wording has been checked against its published source.
package enum WordingStatus: String, Sendable, Hashable, CaseIterable {
  /// Checked in a primary or near-primary source.
  case verified
  /// Seen only in a secondary source; check before quoting in a published report.
  case secondary
  /// Not checked against the original.
  case unverified
  /// Written for this toolkit; no established source.
  case new
}

/// The licence under which an item's text may be used.
package enum Licence: String, Sendable, Hashable, CaseIterable {
  /// A government work or otherwise in the public domain.
  case publicDomain = "public-domain"
  /// An open licence such as the UK Open Government Licence.
  case open
  /// Free to use with a citation.
  case freeWithCitation = "free-with-citation"
  /// Free for research on stated conditions; ask the authors before other use.
  case researchOnly = "research-only"
  /// Written permission is needed before the text may be shipped or fielded.
  case permissionRequired = "permission-required"
  /// No licence statement was found.
  case unknown
}

/// Where an item, scale or rule comes from and on what terms it may be used.
package struct Provenance: Sendable, Hashable {
  /// The citation, such as "Hughes et al. 2004, Research on Aging 26:655-672".
  package var source: String?
  /// How far the wording is verified.
  package var wording: WordingStatus?
  /// The licence status.
  package var licence: Licence?

  /// Creates a provenance record.
  package init(source: String? = nil, wording: WordingStatus? = nil, licence: Licence? = nil) {
    self.source = source
    self.wording = wording
    self.licence = licence
  }

  /// Fills the fields that are `nil` here from `other` (for inheritance from a section or library).
  package func inheriting(from other: Provenance) -> Provenance {
    Provenance(
      source: source ?? other.source, wording: wording ?? other.wording,
      licence: licence ?? other.licence)
  }
}
