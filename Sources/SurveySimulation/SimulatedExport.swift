import SurveyCore
import SurveyIngest

/// Turns synthetic responses into the rows of a platform's CSV export.
package struct SimulatedExport: Sendable {
  /// The simulator the responses come from.
  package let simulator: ResponseSimulator
  /// The export layout.
  package let layout: ExportLayout
  let encoder: CellEncoder
  /// The question position behind each column (-1 for metadata).
  let questionPositions: [Int]

  /// Prepares rows in a platform's shape, with texts and labels in `language`.
  package init(simulator: ResponseSimulator, platform: Platform, language: String? = nil) {
    self.simulator = simulator
    layout = ExportLayout(survey: simulator.survey, platform: platform, language: language)
    encoder = CellEncoder(survey: simulator.survey, layout: layout)
    let survey = simulator.survey
    questionPositions = layout.columns.map { column in
      switch column.role {
      case .answer(let id), .option(let id, _), .other(let id):
        survey.position(ofQuestion: id) ?? -1
      case .metadata: -1
      }
    }
  }

  /// The header rows.
  package var headerRows: [[String]] { layout.headerRows }

  /// The cells of one response, in column order.
  package func row(_ response: SimulatedResponse, index: Int) -> [String] {
    var cells: [String] = []
    cells.reserveCapacity(layout.columns.count)
    for (position, column) in layout.columns.enumerated() {
      switch column.role {
      case .metadata(let field):
        cells.append(metadata(field, header: column.headers.first ?? "", response, index: index))
      case .answer(let id), .option(let id, _), .other(let id):
        let question = questionPositions[position]
        let answer = question < response.answers.count ? response.answers[question] : .blank
        let other = response.otherTexts.isEmpty ? nil : response.otherTexts[id]
        cells.append(encoder.cell(column: position, answer: answer, other: other))
      }
    }
    return cells
  }

  private func metadata(
    _ field: MetadataField, header: String, _ response: SimulatedResponse, index: Int
  )
    -> String
  {
    let platform = layout.platform
    let hash = RandomSource(
      seed: simulator.plan.seed, stream: [UInt64(response.wave), UInt64(index), 11])
    switch field {
    case .responseID: return responseID(platform, response, index: index, random: hash)
    case .submittedAt: return encoder.timestamp(response.submittedAt)
    case .startedAt:
      if platform == .kobo {
        let time = CivilTime(seconds: response.startedAt)
        return time.date + "T" + time.time + ".000+00:00"
      }
      return encoder.timestamp(response.startedAt)
    case .chapter: return simulator.chapterName(response.chapter)
    case .wave: return String(response.wave)
    case .language: return platform == .qualtrics ? layout.language.uppercased() : layout.language
    case .status: return platform == .qualtrics ? "0" : "complete"
    case .ignored: return ignoredValue(header, response, index: index, random: hash)
    case .rejectID: return ""
    }
  }

  private func responseID(
    _ platform: Platform, _ response: SimulatedResponse, index: Int, random: RandomSource
  )
    -> String
  {
    var random = random
    switch platform {
    case .generic: return "W\(response.wave)-\(index + 1)"
    case .qualtrics:
      let alphabet = Array("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
      return "R_" + String((0..<15).map { _ in alphabet[Int(random.next() % 62)] })
    case .surveyMonkey: return String(11_000_000_000 + response.wave * 100_000_000 + index)
    case .kobo: return String(300_000_000 + response.wave * 10_000_000 + index)
    case .odk: return "uuid:" + uuid(&random)
    case .limeSurvey: return String(index + 1)
    case .googleForms: return ""
    }
  }

  private func ignoredValue(
    _ header: String, _ response: SimulatedResponse, index: Int, random: RandomSource
  )
    -> String
  {
    var random = random
    let address = "192.0.2.\(index % 250 + 1)"
    switch header {
    case "IPAddress", "IP Address", "ipaddr": return address
    case "Progress": return "100"
    case "Finished": return "1"
    case "Duration (in seconds)": return String(response.submittedAt - response.startedAt)
    case "EndDate", "end": return encoder.timestamp(response.submittedAt)
    case "DistributionChannel": return "anonymous"
    case "Collector ID": return "431245678"
    case "_uuid": return uuid(&random)
    case "_status": return "submitted_via_web"
    case "__version__": return "vSim" + simulator.survey.version
    case "_index": return String(index + 1)
    case "SubmitterID": return "5"
    case "SubmitterName": return "collector"
    case "AttachmentsPresent", "AttachmentsExpected", "Edits": return "0"
    case "DeviceID": return "collect:" + String(random.next() % 1_000_000)
    case "FormVersion": return simulator.survey.version
    case "lastpage": return "9"
    case "seed": return String(random.next() % 1_000_000_000)
    case "datestamp": return encoder.timestamp(response.submittedAt)
    default: return ""
    }
  }

  private func uuid(_ random: inout RandomSource) -> String {
    let hex = Array("0123456789abcdef")
    let digits = (0..<32).map { _ in hex[Int(random.next() % 16)] }
    let text = String(digits)
    let parts = [
      text.prefix(8), text.dropFirst(8).prefix(4), text.dropFirst(12).prefix(4),
      text.dropFirst(16).prefix(4), text.dropFirst(20),
    ]
    return parts.joined(separator: "-")
  }
}
