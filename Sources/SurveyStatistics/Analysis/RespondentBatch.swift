import SurveyCore

/// Respondents' answers and values as columns, for counting a batch of them at once: what
/// ``SurveyAggregation/add(answers:chapter:wave:weight:personKey:submittedDay:)`` takes for one
/// respondent, for many. Rows that must not be counted (rejected rows) are left out by
/// ``counted``.
///
/// Unknown values are NaN.
package struct RespondentBatch {
  /// The number of rows.
  package var count: Int
  /// The rows to count, in order.
  package var counted: [Int] = []
  /// Each row's group, an index into ``groups``.
  package var group: [Int32]
  /// The groups (a chapter, or none, in a wave).
  package var groups: [GroupKey] = []
  /// Each row's weight (1 without a weight, or when the weight is not a positive number).
  package var weights: [Double]
  /// Each question's answers: see ``Answers``.
  package var answers: [Answers]
  /// Whether each question was shown to each row, by question.
  package var shown: [[Bool]]
  /// Each indicator's values, by indicator.
  package var indicators: [[Double]]
  /// Each cause's exposure (1, 0, NaN unknown), by cause.
  package var causes: [[Double]]
  /// Each index's values, by index.
  package var indexes: [[Double]]
  /// Each scale's item values, by scale and item (NaN when the item gives no value).
  package var scaleItems: [[[Double]]]
  /// Each row's submission day (days since 1970), or `Int.min`.
  package var submittedDays: [Int]
  /// Each row's person key, for surveys that link people across waves.
  package var personKeys: [String?]

  /// One question's answers: a kind per row (``AnswerKind`` raw values), and the code, number
  /// or day, or the options chosen as a mask over ``codes``.
  package struct Answers {
    /// The kind of each row's answer.
    package var kinds: [UInt8]
    /// The code, number or day.
    package var numbers: [Double]
    /// The options chosen (bit i is `codes[i]`).
    package var bits: [UInt64]
    /// The codes of a multiple-choice question's options, in bit order.
    package var codes: [Int]
    /// Codes chosen in a question with more than 64 options, by row.
    package var overflow: [Int: [Int]]

    /// Creates the answers of a question.
    package init(
      kinds: [UInt8], numbers: [Double], bits: [UInt64], codes: [Int], overflow: [Int: [Int]]
    ) {
      self.kinds = kinds
      self.numbers = numbers
      self.bits = bits
      self.codes = codes
      self.overflow = overflow
    }
  }

  /// What an answer is, as ``Answers/kinds`` holds it.
  package enum AnswerKind: UInt8 {
    case blank = 0
    case code = 1
    case codes = 2
    case number = 3
    case text = 4
    case date = 5
    case dontKnow = 6
    case refused = 7
    case notApplicable = 8
  }

  /// Creates a batch.
  package init(
    count: Int, group: [Int32], groups: [GroupKey], weights: [Double], answers: [Answers],
    shown: [[Bool]], indicators: [[Double]], causes: [[Double]], indexes: [[Double]],
    scaleItems: [[[Double]]], submittedDays: [Int], personKeys: [String?]
  ) {
    self.count = count
    self.group = group
    self.groups = groups
    self.weights = weights
    self.answers = answers
    self.shown = shown
    self.indicators = indicators
    self.causes = causes
    self.indexes = indexes
    self.scaleItems = scaleItems
    self.submittedDays = submittedDays
    self.personKeys = personKeys
  }
}
