import SurveyCore
import SurveyStatistics

/// The answers of a batch as typed columns, one per question, reused from batch to batch.
///
/// Each question has a kind per row (``Kind``) and a payload: ``numbers`` for codes, numbers and
/// dates, ``bits`` for the options chosen in a multiple-choice answer (bit i is the i-th code of
/// the question's choice set) or for a text answer's field (``TextRef``).
final class AnswerGrid {
  /// What a row's answer to a question is: the statistics' own kinds, since the columns are
  /// handed to them as they are.
  typealias Kind = RespondentBatch.AnswerKind

  let capacity: Int
  let questions: Int
  /// `kinds[question * capacity + row]`, and so for the other columns.
  let kinds: ColumnBuffer<UInt8>
  /// The code, number or day of each answer.
  let numbers: ColumnBuffer<Double>
  /// The options chosen, or the text answer's field.
  let bits: ColumnBuffer<UInt64>
  /// The "other" text's field, or 0 for none.
  let others: ColumnBuffer<UInt64>
  /// "Other" texts that are not a whole field (Google Forms writes them after the answers).
  var otherTexts: [Int: [Int: String]] = [:]
  /// Codes chosen in questions with more than 64 options, by question and row.
  var overflowCodes: [Int: [Int: [Int]]] = [:]

  init(capacity: Int, questions: Int) {
    self.capacity = capacity
    self.questions = questions
    kinds = ColumnBuffer(capacity: capacity * questions, repeating: 0)
    numbers = ColumnBuffer(capacity: capacity * questions, repeating: 0)
    bits = ColumnBuffer(capacity: capacity * questions, repeating: 0)
    others = ColumnBuffer(capacity: capacity * questions, repeating: 0)
  }

  /// A question's kinds (rows `0..<capacity`).
  @inline(__always)
  func kinds(_ question: Int) -> UnsafeMutablePointer<UInt8> { kinds.base + question * capacity }

  /// A question's codes, numbers and days.
  @inline(__always)
  func numbers(_ question: Int) -> UnsafeMutablePointer<Double> {
    numbers.base + question * capacity
  }

  /// A question's options chosen or text fields.
  @inline(__always)
  func bits(_ question: Int) -> UnsafeMutablePointer<UInt64> { bits.base + question * capacity }

  /// A question's "other" text fields.
  @inline(__always)
  func others(_ question: Int) -> UnsafeMutablePointer<UInt64> {
    others.base + question * capacity
  }

  /// A question's answer kind in a row.
  @inline(__always)
  func kind(_ question: Int, _ row: Int) -> UInt8 { kinds.base[question * capacity + row] }

  /// Blanks every answer of the first `count` rows. (A payload is read only under its kind, and
  /// every write of a kind writes its payload, so only the kinds and the "other" fields of the
  /// questions that have them are cleared.)
  func reset(count: Int, questionsWithOther: [Int]) {
    for question in 0..<questions {
      kinds(question).update(repeating: 0, count: min(count, capacity))
    }
    for question in questionsWithOther {
      others(question).update(repeating: 0, count: min(count, capacity))
    }
    otherTexts.removeAll(keepingCapacity: true)
    overflowCodes.removeAll(keepingCapacity: true)
  }
}

/// Where a text is in a batch: a field's start (see ``RecordBatch/fieldStart``) and length,
/// packed in 64 bits with a marker bit, so that 0 means "no text".
enum TextRef {
  static func make(start: Int32, length: Int32) -> UInt64 {
    (UInt64(UInt32(bitPattern: start)) << 32) | UInt64(UInt32(bitPattern: length) & 0x7FFF_FFFF)
      | 0x8000_0000
  }

  /// The field's start and length.
  static func parts(_ reference: UInt64) -> (start: Int32, length: Int32) {
    (
      Int32(bitPattern: UInt32(truncatingIfNeeded: reference >> 32)),
      Int32(bitPattern: UInt32(truncatingIfNeeded: reference) & 0x7FFF_FFFF)
    )
  }
}
