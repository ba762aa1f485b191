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
    if let ascii = asciiText(value) { return ascii }
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

  /// ``text(_:)`` of an ASCII string, on its bytes; nil for any other string.
  private static func asciiText(_ value: String) -> String? {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(value.utf8.count)
    var pendingSpace = false
    for byte in value.utf8 {
      guard byte < 0x80 else { return nil }
      // ASCII white space as Character.isWhitespace sees it: space, tab, LF, VT, FF, CR.
      if byte == 0x20 || (0x09...0x0D).contains(byte) {
        pendingSpace = !bytes.isEmpty
        continue
      }
      if pendingSpace {
        bytes.append(0x20)
        pendingSpace = false
      }
      bytes.append((0x41...0x5A).contains(byte) ? byte + 0x20 : byte)
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// An identifier without case, `_`, `-`, `.` or spaces (so `union_member`, `UnionMember` and
  /// LimeSurvey's `unionmember` all match).
  package static func identifier(_ value: String) -> String {
    String(value.lowercased().filter { $0.isLetter || $0.isNumber })
  }
}
