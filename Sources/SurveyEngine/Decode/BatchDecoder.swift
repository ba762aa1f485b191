import SurveyCore
import SurveyIngest

/// What a batch's rows say besides their answers: problems found while reading, metadata.
final class RowFacts {
  /// Whether the row has an error (it is rejected), found while reading or validating.
  let errors: ColumnBuffer<Bool>
  /// Whether the row has a warning (it is kept).
  let warnings: ColumnBuffer<Bool>
  /// The response id's field (0: none).
  let responseID: ColumnBuffer<UInt64>
  /// The submission time (seconds since 1970), or `Int.min`.
  let submittedAt: ColumnBuffer<Int>
  /// The chapter and wave named in metadata columns (ids of ``BatchDecoder/names``), or -1.
  let chapterName: ColumnBuffer<Int32>
  let waveName: ColumnBuffer<Int32>
  /// The rejection a corrected row resolves, or `Int64.min`.
  let rejectID: ColumnBuffer<Int64>

  init(capacity: Int) {
    errors = ColumnBuffer(capacity: capacity, repeating: false)
    warnings = ColumnBuffer(capacity: capacity, repeating: false)
    responseID = ColumnBuffer(capacity: capacity, repeating: 0)
    submittedAt = ColumnBuffer(capacity: capacity, repeating: .min)
    chapterName = ColumnBuffer(capacity: capacity, repeating: -1)
    waveName = ColumnBuffer(capacity: capacity, repeating: -1)
    rejectID = ColumnBuffer(capacity: capacity, repeating: .min)
  }

  func reset(count: Int) {
    errors.fill(false, count: count)
    warnings.fill(false, count: count)
    responseID.fill(0, count: count)
    submittedAt.fill(.min, count: count)
    chapterName.fill(-1, count: count)
    waveName.fill(-1, count: count)
    rejectID.fill(.min, count: count)
  }

  /// Whether a row is counted (has no error).
  @inline(__always)
  func isValid(_ row: Int) -> Bool { !errors.base[row] }
}

/// Decodes batches of records into answer columns, each distinct cell text of a column once.
///
/// One per reading thread (its memos are not shared).
final class BatchDecoder {
  let schema: EngineSchema
  /// The export's row decoder, whose verdicts the columns' outcomes are.
  let decoder: RowDecoder
  private var memos: [CellMemo]
  private var outcomes: [[CompiledOutcome]]
  /// The row decoder's outcome of each distinct cell text, by column, beside its compiled form
  /// (for rows handed over whole, see ``cellOutcome(row:column:batch:)``).
  private var cellOutcomes: [[CellOutcome]]
  /// Rows per batch.
  let capacity: Int
  /// Each memo column's outcome per row of the batch (`column * capacity + row`), or -1 for a
  /// cell read straight from its bytes.
  private let rowOutcomes: ColumnBuffer<Int32>
  /// The rare parts of outcomes, by column and outcome.
  private var rare: [[Int32: CompiledOutcome.Rare]]
  /// The outcome of an empty cell, and of each one-byte cell, per column (-1: not yet known).
  private var shortCells: [[Int32]]
  /// Chapter and wave names met in metadata columns.
  private(set) var names: [String] = []
  private var nameIDs: [String: Int32] = [:]

  init(schema: EngineSchema, decoder: RowDecoder, capacity: Int) {
    self.schema = schema
    self.decoder = decoder
    self.capacity = capacity
    let columns = schema.reads.count
    memos = Array(repeating: CellMemo(), count: columns)
    outcomes = Array(repeating: [], count: columns)
    cellOutcomes = Array(repeating: [], count: columns)
    rowOutcomes = ColumnBuffer(capacity: max(1, columns * capacity), repeating: -1)
    rare = Array(repeating: [:], count: columns)
    shortCells = Array(repeating: [], count: columns)
  }

  /// Decodes a batch.
  func decode(_ batch: RecordBatch, into grid: AnswerGrid, facts: RowFacts) {
    let count = batch.count
    grid.reset(count: count, questionsWithOther: schema.questionsWithOther)
    facts.reset(count: count)
    for row in 0..<count {
      if batch.isTooLarge.base[row] || batch.fieldCounts.base[row] != batch.width {
        facts.errors.base[row] = true
      }
      if let issues = batch.issues[row] {
        for issue in issues {
          if issue.severity == .warning {
            facts.warnings.base[row] = true
          } else {
            facts.errors.base[row] = true
          }
        }
      }
    }
    for (column, read) in schema.reads.enumerated() {
      switch read {
      case .skip: continue
      case .memo: decodeMemo(column, batch, grid, facts)
      case .text(let position):
        let kinds = grid.kinds(position)
        let bits = grid.bits(position)
        batch.forEachCell(column: column) { row, bytes in
          guard decoder.hasText(bytes) else { return }
          kinds[row] = AnswerGrid.Kind.text.rawValue
          bits[row] = reference(batch, row, column)
        }
      case .other(let position):
        let others = grid.others(position)
        batch.forEachCell(column: column) { row, bytes in
          guard decoder.hasText(bytes) else { return }
          others[row] = reference(batch, row, column)
        }
      case .responseID:
        batch.forEachCell(column: column) { row, bytes in
          guard !bytes.isEmpty else { return }
          facts.responseID.base[row] = reference(batch, row, column)
        }
      case .submittedAt:
        let plan = decoder.plans[column]
        let zoned = decoder.timeZoneOverride(of: plan)
        let offset = decoder.options.timeZoneOffsetMinutes ?? 0
        batch.forEachCell(column: column) { row, bytes in
          guard !bytes.isEmpty else { return }
          if !zoned,
            let seconds = TimestampParser.fastISO(
              RowDecoder.trimmed(bytes), defaultOffsetMinutes: offset)
          {
            facts.submittedAt.base[row] = seconds
            return
          }
          let outcome = decoder.outcome(plan, bytes)
          if case .submittedAt(let seconds?) = outcome.effect {
            facts.submittedAt.base[row] = seconds
          }
          if let problem = outcome.problem {
            if problem.severity == .warning {
              facts.warnings.base[row] = true
            } else {
              facts.errors.base[row] = true
            }
          }
        }
      }
    }
    normaliseCodes(count, grid)
  }

  /// A cell's outcome in the batch just decoded, as the row decoder works it out: remembered
  /// for the cells read through a memo, worked out again for the others.
  func cellOutcome(row: Int, column: Int, batch: RecordBatch) -> CellOutcome {
    if case .memo = schema.reads[column], row < capacity {
      let index = rowOutcomes.base[column * capacity + row]
      if index >= 0, Int(index) < cellOutcomes[column].count {
        return cellOutcomes[column][Int(index)]
      }
    }
    return batch.withCell(row: row, column: column) { bytes in
      decoder.outcome(decoder.plans[column], bytes)
    }
  }

  private func reference(_ batch: RecordBatch, _ row: Int, _ column: Int) -> UInt64 {
    let slot = row * batch.width + column
    return TextRef.make(start: batch.fieldStart.base[slot], length: batch.fieldLength.base[slot])
  }

  /// A multiple-choice answer whose options were all unticked is no answer.
  private func normaliseCodes(_ count: Int, _ grid: AnswerGrid) {
    for position in 0..<grid.questions where !schema.multipleCodes[position].isEmpty {
      let overflow = grid.overflowCodes[position]
      let kinds = grid.kinds(position)
      let bits = grid.bits(position)
      for row in 0..<count where kinds[row] == AnswerGrid.Kind.codes.rawValue && bits[row] == 0 {
        if let codes = overflow?[row], !codes.isEmpty { continue }
        kinds[row] = AnswerGrid.Kind.blank.rawValue
      }
    }
  }
}

extension BatchDecoder {
  private func decodeMemo(
    _ column: Int, _ batch: RecordBatch, _ grid: AnswerGrid, _ facts: RowFacts
  ) {
    let plan = decoder.plans[column]
    let position = plan.position
    if shortCells[column].isEmpty { shortCells[column] = Array(repeating: -1, count: 257) }
    var short = shortCells[column]
    var memo = CellMemo()
    var known: [CompiledOutcome] = []
    var cells: [CellOutcome] = []
    var rareParts: [Int32: CompiledOutcome.Rare] = [:]
    swap(&memo, &memos[column])
    swap(&known, &outcomes[column])
    swap(&cells, &cellOutcomes[column])
    swap(&rareParts, &rare[column])
    let rowOutcome = rowOutcomes.base + column * capacity
    // A column of no question (metadata) writes into the grid's spare first question slots,
    // which it never reads: every write below is guarded by the action.
    let target = position ?? 0
    let digitCodes =
      decoder.platform == .googleForms || !schema.fitsInBits(target) ? nil : plan.digitCodes
    let codeBits = schema.multipleBits[target]
    let kinds = grid.kinds(target)
    let numbers = grid.numbers(target)
    let bits = grid.bits(target)
    batch.forEachCell(column: column) { row, bytes in
      // Codes joined by separators, the usual multiple-choice cell, read straight from the bytes.
      if let digitCodes, bytes.count > 1,
        let mask = Self.codeMask(bytes, digitCodes: digitCodes, bits: codeBits)
      {
        rowOutcome[row] = -1
        if kinds[row] == AnswerGrid.Kind.codes.rawValue {
          bits[row] |= mask
        } else {
          kinds[row] = AnswerGrid.Kind.codes.rawValue
          bits[row] = mask
        }
        return
      }
      let index: Int32
      let shortSlot = bytes.count == 0 ? 256 : bytes.count == 1 ? Int(bytes[0]) : -1
      if shortSlot >= 0, short[shortSlot] >= 0 {
        index = short[shortSlot]
      } else {
        let hash = CellMemo.hash(bytes)
        if shortSlot < 0, let found = memo.value(for: bytes, hash: hash) {
          index = found
        } else {
          index = Int32(known.count)
          let cell = decoder.outcome(plan, bytes)
          let (compiled, parts) = compile(cell, column: column)
          known.append(compiled)
          cells.append(cell)
          if let parts { rareParts[index] = parts }
          if shortSlot >= 0 {
            short[shortSlot] = index
          } else {
            memo.insert(bytes, hash: hash, value: index)
          }
        }
      }
      rowOutcome[row] = index
      let outcome = known[Int(index)]
      if outcome.severity == 2 {
        facts.errors.base[row] = true
      } else if outcome.severity == 1 {
        facts.warnings.base[row] = true
      }
      switch outcome.action {
      case .none: break
      case .answer:
        kinds[row] = outcome.kind
        numbers[row] = outcome.number
      case .codes:
        if kinds[row] == AnswerGrid.Kind.codes.rawValue {
          bits[row] |= outcome.bits
        } else {
          kinds[row] = AnswerGrid.Kind.codes.rawValue
          bits[row] = outcome.bits
        }
        if outcome.isRare, let overflow = rareParts[index]?.overflow, let position {
          var codes = grid.overflowCodes[position]?[row] ?? []
          for code in overflow where !codes.contains(code) { codes.append(code) }
          grid.overflowCodes[position, default: [:]][row] = codes
        }
      case .unticked:
        if kinds[row] == AnswerGrid.Kind.blank.rawValue {
          kinds[row] = AnswerGrid.Kind.codes.rawValue
          bits[row] = 0
        }
      case .chapter: facts.chapterName.base[row] = Int32(outcome.number)
      case .wave: facts.waveName.base[row] = Int32(outcome.number)
      case .rejectID: facts.rejectID.base[row] = Int64(outcome.number)
      }
      if outcome.isRare, let text = rareParts[index]?.otherText, let position {
        grid.otherTexts[position, default: [:]][row] = text
      }
    }
    shortCells[column] = short
    swap(&memo, &memos[column])
    swap(&known, &outcomes[column])
    swap(&cells, &cellOutcomes[column])
    swap(&rareParts, &rare[column])
  }

  /// The options of a cell of plain whole numbers joined by `;`, `,`, `|` or spaces, each the
  /// digits of a known answer; nil for any other cell (read the slow way).
  static func codeMask(
    _ bytes: UnsafeRawBufferPointer, digitCodes: [Int: Int], bits: [Int: Int]
  ) -> UInt64? {
    var mask: UInt64 = 0
    var value = 0
    var digits = 0
    var leadingZero = false
    var tokens = 0
    func finish() -> Bool {
      guard digits > 0 else { return true }
      guard !(leadingZero && digits > 1), let code = digitCodes[value], let bit = bits[code]
      else { return false }
      mask |= 1 << UInt64(bit)
      tokens += 1
      value = 0
      digits = 0
      return true
    }
    for byte in bytes {
      switch byte {
      case 0x30...0x39:
        if digits == 0 { leadingZero = byte == 0x30 }
        guard digits < 9 else { return nil }
        value = value * 10 + Int(byte - 0x30)
        digits += 1
      case 0x20, 0x3B, 0x2C, 0x7C:
        guard finish() else { return nil }
      default: return nil
      }
    }
    guard finish(), tokens > 0 else { return nil }
    return mask
  }

  /// An outcome in the form the batch loop applies quickly.
  private func compile(_ outcome: CellOutcome, column: Int)
    -> (CompiledOutcome, CompiledOutcome.Rare?)
  {
    var compiled = CompiledOutcome()
    var rare = CompiledOutcome.Rare(otherText: outcome.otherText)
    if let problem = outcome.problem { compiled.severity = problem.severity == .warning ? 1 : 2 }
    let position = decoder.plans[column].position
    switch outcome.effect {
    case .none, .responseID, .submittedAt, .other: break
    case .answer(let answer):
      compiled.action = .answer
      switch answer {
      case .blank: compiled.kind = AnswerGrid.Kind.blank.rawValue
      case .code(let code):
        compiled.kind = AnswerGrid.Kind.code.rawValue
        compiled.number = Double(code)
      case .number(let value):
        compiled.kind = AnswerGrid.Kind.number.rawValue
        compiled.number = value
      case .date(let days):
        compiled.kind = AnswerGrid.Kind.date.rawValue
        compiled.number = Double(days)
      case .missing(let kind, let code):
        compiled.kind = Self.kind(of: kind).rawValue
        compiled.number = Double(code)
      case .codes, .text: compiled.action = .none
      }
    case .codes(let codes):
      compiled.action = .codes
      setBits(&compiled, &rare, codes, position)
    case .option(let code, let chosen):
      if chosen {
        compiled.action = .codes
        setBits(&compiled, &rare, [code], position)
      } else {
        compiled.action = .unticked
      }
    case .chapter(let name):
      compiled.action = .chapter
      compiled.number = Double(intern(name))
    case .wave(let name):
      compiled.action = .wave
      compiled.number = Double(intern(name))
    case .rejectID(let value):
      if let value {
        compiled.action = .rejectID
        compiled.number = Double(value)
      }
    }
    guard rare.overflow != nil || rare.otherText != nil else { return (compiled, nil) }
    compiled.isRare = true
    return (compiled, rare)
  }

  private func setBits(
    _ compiled: inout CompiledOutcome, _ rare: inout CompiledOutcome.Rare, _ codes: [Int],
    _ position: Int?
  ) {
    guard let position else { return }
    if schema.fitsInBits(position) {
      for code in codes {
        if let bit = schema.multipleBits[position][code] { compiled.bits |= 1 << UInt64(bit) }
      }
    } else {
      rare.overflow = codes
    }
  }

  private func intern(_ name: String) -> Int32 {
    if let id = nameIDs[name] { return id }
    let id = Int32(names.count)
    names.append(name)
    nameIDs[name] = id
    return id
  }

  static func kind(of missing: MissingKind) -> AnswerGrid.Kind {
    switch missing {
    case .dontKnow: .dontKnow
    case .refused: .refused
    case .notApplicable: .notApplicable
    }
  }
}

/// A cell outcome in the form the batch loop applies: plain values only (copied for free),
/// the rare parts (codes beyond 64 options, an inline "other" text) kept aside.
struct CompiledOutcome {
  enum Action: UInt8 {
    case none, answer, codes, unticked, chapter, wave, rejectID
  }

  var action = Action.none
  var kind: UInt8 = 0
  var number = 0.0
  var bits: UInt64 = 0
  /// 0: no problem, 1: a warning, 2: an error.
  var severity: UInt8 = 0
  /// Whether ``BatchDecoder`` keeps more of it aside (see ``Rare``).
  var isRare = false

  /// The rare parts of an outcome.
  struct Rare {
    var overflow: [Int]?
    var otherText: String?
  }
}
