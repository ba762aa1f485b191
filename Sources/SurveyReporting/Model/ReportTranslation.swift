import Foundation
import SurveyCore

/// The report's own words in one language, as a translation file holds them:
///
/// ```
/// # comments
/// translation es for report [draft]
///   language "Español"
///
/// title.chapter "{0}: sección {1}"
/// ```
///
/// One line per phrase: its key and its text in double quotes (`\"` and `\\` inside), `{0}`,
/// `{1}`… standing for what the report fills in. `""` is a text not translated yet (the English
/// one is used).
package struct ReportTranslation: Sendable, Equatable {
  /// The language code.
  package var language: String
  /// The language's name in itself.
  package var name: String
  /// Whether the translation is a draft to be reviewed.
  package var isDraft: Bool
  /// The texts by key (untranslated keys are absent).
  package var texts: [String: String]
  /// The keys in the order written (translated or not).
  package var keys: [String]

  /// Reads a translation file, with the problems found (each at its line and column).
  package static func parse(path: String, text: String) -> (ReportTranslation?, [Diagnostic]) {
    let file = SourceFile(path: path, text: text)
    var diagnostics: [Diagnostic] = []
    var translation: ReportTranslation?
    var lines: [String: SourceRange] = [:]
    func problem(_ message: String, _ bytes: Range<Int>, label: String? = nil) {
      diagnostics.append(
        Diagnostic(
          .error, id: "report.translation", message, at: SourceRange(file: file, bytes: bytes),
          label: label))
    }
    var offset = 0
    for line in file.bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
      let start = offset
      offset += line.count + 1
      var bytes = Array(line)
      if bytes.last == 0x0D { bytes.removeLast() }
      let indent = bytes.prefix { $0 == 0x20 || $0 == 0x09 }.count
      let body = bytes[indent...]
      guard let first = body.first, first != 0x23 else { continue }
      // The key runs to the text's opening quote (keys may hold spaces: `kind.group size`).
      let quote = body.firstIndex(of: 0x22) ?? body.endIndex
      var keyEnd = quote
      while keyEnd > body.startIndex, [0x20, 0x09].contains(body[keyEnd - 1]) { keyEnd -= 1 }
      let key = String(decoding: body[body.startIndex..<keyEnd], as: UTF8.self)
      let keyRange = (start + body.startIndex)..<(start + max(keyEnd, body.startIndex + 1))
      let rest = body[quote...]
      if translation == nil {
        let words = String(decoding: body, as: UTF8.self).split(separator: " ")
        guard words.count >= 4, words[0] == "translation", words[2] == "for",
          words[3] == "report", words.count == 4 || (words.count == 5 && words[4] == "draft")
        else {
          problem(
            "a report translation starts with 'translation LANG for report'", keyRange,
            label: "for example: translation fr for report draft")
          return (nil, diagnostics)
        }
        translation = ReportTranslation(
          language: String(words[1]), name: String(words[1]), isDraft: words.count == 5,
          texts: [:], keys: [])
        continue
      }
      guard let (value, end) = quoted(Array(rest)) else {
        problem(
          "expected the text of '\(key)' in double quotes", keyRange,
          label: "write: \(key) \"…\"")
        continue
      }
      if let stray = rest.dropFirst(end).firstIndex(where: { $0 != 0x20 && $0 != 0x09 }) {
        problem("unexpected text after the quotes", (start + stray)..<(start + rest.endIndex))
      }
      if key == "language", indent > 0 {
        translation?.name = value
        continue
      }
      guard !key.isEmpty else {
        problem("a phrase's key is missing before its text", keyRange)
        continue
      }
      if let first = lines[key] {
        diagnostics.append(
          Diagnostic(
            .error, id: "report.translation", "'\(key)' is given twice",
            at: SourceRange(file: file, bytes: keyRange),
            notes: [Diagnostic.Note("it is first given here", at: first)]))
        continue
      }
      lines[key] = SourceRange(file: file, bytes: keyRange)
      translation?.keys.append(key)
      if !value.isEmpty { translation?.texts[key] = value }
    }
    if translation == nil {
      problem(
        "the file is empty: a report translation starts with 'translation LANG for report'",
        0..<0)
    }
    return (translation, diagnostics)
  }

  /// The text of a quoted string at the start of `bytes` and the offset after its closing
  /// quote, or nil when it does not start with a quote or is not closed.
  static func quoted(_ bytes: [UInt8]) -> (String, Int)? {
    guard bytes.first == 0x22 else { return nil }
    var text: [UInt8] = []
    var index = 1
    while index < bytes.count {
      let byte = bytes[index]
      if byte == 0x5C, index + 1 < bytes.count {
        let next = bytes[index + 1]
        text.append(next == 0x6E ? 0x0A : next)
        index += 2
        continue
      }
      if byte == 0x22 { return (String(decoding: text, as: UTF8.self), index + 1) }
      text.append(byte)
      index += 1
    }
    return nil
  }

  /// A text in double quotes, escaped for a translation file.
  package static func quote(_ text: String) -> String {
    "\""
      + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(
        of: "\"", with: "\\\""
      ).replacingOccurrences(of: "\n", with: "\\n") + "\""
  }

  /// The placeholders of a text (`{0}`, `{1}`…).
  package static func placeholders(_ text: String) -> Set<Int> {
    var found: Set<Int> = []
    var rest = Substring(text)
    while let open = rest.firstIndex(of: "{") {
      let after = rest.index(after: open)
      guard let close = rest[after...].firstIndex(of: "}") else { break }
      if let number = Int(rest[after..<close]) { found.insert(number) }
      rest = rest[rest.index(after: close)...]
    }
    return found
  }

  /// A translation file for `language`: every key of `english` under a comment giving the
  /// English text, with the texts of `existing` kept and the others `""`.
  package static func skeleton(
    language: String, name: String, english: ReportTranslation, existing: ReportTranslation?
  ) -> String {
    var text = """
      # \(name) ('\(language)') words of the reports. Each text in English is in the comment above
      # its line. Write the text between the quotes and keep every {0}, {1}… (what the report fills
      # in); "" is a text not translated yet, which is shown in English. Use it with
      # survey report --report-translation FILE (or name it report.\(language).survey next to the
      # survey file).
      translation \(language) for report\((existing?.isDraft ?? true) ? " draft" : "")
        language \(quote(existing?.name ?? name))

      """
    for key in english.keys {
      let original = english.texts[key] ?? ""
      text += "\n# " + original.replacingOccurrences(of: "\n", with: " ") + "\n"
      text += key + " " + quote(existing?.texts[key] ?? "") + "\n"
    }
    return text
  }
}
