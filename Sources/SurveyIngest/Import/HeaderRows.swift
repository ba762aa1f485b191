import SurveyCore

/// The header rows of an export, with each cell's location for diagnostics.
package struct HeaderRows: Sendable {
  /// The cells of each header row.
  package var rows: [[String]]
  /// Works out a cell's location; called only for the cells a diagnostic names, so a header of
  /// 100,000 columns costs no 100,000 location computations.
  let locate: @Sendable (Int, Int) -> CellLocation?

  /// Creates header rows with every cell's location given.
  package init(rows: [[String]], locations: [[CellLocation]]) {
    self.rows = rows
    locate = { row, column in
      if row < locations.count, column < locations[row].count { return locations[row][column] }
      if let first = locations.first, column < first.count { return first[column] }
      return nil
    }
  }

  /// Creates header rows whose locations are worked out on demand.
  init(rows: [[String]], locate: @escaping @Sendable (Int, Int) -> CellLocation?) {
    self.rows = rows
    self.locate = locate
  }

  /// The number of columns (of the first row).
  package var width: Int { rows.first?.count ?? 0 }

  /// The cell in a row, or "".
  package func cell(_ row: Int, _ column: Int) -> String {
    guard row < rows.count, column < rows[row].count else { return "" }
    return rows[row][column]
  }

  /// The location of a cell (falling back to the first row).
  package func location(_ row: Int, _ column: Int) -> CellLocation? { locate(row, column) }
}

/// Text normalisation for matching headers and labels.
package enum MatchKey {
  /// Lower-cased, trimmed, inner white space collapsed, typographic quotes straightened.
  package static func text(_ value: String) -> String {
    var out = ""
    var pendingSpace = false
    for character in value.lowercased() {
      if character.isWhitespace {
        pendingSpace = !out.isEmpty
        continue
      }
      if pendingSpace {
        out.append(" ")
        pendingSpace = false
      }
      switch character {
      case "’", "‘": out.append("'")
      case "“", "”": out.append("\"")
      default: out.append(character)
      }
    }
    return out
  }

  /// An identifier without case, `_`, `-`, `.` or spaces (so `union_member`, `UnionMember` and
  /// LimeSurvey's `unionmember` all match).
  package static func identifier(_ value: String) -> String {
    String(value.lowercased().filter { $0.isLetter || $0.isNumber })
  }
}
