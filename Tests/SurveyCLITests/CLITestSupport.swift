import Foundation
import SurveyCLI

/// Runs the tool in-process and captures what it writes.
struct Run {
  var status: Int32
  var out: String
  var err: String

  init(_ arguments: [String], terminal: Bool = false, environment: [String: String] = [:]) {
    let out = CapturedStream(isTerminal: terminal)
    let err = CapturedStream(isTerminal: terminal)
    let tool = CommandLineTool(console: Console(out: out, err: err, environment: environment))
    status = tool.run(arguments)
    self.out = out.text
    self.err = err.text
  }
}

/// A temporary directory removed when the test ends.
final class TemporaryDirectory {
  let path: String

  init() throws {
    path = NSTemporaryDirectory() + "survey-tests-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }

  /// Writes a file and returns its path.
  @discardableResult
  func write(_ name: String, _ text: String) throws -> String {
    let file = path + "/" + name
    try FileManager.default.createDirectory(
      atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try text.write(toFile: file, atomically: true, encoding: .utf8)
    return file
  }

  func read(_ name: String) throws -> String {
    try String(contentsOfFile: path + "/" + name, encoding: .utf8)
  }
}

let goodSurvey = """
  survey t "T"
    version 1

  question a "A?"
    integer 0..10

  """

let warningSurvey = """
  survey t "T"
    version 1
    languages en "English", es "Español"

  question a "A?"
    integer 0..10

  """

let badSurvey = """
  survey t "T"
    version 1

  question a "A?"
    integer 0..10
    requird

  """
