import Foundation

/// The entry point the fuzz targets share. Built with `-sanitize=fuzzer,address -DFUZZING` (as
/// Tests/Fuzz/run.sh does), it hands the target's `LLVMFuzzerTestOneInput` to libFuzzer's driver
/// with the command line; in a normal build it replays each file named on the command line
/// through the same function (for the regression tests of inputs that once failed).
package enum FuzzDriver {
  /// A target's `LLVMFuzzerTestOneInput`.
  package typealias TestOneInput = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

  /// Runs libFuzzer, or replays files; exits with the result.
  package static func main(_ testOneInput: TestOneInput) -> Never {
    #if FUZZING
      var argc = CommandLine.argc
      var argv = CommandLine.unsafeArgv
      exit(runFuzzerDriver(&argc, &argv, testOneInput))
    #else
      for path in CommandLine.arguments.dropFirst() {
        guard let data = FileManager.default.contents(atPath: path) else {
          FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
          exit(1)
        }
        _ = data.withUnsafeBytes { bytes in
          testOneInput(bytes.bindMemory(to: UInt8.self).baseAddress, bytes.count)
        }
      }
      exit(0)
    #endif
  }
}

#if FUZZING
  /// libFuzzer's driver, linked in by `-sanitize=fuzzer`.
  @_silgen_name("LLVMFuzzerRunDriver")
  func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: FuzzDriver.TestOneInput
  ) -> CInt
#endif
