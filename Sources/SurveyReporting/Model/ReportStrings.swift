import Foundation
import SurveyCore

/// The report's own words in each language (survey texts come from the survey file).
///
/// The words live in translation files (`Strings/report.LANG.survey` in the SurveyReporting
/// module's resources, installed next to the program): English, from which every other language
/// is translated, Spanish, and drafts in French, German and Portuguese. A report in a language
/// without a file uses English for these words while the survey's labels still follow
/// `--language`; an organization can translate them (`survey export translation --report`) and
/// pass its file to `survey report --report-translation`.
package struct ReportStrings: Sendable {
  /// The language of these words.
  package let language: String
  private let table: [String: String]
  private let english: [String: String]
  /// Whether the report is a coalition's: organizations take the place of chapters and the
  /// coalition that of the organization (phrases `coalition.KEY`, where a language has them).
  package var isCoalition = false

  /// The words for a language: the given translation's, else the built-in one's, falling back
  /// to English text by text.
  package init(language: String, translation: ReportTranslation? = nil) {
    let base = language.split(separator: "-").first.map(String.init) ?? language
    let builtIn = Self.builtIn
    english = builtIn.translations["en"]?.texts ?? [:]
    if let translation {
      self.language = translation.language
      table = (builtIn.translations[translation.language]?.texts ?? [:]).merging(
        translation.texts
      ) { _, own in own }
    } else {
      self.language = builtIn.translations[base] == nil ? "en" : base
      table = builtIn.translations[self.language]?.texts ?? [:]
    }
  }

  /// A phrase, with `{0}`, `{1}`… replaced by the arguments.
  package subscript(_ key: String, _ arguments: String...) -> String {
    // A coalition's phrase in this language, else the usual one; English only when this
    // language has neither (so that a draft never mixes languages within a phrase).
    let coalitionKey = "coalition." + key
    let template =
      isCoalition
      ? table[coalitionKey] ?? table[key] ?? english[coalitionKey] ?? english[key] ?? key
      : table[key] ?? english[key] ?? key
    // One pass, so that an argument containing "{1}" is never itself replaced.
    var text = ""
    var rest = Substring(template)
    while let open = rest.firstIndex(of: "{") {
      text += rest[..<open]
      let afterOpen = rest.index(after: open)
      if let close = rest[afterOpen...].firstIndex(of: "}"),
        let number = Int(rest[afterOpen..<close]),
        arguments.indices.contains(number)
      {
        text += arguments[number]
        rest = rest[rest.index(after: close)...]
      } else {
        text += "{"
        rest = rest[afterOpen...]
      }
    }
    return text + rest
  }

  /// The decimal separator.
  package var decimalSeparator: String {
    table["decimal.separator"] ?? english["decimal.separator"] ?? "."
  }

  /// The month's name (1–12).
  package func month(_ month: Int) -> String {
    let names = (table["months"] ?? english["months"] ?? "").split(separator: ",").map(String.init)
    return names.indices.contains(month - 1) ? names[month - 1] : String(month)
  }

  /// The built-in translations, read once from the module's resources.
  package struct BuiltIn: Sendable {
    /// By language code.
    package var translations: [String: ReportTranslation] = [:]
    /// Where they were read from, or nil when the files were not found.
    package var folder: String?
    /// Problems in the files (none in a correct installation).
    package var problems: [Diagnostic] = []
  }

  /// The built-in translations.
  package static let builtIn: BuiltIn = {
    var result = BuiltIn()
    guard let folder = stringsFolder() else { return result }
    result.folder = folder
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    for name in names.sorted() where name.hasPrefix("report.") && name.hasSuffix(".survey") {
      let path = (folder as NSString).appendingPathComponent(name)
      guard let data = FileManager.default.contents(atPath: path) else { continue }
      let (translation, problems) = ReportTranslation.parse(
        path: path, text: String(decoding: data, as: UTF8.self))
      result.problems += problems
      if let translation { result.translations[translation.language] = translation }
    }
    return result
  }()

  /// The folder of the built-in translation files: in the resources installed next to the
  /// program (or the test runner), else in the source tree this module was built from.
  static func stringsFolder() -> String? {
    let manager = FileManager.default
    var candidates: [String] = []
    if let override = ProcessInfo.processInfo.environment["SURVEY_REPORT_STRINGS"] {
      candidates.append(override)
    }
    let main = Bundle.main.bundleURL
    for base in [main, main.deletingLastPathComponent()] {
      candidates.append(
        base.appendingPathComponent("survey_SurveyReporting.resources/Strings").path)
    }
    candidates.append(
      URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Strings").path)
    return candidates.first { path in
      var isFolder: ObjCBool = false
      return manager.fileExists(atPath: path + "/report.en.survey", isDirectory: &isFolder)
        && !isFolder.boolValue
    }
  }
}
