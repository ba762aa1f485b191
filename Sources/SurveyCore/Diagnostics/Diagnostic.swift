/// How serious a diagnostic is.
package enum Severity: String, Sendable, Hashable, Comparable {
  case note
  case warning
  case error

  private var rank: Int {
    switch self {
    case .note: 0
    case .warning: 1
    case .error: 2
    }
  }

  /// Orders notes before warnings before errors.
  package static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A problem found in a user's input, with where it is and, when possible, how to fix it.
///
/// Diagnostics are values: parsers, checkers and importers collect them and never print. A
/// ``DiagnosticRenderer`` turns them into text. The `id` is stable (for example
/// `dsl.unknownAttribute`) so tests and users can refer to it.
///
/// Messages quote user text through `\(quoted: text)`, which cuts it after
/// ``LineWindow/quoteLimit`` Characters. As a last resort for text put in a message some other
/// way, a message (or a note's) is cut after ``messageLimit`` Characters when it is created.
package struct Diagnostic: Sendable, Hashable {
  /// The most Characters of a message.
  package static let messageLimit = 1_000

  /// Error, warning or note.
  package var severity: Severity
  /// A stable identifier such as `check.unknownReference`.
  package var id: String
  /// The message: lower-case, no trailing period, user text in single quotes.
  package var message: String
  /// Where the problem is; `nil` for problems that concern no particular place.
  package var range: SourceRange?
  /// A short text printed under the caret line, usually a "did you mean" suggestion.
  package var label: String?
  /// Follow-up notes, each with its own location (for example "first declared here").
  package var notes: [Note]

  /// A note attached to a diagnostic.
  package struct Note: Sendable, Hashable {
    /// The note's text.
    package var message: String
    /// Where the note points, if anywhere.
    package var range: SourceRange?

    /// Creates a note.
    package init(_ message: String, at range: SourceRange? = nil) {
      self.message = LineWindow.head(of: message, limit: Diagnostic.messageLimit)
      self.range = range
    }
  }

  /// Creates a diagnostic.
  package init(
    _ severity: Severity, id: String, _ message: String, at range: SourceRange?,
    label: String? = nil, notes: [Note] = []
  ) {
    self.severity = severity
    self.id = id
    self.message = LineWindow.head(of: message, limit: Self.messageLimit)
    self.range = range
    self.label = label
    self.notes = notes
  }

  /// The location of the start of the range, if any.
  package var location: SourceLocation? { range?.start }
}

extension [Diagnostic] {
  /// Whether any diagnostic is an error.
  package var hasErrors: Bool { contains { $0.severity == .error } }

  /// The diagnostics sorted by path, then offset, then severity (errors first), keeping ties stable.
  package func sortedByLocation() -> [Diagnostic] {
    enumerated().sorted { lhs, rhs in
      let left = (lhs.element.range?.file.path ?? "", lhs.element.range?.bytes.lowerBound ?? -1)
      let right = (rhs.element.range?.file.path ?? "", rhs.element.range?.bytes.lowerBound ?? -1)
      if left != right { return left < right }
      return lhs.offset < rhs.offset
    }.map(\.element)
  }
}
