import Foundation
import SurveyCore

/// Where a command writes text.
///
/// Commands print user data everywhere: file names, cells, headers, labels, chapter names, survey
/// lines, reject reasons. So the ordinary way to write, ``write(_:)``, passes everything through
/// ``TerminalText/inert(_:keepingTabs:)``: escape sequences, carriage returns and bidirectional
/// overrides become U+FFFD, whether the stream is a terminal or not (a log read later with `cat`
/// reaches a terminal too). The other two ways are narrow:
///
/// - ``writeDocument(_:)`` for a document a command writes to standard output instead of a file
///   (a report, a formatted survey file, a codebook, a questionnaire): byte for byte when the
///   stream is not a terminal, so `survey report --format json > out.json` is exact; inert, like
///   any other text, when it is one, because there it is read, not kept.
/// - ``writeRaw(_:)`` for the tool's own control sequences only: the progress line's carriage
///   returns and the colour codes of ``DiagnosticRenderer``, which makes the user text it paints
///   inert itself.
package protocol TextStream: AnyObject {
  /// Writes text exactly as it is. Only for text whose every control character is the tool's
  /// own; use ``write(_:)`` for anything else.
  func writeRaw(_ text: String)
  /// Whether the stream is an interactive terminal (for colour and progress bars).
  var isTerminal: Bool { get }
}

extension TextStream {
  /// Writes text for a person, with every character that could drive a terminal replaced.
  package func write(_ text: String) { writeRaw(TerminalText.inert(text)) }

  /// Writes a document: exactly as it is, unless the stream is a terminal, where it is inert.
  package func writeDocument(_ text: String) {
    writeRaw(isTerminal ? TerminalText.inert(text) : text)
  }
}

/// Standard output or standard error of the process.
package final class StandardStream: TextStream {
  private let descriptor: Int32

  /// Standard output.
  package static func output() -> StandardStream { StandardStream(descriptor: 1) }
  /// Standard error.
  package static func error() -> StandardStream { StandardStream(descriptor: 2) }

  private init(descriptor: Int32) {
    self.descriptor = descriptor
  }

  /// Writes all bytes, retrying after partial writes.
  package func writeRaw(_ text: String) {
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeMutableBytes { buffer -> Int in
        guard let base = buffer.baseAddress else { return -1 }
        return Foundation.write(descriptor, base + offset, buffer.count - offset)
      }
      if written <= 0 {
        if written < 0, errno == EINTR { continue }
        return
      }
      offset += written
    }
    bytes.removeAll()
  }

  /// Whether the descriptor is a terminal.
  package var isTerminal: Bool { isatty(descriptor) == 1 }
}

/// A stream that keeps what is written, for tests.
package final class CapturedStream: TextStream {
  /// Everything written so far.
  package private(set) var text = ""
  /// Whether to pretend to be a terminal.
  package let isTerminal: Bool

  /// Creates an empty stream.
  package init(isTerminal: Bool = false) {
    self.isTerminal = isTerminal
  }

  /// Appends text.
  package func writeRaw(_ text: String) { self.text += text }
}

/// What a command can use: its output streams, the working directory and the environment.
package struct Console {
  /// Results go here.
  package var out: TextStream
  /// Diagnostics, progress and errors go here.
  package var err: TextStream
  /// Environment variables (NO_COLOR, SURVEY_* settings).
  package var environment: [String: String]

  /// Creates a console.
  package init(out: TextStream, err: TextStream, environment: [String: String] = [:]) {
    self.out = out
    self.err = err
    self.environment = environment
  }

  /// The process's own console.
  package static func standard() -> Console {
    Console(
      out: StandardStream.output(), err: StandardStream.error(),
      environment: ProcessInfo.processInfo.environment)
  }
}
