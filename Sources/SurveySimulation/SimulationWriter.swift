import SurveyCore
import SurveyIngest

/// Writes simulated exports to files: one file, or one per wave when the survey has no wave
/// question (as a platform exports each round separately).
package struct SimulationWriter {
  /// The simulator.
  package let simulator: ResponseSimulator
  /// The platform whose export shape to write.
  package let platform: Platform
  /// The language of texts and labels.
  package let language: String?

  /// Creates a writer.
  package init(simulator: ResponseSimulator, platform: Platform, language: String?) {
    self.simulator = simulator
    self.platform = platform
    self.language = language
  }

  /// The files a run writes, with the waves each holds.
  package func files(for path: String) -> [(path: String, waves: ClosedRange<Int>)] {
    let waves = simulator.plan.waves
    if waves == 1 || simulator.survey.roles.wave != nil { return [(path, 1...waves)] }
    return (1...waves).map { (Self.path(path, wave: $0), $0...$0) }
  }

  /// `out.csv` for wave 2 is `out.wave2.csv`.
  package static func path(_ path: String, wave: Int) -> String {
    let slash = path.lastIndex(of: "/")
    if let dot = path.lastIndex(of: "."), slash.map({ dot > $0 }) ?? true {
      return String(path[..<dot]) + ".wave\(wave)" + String(path[dot...])
    }
    return path + ".wave\(wave)"
  }

  /// Writes the rows of some waves to a CSV writer.
  package func write(waves: ClosedRange<Int>, to writer: CSVWriter) throws(CSVIOError) {
    let export = SimulatedExport(simulator: simulator, platform: platform, language: language)
    for row in export.headerRows { try writer.writeRecord(row) }
    for wave in waves {
      for index in 0..<simulator.plan.respondents {
        try writer.writeRecord(
          export.row(simulator.response(wave: wave, index: index), index: index))
      }
    }
    try writer.flush()
  }

  /// The CSV settings of the platform's exports (never masking formulas: a platform's export
  /// holds the answers as given).
  package var options: CSVWriterOptions {
    let dialect = ExportDialect.of(platform)
    return CSVWriterOptions(
      delimiter: CSVDelimiter(byte: dialect.delimiter) ?? .comma,
      lineEnding: dialect.lineEnding == "\r\n" ? .crlf : .lf,
      writesByteOrderMark: dialect.byteOrderMark, masksFormulas: false,
      quotesAllFields: dialect.quotesEverything)
  }
}
