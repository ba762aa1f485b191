import Foundation

/// Reading a small input file (a margins file, a report translation, a counts file) whole,
/// refusing what is not a regular file or is larger than a limit, so that a path such as
/// `/dev/zero` or a huge file is an error, not a hang.
package enum SmallFile {
  /// Why a file cannot be read.
  package enum Problem: Error, Equatable, Sendable {
    case missing
    case notARegularFile
    case tooLarge(limit: Int)
    case unreadable

    /// A phrase for a message ("is not a regular file").
    package var phrase: String {
      switch self {
      case .missing: "does not exist"
      case .notARegularFile: "is not a regular file"
      case .tooLarge(let limit): "is larger than \(limit >> 20) MiB"
      case .unreadable: "cannot be read (permission denied?)"
      }
    }
  }

  /// The file's bytes.
  package static func read(_ path: String, limit: Int = 64 << 20) throws(Problem) -> Data {
    let manager = FileManager.default
    var isFolder: ObjCBool = false
    guard manager.fileExists(atPath: path, isDirectory: &isFolder) else { throw .missing }
    guard !isFolder.boolValue,
      let attributes = try? manager.attributesOfItem(atPath: path),
      attributes[.type] as? FileAttributeType == .typeRegular
    else { throw .notARegularFile }
    if let size = attributes[.size] as? NSNumber, size.intValue > limit {
      throw .tooLarge(limit: limit)
    }
    guard let data = manager.contents(atPath: path) else { throw .unreadable }
    guard data.count <= limit else { throw .tooLarge(limit: limit) }
    return data
  }
}
