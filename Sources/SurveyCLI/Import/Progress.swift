import Foundation
import SurveyCore

/// A progress line on standard error for long imports, drawn only on a terminal.
///
/// It is written raw, for its carriage returns; the label (a file name) is made inert first.
struct Progress {
  let stream: TextStream
  let total: Int
  let label: String
  private var lastDraw = Date.distantPast
  private var drawn = false

  init(stream: TextStream, total: Int, label: String) {
    self.stream = stream
    self.total = total
    self.label = TerminalText.inert(label, keepingTabs: false)
      .replacingOccurrences(of: "\n", with: "\u{FFFD}")
  }

  /// Redraws at most four times a second, only on a terminal and for files over 5 MB.
  mutating func update(bytes: Int, rows: Int) {
    guard stream.isTerminal, total > 5_000_000 else { return }
    let now = Date()
    guard now.timeIntervalSince(lastDraw) >= 0.25 else { return }
    lastDraw = now
    let fraction = min(1, Double(bytes) / Double(max(total, 1)))
    let width = 30
    let filled = Int(fraction * Double(width))
    let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
    stream.writeRaw("\r\(label) \(bar) \(Int(fraction * 100))% \(rows) rows")
    drawn = true
  }

  /// Clears the line.
  func finish() {
    guard drawn else { return }
    stream.writeRaw("\r" + String(repeating: " ", count: label.count + 50) + "\r")
  }
}
