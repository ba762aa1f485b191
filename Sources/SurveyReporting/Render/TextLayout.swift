import Foundation

/// Terminal text layout: display widths, wrapping, padding and bars.
package enum TextLayout {
  /// The columns a string takes in a terminal: wide East Asian characters and emoji take two,
  /// combining marks none.
  package static func width(_ text: some StringProtocol) -> Int {
    text.reduce(0) { $0 + width(of: $1) }
  }

  static func width(of character: Character) -> Int {
    guard let scalar = character.unicodeScalars.first else { return 0 }
    if character.unicodeScalars.contains(where: { $0.properties.isEmojiPresentation })
      || character.unicodeScalars.contains(where: { $0.value == 0xFE0F })
    {
      return 2
    }
    let value = scalar.value
    let wide: [ClosedRange<UInt32>] = [
      0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
      0xA000...0xA4CF,
      0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
      0x20000...0x3FFFD,
    ]
    if wide.contains(where: { $0.contains(value) }) { return 2 }
    if scalar.properties.generalCategory == .nonspacingMark
      || scalar.properties.generalCategory == .enclosingMark
    {
      return 0
    }
    if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
    return 1
  }

  /// Wraps text to a width, with an indent on every line and a hanging indent after the first.
  package static func wrap(
    _ text: String, columns: Int, indent: String = "", hanging: String? = nil
  ) -> [String] {
    let continuation = hanging ?? indent
    var lines: [String] = []
    var line = indent
    var lineHasWord = false
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
      let prefix = lines.isEmpty ? indent : continuation
      var piece = String(word)
      if lineHasWord && width(line) + 1 + width(piece) > columns {
        lines.append(line)
        line = continuation
        lineHasWord = false
      }
      // A word longer than the line is cut.
      while width(prefix) + width(piece) > columns && width(piece) > 1 {
        let room = max(1, columns - width(line) - (lineHasWord ? 1 : 0))
        let (head, tail) = split(piece, columns: room)
        line += (lineHasWord ? " " : "") + head
        lines.append(line)
        line = continuation
        lineHasWord = false
        piece = tail
        if piece.isEmpty { break }
      }
      guard !piece.isEmpty else { continue }
      line += (lineHasWord ? " " : "") + piece
      lineHasWord = true
    }
    if lineHasWord || lines.isEmpty { lines.append(line) }
    return lines
  }

  /// Splits a string after at most `columns` columns.
  static func split(_ text: String, columns: Int) -> (String, String) {
    var used = 0
    var index = text.startIndex
    while index < text.endIndex {
      let next = width(of: text[index])
      if used + next > columns { break }
      used += next
      index = text.index(after: index)
    }
    if index == text.startIndex, index < text.endIndex { index = text.index(after: index) }
    return (String(text[..<index]), String(text[index...]))
  }

  /// Pads (or cuts with an ellipsis) to exactly `columns` columns.
  package static func pad(
    _ text: String, _ columns: Int, ellipsis: String = "…", right: Bool = false
  ) -> String {
    var text = text
    if width(text) > columns {
      text = split(text, columns: max(0, columns - width(ellipsis))).0 + ellipsis
    }
    let fill = String(repeating: " ", count: max(0, columns - width(text)))
    return right ? fill + text : text + fill
  }

  /// A horizontal bar of `fraction` of `columns`, with eighth blocks (or `#` in ASCII).
  package static func bar(_ fraction: Double, columns: Int, ascii: Bool) -> String {
    let clamped = min(1, max(0, fraction.isFinite ? fraction : 0))
    if ascii {
      let filled = Int((clamped * Double(columns)).rounded(.toNearestOrAwayFromZero))
      return String(repeating: "#", count: filled) + String(repeating: " ", count: columns - filled)
    }
    let eighths = Int((clamped * Double(columns * 8)).rounded(.toNearestOrAwayFromZero))
    let partials = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    var bar = String(repeating: "█", count: eighths / 8)
    if eighths % 8 > 0 { bar += partials[eighths % 8] }
    return bar + String(repeating: " ", count: max(0, columns - width(bar)))
  }

  /// Plain ASCII: letters transliterated, typographic marks replaced, anything else `?`.
  package static func ascii(_ text: String) -> String {
    let replacements: [(String, String)] = [
      ("–", "-"), ("—", "--"), ("−", "-"), ("·", "-"), ("•", "*"), ("×", "x"), ("…", "..."),
      ("“", "\""),
      ("”", "\""), ("‘", "'"), ("’", "'"), ("ρ", "rho"), ("α", "alpha"), ("≥", ">="), ("≤", "<="),
    ]
    var text = text
    for (from, to) in replacements { text = text.replacingOccurrences(of: from, with: to) }
    let latin =
      text.applyingTransform(StringTransform("Any-Latin; Latin-ASCII"), reverse: false) ?? text
    return String(
      String.UnicodeScalarView(
        latin.unicodeScalars.map { $0.isASCII && ($0.value >= 0x20 || $0 == "\n") ? $0 : "?" }))
  }
}
