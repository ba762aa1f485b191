/// Location markers in test sources: `1️⃣` … `9️⃣` are removed and their UTF-8 offsets kept.
package struct MarkedSource: Sendable {
  /// The source with markers removed.
  package var text: String
  /// The UTF-8 offset of each marker in `text`, by marker.
  package var markers: [String: Int]

  /// The keycap markers recognised.
  package static let markerNames = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣"]

  /// Removes markers from `source`.
  package init(_ source: String) {
    var text = ""
    var markers: [String: Int] = [:]
    var rest = Substring(source)
    while !rest.isEmpty {
      if let marker = Self.markerNames.first(where: { rest.hasPrefix($0) }) {
        markers[marker] = text.utf8.count
        rest = rest.dropFirst(marker.count)
      } else if let character = rest.first {
        text.append(character)
        rest = rest.dropFirst()
      }
    }
    self.text = text
    self.markers = markers
  }
}
