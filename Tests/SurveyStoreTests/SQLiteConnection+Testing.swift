import SurveyStore

extension SQLiteConnection {
  /// The single integer a query returns, for checking counts and sums in tests.
  ///
  /// - Parameter sql: A query returning one row.
  func integer(_ sql: String) throws -> Int64 {
    let statement = try prepare(sql)
    guard try statement.step() == .row else { return -1 }
    return statement.int64(at: 0)
  }
}
