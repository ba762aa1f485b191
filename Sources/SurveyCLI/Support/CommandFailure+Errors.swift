import Foundation
import SurveyStore

extension CommandFailure {
  /// The failure for an error that no command turned into one: a store that cannot be read or
  /// written is an input problem (status 1), anything else an I/O problem (status 74). Either way
  /// the message is the error's own sentence (what is wrong, where, and what to do), never the
  /// error value's debug description.
  static func unexpected(_ error: any Error) -> CommandFailure {
    let message = (error as? LocalizedError)?.errorDescription ?? error.localizedDescription
    switch error {
    case is SQLiteError, is StoreError: return .input(message)
    default: return .io(message)
    }
  }
}
