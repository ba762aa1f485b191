/// Splits a multiple-choice cell into answers, the same way for every platform.
///
/// A cell holds labels (in any of the survey's languages), names or codes, joined by `;`, `,`,
/// `|` or spaces. Labels may themselves contain those characters ("Café, bar or diner", "Word
/// of mouth"), so the cell is not split first: at each position the longest known label, name
/// or code that is followed by a separator or the end of the cell is taken, preferring a
/// reading in which the whole cell is known answers. Matching ignores case and repeated white
/// space (as ``MatchKey/text(_:)`` does). What cannot be read is returned whole, as written,
/// for the caller to report or keep as the "other" answer.
struct ChoiceTokenizer: Sendable {
  /// A known answer text (normalised) and its code.
  struct Key: Sendable {
    var characters: [Character]
    var code: Int
  }

  /// Every label, name and code, longest first.
  private let keys: [Key]
  /// The keys starting with each character, longest first (indexes into `keys`).
  private let byFirst: [Character: [Int]]
  /// The keys that contain a separator, by their first word: a cell in which none of them
  /// occurs can be split at every separator without looking further.
  private let longKeysByFirstWord: [String: [String]]
  /// The table of answers (normalised text to code).
  private let table: [String: Int]

  /// A tokenizer for the answers of one question.
  ///
  /// - Parameter table: Normalised labels, names and codes (``MatchKey/text(_:)``) to codes.
  init(table: [String: Int]) {
    self.table = table
    let keys = table.map { Key(characters: Array($0.key), code: $0.value) }
      .sorted { ($0.characters.count, $1.code) > ($1.characters.count, $0.code) }
    var byFirst: [Character: [Int]] = [:]
    var longKeys: [String: [String]] = [:]
    for (index, key) in keys.enumerated() {
      guard let first = key.characters.first else { continue }
      byFirst[first, default: []].append(index)
      if key.characters.contains(where: Self.isSeparator) {
        let word = key.characters.prefix { !Self.isSeparator($0) }
        longKeys[String(word), default: []].append(String(key.characters))
      }
    }
    self.keys = keys
    self.byFirst = byFirst
    longKeysByFirstWord = longKeys
  }

  /// How a cell reads.
  struct Reading: Equatable {
    /// The codes of the answers read, in the order written.
    var codes: [Int]
    /// The first text that is not an answer, as written (without the separators around it).
    var unknown: String?
    /// Everything from the first unknown text to the end of the cell, as written.
    var rest: String?
  }

  /// Reads a cell.
  ///
  /// - Parameters:
  ///   - text: The cell as written.
  ///   - spaceSeparates: Whether a space may end an answer (it may not in exports that write
  ///     labels joined by `", "` and keep unknown text as the "other" answer, like Google Forms).
  /// - Returns: The codes read and the first unknown text, if any.
  func read(_ text: String, spaceSeparates: Bool = true) -> Reading {
    if spaceSeparates, let codes = quickRead(text) { return Reading(codes: codes) }
    let cell = NormalisedText(text)
    let chars = cell.characters
    let count = chars.count
    func endsAnswer(_ index: Int) -> Bool {
      index == count
        || (spaceSeparates ? Self.isSeparator(chars[index]) : Self.isMark(chars[index]))
    }
    func matches(_ key: Key, at index: Int) -> Bool {
      let end = index + key.characters.count
      guard end <= count, endsAnswer(end) else { return false }
      var offset = 0
      while offset < key.characters.count {
        if chars[index + offset] != key.characters[offset] { return false }
        offset += 1
      }
      return true
    }
    // reads[i]: the key that starts a reading of the whole cell from position i (-1: a
    // separator to skip, nil: no such reading), worked out from the end.
    var reads = [Int?](repeating: nil, count: count + 1)
    reads[count] = -1
    var index = count - 1
    while index >= 0 {
      if Self.isSeparator(chars[index]) {
        reads[index] = reads[index + 1] == nil ? nil : -1
      } else {
        for key in byFirst[chars[index]] ?? []
        where matches(keys[key], at: index) && reads[index + keys[key].characters.count] != nil {
          reads[index] = key
          break
        }
      }
      index -= 1
    }
    var reading = Reading(codes: [])
    var position = 0
    while position < count {
      if Self.isSeparator(chars[position]) {
        position += 1
        continue
      }
      // Follow the whole-cell reading where there is one, else the longest known answer.
      let key =
        reads[position].flatMap { $0 >= 0 ? $0 : nil }
        ?? (byFirst[chars[position]] ?? []).first { matches(keys[$0], at: position) }
      guard let key else {
        var end = position + 1
        while end < count, !(endsAnswer(end) && reads[end] != nil) { end += 1 }
        reading.unknown = cell.original(from: position, to: end)
        reading.rest = cell.original(from: position, to: nil)
        return reading
      }
      if !reading.codes.contains(keys[key].code) { reading.codes.append(keys[key].code) }
      position += keys[key].characters.count
    }
    return reading
  }

  /// The codes of a cell whose every word is a known answer, when no longer answer (one with a
  /// separator in it) occurs in the cell: the common case of codes or names joined by
  /// separators, read without further work.
  private func quickRead(_ text: String) -> [Int]? {
    let normalised = MatchKey.text(text)
    var codes: [Int] = []
    for word in normalised.split(whereSeparator: Self.isSeparator) {
      let key = String(word)
      if let longKeys = longKeysByFirstWord[key], longKeys.contains(where: normalised.contains) {
        return nil
      }
      guard let code = table[key] else { return nil }
      if !codes.contains(code) { codes.append(code) }
    }
    return codes
  }

  /// A character that may join answers: `;`, `,`, `|` or a space.
  static func isSeparator(_ character: Character) -> Bool {
    character == " " || isMark(character)
  }

  /// A separator other than a space.
  static func isMark(_ character: Character) -> Bool {
    character == ";" || character == "," || character == "|"
  }
}

/// A cell normalised as ``MatchKey/text(_:)`` does, remembering where each character came from.
private struct NormalisedText {
  let text: String
  private(set) var characters: [Character] = []
  private var origins: [String.Index] = []

  init(_ text: String) {
    self.text = text
    var pendingSpace: String.Index?
    var index = text.startIndex
    while index < text.endIndex {
      let character = text[index]
      if character.isWhitespace {
        if !characters.isEmpty, pendingSpace == nil { pendingSpace = index }
      } else {
        if let space = pendingSpace {
          characters.append(" ")
          origins.append(space)
          pendingSpace = nil
        }
        if let ascii = character.asciiValue {
          let lowered = (0x41...0x5A).contains(ascii) ? ascii + 0x20 : ascii
          characters.append(Character(Unicode.Scalar(lowered)))
          origins.append(index)
        } else {
          for lowered in character.lowercased() {
            switch lowered {
            case "’", "‘": characters.append("'")
            case "“", "”": characters.append("\"")
            default: characters.append(lowered)
            }
            origins.append(index)
          }
        }
      }
      index = text.index(after: index)
    }
  }

  /// The text as written from normalised position `start` to `end` (the end of the cell when
  /// nil), without separators or white space at its ends.
  func original(from start: Int, to end: Int?) -> String {
    guard start < origins.count else { return "" }
    let upper = end.flatMap { $0 < origins.count ? origins[$0] : nil } ?? text.endIndex
    let part = text[origins[start]..<upper]
    guard end != nil else { return String(part) }
    var trimmed = Substring(part)
    while let last = trimmed.last, ChoiceTokenizer.isSeparator(last) || last.isWhitespace {
      trimmed = trimmed.dropLast()
    }
    return String(trimmed)
  }
}
