import Foundation

/// Where a command writes text.
package protocol TextStream: AnyObject {
  /// Writes text as it is.
  func write(_ text: String)
  /// Whether the stream is an interactive terminal (for colour and progress bars).
  var isTerminal: Bool { get }
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
  package func write(_ text: String) {
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
  package func write(_ text: String) { self.text += text }
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
