import Foundation
import Glibc

/// An I/O failure while reading or writing CSV: the only kind of problem the CSV code throws.
///
/// Problems with the *content* of a file are reported as ``CSVIssue`` values instead. Every
/// description names the path (or file descriptor) involved and the system's reason.
package enum CSVIOError: Error, LocalizedError, Equatable, Sendable {
  /// The file could not be opened.
  case cannotOpen(path: String, errno: Int32)
  /// Reading from the file failed.
  case cannotRead(path: String, errno: Int32)
  /// Writing to the file failed.
  case cannotWrite(path: String, errno: Int32)
  /// Closing the file failed (data may not have reached the disk).
  case cannotClose(path: String, errno: Int32)

  /// A lower-case description naming the path, e.g. `cannot open 'x.csv': No such file ...`.
  package var errorDescription: String? {
    switch self {
    case .cannotOpen(let path, let code):
      return "cannot open '\(path)': \(Self.reason(code))"
    case .cannotRead(let path, let code):
      return "cannot read '\(path)': \(Self.reason(code))"
    case .cannotWrite(let path, let code):
      return "cannot write '\(path)': \(Self.reason(code))"
    case .cannotClose(let path, let code):
      return "cannot close '\(path)': \(Self.reason(code))"
    }
  }

  /// The path or file descriptor description the error is about.
  package var path: String {
    switch self {
    case .cannotOpen(let path, _), .cannotRead(let path, _), .cannotWrite(let path, _),
      .cannotClose(let path, _):
      return path
    }
  }
}

extension CSVIOError {
  private static func reason(_ code: Int32) -> String {
    guard let text = strerror(code) else { return "error \(code)" }
    return String(cString: text)
  }
}
