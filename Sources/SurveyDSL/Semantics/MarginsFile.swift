import SurveyCore

/// A margins file named by `rake from "FILE"`: a CSV file with the columns `margin`,
/// `category` and `count`, and optionally `wave`, one row per category (comma- or
/// semicolon-separated, with a header row). Its rows become `rake` margin lines, which point
/// at the file's cells in diagnostics.
enum MarginsFile {
  /// The margin lines of a file, and the problems found reading it.
  static func attributes(path: String, bytes: [UInt8], keyword: Name) -> (
    [Attribute], [Diagnostic]
  ) {
    var body = bytes
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body.removeFirst(3) }
    let file = SourceFile(path: path, text: String(decoding: body, as: UTF8.self))
    var diagnostics: [Diagnostic] = []
    func problem(_ message: String, _ bytes: Range<Int>, label: String? = nil) {
      diagnostics.append(
        Diagnostic(
          .error, id: "check.marginsFile", message, at: SourceRange(file: file, bytes: bytes),
          label: label))
    }
    if let bad = PathUtilities.firstInvalidUTF8(body) {
      problem(DSLMessage.invalidUTF8, bad..<(bad + 1), label: "save the file as UTF-8")
      return ([], diagnostics)
    }
    let records = records(file.bytes)
    guard let header = records.first(where: { !$0.isBlank }) else {
      problem(
        "the margins file is empty", 0..<0,
        label: "write a header row 'margin,category,count' and one row per category")
      return ([], diagnostics)
    }
    let names = header.fields.map { String(decoding: file.bytes[$0], as: UTF8.self).lowercased() }
    func column(_ name: String) -> Int? {
      names.firstIndex { $0.trimmingSpaces == name }
    }
    guard let margin = column("margin"), let category = column("category"),
      let count = column("count")
    else {
      problem(
        "the margins file's header must name the columns 'margin', 'category' and 'count' "
          + "(and optionally 'wave')", header.bytes,
        label: "for example: margin,category,count,wave")
      return ([], diagnostics)
    }
    let wave = column("wave")
    var order: [String] = []
    var groups: [String: (name: Name, wave: Name?, counts: [RakeCount])] = [:]
    for record in records where !record.isBlank && record.bytes != header.bytes {
      func cell(_ index: Int) -> (String, Range<Int>)? {
        guard record.fields.indices.contains(index) else { return nil }
        let range = record.fields[index]
        let text = String(decoding: file.bytes[range], as: UTF8.self).trimmingSpaces
        return text.isEmpty ? nil : (text, range)
      }
      guard let (marginText, marginRange) = cell(margin),
        let (categoryText, categoryRange) = cell(category)
      else {
        problem(
          "each row needs a margin and a category", record.bytes,
          label: "fill in the row or delete it")
        continue
      }
      guard let (countText, countRange) = cell(count),
        let value = Self.number(countText)
      else {
        problem(
          "the count must be a number of members (such as 120) or a percentage (such as 45%)",
          record.fields.indices.contains(count) ? record.fields[count] : record.bytes,
          label: "use a point for decimals")
        continue
      }
      let waveName = wave.flatMap(cell).map { Name($0.0, SourceRange(file: file, bytes: $0.1)) }
      let key = marginText + "\u{0}" + (waveName?.text ?? "")
      if groups[key] == nil {
        order.append(key)
        groups[key] = (Name(marginText, SourceRange(file: file, bytes: marginRange)), waveName, [])
      }
      groups[key]?.counts.append(
        RakeCount(
          category: Name(categoryText, SourceRange(file: file, bytes: categoryRange)),
          count: NumberLiteral(
            value: value, text: countText, isPercent: countText.hasSuffix("%"),
            range: SourceRange(file: file, bytes: countRange))))
    }
    let attributes = order.compactMap { key -> Attribute? in
      guard let group = groups[key] else { return nil }
      return Attribute(
        keyword: keyword, value: .rake(.margin(group.name, group.counts, wave: group.wave)),
        range: group.name.range)
    }
    return (attributes, diagnostics)
  }

  /// A count: a non-negative number, or a percentage.
  static func number(_ text: String) -> Double? {
    let isPercent = text.hasSuffix("%")
    let digits = isPercent ? String(text.dropLast()).trimmingSpaces : text
    guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
      let value = Double(digits), value.isFinite
    else { return nil }
    return isPercent ? value / 100 : value
  }

  /// One row: its extent and its fields' extents (inside the quotes for quoted fields).
  struct Record {
    var bytes: Range<Int>
    var fields: [Range<Int>]
    var isBlank: Bool { fields.count <= 1 && (fields.first?.isEmpty ?? true) }
  }

  /// The rows of a small CSV file, split at commas (or semicolons, when the first line has
  /// semicolons and no commas) outside quotes. A doubled quote inside quotes stays in the
  /// field's extent (categories do not contain quotes in practice, and the diagnostic points at
  /// the field either way).
  static func records(_ bytes: [UInt8]) -> [Record] {
    let firstLine = bytes.prefix { $0 != 0x0A }
    let separator: UInt8 =
      firstLine.contains(0x3B) && !firstLine.contains(0x2C) ? 0x3B : 0x2C
    var records: [Record] = []
    var fields: [Range<Int>] = []
    var recordStart = 0
    var index = 0
    var fieldStart = 0
    var quoted: Range<Int>?
    var inQuotes = false
    func endField(_ end: Int) {
      fields.append(quoted ?? (fieldStart..<end))
      quoted = nil
    }
    while index < bytes.count {
      let byte = bytes[index]
      if inQuotes {
        if byte == 0x22 {
          if index + 1 < bytes.count, bytes[index + 1] == 0x22 {
            index += 2
            continue
          }
          inQuotes = false
          quoted = (fieldStart + 1)..<index
        }
        index += 1
        continue
      }
      switch byte {
      case 0x22 where index == fieldStart:
        inQuotes = true
      case separator:
        endField(index)
        fieldStart = index + 1
      case 0x0A:
        let end = index > recordStart && bytes[index - 1] == 0x0D ? index - 1 : index
        endField(max(end, fieldStart))
        records.append(Record(bytes: recordStart..<end, fields: fields))
        fields = []
        recordStart = index + 1
        fieldStart = index + 1
      default: break
      }
      index += 1
    }
    if recordStart < bytes.count {
      endField(bytes.count)
      records.append(Record(bytes: recordStart..<bytes.count, fields: fields))
    }
    return records
  }
}

extension String {
  /// The text without leading and trailing spaces and tabs.
  fileprivate var trimmingSpaces: String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
      let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" })
    else { return "" }
    return String(scalars[first...last])
  }
}
