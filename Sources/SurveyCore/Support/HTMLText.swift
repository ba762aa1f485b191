/// Text for HTML pages, shared by the reports and the paper questionnaire.
package enum HTMLText {
  /// Text made safe for HTML text and for quoted attribute values: `& < > " '` become character
  /// references, and control characters that HTML forbids become U+FFFD. Everything else,
  /// emoji sequences included, passes through unchanged.
  ///
  /// - Parameter text: Any text.
  /// - Returns: The escaped text.
  package static func escape(_ text: String) -> String {
    var escaped = ""
    escaped.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": escaped += "&amp;"
      case "<": escaped += "&lt;"
      case ">": escaped += "&gt;"
      case "\"": escaped += "&quot;"
      case "'": escaped += "&#39;"
      case "\t", "\n", "\r": escaped.unicodeScalars.append(scalar)
      case "\u{0}"..."\u{1F}", "\u{7F}": escaped += "\u{FFFD}"
      default: escaped.unicodeScalars.append(scalar)
      }
    }
    return escaped
  }
}
