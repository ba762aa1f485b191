import Dispatch
import Foundation
import SurveyCore
import Synchronization

/// Hashes a file with SHA-256 on another thread, while the import reads it.
package final class FileHasher: Sendable {
  private let result = Mutex<String?>(nil)
  private let done = DispatchSemaphore(value: 0)

  /// Starts hashing.
  package init(path: String) {
    Thread.detachNewThread { [self] in
      let digest = Self.hash(path)
      result.withLock { $0 = digest }
      done.signal()
    }
  }

  /// Waits for the hash (hex), or "" when the file could not be read.
  package func wait() -> String {
    done.wait()
    done.signal()
    return result.withLock { $0 } ?? ""
  }

  private static func hash(_ path: String) -> String? {
    guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? handle.close() }
    var hasher = SHA256()
    var buffer = [UInt8](repeating: 0, count: 1 << 20)
    let descriptor = handle.fileDescriptor
    while true {
      let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0, errno == EINTR { continue }
      guard count > 0 else { break }
      buffer.withUnsafeBytes {
        hasher.update(bytes: UnsafeRawBufferPointer(rebasing: $0.prefix(count)))
      }
    }
    return SHA256.hex(hasher.finalize())
  }
}
