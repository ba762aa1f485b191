/// A value of `PRAGMA journal_mode`.
package enum SQLiteJournalMode: String, Sendable, Hashable, CaseIterable {
  /// The rollback journal is deleted at the end of each transaction (SQLite's default).
  case delete
  /// The rollback journal is truncated to zero length instead of deleted.
  case truncate
  /// The rollback journal's header is zeroed instead of the file being deleted.
  case persist
  /// The rollback journal is kept in memory.
  case memory
  /// Write-ahead log: readers do not block the writer and the writer does not block readers.
  case wal
  /// No journal: a crash or a failed transaction can corrupt the database.
  case off
}
