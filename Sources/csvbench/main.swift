import Foundation
import SurveyIngest

// csvbench: measurements for the CSV reader.
//
//   csvbench FILE [--mode tokenize,serial,every-field,plan,parallel] [--chunks N] [--column K]
//
// tokenize:    records and fields counted, no field touched.
// serial:      every field visited once (its un-escaped length added up, via forEachField),
//              and integer column K summed with int(_:): "count records and fields, sum an
//              integer column" while touching every field.
// every-field: withUnsafeBytes(_:_:) and int(_:) called on every field, the per-field API's
//              worst case.
// plan:        only the chunk planning of the parallel mode.
// parallel:    the serial work on N chunks in parallel (planning included in the time).

/// What a pass over a file computed.
struct Totals: Sendable {
  /// Records read.
  var records = 0
  /// Fields read.
  var fields = 0
  /// Un-escaped field bytes seen.
  var bytes = 0
  /// The sum of the integers parsed.
  var integerSum = 0
  /// Issues reported.
  var issues: [CSVIssue] = []

  /// Adds another chunk's totals.
  mutating func add(_ other: Totals) {
    records += other.records
    fields += other.fields
    bytes += other.bytes
    integerSum += other.integerSum
    issues += other.issues
  }
}

/// Visits every field once (adding up the un-escaped lengths) and sums one integer column.
func consume(_ reader: CSVReader, integerColumn: Int) throws(CSVIOError) -> Totals {
  var totals = Totals()
  var bytes = 0
  while try reader.nextRecord() {
    let record = reader.record
    totals.records += 1
    totals.fields += record.count
    record.forEachField { _, field in bytes &+= field.count }
    totals.integerSum &+= record.int(integerColumn) ?? 0
  }
  totals.bytes = bytes
  totals.issues = reader.issues
  return totals
}

/// Calls the per-field API for every field: bytes and an integer parse each.
func consumeEveryFieldAsInteger(_ reader: CSVReader) throws(CSVIOError) -> Totals {
  var totals = Totals()
  while try reader.nextRecord() {
    let record = reader.record
    totals.records += 1
    totals.fields += record.count
    for index in 0..<record.count {
      totals.bytes += record.withUnsafeBytes(index) { $0.count }
      totals.integerSum &+= record.int(index) ?? 0
    }
  }
  totals.issues = reader.issues
  return totals
}

/// A duration in seconds.
func seconds(_ duration: Duration) -> Double {
  let parts = duration.components
  return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
}

/// Prints one result line.
func report(_ label: String, _ totals: Totals, _ elapsed: Duration, fileSize: Int) {
  let time = seconds(elapsed)
  let rate = Double(fileSize) / 1_000_000 / time
  print(
    "\(label): \(totals.records) records, \(totals.fields) fields, \(totals.bytes) field bytes, "
      + "integer sum \(totals.integerSum), \(totals.issues.count) issues; "
      + String(format: "%.3f s, %.0f MB/s", time, rate))
}

/// Parsed command-line arguments.
struct Arguments {
  /// The input file.
  var path = ""
  /// What to measure, in order.
  var modes: [String] = ["serial", "parallel"]
  /// The number of chunks for parallel parsing.
  var chunks = ProcessInfo.processInfo.activeProcessorCount
  /// The integer column to sum.
  var column = 3

  /// Parses the command line; `nil` when it is invalid.
  init?(_ arguments: [String]) {
    var rest = arguments.dropFirst()
    while let argument = rest.popFirst() {
      switch argument {
      case "--mode":
        guard let value = rest.popFirst() else { return nil }
        modes = value.split(separator: ",").map(String.init)
      case "--chunks":
        guard let value = rest.popFirst().flatMap({ Int($0) }) else { return nil }
        chunks = value
      case "--column":
        guard let value = rest.popFirst().flatMap({ Int($0) }) else { return nil }
        column = value
      default:
        guard path.isEmpty else { return nil }
        path = argument
      }
    }
    if path.isEmpty { return nil }
  }
}

/// Runs the requested measurements.
func run(_ arguments: Arguments) throws {
  let path = arguments.path
  let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
  let column = arguments.column
  let clock = ContinuousClock()
  for mode in arguments.modes {
    let start = clock.now
    switch mode {
    case "tokenize":
      let reader = try CSVReader(path: path)
      var totals = Totals()
      while try reader.nextRecord() {
        totals.records += 1
        totals.fields += reader.record.count
      }
      report("tokenize only", totals, clock.now - start, fileSize: size)
    case "serial":
      let totals = try consume(try CSVReader(path: path), integerColumn: column)
      report("serial", totals, clock.now - start, fileSize: size)
    case "every-field":
      let totals = try consumeEveryFieldAsInteger(try CSVReader(path: path))
      report(
        "serial, int(i) and withUnsafeBytes(i) on every field", totals, clock.now - start,
        fileSize: size)
    case "plan":
      let plan = try CSVChunker.plan(path: path, chunkCount: arguments.chunks)
      print(
        String(format: "plan: %.3f s, ", seconds(clock.now - start))
          + "chunks \(plan.chunks.map { "\($0.byteRange) from line \($0.firstLine)" }), "
          + "fallback: \(plan.serialFallbackReason ?? "none")")
    case "parallel":
      let plan = try CSVChunker.plan(path: path, chunkCount: arguments.chunks)
      let planned = clock.now
      let outcome = try CSVChunker.parse(plan) { reader throws(CSVIOError) in
        try consume(reader, integerColumn: column)
      }
      switch outcome {
      case .completed(let parts):
        var totals = Totals()
        for part in parts { totals.add(part) }
        report("parallel, \(parts.count) chunks", totals, clock.now - start, fileSize: size)
        print(String(format: "  (planning: %.3f s)", seconds(planned - start)))
      case .needsSerialFallback(let reason):
        print("parallel: falling back to the serial reader: \(reason)")
        let totals = try consume(try CSVReader(path: path), integerColumn: column)
        report("serial fallback", totals, clock.now - start, fileSize: size)
      }
    default:
      print("csvbench: unknown mode '\(mode)'")
      exit(2)
    }
  }
}

guard let arguments = Arguments(CommandLine.arguments) else {
  print(
    "usage: csvbench FILE [--mode tokenize,serial,every-field,plan,parallel] [--chunks N] "
      + "[--column K]")
  exit(2)
}
do {
  try run(arguments)
} catch {
  print("csvbench: \(error.localizedDescription)")
  exit(1)
}
