import Foundation
import SurveyCore

/// Edits saved counts as someone editing a counts file by hand would: the layout of
/// `SurveyAggregation.snapshotData()` (the number of parts, then each part's length and JSON,
/// lengths as 4 bytes little-endian) read into JSON objects and written back.
enum SnapshotEditing {
  struct Malformed: Error {}

  /// The JSON parts: the snapshot's header, then one object per group.
  static func parts(_ data: Data) throws -> [[String: Any]] {
    let bytes = [UInt8](data)
    var offset = 0
    func number() throws -> Int {
      guard offset + 4 <= bytes.count else { throw Malformed() }
      defer { offset += 4 }
      return (0..<4).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) }
    }
    var parts: [[String: Any]] = []
    for _ in 0..<(try number()) {
      let length = try number()
      guard offset + length <= bytes.count,
        let part = try JSONSerialization.jsonObject(
          with: Data(bytes[offset..<(offset + length)])) as? [String: Any]
      else { throw Malformed() }
      parts.append(part)
      offset += length
    }
    return parts
  }

  /// The parts written back in the same layout.
  static func data(_ parts: [[String: Any]]) throws -> Data {
    var data = Data()
    func append(_ value: Int) {
      withUnsafeBytes(of: UInt32(value).littleEndian) { data.append(contentsOf: $0) }
    }
    append(parts.count)
    for part in parts {
      let json = try JSONSerialization.data(withJSONObject: part)
      append(json.count)
      data.append(json)
    }
    return data
  }

  /// A counts file's text with its counts replaced and its checksum written again (as
  /// `CountsFile.checksum` computes it), so that only the counts' own checks can refuse it.
  static func countsFile(_ text: String, counts: Data) throws -> String {
    guard var object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
      let survey = object["survey"] as? [String: Any], let codebook = object["codebook"] as? String
    else { throw Malformed() }
    object["counts"] = counts.base64EncodedString()
    let fields: [String] = [
      object["format"] as? String ?? "", object["organization"] as? String ?? "",
      survey["id"] as? String ?? "", survey["version"] as? String ?? "",
      SHA256.hex(SHA256.hash(Array(codebook.utf8))), object["toolkit"] as? String ?? "",
      (object["waves"] as? [String] ?? []).joined(separator: "\u{1F}"), codebook,
      counts.base64EncodedString(),
    ]
    object["sha256"] = SHA256.hex(
      SHA256.hash(Array(fields.joined(separator: "\u{1E}").utf8)))
    return String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
  }
}
