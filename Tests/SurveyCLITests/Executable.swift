import Foundation
import Testing

/// The built `survey` program, for tests that must run it as a separate process (to kill it).
enum Executable {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The program next to the test bundle (`swift test` builds every product), else in .build.
  static var survey: String? { product("survey") }

  /// A built product by name.
  static func product(_ name: String) -> String? {
    let candidates = [
      URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent(name)
        .path,
      root.appendingPathComponent(".build/debug/" + name).path,
    ]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
  }

  /// Starts the program, with extra environment variables if given.
  static func start(_ arguments: [String], environment: [String: String] = [:]) throws -> Process {
    let program = try #require(survey, "the survey program is not built; run 'swift build' first")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    if !environment.isEmpty {
      process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    return process
  }

  /// Runs the program to the end and returns its exit status.
  static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Int32 {
    let process = try start(arguments, environment: environment)
    process.waitUntilExit()
    return process.terminationStatus
  }
}
