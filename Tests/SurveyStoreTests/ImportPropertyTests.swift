import Foundation
import SurveyCore
import SurveyIngest
import SurveySimulation
import SurveyStore
import Testing

/// The importer's promise, checked on generated exports: every data row of a file is stored,
/// already present, or rejected and kept, on the first import and on every re-import of the
/// file or of a grown copy of it; and the serial and parallel readers read the same rows.
@Suite("import property: nothing lost")
struct ImportPropertyTests {
  /// Small reader limits, so that oversized records are cheap to make.
  static let readerOptions = CSVReaderOptions(
    bufferSize: 256, maxRecordBytes: 1_500, maxFieldsPerRecord: 200)

  struct Case: Sendable, CustomTestStringConvertible {
    var platform: Platform
    var seed: UInt64
    var testDescription: String { "\(platform.rawValue), seed \(seed)" }
  }

  static let cases: [Case] = Platform.allCases.flatMap { platform in
    (1...5).map { Case(platform: platform, seed: UInt64($0)) }
  }

  @Test("stored + already present + rejected = data rows, every time", arguments: cases)
  func everyRowIsAccountedFor(_ item: Case) throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let survey = try Fixtures.club()
    var generator = try ExportGenerator(survey: survey, platform: item.platform, seed: item.seed)
    let rows = generator.rows(count: 40)
    let grownRows = rows + generator.rows(count: 15)
    let file = directory.path("export.csv")
    let grown = directory.path("grown.csv")
    try generator.write(rows, to: file)
    try generator.write(grownRows, to: grown)
    var options = ImportOptions(wave: generator.wave)
    options.readerOptions = Self.readerOptions

    let store = try ResponseStore(path: directory.path("store.db"))
    let first = try Self.importFile(file, survey: survey, store: store, options: options)
    let dataRows = try Self.dataRows(file, platform: item.platform)
    #expect(first.rows == dataRows, "\(item)")
    #expect(first.accepted + first.replaced + first.alreadyPresent + first.rejected == dataRows)
    #expect(try store.responseCount() == first.accepted)
    let rejects = try store.rejects().count

    let again = try Self.importFile(file, survey: survey, store: store, options: options)
    #expect(again.rows == dataRows)
    #expect(again.accepted == 0 && again.replaced == 0, "\(item): \(again)")
    #expect(again.alreadyPresent == first.accepted + first.alreadyPresent, "\(item)")
    #expect(again.rejected == first.rejected && again.rejectedAgain == again.rejected, "\(item)")
    #expect(try store.responseCount() == first.accepted)
    #expect(try store.rejects().count == rejects)

    let grownRowsCount = try Self.dataRows(grown, platform: item.platform)
    let before = try store.responseCount()
    let more = try Self.importFile(grown, survey: survey, store: store, options: options)
    #expect(more.rows == grownRowsCount)
    #expect(more.accepted + more.replaced + more.alreadyPresent + more.rejected == grownRowsCount)
    #expect(try store.responseCount() == before + more.accepted)
    // A fresh store given the grown file stores exactly what the two imports stored together.
    let fresh = try ResponseStore(path: directory.path("fresh.db"))
    let once = try Self.importFile(grown, survey: survey, store: fresh, options: options)
    #expect(once.accepted == first.accepted + more.accepted, "\(item)")
    #expect(try fresh.responseCount() == (try store.responseCount()), "\(item)")

    try Self.expectSerialEqualsParallel(grown, survey: survey, options: options, item)
  }

  static func importFile(
    _ path: String, survey: Survey, store: ResponseStore, options: ImportOptions
  ) throws -> ImportSummary {
    let result = try Importer(store: store, survey: survey, codebook: "{}").importFile(
      path, options: options, importedAt: 1_800_000_000)
    return try #require(result.summary, "\(result.fileDiagnostics.map(\.message))")
  }

  /// The data rows of a file as the CSV reader sees them: every record after the header rows
  /// that is not empty (a record over the limits counts: it is a row nobody could read; empty
  /// cells beyond the header's width make a broken row, not an empty one).
  static func dataRows(_ path: String, platform: Platform) throws -> Int {
    let reader = try CSVReader(path: path, options: readerOptions)
    var records = 0
    var header = platform.headerRowCount
    var width = Int.max
    while try reader.nextRecord() {
      let record = reader.record
      let empty =
        !record.isTooLarge && record.count <= width
        && (0..<record.count).allSatisfy { index in
          record.withUnsafeBytes(index) { $0.allSatisfy { $0 == 0x20 || $0 == 0x09 } }
        }
      if empty { continue }
      if header > 0 {
        if header == platform.headerRowCount { width = record.count }
        header -= 1
        continue
      }
      records += 1
    }
    return records
  }

  /// The serial reader and the chunk readers give the same rows, in the same order.
  static func expectSerialEqualsParallel(
    _ path: String, survey: Survey, options: ImportOptions, _ item: Case
  ) throws {
    let serial = try ResponseReader(path: path, survey: survey, options: options)
    var serialRows: [String] = []
    while let row = try serial.next() { serialRows.append(summary(row)) }
    let decoder = try #require(serial.rowDecoder)
    let plan = try CSVChunker.plan(
      path: path, chunkCount: 3, minimumChunkBytes: 300, options: readerOptions)
    let outcome = try CSVChunker.parse(plan, options: readerOptions) {
      index, reader throws(CSVIOError) in
      let chunk = ResponseChunkReader(
        reader: reader, decoder: decoder, path: path, isFirstChunk: index == 0)
      var rows: [String] = []
      while let row = try chunk.next() { rows.append(summary(row)) }
      return (rows, chunk.emptyRows)
    }
    guard case .completed(let parts) = outcome else { return }
    #expect(plan.chunks.count > 1, "\(item): the file was not split")
    #expect(parts.flatMap(\.0) == serialRows, "\(item)")
    #expect(parts.map(\.1).reduce(0, +) == serial.emptyRows, "\(item)")
  }

  static func summary(_ row: ImportedRow) -> String {
    "\(row.line) \(row.isRejected ? "rejected" : "ok") "
      + row.problems.map { "\($0.id)@\($0.location?.line ?? 0)" }.joined(separator: ",")
      + " \(row.answers.hashValue) \(row.responseID ?? "-")"
  }
}

/// Writes platform-shaped exports of simulated answers with the faults real files have: no
/// response ids, duplicated rows, a changed answer under a repeated id, cells that are not
/// answers, missing fields, records over the reader's limits and rows of empty cells.
struct ExportGenerator {
  let survey: Survey
  let platform: Platform
  let export: SimulatedExport
  let writerOptions: CSVWriterOptions
  var random: RandomSource
  let hasIDs: Bool
  let wave: String
  var next = 0
  var written: [[String]] = []

  init(survey: Survey, platform: Platform, seed: UInt64) throws {
    self.survey = survey
    self.platform = platform
    let plan = SimulationPlan(respondents: 200, chapters: 2, seed: seed)
    let simulator = try ResponseSimulator(survey: survey, plan: plan)
    export = SimulatedExport(simulator: simulator, platform: platform)
    writerOptions =
      SimulationWriter(simulator: simulator, platform: platform, language: nil)
      .options
    random = RandomSource(seed: seed, stream: [77])
    hasIDs = platform != .googleForms && Bool.random(using: &random)
    wave = String(Int.random(in: 1...2, using: &random))
  }

  /// The column holding the response id, if any.
  var idColumn: Int? {
    export.layout.columns.firstIndex { $0.role == .metadata(.responseID) }
  }

  /// A column holding an answer that a bad value breaks.
  var answerColumns: [Int] {
    export.layout.columns.indices.filter {
      if case .answer = export.layout.columns[$0].role { return true }
      return false
    }
  }

  /// The next `count` rows, faults included.
  mutating func rows(count: Int) -> [[String]] {
    var rows: [[String]] = []
    while rows.count < count {
      let roll = Double.random(in: 0..<1, using: &random)
      if roll < 0.08, let earlier = (written + rows).randomElement(using: &random) {
        rows.append(earlier)  // an exact duplicate
        continue
      }
      var cells = export.row(
        export.simulator.response(wave: 1, index: next % 200), index: next % 200)
      next += 1
      if !hasIDs, let idColumn { cells[idColumn] = "" }
      switch roll {
      case 0.08..<0.12:
        if hasIDs, let idColumn, let earlier = (written + rows).last {
          cells[idColumn] = earlier[idColumn]  // a repeated id with other answers
        }
      case 0.12..<0.17:
        if let column = answerColumns.randomElement(using: &random) { cells[column] = "???" }
      case 0.17..<0.20:
        cells.removeLast()
      case 0.20..<0.23:
        if let column = answerColumns.randomElement(using: &random) {
          cells[column] = String(repeating: "long ", count: 400)
        }
      case 0.23..<0.26:
        cells = cells.map { _ in "" }
      default: break
      }
      rows.append(cells)
    }
    written += rows
    return rows
  }

  func write(_ rows: [[String]], to path: String) throws {
    let writer = try CSVWriter(path: path, options: writerOptions)
    for row in export.headerRows { try writer.writeRecord(row) }
    for row in rows { try writer.writeRecord(row) }
    try writer.close()
  }
}
