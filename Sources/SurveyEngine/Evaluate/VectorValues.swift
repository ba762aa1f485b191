import SurveyCore

/// The values of one expression for every row of a batch, with the three-valued logic of
/// ``Value``: a tag per row says what the value is, and ``numbers`` holds a number's, a
/// boolean's (1 or 0) or a date's (days) value; ``references`` hold the options chosen
/// (a mask over ``sources``' choice-set codes) or a text's field.
struct VectorValues {
  /// What a value is; the missing kinds are the first four, so `tag < 4` is "unknown".
  enum Tag: UInt8 {
    case missing = 0
    case dontKnow = 1
    case refused = 2
    case notApplicable = 3
    case number = 4
    case bool = 5
    case text = 6
    case codes = 7
    case date = 8
  }

  var tags: [UInt8]
  var numbers: [Double]
  var references: [UInt64]
  /// For codes, the question whose choice set the mask is over; for texts, whether the
  /// reference is a field (`-1`) or an index into ``strings`` (a constant, `-2`).
  var sources: [Int32]
  /// Texts that are not fields (constants), by index.
  var strings: [String] = []
  /// Codes of questions with more than 64 options, by row (the mask is then 0).
  var overflow: [Int: [Int]] = [:]

  /// Unknown on every row. ``references`` and ``sources`` stay empty until a row holds codes or
  /// a text (most expressions never do).
  init(count: Int) {
    tags = Array(repeating: Tag.missing.rawValue, count: count)
    numbers = Array(repeating: 0, count: count)
    references = []
    sources = []
  }

  /// Makes room for codes and texts.
  mutating func allowReferences() {
    guard references.isEmpty, !tags.isEmpty else { return }
    references = Array(repeating: 0, count: tags.count)
    sources = Array(repeating: 0, count: tags.count)
  }

  /// The same value on every row.
  init(constant value: Value, count: Int) {
    self.init(count: 0)
    switch value {
    case .missing, .number, .bool, .date:
      var one = VectorValues(count: 1)
      one.set(0, value)
      tags = Array(repeating: one.tags[0], count: count)
      numbers = Array(repeating: one.numbers[0], count: count)
    case .text, .codes:
      self.init(count: count)
      for row in 0..<count { set(row, value) }
    }
  }

  var count: Int { tags.count }

  /// Sets a row's value from a scalar value (constants; text and codes values are constants
  /// only as texts).
  mutating func set(_ row: Int, _ value: Value) {
    switch value {
    case .missing(let kind):
      tags[row] = Self.tag(of: kind).rawValue
    case .number(let number):
      tags[row] = Tag.number.rawValue
      numbers[row] = number
    case .bool(let flag):
      tags[row] = Tag.bool.rawValue
      numbers[row] = flag ? 1 : 0
    case .date(let days):
      tags[row] = Tag.date.rawValue
      numbers[row] = Double(days)
    case .text(let text):
      allowReferences()
      tags[row] = Tag.text.rawValue
      sources[row] = -2
      references[row] = UInt64(strings.count)
      strings.append(text)
    case .codes(let codes):
      allowReferences()
      tags[row] = Tag.codes.rawValue
      sources[row] = -1
      overflow[row] = codes
    }
  }

  static func tag(of kind: MissingKind?) -> Tag {
    switch kind {
    case nil: .missing
    case .dontKnow?: .dontKnow
    case .refused?: .refused
    case .notApplicable?: .notApplicable
    }
  }

  static func kind(of tag: UInt8) -> MissingKind? {
    switch tag {
    case Tag.dontKnow.rawValue: .dontKnow
    case Tag.refused.rawValue: .refused
    case Tag.notApplicable.rawValue: .notApplicable
    default: nil
    }
  }

  /// Whether a tag is a number, a boolean or a date (a value with a number).
  @inline(__always)
  static func isNumeric(_ tag: UInt8) -> Bool {
    tag == Tag.number.rawValue || tag == Tag.bool.rawValue || tag == Tag.date.rawValue
  }

  /// A row's truth value: 1 true, 0 false, -1 unknown (not a boolean).
  @inline(__always)
  func truth(_ row: Int) -> Int8 {
    tags[row] == Tag.bool.rawValue ? (numbers[row] != 0 ? 1 : 0) : -1
  }

  /// Marks a row unknown.
  @inline(__always)
  mutating func setMissing(_ row: Int) { tags[row] = Tag.missing.rawValue }

  /// Sets a row to a boolean.
  @inline(__always)
  mutating func setBool(_ row: Int, _ flag: Bool) {
    tags[row] = Tag.bool.rawValue
    numbers[row] = flag ? 1 : 0
  }

  /// Sets a row to a number.
  @inline(__always)
  mutating func setNumber(_ row: Int, _ value: Double) {
    tags[row] = Tag.number.rawValue
    numbers[row] = value
  }

  /// Calls `body` with the tags and numbers to write (nothing for an empty vector).
  mutating func write(_ body: (UnsafeMutablePointer<UInt8>, UnsafeMutablePointer<Double>) -> Void) {
    tags.withUnsafeMutableBufferPointer { tags in
      numbers.withUnsafeMutableBufferPointer { numbers in
        guard let t = tags.baseAddress, let n = numbers.baseAddress else { return }
        body(t, n)
      }
    }
  }

  /// Calls `body` with the tags and numbers to read (nothing for an empty vector).
  func read(_ body: (UnsafePointer<UInt8>, UnsafePointer<Double>) -> Void) {
    tags.withUnsafeBufferPointer { tags in
      numbers.withUnsafeBufferPointer { numbers in
        guard let t = tags.baseAddress, let n = numbers.baseAddress else { return }
        body(t, n)
      }
    }
  }

  /// A truth value from a tag and number: 1 true, 0 false, -1 unknown.
  @inline(__always)
  static func truth(_ tag: UInt8, _ number: Double) -> Int8 {
    tag == Tag.bool.rawValue ? (number != 0 ? 1 : 0) : -1
  }

  /// Copies one row of another vector.
  mutating func copy(_ row: Int, from other: VectorValues) {
    tags[row] = other.tags[row]
    numbers[row] = other.numbers[row]
    guard !other.references.isEmpty else { return }
    allowReferences()
    references[row] = other.references[row]
    sources[row] = other.sources[row]
    if other.tags[row] == Tag.text.rawValue, other.sources[row] == -2 {
      references[row] = UInt64(strings.count)
      strings.append(other.strings[Int(other.references[row])])
    }
    if let codes = other.overflow[row] { overflow[row] = codes }
  }
}
