/// A value of `PRAGMA synchronous`: how often SQLite waits for data to reach the disk.
package enum SQLiteSynchronous: Int32, Sendable, Hashable, CaseIterable {
  /// Never syncs; an OS crash or power loss can corrupt the database.
  case off = 0
  /// Syncs at critical moments; with WAL, durable except for the last commits before power loss.
  case normal = 1
  /// Syncs on every commit (SQLite's default).
  case full = 2
  /// Like `full`, and also syncs the directory after a rollback journal is unlinked.
  case extra = 3
}
