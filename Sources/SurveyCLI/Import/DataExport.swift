import Foundation
import SurveyCore
import SurveyIngest
import SurveyStore

/// Writes stored responses as tidy CSV or JSON.
struct DataExport {
  let survey: Survey
  let store: ResponseStore
  /// For a survey raked to its membership roll: each wave's weight adjustments, for the
  /// `_weight_raked` column (the weight every report uses).
  var raking: RakingAdjustments? = nil

  /// The raked weight of a response: its base weight (the stored weight when positive, else 1)
  /// times its raking cell's factor in its wave.
  func rakedWeight(_ response: StoredResponse) -> Double? {
    guard let raking else { return nil }
    let base = response.weight.flatMap { $0 > 0 && $0.isFinite ? $0 : nil } ?? 1
    return raking.weight(
      base: base, wave: response.wave, answers: response.answers, chapter: response.chapter)
  }

  var columns: [(name: String, position: Int, isOther: Bool)] {
    AnswerColumns(survey: survey).columns.map { ($0.name, $0.position, $0.isOther) }
  }

  /// Writes the file and returns the number of responses. The CSV is written beside the target
  /// and moved over it once complete, so a failure (a corrupt store, a full disk) leaves no half
  /// file behind and an earlier export as it was.
  func write(to path: String, json: Bool) throws -> Int {
    do {
      return json ? try writeJSON(path) : try writeCSV(path)
    } catch let error as CSVIOError {
      throw CommandFailure.io(error.localizedDescription)
    }
  }

  private func writeCSV(_ path: String) throws -> Int {
    let partial = path + ".partial"
    defer { try? FileManager.default.removeItem(atPath: partial) }
    let count = try writeCSV(to: partial)
    guard rename(partial, path) == 0 else {
      throw CommandFailure.io(
        "cannot write '\(path)': \(String(cString: strerror(errno)))")
    }
    return count
  }

  private func writeCSV(to path: String) throws -> Int {
    let writer = try CSVWriter(
      path: path, options: CSVWriterOptions(lineEnding: .lf, masksFormulas: true))
    try writer.writeRecord(
      ["_response_id", "_chapter", "_wave", "_submitted_at", "_weight"]
        + (raking == nil ? [] : ["_weight_raked"]) + columns.map(\.name))
    var count = 0
    try store.forEachResponse(of: survey) { response in
      var cells = [
        String(response.id), response.chapter ?? "", response.wave, response.submittedAt ?? "",
        response.weight.map(JSONValue.format) ?? "",
      ]
      if raking != nil { cells.append(rakedWeight(response).map(JSONValue.format) ?? "") }
      for column in columns {
        cells.append(
          column.isOther
            ? response.otherTexts[column.position] ?? ""
            : Self.cell(response.answers[column.position]))
      }
      try writer.writeRecord(cells)
      count += 1
    }
    try writer.close()
    return count
  }

  private func writeJSON(_ path: String) throws -> Int {
    var items: [JSONValue] = []
    try store.forEachResponse(of: survey) { response in
      var members: [(String, JSONValue)] = [
        ("_response_id", .integer(Int(response.id))), ("_chapter", .string(response.chapter)),
        ("_wave", .string(response.wave)), ("_submitted_at", .string(response.submittedAt)),
        ("_weight", .number(response.weight)),
      ]
      if raking != nil { members.append(("_weight_raked", .number(rakedWeight(response)))) }
      for column in columns {
        if column.isOther {
          members.append((column.name, .string(response.otherTexts[column.position])))
        } else {
          members.append((column.name, Self.json(response.answers[column.position])))
        }
      }
      items.append(.object(members))
    }
    let document = JSONValue.object([
      ("survey", .string(survey.id)), ("version", .string(survey.version)),
      ("responses", .array(items)),
    ])
    do {
      try Data(document.pretty.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      throw CommandFailure.io("cannot write '\(path)': \(error.localizedDescription)")
    }
    return items.count
  }

  static func cell(_ answer: Answer) -> String {
    switch answer {
    case .blank: ""
    case .code(let code), .missing(_, let code): String(code)
    case .codes(let codes): codes.map(String.init).joined(separator: ";")
    case .number(let value): JSONValue.format(value)
    case .text(let text): text
    case .date(let days): CivilDate.iso(days)
    }
  }

  static func json(_ answer: Answer) -> JSONValue {
    switch answer {
    case .blank: .null
    case .code(let code), .missing(_, let code): .integer(code)
    case .codes(let codes): .array(codes.map { .integer($0) })
    case .number(let value): .number(value)
    case .text(let text): .string(text)
    case .date(let days): .string(CivilDate.iso(days))
    }
  }
}
