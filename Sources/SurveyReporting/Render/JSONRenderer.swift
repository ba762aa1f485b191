import Foundation

/// The JSON report: the report model as documented in `Reports/report.schema.json`, keys sorted
/// and pretty-printed so that files compare line by line.
package enum JSONRenderer {
  /// The report as JSON text (ending with a newline).
  package static func render(_ report: Report) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    // Encoding plain structs of strings, numbers and arrays cannot fail; a failure would be a bug,
    // reported in the output rather than crashing.
    guard let data = try? encoder.encode(report), let text = String(data: data, encoding: .utf8)
    else {
      return "{\"error\": \"the report could not be encoded\"}\n"
    }
    return text + "\n"
  }
}
