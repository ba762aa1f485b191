import Foundation
import SurveyCore
import SurveyStatistics

/// An organization's counts for a coalition report (`survey export counts`): the mergeable
/// counts of its answers per wave and chapter, never a response, a person key, free text or a
/// panel of linked people. A JSON file:
///
/// ```
/// {"format": "survey-counts/1", "notice": "…", "organization": "…",
///  "survey": {"id": "…", "version": "…", "codebook_sha256": "…"}, "toolkit": "…",
///  "waves": ["1", "2"], "codebook": "…", "counts": "BASE64", "sha256": "…"}
/// ```
///
/// `sha256` is the SHA-256 of the other fields (see ``checksum``), so that a truncated or edited
/// file is refused; it proves integrity against accidents, not who made the file.
struct CountsFile {
  static let format = "survey-counts/1"

  var organization: String
  var surveyID: String
  var version: String
  var toolkit: String
  var waves: [String]
  /// The survey's codebook (compact JSON), for comparing versions.
  var codebook: String
  /// The counts, as the statistics module saves them.
  var counts: Data

  var codebookHash: String { SHA256.hex(SHA256.hash(Array(codebook.utf8))) }

  static func notice(_ organization: String) -> String {
    "Counts of the answers of \(organization)'s members, for pooling in a coalition report "
      + "('survey report --counts'). It holds no response, no person key, no free text and no "
      + "link between waves, and every chapter in it has at least the minimum group size "
      + "(smaller ones are folded into the rest of the organization). A reader can still learn "
      + "from it how many people in each chapter and wave gave each answer, and each group's "
      + "sums: share it only with the coalition's analysts. Not for publication."
  }

  /// The SHA-256 of every field but itself, in a fixed order.
  var checksum: String {
    let text = [
      Self.format, organization, surveyID, version, codebookHash, toolkit,
      waves.joined(separator: "\u{1F}"), codebook, counts.base64EncodedString(),
    ].joined(separator: "\u{1E}")
    return SHA256.hex(SHA256.hash(Array(text.utf8)))
  }

  /// The file's text.
  var text: String {
    JSONValue.object([
      ("format", .string(Self.format)),
      ("notice", .string(Self.notice(organization))),
      ("organization", .string(organization)),
      (
        "survey",
        .object([
          ("id", .string(surveyID)), ("version", .string(version)),
          ("codebook_sha256", .string(codebookHash)),
        ])
      ),
      ("toolkit", .string(toolkit)),
      ("waves", .array(waves.map { .string($0) })),
      ("codebook", .string(codebook)),
      ("counts", .string(counts.base64EncodedString())),
      ("sha256", .string(checksum)),
    ]).pretty + "\n"
  }

  /// Reads a counts file, refusing anything that is not one, or is truncated or edited.
  static func read(_ path: String) throws -> CountsFile {
    let data: Data
    do {
      data = try SmallFile.read(path, limit: 512 << 20)
    } catch {
      throw CommandFailure.input("cannot read the counts file '\(path)': it \(error.phrase)")
    }
    func refuse(_ why: String) -> CommandFailure {
      CommandFailure.input("'\(path)' is not a usable counts file: \(why)")
    }
    guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
      throw refuse("it is not complete JSON (truncated, or another kind of file)")
    }
    guard object["format"] as? String == format else {
      throw refuse(
        "its format is '\(object["format"] as? String ?? "none")', not '\(format)'")
    }
    guard let organization = object["organization"] as? String, !organization.isEmpty,
      let survey = object["survey"] as? [String: Any],
      let surveyID = survey["id"] as? String, let version = survey["version"] as? String,
      let toolkit = object["toolkit"] as? String,
      let waves = object["waves"] as? [String], let codebook = object["codebook"] as? String,
      let countsText = object["counts"] as? String, let counts = Data(base64Encoded: countsText),
      let checksum = object["sha256"] as? String
    else {
      throw refuse("a field is missing or has the wrong type")
    }
    let file = CountsFile(
      organization: organization, surveyID: surveyID, version: version, toolkit: toolkit,
      waves: waves, codebook: codebook, counts: counts)
    guard file.checksum == checksum, survey["codebook_sha256"] as? String == file.codebookHash
    else {
      throw refuse("its checksum does not match: it was changed or damaged after it was written")
    }
    return file
  }
}
