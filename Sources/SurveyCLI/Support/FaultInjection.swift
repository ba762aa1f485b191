import Glibc
import SurveyStore

/// Kills the process (SIGKILL) at a chosen moment of an import, for the crash-safety tests:
/// `SURVEY_FAULT_KILL_AT=rows:N` after N rows are handed to the store (0: as the transaction
/// begins), `commit` just before committing, `committed` just after. Chosen by row rather than
/// by time, so the tests reach every moment on any machine. Unset, it does nothing.
struct FaultInjection {
  enum Point: Equatable {
    case rows(Int)
    case stage(Importer.Stage)
  }

  let point: Point?

  init(environment: [String: String]) {
    let value = environment["SURVEY_FAULT_KILL_AT"] ?? ""
    switch value {
    case "commit": point = .stage(.committing)
    case "committed": point = .stage(.committed)
    default:
      if value.hasPrefix("rows:"), let rows = Int(value.dropFirst(5)), rows >= 0 {
        point = rows == 0 ? .stage(.began) : .rows(rows)
      } else {
        point = nil
      }
    }
  }

  func reached(_ stage: Importer.Stage) {
    if point == .stage(stage) { kill(getpid(), SIGKILL) }
  }

  func handed(rows: Int) {
    if point == .rows(rows) { kill(getpid(), SIGKILL) }
  }
}
