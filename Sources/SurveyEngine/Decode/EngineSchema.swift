import SurveyCore
import SurveyIngest

/// What the engine knows of an export once its header is mapped: how each column is read, the
/// survey's compiled program, and how each multiple-choice question's codes map to bits. Shared,
/// unchanged, by the readers of a file's chunks.
final class EngineSchema: Sendable {
  /// How a column's cells are read.
  enum ColumnRead: Sendable {
    /// Not read.
    case skip
    /// Through the column's memo of cell outcomes (choices, numbers, dates, short metadata).
    case memo
    /// A text answer of a question, kept as the field.
    case text(position: Int)
    /// The "other" text of a question, kept as the field.
    case other(position: Int)
    /// The platform's response id, kept as the field.
    case responseID
    /// The submission time, parsed from the bytes.
    case submittedAt
  }

  /// The row decoder the engine's verdicts agree with (it words the problems); nil for
  /// responses read back from the store, which were checked when they were imported.
  let decoder: RowDecoder?
  let survey: Survey
  let program: SurveyProgram
  /// How each column is read.
  let reads: [ColumnRead]
  /// For each multiple-choice question, its codes in choice-set order (bit i is code i).
  let multipleCodes: [[Int]]
  /// For each multiple-choice question, the bit of each code.
  let multipleBits: [[Int: Int]]
  /// Whether each question has an "other" text.
  let hasOther: [Bool]
  /// The questions that have one.
  let questionsWithOther: [Int]
  /// The question positions of the chapter, wave and weight roles.
  let chapterPosition: Int?
  let wavePosition: Int?
  let weightPosition: Int?
  /// The question positions of `private hashed` fields (the person key).
  let personPositions: [Int]

  convenience init(decoder: RowDecoder) {
    self.init(survey: decoder.survey, decoder: decoder)
  }

  init(survey: Survey, decoder: RowDecoder? = nil) {
    self.decoder = decoder
    self.survey = survey
    program = survey.program
    reads = (decoder?.plans ?? []).map { plan in
      switch plan.kind {
      case .ignored, .metadata(.ignored), .metadata(.startedAt), .metadata(.language): .skip
      case .metadata(.responseID): .responseID
      case .metadata(.submittedAt): .submittedAt
      case .text(let position): .text(position: position)
      case .other(let position): .other(position: position)
      case .metadata, .single, .multiple, .option, .number, .date: .memo
      }
    }
    var codes: [[Int]] = []
    for question in survey.questions {
      if case .multiple = question.type, let set = survey.choiceSet(of: question) {
        codes.append(set.choices.map(\.code))
      } else {
        codes.append([])
      }
    }
    multipleCodes = codes
    multipleBits = codes.map { list in
      var bits: [Int: Int] = [:]
      for (bit, code) in list.enumerated() where bits[code] == nil { bits[code] = bit }
      return bits
    }
    hasOther = survey.questions.map { $0.otherLabel != nil }
    questionsWithOther = survey.questions.indices.filter { survey.questions[$0].otherLabel != nil }
    chapterPosition = survey.roles.chapter.flatMap(survey.position(ofQuestion:))
    wavePosition = survey.roles.wave.flatMap(survey.position(ofQuestion:))
    weightPosition = survey.roles.weight.flatMap(survey.position(ofQuestion:))
    personPositions = survey.questions.indices.filter {
      survey.questions[$0].privateMode == .hashed
    }
  }

  /// The number of questions.
  var questionCount: Int { survey.questions.count }

  /// Whether a multiple-choice question's codes fit in the 64 bits of a row's mask.
  func fitsInBits(_ position: Int) -> Bool { multipleCodes[position].count <= 64 }
}
