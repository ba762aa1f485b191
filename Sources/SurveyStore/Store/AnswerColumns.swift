import SurveyCore

/// The columns of the `answers` table a survey fills: one per stored question, one per "other"
/// text. Private questions have no column (a `private hashed` one only feeds `person_key`).
package struct AnswerColumns: Sendable {
  /// A column: its name, SQL type, and where its value comes from.
  package struct Column: Sendable, Hashable {
    /// The column name (the question id, or `ID_other`).
    package var name: String
    /// `INTEGER`, `REAL` or `TEXT`.
    package var type: String
    /// The question's position in the survey.
    package var position: Int
    /// Whether it holds the "other" text rather than the answer.
    package var isOther: Bool
  }

  /// The columns in survey order.
  package var columns: [Column]

  /// The columns of a survey.
  package init(survey: Survey) {
    var columns: [Column] = []
    for (position, question) in survey.questions.enumerated() where question.privateMode == nil {
      let type: String =
        switch question.type {
        case .single: "INTEGER"
        case .number(.integer, _, _): "INTEGER"
        case .number(.decimal, _, _): "REAL"
        case .multiple, .text, .date: "TEXT"
        }
      columns.append(Column(name: question.id, type: type, position: position, isOther: false))
      if let other = question.otherID {
        columns.append(Column(name: other, type: "TEXT", position: position, isOther: true))
      }
    }
    self.columns = columns
  }

  /// A column name quoted for SQL.
  package static func quoted(_ name: String) -> String {
    "\"" + name.replacingQuotes() + "\""
  }
}

extension String {
  fileprivate func replacingQuotes() -> String {
    var out = ""
    for character in self {
      if character == "\"" { out.append("\"") }
      out.append(character)
    }
    return out
  }
}
