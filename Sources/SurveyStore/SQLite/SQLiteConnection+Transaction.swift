extension SQLiteConnection {
  /// Runs `body` in a transaction: commits when it returns, rolls back when it throws.
  ///
  /// Transactions do not nest; inside one, use ``savepoint(_:)``.
  ///
  /// - Parameters:
  ///   - kind: `.immediate` (the default) takes the write lock at once, waiting up to the busy
  ///     timeout; use `.deferred` only for read-only work.
  ///   - body: The work; it runs on this thread, with this connection.
  /// - Returns: What `body` returned.
  /// - Throws: The error `body` threw (after rolling back), or ``SQLiteError`` if the
  ///   transaction could not begin or commit (a failed commit is rolled back too).
  package func transaction<Value>(
    kind: SQLiteTransactionKind = .immediate,
    _ body: () throws -> Value
  ) throws -> Value {
    try execute(kind.beginSQL)
    let value: Value
    do {
      value = try body()
      try execute("COMMIT")
    } catch {
      rollBackIfActive()
      throw error
    }
    return value
  }

  /// Runs `body` inside a savepoint: releases it when `body` returns, rolls back to it and
  /// releases it when `body` throws. Savepoints nest, inside or outside a transaction.
  ///
  /// - Parameter body: The work.
  /// - Returns: What `body` returned.
  /// - Throws: The error `body` threw, or ``SQLiteError`` if the savepoint could not be started or
  ///   released; in both cases the savepoint's work has been rolled back.
  package func savepoint<Value>(_ body: () throws -> Value) throws -> Value {
    // Nested savepoints may share a name: RELEASE and ROLLBACK TO act on the innermost one.
    let name = "survey_savepoint"
    try execute("SAVEPOINT \(name)")
    let value: Value
    do {
      value = try body()
      try execute("RELEASE \(name)")
    } catch {
      try? execute("ROLLBACK TO \(name); RELEASE \(name)")
      throw error
    }
    return value
  }
}

extension SQLiteConnection {
  /// Rolls back the open transaction, if SQLite has not already done so, ignoring errors so the
  /// original error is the one reported.
  private func rollBackIfActive() {
    guard !isAutocommit else { return }
    try? execute("ROLLBACK")
  }
}
