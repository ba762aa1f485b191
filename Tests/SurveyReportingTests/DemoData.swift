import Foundation
import SurveyCore
import SurveyDSL
import SurveySimulation
import SurveyStatistics
import Testing

@testable import SurveyReporting

/// Reports of the default survey on simulated answers, and of a survey full of hostile labels.
enum DemoData {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// Findings of the default survey: five chapters, one of them small, two waves.
  static func findings() throws -> (Survey, FindingsBuilder, [String]) {
    let path = root.appendingPathComponent("Surveys/connection.survey").path
    let survey = try #require(try SurveyCompiler.compile(path: path).survey)
    let simulator = try ResponseSimulator(
      survey: survey,
      plan: SimulationPlan(
        respondents: 160, chapters: 5, waves: 2, seed: 4,
        chapterWeights: [0.35, 0.3, 0.2, 0.12, 0.03]))
    var aggregation = SurveyAggregation(survey: survey)
    for wave in 1...2 {
      for index in 0..<160 {
        let response = simulator.response(wave: wave, index: index)
        aggregation.add(
          answers: response.answers, chapter: simulator.chapterAnswerName(response.chapter),
          wave: String(wave),
          weight: nil, personKey: nil, submittedDay: response.submittedAt / 86_400)
      }
    }
    return (survey, FindingsBuilder(aggregation: aggregation), aggregation.chapters(in: "2"))
  }

  /// Every figure and comparison text of a report, from its JSON (with the intervals printed
  /// beside them when `intervals`).
  static func figureTexts(_ json: String, intervals: Bool = true, withheld: Bool = true) throws
    -> Set<String>
  {
    let object = try JSONSerialization.jsonObject(with: Data(json.utf8))
    var texts: Set<String> = []
    func walk(_ node: Any) {
      if let dictionary = node as? [String: Any] {
        if let text = dictionary["text"] as? String,
          dictionary["unit"] != nil || dictionary["verdict"] != nil,
          withheld || dictionary["withheld"] == nil
        {
          texts.insert(text)
          if intervals, let interval = dictionary["interval"] as? String { texts.insert(interval) }
        }
        dictionary.values.forEach(walk)
      } else if let array = node as? [Any] {
        array.forEach(walk)
      }
    }
    walk(object)
    return texts
  }

  /// Every string in a JSON document, joined (to look numbers up in).
  static func allStrings(_ json: String) throws -> String {
    let object = try JSONSerialization.jsonObject(with: Data(json.utf8))
    var strings: [String] = []
    func walk(_ node: Any) {
      if let string = node as? String {
        strings.append(flattened(string))
      } else if let dictionary = node as? [String: Any] {
        for key in dictionary.keys.sorted() { dictionary[key].map(walk) }
      } else if let array = node as? [Any] {
        array.forEach(walk)
      }
    }
    walk(object)
    return strings.joined(separator: " | ")
  }

  /// The numbers a text shows ("42", "6.48", "−0.14", "10–19"), as written.
  static func numbers(in text: String) -> [String] {
    var numbers: [String] = []
    var current = ""
    for character in text {
      if character.isNumber || ((character == "." || character == ",") && !current.isEmpty) {
        current.append(character)
      } else {
        if !current.isEmpty {
          numbers.append(current.trimmingCharacters(in: CharacterSet(charactersIn: ".,")))
        }
        current = ""
      }
    }
    if !current.isEmpty {
      numbers.append(current.trimmingCharacters(in: CharacterSet(charactersIn: ".,")))
    }
    return numbers
  }

  /// Text with its line breaks, indentation and bars folded into single spaces.
  static func flattened(_ text: String) -> String {
    text.split(whereSeparator: { $0.isWhitespace || "█▉▊▋▌▍▎▏".contains($0) }).joined(
      separator: " ")
  }

  /// The visible text of an HTML page: tags dropped, entities decoded, spaces folded.
  static func visibleText(_ html: String) -> String {
    var text = ""
    var inTag = false
    var inStyle = false
    var index = html.startIndex
    while index < html.endIndex {
      let rest = html[index...]
      if rest.hasPrefix("<style") { inStyle = true }
      if rest.hasPrefix("</style") { inStyle = false }
      let character = html[index]
      if character == "<" {
        inTag = true
        text.append(" ")
      } else if character == ">" {
        inTag = false
      } else if !inTag && !inStyle {
        text.append(character)
      }
      index = html.index(after: index)
    }
    let entities = [
      ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&#x27;", "'"),
      ("&amp;", "&"),
    ]
    for (entity, character) in entities {
      text = text.replacingOccurrences(of: entity, with: character)
    }
    return flattened(text)
  }
}
