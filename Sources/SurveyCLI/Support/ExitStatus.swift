/// Exit statuses, following sysexits where one applies.
package enum ExitStatus {
  /// Everything worked.
  package static let success: Int32 = 0
  /// The input has errors (or, with `--strict`, warnings), or something was rejected.
  package static let inputErrors: Int32 = 1
  /// The command line itself is wrong (`EX_USAGE`).
  package static let usage: Int32 = 64
  /// A file could not be read or written (`EX_IOERR`).
  package static let ioError: Int32 = 74
}

/// A failure that ends a command with a message and a status.
package struct CommandFailure: Error, Sendable {
  /// The message, without the "Error: " prefix.
  package var message: String
  /// The exit status.
  package var status: Int32
  /// Whether to print the command's usage after the message.
  package var showUsage: Bool

  /// A usage error (status 64, followed by the usage).
  package static func usage(_ message: String) -> CommandFailure {
    CommandFailure(message: message, status: ExitStatus.usage, showUsage: true)
  }

  /// An input problem (status 1).
  package static func input(_ message: String) -> CommandFailure {
    CommandFailure(message: message, status: ExitStatus.inputErrors, showUsage: false)
  }

  /// An I/O problem (status 74).
  package static func io(_ message: String) -> CommandFailure {
    CommandFailure(message: message, status: ExitStatus.ioError, showUsage: false)
  }
}
