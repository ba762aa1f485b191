import Foundation

/// Why the store cannot do what was asked.
package enum StoreError: Error, LocalizedError, Equatable {
  /// The file was made by a newer version of the toolkit.
  case newerSchema(path: String, found: Int32, supported: Int32)
  /// The file is not a response store.
  case notAStore(path: String)
  /// An SQLite failure, with its message.
  case database(String)

  /// A sentence for the user.
  package var errorDescription: String? {
    switch self {
    case .newerSchema(let path, let found, let supported):
      "'\(path)' was written by a newer version of the toolkit (schema \(found); this one reads up to \(supported)); update the toolkit"
    case .notAStore(let path): "'\(path)' is an SQLite file but not a survey response store"
    case .database(let message): message
    }
  }
}
