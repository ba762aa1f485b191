import Foundation
import Testing

/// Every input the fuzzers ever flagged, kept in Tests/Fuzz/Regressions/TARGET/, replayed through
/// the same code (the fuzz targets built normally replay files), together with the seed fixtures.
@Suite("fuzz regressions")
struct FuzzRegressionTests {
  @Test("saved inputs run to the end", arguments: ["FuzzDSL", "FuzzCSV", "FuzzImport"])
  func replay(_ target: String) throws {
    let folder = Executable.root.appendingPathComponent("Tests/Fuzz/Regressions/" + target).path
    let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted().map {
      folder + "/" + $0
    }
    #expect(!files.isEmpty)
    let program = try #require(
      Executable.product(target), "\(target) is not built; run 'swift build' first")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = files
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(target) failed on one of \(files)")
    #expect(process.terminationReason == .exit)
  }
}
