import Foundation
import SurveyCore

/// What one cell of an export says, worked out from the cell's text and its column alone: the
/// same for every row whose cell holds that text, so a decoder may work it out once per
/// distinct text and column (answer exports repeat a handful of texts per column).
package struct CellOutcome: Sendable {
  /// What the cell does to its row.
  package enum Effect: Sendable, Equatable {
    /// Nothing (an empty cell, an ignored column).
    case none
    /// The answer of the column's question.
    case answer(Answer)
    /// Codes read from a multiple-choice cell, in the order written, added to those the row has.
    case codes([Int])
    /// An option column of a multiple-choice question: its code, chosen or not.
    case option(code: Int, chosen: Bool)
    /// The "other, please specify" text of the column's question.
    case other(String)
    /// The platform's response id.
    case responseID(String)
    /// The submission time (seconds since 1970, UTC), or nil when the text is not a timestamp.
    case submittedAt(Int?)
    /// The chapter, from a metadata column.
    case chapter(String)
    /// The wave, from a metadata column.
    case wave(String)
    /// The rejection a corrected row resolves (the `survey_reject` column).
    case rejectID(Int64?)
  }

  /// What the cell does to its row.
  package var effect: Effect = .none
  /// An "other" answer written in the same cell as the answers (Google Forms).
  package var otherText: String?
  /// What is wrong with the cell, if anything.
  package var problem: CellProblem?

  /// Creates an outcome.
  package init(effect: Effect = .none, otherText: String? = nil, problem: CellProblem? = nil) {
    self.effect = effect
    self.otherText = otherText
    self.problem = problem
  }
}

/// A problem with one cell, before it is placed in its file.
package struct CellProblem: Sendable, Equatable {
  /// Error (the row is rejected) or warning.
  package var severity: Severity
  /// A stable id, such as `ingest.outOfRange`.
  package var id: String
  /// What is wrong.
  package var message: String
  /// The position of the question concerned, if any.
  package var position: Int?
}

extension RowDecoder {
  /// What a cell of a column says (see ``CellOutcome``).
  package func outcome(_ plan: ColumnPlan, _ bytes: UnsafeRawBufferPointer) -> CellOutcome {
    switch plan.kind {
    case .ignored: return CellOutcome()
    case .metadata(let field): return metadataOutcome(field, plan, bytes)
    case .single(let position):
      let trimmed = Self.trimmed(bytes)
      if let first = trimmed.first, (0x30...0x39).contains(first),
        let code = fastCode(trimmed, plan)
      {
        return CellOutcome(effect: .answer(answer(code: code, plan)))
      }
      guard let text = nonEmpty(bytes) else { return CellOutcome() }
      if let code = plan.table[MatchKey.text(text)] {
        return CellOutcome(effect: .answer(answer(code: code, plan)))
      }
      if plan.hasOther, platform == .googleForms {
        return CellOutcome(otherText: String(decoding: bytes, as: UTF8.self))
      }
      return failure(
        "ingest.unknownAnswer", IngestMessage.unknownAnswer(text, id(position)), position)
    case .multiple(let position):
      guard let text = asWritten(bytes) else { return CellOutcome() }
      return multipleOutcome(text, plan, position: position)
    case .option(_, let code):
      guard let text = nonEmpty(bytes) else { return CellOutcome() }
      let chosen: Bool
      switch MatchKey.text(text) {
      case "0", "false", "no", "n", "unchecked": chosen = false
      case "1", "true", "yes", "y", "checked": chosen = true
      default: chosen = plan.table[MatchKey.text(text)] == code || platform == .surveyMonkey
      }
      return CellOutcome(effect: .option(code: code, chosen: chosen))
    case .other:
      guard let text = asWritten(bytes) else { return CellOutcome() }
      return CellOutcome(effect: .other(text))
    case .number(let position, let kind, let low, let high):
      return numberOutcome(bytes, plan, position: position, kind: kind, low: low, high: high)
    case .text:
      guard let text = asWritten(bytes) else { return CellOutcome() }
      return CellOutcome(effect: .answer(.text(text)))
    case .date(let position, let low, let high):
      guard let text = nonEmpty(bytes) else { return CellOutcome() }
      guard let days = TimestampParser.date(Substring(text)) else {
        let format = platform == .surveyMonkey ? "MM/DD/YYYY" : "YYYY-MM-DD"
        return failure(
          "ingest.invalidDate", IngestMessage.invalidDate(text, id(position), format), position)
      }
      guard days >= (low ?? .min), days <= (high ?? .max) else {
        return failure(
          "ingest.outOfRange",
          IngestMessage.outOfRange(text, id(position), low.map(Double.init), high.map(Double.init)),
          position)
      }
      return CellOutcome(effect: .answer(.date(days)))
    }
  }

  /// Applies a cell's outcome to its row.
  func apply(_ outcome: CellOutcome, _ plan: ColumnPlan, to row: inout ImportedRow) {
    switch outcome.effect {
    case .none: break
    case .answer(let answer):
      if let position = plan.position { row.answers[position] = answer }
    case .codes(let read):
      if let position = plan.position {
        var codes: [Int] =
          if case .codes(let existing) = row.answers[position] { existing } else { [] }
        for code in read where !codes.contains(code) { codes.append(code) }
        row.answers[position] = .codes(codes)
      }
    case .option(let code, let chosen):
      guard let position = plan.position else { break }
      guard chosen else {
        if case .blank = row.answers[position] { row.answers[position] = .codes([]) }
        break
      }
      var codes: [Int] =
        if case .codes(let existing) = row.answers[position] { existing } else { [] }
      if !codes.contains(code) { codes.append(code) }
      row.answers[position] = .codes(codes)
    case .other(let text):
      if let position = plan.position { row.otherTexts[position] = text }
    case .responseID(let value): row.responseID = value
    case .submittedAt(let seconds): row.submittedAt = seconds
    case .chapter(let value): row.chapter = value
    case .wave(let value): row.wave = value
    case .rejectID(let value): row.correctsReject = value
    }
    if let text = outcome.otherText, let position = plan.position {
      row.otherTexts[position] = text
    }
  }

  /// The problem of a cell's outcome as a row problem at its place in the file.
  func rowProblem(_ problem: CellProblem, at location: CellLocation) -> RowProblem {
    RowProblem(
      severity: problem.severity, id: problem.id, message: problem.message,
      question: problem.position.map(id), location: location)
  }
}

extension RowDecoder {
  private func answer(code: Int, _ plan: ColumnPlan) -> Answer {
    plan.missing[code].map { .missing($0, code: code) } ?? .code(code)
  }

  private func failure(_ id: String, _ message: String, _ position: Int?) -> CellOutcome {
    CellOutcome(
      problem: CellProblem(severity: .error, id: id, message: message, position: position))
  }

  private func numberOutcome(
    _ bytes: UnsafeRawBufferPointer, _ plan: ColumnPlan, position: Int, kind: NumberKind,
    low: Double?, high: Double?
  ) -> CellOutcome {
    let trimmed = Self.trimmed(bytes)
    if platform != .qualtrics || trimmed.first != 0x2D,
      let value = CSVNumberParser.double(trimmed, decimalComma: false), value.isFinite,
      kind != .integer || value.rounded() == value, value >= (low ?? -.infinity),
      value <= (high ?? .infinity)
    {
      return CellOutcome(effect: .answer(.number(value)))
    }
    guard let text = nonEmpty(bytes) else { return CellOutcome() }
    guard
      let value = CSVNumberParser.double(bytes, decimalComma: false)
        ?? (decimalComma ? CSVNumberParser.double(bytes, decimalComma: true) : nil)
    else {
      if let code = plan.table[MatchKey.text(text)], let kind = plan.missing[code] {
        return CellOutcome(effect: .answer(.missing(kind, code: code)))
      }
      if !decimalComma, CSVNumberParser.double(bytes, decimalComma: true) != nil {
        return failure(
          "ingest.decimalComma", IngestMessage.decimalComma(text, id(position)), position)
      }
      return failure(
        "ingest.invalidNumber", IngestMessage.invalidNumber(text, id(position)), position)
    }
    if kind == .integer, value.rounded() != value {
      return failure("ingest.notInteger", IngestMessage.notInteger(text, id(position)), position)
    }
    if value < (low ?? -.infinity) || value > (high ?? .infinity) {
      return failure(
        "ingest.outOfRange", IngestMessage.outOfRange(text, id(position), low, high), position)
    }
    return CellOutcome(effect: .answer(.number(value)))
  }

  /// A multiple-choice cell read with the question's ``ChoiceTokenizer``: labels (in any
  /// language), names and codes matched whole, joined by `;`, `,`, `|` or spaces. Text that is
  /// not an answer is the "other" answer in Google Forms (which writes it in the same cell) when
  /// the question has one, and an error naming that text otherwise.
  private func multipleOutcome(_ text: String, _ plan: ColumnPlan, position: Int) -> CellOutcome {
    let inlineOther = platform == .googleForms
    let reading = plan.tokenizer.read(text, spaceSeparates: !inlineOther)
    var outcome = CellOutcome(effect: .codes(reading.codes))
    guard let unknown = reading.unknown else { return outcome }
    if inlineOther, plan.hasOther, let rest = reading.rest {
      outcome.otherText = rest.hasPrefix("Other: ") ? String(rest.dropFirst(7)) : rest
    } else {
      let message =
        inlineOther
        ? IngestMessage.unknownMultipleAnswer(unknown, id(position))
        : IngestMessage.unknownAnswer(unknown, id(position))
      outcome.problem = CellProblem(
        severity: .error, id: "ingest.unknownAnswer", message: message, position: position)
    }
    return outcome
  }

  private func metadataOutcome(
    _ field: MetadataField, _ plan: ColumnPlan, _ bytes: UnsafeRawBufferPointer
  ) -> CellOutcome {
    guard !bytes.isEmpty else { return CellOutcome() }
    // The export's own time zone, unless --timezone overrides it.
    let zone = options.timeZoneOffsetMinutes == nil ? plan.timeZone : nil
    if field == .submittedAt, zone == nil,
      let seconds = TimestampParser.fastISO(
        Self.trimmed(bytes), defaultOffsetMinutes: options.timeZoneOffsetMinutes ?? 0)
    {
      return CellOutcome(effect: .submittedAt(seconds))
    }
    let value = String(decoding: bytes, as: UTF8.self).trimmingSpaces()
    guard !value.isEmpty else { return CellOutcome() }
    switch field {
    case .responseID: return CellOutcome(effect: .responseID(value))
    case .submittedAt:
      let seconds =
        if let zone {
          TimestampParser.seconds(value, in: zone)
        } else {
          TimestampParser.seconds(value, defaultOffsetMinutes: options.timeZoneOffsetMinutes ?? 0)
        }
      guard seconds == nil else { return CellOutcome(effect: .submittedAt(seconds)) }
      return CellOutcome(
        effect: .submittedAt(nil),
        problem: CellProblem(
          severity: .warning, id: "ingest.invalidTimestamp",
          message: "\(quoted: value) is not a timestamp; the submission time is left empty",
          position: nil))
    case .startedAt, .ignored, .language: return CellOutcome()
    case .rejectID: return CellOutcome(effect: .rejectID(Int64(value)))
    case .chapter:
      return options.chapter == nil ? CellOutcome(effect: .chapter(value)) : CellOutcome()
    case .wave: return options.wave == nil ? CellOutcome(effect: .wave(value)) : CellOutcome()
    case .status:
      guard platform == .qualtrics, !["0", "ip address", "imported"].contains(MatchKey.text(value))
      else { return CellOutcome() }
      return CellOutcome(
        problem: CellProblem(
          severity: .error, id: "ingest.testResponse",
          message:
            "a Qualtrics preview, test or spam response (Status \(value)) is not a member's answer",
          position: nil))
    }
  }
}
