/// What one call to ``SQLiteStatement/step()`` produced.
package enum SQLiteStepResult: Sendable, Hashable {
  /// A result row is available through the statement's column getters.
  case row
  /// The statement has finished; call ``SQLiteStatement/reset()`` before running it again.
  case done
}
