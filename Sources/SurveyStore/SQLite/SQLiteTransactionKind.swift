/// The kind of `BEGIN` that ``SQLiteConnection/transaction(kind:_:)`` issues.
package enum SQLiteTransactionKind: Sendable, Hashable {
  /// `BEGIN DEFERRED`: takes locks on first use. A read that later writes can fail with
  /// `SQLITE_BUSY` at once, without waiting, if another connection wrote in between.
  case deferred
  /// `BEGIN IMMEDIATE`: takes the write lock at once, waiting up to the busy timeout for it.
  /// The right choice for any transaction that writes.
  case immediate
  /// `BEGIN EXCLUSIVE`: like immediate; in rollback-journal modes it also keeps readers out.
  case exclusive

  /// The SQL statement that starts a transaction of this kind.
  var beginSQL: String {
    switch self {
    case .deferred: "BEGIN DEFERRED"
    case .immediate: "BEGIN IMMEDIATE"
    case .exclusive: "BEGIN EXCLUSIVE"
    }
  }
}
