import Foundation

/// A cell of a Qualtrics export's third header row, `{"ImportId":"QID1"}`, which for date
/// columns also names the time zone of their values:
/// `{"ImportId":"recordedDate","timeZone":"America/Denver"}`.
struct QualtricsImportID: Sendable, Hashable {
  /// The column's import id (`startDate`, `QID7_4_TEXT`, …).
  var importID: String
  /// The time zone its timestamps are written in (an IANA name), if declared.
  var timeZone: String?

  /// Reads a header cell; nil when it is not such a JSON object.
  init?(_ cell: String) {
    guard cell.hasPrefix("{"), cell.contains("ImportId"),
      let object = try? JSONSerialization.jsonObject(with: Data(cell.utf8)) as? [String: Any],
      let importID = object["ImportId"] as? String
    else { return nil }
    self.importID = importID
    timeZone = object["timeZone"] as? String
  }

  /// The cell without the time zone, as the layout writes it.
  var canonical: String { "{\"ImportId\":\"\(importID)\"}" }

  /// Qualtrics' metadata columns: export tag, row-2 text, import id and what the toolkit makes
  /// of each.
  static let metadata: [(tag: String, text: String, importID: String, field: MetadataField)] = [
    ("StartDate", "Start Date", "startDate", .startedAt),
    ("EndDate", "End Date", "endDate", .ignored),
    ("Status", "Response Type", "status", .status),
    ("IPAddress", "IP Address", "ipAddress", .ignored),
    ("Progress", "Progress", "progress", .ignored),
    ("Duration (in seconds)", "Duration (in seconds)", "duration", .ignored),
    ("Finished", "Finished", "finished", .ignored),
    ("RecordedDate", "Recorded Date", "recordedDate", .submittedAt),
    ("ResponseId", "Response ID", "_recordId", .responseID),
    ("RecipientLastName", "Recipient Last Name", "recipientLastName", .ignored),
    ("RecipientFirstName", "Recipient First Name", "recipientFirstName", .ignored),
    ("RecipientEmail", "Recipient Email", "recipientEmail", .ignored),
    ("ExternalReference", "External Data Reference", "externalDataReference", .ignored),
    ("LocationLatitude", "Location Latitude", "locationLatitude", .ignored),
    ("LocationLongitude", "Location Longitude", "locationLongitude", .ignored),
    ("DistributionChannel", "Distribution Channel", "distributionChannel", .ignored),
    ("UserLanguage", "User Language", "userLanguage", .language),
  ]

  /// The metadata field of each metadata import id.
  static let metadataByImportID: [String: MetadataField] = Dictionary(
    metadata.map { ($0.importID, $0.field) }, uniquingKeysWith: { first, _ in first })
}
