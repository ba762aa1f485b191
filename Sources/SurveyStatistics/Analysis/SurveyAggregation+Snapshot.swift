import Foundation
import SurveyCore

/// An aggregation saved as data, so that a report of a large store reads the counts of the
/// responses it has already seen instead of the responses, and adds only the new ones.
extension SurveyAggregation {
  /// The layout of the saved counts; a snapshot of another layout is not read.
  package static let snapshotFormat = 2

  /// Everything but the cells, which are written one by one after it (so that encoding never
  /// holds more than one cell's worth of JSON at a time).
  private struct Snapshot: Codable {
    var format: Int
    var tracksPanel: Bool
    var chapterCells: [GroupKey: Int]
    var unassignedCells: [String: Int]
    var waveIndex: [String: Int]
    var waveStore: [WaveData]
    var panel: [String: [String: PanelEntry]]
  }

  /// How many responses the aggregation holds (over every chapter and wave).
  package var responseCount: Int { cells.reduce(0) { $0 + $1.respondents } }

  /// The counts as data: the number of parts (4 bytes, little-endian), then each part's length
  /// (4 bytes) and JSON (non-finite numbers as strings): the snapshot, then each cell.
  package func snapshotData() throws -> Data {
    let snapshot = Snapshot(
      format: Self.snapshotFormat, tracksPanel: tracksPanel, chapterCells: chapterCells,
      unassignedCells: unassignedCells, waveIndex: waveIndex, waveStore: waveStore, panel: panel)
    let encoder = JSONEncoder()
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    var data = Data()
    func append(_ value: Int) {
      withUnsafeBytes(of: UInt32(truncatingIfNeeded: value).littleEndian) {
        data.append(contentsOf: $0)
      }
    }
    append(cells.count + 1)
    for part in try [encoder.encode(snapshot)] + cells.map(encoder.encode) {
      append(part.count)
      data.append(part)
    }
    return data
  }

  /// Why saved counts cannot be read back.
  package enum SnapshotProblem: Error, Equatable, Sendable {
    /// The data is not a snapshot of this layout (or is damaged).
    case notSnapshot
    /// The counts have another shape than the survey's (another number of questions,
    /// indicators, causes, indexes or scales, or positions out of range).
    case doesNotFit
    /// A count is negative or impossibly large, or a sum is not a finite number: the data was
    /// edited (its checksum written again) or made by another program.
    case implausible
  }

  /// Counts read back from ``snapshotData()``, or `nil` when they cannot be (see
  /// ``restore(survey:snapshotData:)``): such a snapshot is ignored, never trusted.
  package init?(survey: Survey, snapshotData data: Data) {
    guard case .success(let restored) = Self.restore(survey: survey, snapshotData: data) else {
      return nil
    }
    self = restored
  }

  /// Counts read back from ``snapshotData()``, or why they cannot be: data that is not a
  /// snapshot of this layout, counts of another shape than the survey's, or counts no
  /// aggregation could hold (see ``ReadBack``).
  package static func restore(survey: Survey, snapshotData data: Data) -> Result<
    SurveyAggregation, SnapshotProblem
  > {
    let decoder = JSONDecoder()
    decoder.nonConformingFloatDecodingStrategy = .convertFromString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    let bytes = [UInt8](data)
    var offset = 0
    func number() -> Int? {
      guard offset + 4 <= bytes.count else { return nil }
      let value = (0..<4).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) }
      offset += 4
      return value
    }
    func part() -> Data? {
      guard let length = number(), length <= bytes.count - offset else { return nil }
      defer { offset += length }
      return Data(bytes[offset..<(offset + length)])
    }
    guard let parts = number(), parts >= 1, parts <= bytes.count / 4, let header = part(),
      let snapshot = try? decoder.decode(Snapshot.self, from: header),
      snapshot.format == Self.snapshotFormat
    else { return .failure(.notSnapshot) }
    var cells: [GroupAccumulator] = []
    for _ in 1..<parts {
      guard let data = part(), let cell = try? decoder.decode(GroupAccumulator.self, from: data)
      else { return .failure(.notSnapshot) }
      cells.append(cell)
    }
    guard offset == bytes.count else { return .failure(.notSnapshot) }
    var aggregation = SurveyAggregation(survey: survey, tracksPanel: snapshot.tracksPanel)
    guard aggregation.fits(snapshot, cells: cells) else { return .failure(.doesNotFit) }
    guard Self.isPlausible(snapshot, cells: cells) else { return .failure(.implausible) }
    aggregation.cells = cells
    aggregation.chapterCells = snapshot.chapterCells
    aggregation.unassignedCells = snapshot.unassignedCells
    aggregation.waveIndex = snapshot.waveIndex
    aggregation.waveStore = snapshot.waveStore
    aggregation.panel = snapshot.panel
    return .success(aggregation)
  }

  /// Whether every count and sum is one an aggregation could hold.
  private static func isPlausible(_ snapshot: Snapshot, cells: [GroupAccumulator]) -> Bool {
    cells.allSatisfy(\.isPlausible) && snapshot.waveStore.allSatisfy(\.isPlausible)
      && snapshot.panel.values.allSatisfy { $0.values.allSatisfy(\.isPlausible) }
  }

  private func fits(_ snapshot: Snapshot, cells: [GroupAccumulator]) -> Bool {
    let empty = GroupAccumulator(survey: survey)
    let cellsFit = cells.allSatisfy { cell in
      cell.items.count == empty.items.count && cell.indicators.count == empty.indicators.count
        && cell.indexes.count == empty.indexes.count && cell.causes.count == empty.causes.count
        && cell.causes.allSatisfy {
          $0.exposed.count == empty.indicators.count && $0.unexposed.count == empty.indicators.count
        }
    }
    let positions = Array(snapshot.chapterCells.values) + Array(snapshot.unassignedCells.values)
    let positionsFit =
      positions.allSatisfy { cells.indices.contains($0) }
      && Set(positions).count == positions.count && positions.count == cells.count
    let wavesFit =
      snapshot.waveIndex.values.allSatisfy { snapshot.waveStore.indices.contains($0) }
      && snapshot.waveStore.allSatisfy { wave in
        wave.reliability.count == survey.scales.count
          && zip(wave.reliability, survey.scales).allSatisfy { accumulator, scale in
            accumulator.map { $0.fits(items: scale.items.count) } ?? (scale.items.count < 2)
          }
          && wave.correlations.count == survey.indexes.count
          && wave.correlations.allSatisfy { $0.count == outcomes.count }
      }
    let panelFits = snapshot.panel.values.allSatisfy { waves in
      waves.values.allSatisfy { $0.indicators.count == empty.indicators.count }
    }
    let margins = survey.population?.margins.count ?? 0
    let rakingFits = snapshot.waveStore.allSatisfy { wave in
      wave.rakingCells.keys.allSatisfy { $0.categories.count == margins }
    }
    return cellsFit && positionsFit && wavesFit && panelFits && rakingFits
  }
}

extension ReliabilityAccumulator {
  /// Whether the saved sums have the sizes of an accumulator over `items` items.
  func fits(items: Int) -> Bool {
    itemCount == items && shift.count == items
      && pairSums.count == 6 * items * (items + 1) / 2 && scoreSums.count == 6 * items
      && score.count == 3
  }
}
