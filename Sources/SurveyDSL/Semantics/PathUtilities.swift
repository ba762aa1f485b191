/// Small, pure path helpers (no file-system access), so `use` resolution is testable.
package enum PathUtilities {
  /// The directory part of a path (`.` when there is none).
  package static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    let directory = String(path[..<slash])
    return directory.isEmpty ? "/" : directory
  }

  /// The last component of a path.
  package static func lastComponent(_ path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return path }
    return String(path[path.index(after: slash)...])
  }

  /// Replaces the last component of a path as written.
  package static func replacingLastComponent(of path: String, with name: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return name }
    return String(path[...slash]) + name
  }

  /// Joins a directory and a relative path.
  package static func join(_ directory: String, _ relative: String) -> String {
    directory == "." ? relative : directory + "/" + relative
  }

  /// Removes `.` and resolvable `..` components; keeps a leading `/` and leading `..`.
  package static func normalize(_ path: String) -> String {
    let absolute = path.hasPrefix("/")
    var parts: [Substring] = []
    for part in path.split(separator: "/", omittingEmptySubsequences: true) {
      if part == "." { continue }
      if part == "..", let last = parts.last, last != ".." {
        parts.removeLast()
      } else if part == "..", absolute, parts.isEmpty {
        continue
      } else {
        parts.append(part)
      }
    }
    let joined = parts.joined(separator: "/")
    if absolute { return "/" + joined }
    return joined.isEmpty ? "." : joined
  }

  /// The offset of the first byte that is not valid UTF-8, if any.
  package static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      let length: Int
      switch byte {
      case 0x00...0x7F: length = 1
      case 0xC2...0xDF: length = 2
      case 0xE0...0xEF: length = 3
      case 0xF0...0xF4: length = 4
      default: return index
      }
      guard index + length <= bytes.count else { return index }
      for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 { return index }
      if length == 3 {
        let second = bytes[index + 1]
        if (byte == 0xE0 && second < 0xA0) || (byte == 0xED && second > 0x9F) { return index }
      } else if length == 4 {
        let second = bytes[index + 1]
        if (byte == 0xF0 && second < 0x90) || (byte == 0xF4 && second > 0x8F) { return index }
      }
      index += length
    }
    return nil
  }
}
