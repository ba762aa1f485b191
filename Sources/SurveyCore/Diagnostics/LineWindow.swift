/// A bounded piece of one line around a point: what a diagnostic shows of a long line.
///
/// A window holds at most ``radius`` Characters before the point and at most ``radius`` from it,
/// and says where it cut the line. The work is bounded too: it reads at most 32 bytes per
/// Character on each side of the point and never turns the whole line into Characters, so a
/// diagnostic on a 100 MB line costs as little as one on a short line. The line is given as UTF-8
/// bytes; cuts are moved to the start of a Unicode scalar, and a Character that a cut may have
/// split is left out. Invalid UTF-8 shows as U+FFFD, as everywhere else.
///
/// ``DiagnosticRenderer`` uses it for every excerpt, and the CSV importer's cell locations use it
/// to keep only the piece of a record's line that an excerpt can show.
package struct LineWindow: Sendable, Hashable {
  /// The most Characters shown on each side of the point, unless asked otherwise.
  package static let radius = 60
  /// The most Characters of user text quoted in a message.
  package static let quoteLimit = 100

  /// The text before the point (at most `radius` Characters).
  package var before: String
  /// The text from the point to the end of the marked range, as far as the window goes.
  package var marked: String
  /// The text after the marked range, up to `radius` Characters from the point.
  package var rest: String
  /// Whether the line goes on before ``before``.
  package var isCutBefore: Bool
  /// Whether the line goes on after ``rest``.
  package var isCutAfter: Bool

  /// The window of `line` around `start`, marking `start..<end`.
  ///
  /// - Parameters:
  ///   - line: The line's UTF-8 bytes, without its line break.
  ///   - start: Where the marked range starts (the caret); an index of `line`.
  ///   - end: Where the marked range ends; clamped to `start...line.endIndex`.
  ///   - radius: The most Characters shown on each side of `start`.
  /// - Complexity: O(`radius`) when `Line` moves its indices in constant time (arrays, and the
  ///   UTF-8 view of a native string). At most 32 bytes per Character are read: enough for a
  ///   family emoji; a longer Character shortens the window.
  package init<Line: BidirectionalCollection<UInt8>>(
    _ line: Line, from start: Line.Index, to end: Line.Index, radius: Int = LineWindow.radius
  ) {
    let start = min(max(start, line.startIndex), line.endIndex)
    let end = min(max(end, start), line.endIndex)
    let budget = max(0, radius) * 32
    var low = line.index(start, offsetBy: -budget, limitedBy: line.startIndex) ?? line.startIndex
    let clippedLow = low > line.startIndex
    while low < start, Self.isContinuation(line[low]) { low = line.index(after: low) }
    var head = Substring(String(decoding: line[low..<start], as: UTF8.self))
    if clippedLow, !head.isEmpty { head = head.dropFirst() }
    before = String(head.suffix(max(0, radius)))
    isCutBefore = clippedLow || head.count > radius

    var high = line.index(start, offsetBy: budget, limitedBy: line.endIndex) ?? line.endIndex
    let clippedHigh = high < line.endIndex
    while high > start, high < line.endIndex, Self.isContinuation(line[high]) {
      high = line.index(before: high)
    }
    var tail = Substring(String(decoding: line[start..<high], as: UTF8.self))
    if clippedHigh, !tail.isEmpty { tail = tail.dropLast() }
    isCutAfter = clippedHigh || tail.count > radius
    tail = tail.prefix(max(0, radius))
    // The marked range ends after the Characters that start before `end`.
    let markedBytes = line.distance(from: start, to: min(end, high))
    var split = tail.startIndex
    var used = 0
    while split < tail.endIndex, used < markedBytes {
      used += tail[split].utf8.count
      split = tail.index(after: split)
    }
    marked = String(tail[..<split])
    rest = String(tail[split...])
  }

  /// The start of `text`, cut after `limit` Characters with `…`.
  ///
  /// Used for user text quoted in messages (see `appendInterpolation(quoted:)`) and for whole
  /// messages (see ``Diagnostic``).
  ///
  /// - Parameters:
  ///   - text: Any text, of any length.
  ///   - limit: The most Characters kept.
  /// - Returns: `text` itself when it has at most `limit` Characters.
  /// - Complexity: O(`limit`).
  package static func head(of text: String, limit: Int = quoteLimit) -> String {
    guard text.utf8.count > limit else { return text }
    let utf8 = text.utf8
    let window = LineWindow(utf8, from: utf8.startIndex, to: utf8.startIndex, radius: limit)
    return window.rest + (window.isCutAfter ? "…" : "")
  }

  private static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }
}

extension String.StringInterpolation {
  /// Appends user text in single quotes, cut after ``LineWindow/quoteLimit`` Characters with `…`:
  /// `"unknown attribute \(quoted: word)"`.
  ///
  /// Every message that quotes a name, a word or a cell from a survey file or an export uses it,
  /// so a 100 MB word makes a message of a line, not of 100 MB.
  ///
  /// - Parameter text: The user's text.
  package mutating func appendInterpolation(quoted text: String) {
    appendLiteral("'")
    appendLiteral(LineWindow.head(of: text))
    appendLiteral("'")
  }
}
