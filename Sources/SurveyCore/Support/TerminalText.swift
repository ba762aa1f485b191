/// Text that cannot drive a terminal: the one function every command and renderer uses before
/// user data (cells, headers, labels, file names, survey-file lines) reaches a screen.
///
/// A survey file or an export can hold any bytes. Printed as they are, an escape sequence could
/// set the window title, clear the screen or move the cursor; a carriage return could let the rest of a line overwrite its start; a bidirectional override
/// could make text display as something other than what it is. ``inert(_:keepingTabs:)`` replaces
/// all of them with U+FFFD, the replacement character, so they stay visible but do nothing.
package enum TerminalText {
  /// The text with every character that could drive a terminal replaced by U+FFFD.
  ///
  /// Replaced: the C0 controls (U+0000 to U+001F: ESC, BEL, CR, NUL…) except line feed and tab,
  /// DEL and the C1 controls (U+007F to U+009F, among them the one-character CSI), the
  /// bidirectional embeddings and overrides (U+202A to U+202E) and isolates (U+2066 to U+2069).
  /// Kept: line feeds; a CR LF pair, which is a line break, is written as a line feed; tabs, unless
  /// `keepingTabs` is false (a caret line under a diagnostic copies them to stay aligned).
  ///
  /// - Parameters:
  ///   - text: Any text.
  ///   - keepingTabs: Whether tabs stay (`true`) or are replaced too.
  /// - Returns: The text, unchanged when it holds none of these characters.
  /// - Complexity: O(n) in the length of `text`.
  package static func inert(_ text: String, keepingTabs: Bool = true) -> String {
    guard text.unicodeScalars.contains(where: { isUnsafe($0, keepingTabs: keepingTabs) }) else {
      return text
    }
    var scalars = String.UnicodeScalarView()
    var pendingCR = false
    for scalar in text.unicodeScalars {
      if pendingCR {
        pendingCR = false
        if scalar != "\n" { scalars.append(replacement) }
      }
      if scalar == "\r" {
        pendingCR = true
      } else {
        scalars.append(isUnsafe(scalar, keepingTabs: keepingTabs) ? replacement : scalar)
      }
    }
    if pendingCR { scalars.append(replacement) }
    return String(scalars)
  }

  /// Whether a scalar could drive a terminal (see ``inert(_:keepingTabs:)``).
  ///
  /// - Parameters:
  ///   - scalar: A Unicode scalar.
  ///   - keepingTabs: Whether a tab counts as safe.
  /// - Returns: `true` for controls other than line feed (and tab, when kept) and for
  ///   bidirectional overrides, embeddings and isolates.
  package static func isUnsafe(_ scalar: Unicode.Scalar, keepingTabs: Bool = true) -> Bool {
    let value = scalar.value
    if value == 0x0A || (value == 0x09 && keepingTabs) { return false }
    return value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value)
      || (0x2066...0x2069).contains(value)
  }

  private static let replacement: Unicode.Scalar = "\u{FFFD}"
}
