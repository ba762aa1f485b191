import Foundation
import SurveyStore

/// Where the store is when no `--store` is given: `survey.db` next to the survey file.
enum StorePath {
  static func defaultPath(forSurvey path: String) -> String {
    let directory = (path as NSString).deletingLastPathComponent
    return directory.isEmpty ? "survey.db" : directory + "/survey.db"
  }
}

extension CommandSupport {
  /// Opens the store, turning failures into clear input errors.
  static func openStore(
    _ path: String, context: CommandContext, readOnly: Bool = false,
    busyTimeout: Duration = .seconds(10)
  ) throws -> ResponseStore {
    do {
      return try ResponseStore(path: path, readOnly: readOnly, busyTimeout: busyTimeout)
    } catch {
      throw CommandFailure.input(error.localizedDescription)
    }
  }
}
