import Foundation
import SurveyCore
import Testing

@testable import SurveyReporting

/// The reports' own words live in translation files: every built-in translation has every
/// phrase of the English one with the same placeholders, and a bad file is pointed out line by
/// line.
@Suite("report translations")
struct ReportTranslationTests {
  @Test("English, Spanish and the French, German and Portuguese drafts are complete")
  func builtInTranslationsAreComplete() throws {
    let builtIn = ReportStrings.builtIn
    #expect(builtIn.problems.isEmpty, "\(DiagnosticRenderer().render(builtIn.problems))")
    let english = try #require(builtIn.translations["en"])
    #expect(english.keys.count > 140)
    #expect(Set(builtIn.translations.keys) == ["en", "es", "fr", "de", "pt"])
    for (code, translation) in builtIn.translations {
      #expect(translation.isDraft == ["fr", "de", "pt"].contains(code), "\(code)")
      #expect(translation.keys == english.keys, "\(code): the keys differ from English")
      for key in english.keys {
        guard let text = translation.texts[key] else {
          #expect(english.texts[key] == nil, "\(code): '\(key)' is not translated")
          continue
        }
        #expect(
          ReportTranslation.placeholders(text)
            == ReportTranslation.placeholders(english.texts[key] ?? ""),
          "\(code): '\(key)' has other placeholders than the English")
      }
      #expect(ReportStrings(language: code).month(12) != "12", "\(code)")
    }
    #expect(ReportStrings(language: "es").decimalSeparator == ",")
    #expect(ReportStrings(language: "en").decimalSeparator == ".")
    #expect(
      ReportStrings(language: "fr")["section.summary"]
        != ReportStrings(language: "en")["section.summary"])
    // A language without a file falls back to English.
    #expect(ReportStrings(language: "sw").language == "en")
  }

  @Test("a translation given to a report replaces the built-in words, text by text")
  func givenTranslation() throws {
    let text = """
      translation es for report
        language "Español (Chapter 7)"

      section.summary "LO ESENCIAL"
      section.who ""
      """
    let (translation, problems) = ReportTranslation.parse(path: "mine.survey", text: text)
    #expect(problems.isEmpty)
    let parsed = try #require(translation)
    #expect(parsed.name == "Español (Chapter 7)")
    #expect(!parsed.isDraft)
    let strings = ReportStrings(language: "es", translation: parsed)
    #expect(strings["section.summary"] == "LO ESENCIAL")
    #expect(strings["section.who"] == ReportStrings(language: "es")["section.who"])
  }

  @Test("problems in a translation file are pointed out at their line and column")
  func problems() {
    let cases: [(String, String)] = [
      ("title.chapter \"x\"\n", "mine.survey:1:1: error: a report translation starts with"),
      (
        "translation fr for report\nsection.summary \"A\"\nsection.summary \"B\"\n",
        "mine.survey:3:1: error: 'section.summary' is given twice"
      ),
      (
        "translation fr for report\nsection.summary \"unclosed\n",
        "mine.survey:2:1: error: expected the text of 'section.summary' in double quotes"
      ),
      (
        "translation fr for report\nsection.summary \"A\" extra\n",
        "mine.survey:2:21: error: unexpected text after the quotes"
      ),
      ("", "mine.survey:1:1: error: the file is empty"),
    ]
    for (text, expected) in cases {
      let (_, problems) = ReportTranslation.parse(path: "mine.survey", text: text)
      let rendered = DiagnosticRenderer().render(problems)
      #expect(rendered.contains(expected), "\(text): \(rendered)")
    }
  }

  @Test("a skeleton keeps what is translated and lists the rest as \"\", under the English")
  func skeleton() throws {
    let english = try #require(ReportStrings.builtIn.translations["en"])
    let spanish = ReportStrings.builtIn.translations["es"]
    let text = ReportTranslation.skeleton(
      language: "es", name: "Español", english: english, existing: spanish)
    let (parsed, problems) = ReportTranslation.parse(path: "es.survey", text: text)
    #expect(problems.isEmpty)
    #expect(parsed?.texts == spanish?.texts)
    #expect(parsed?.keys == english.keys)
    let empty = ReportTranslation.skeleton(
      language: "sw", name: "Kiswahili", english: english, existing: nil)
    let (blank, _) = ReportTranslation.parse(path: "sw.survey", text: empty)
    #expect(blank?.texts.isEmpty == true)
    #expect(blank?.isDraft == true)
    #expect(empty.contains("# {0}: {1} chapter\ntitle.chapter \"\""))
  }
}
