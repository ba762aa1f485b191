import Foundation
import SurveyCLI
import Testing

@Suite struct DescribeCommandTests {
  static let survey = """
    survey t "T"
      es "T es"
      version 3
      languages en "English", es "Español"

    choices often
      1 never "Never" es "Nunca"
      2 often "Often" es "A menudo"
      missing refused 9 "Prefer not to say" es "Prefiero no decirlo"

    question a "How often?"
      es "¿Con qué frecuencia?"
      single often
      source "A survey"
      wording verified

    scale s "Scale"
      es "Escala"
      items a

    """

  @Test func textCodebookInTheAskedLanguage() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.write("s.survey", Self.survey)
    let english = Run(["describe", path])
    #expect(english.status == 0)
    #expect(english.out.contains("T (t, version 3)"))
    #expect(english.out.contains("      9 refused: Prefer not to say (missing: refused)"))
    #expect(english.out.contains("source: A survey; wording verified"))
    let spanish = Run(["describe", "--language", "es", path])
    #expect(spanish.out.contains("¿Con qué frecuencia?"))
    #expect(Run(["describe", "--language", "fr", path]).status == 64)
  }

  @Test func jsonCodebookParsesAndHasEveryCode() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.write("s.survey", Self.survey)
    let run = Run(["describe", "--format", "json", path])
    #expect(run.status == 0)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
    let questions = try #require(object["questions"] as? [[String: Any]])
    #expect(questions.first?["id"] as? String == "a")
    let sets = try #require(object["choiceSets"] as? [[String: Any]])
    let codes = (sets.first?["choices"] as? [[String: Any]])?.compactMap { $0["code"] as? Int }
    #expect(codes == [1, 2, 9])
    let scales = try #require(object["scales"] as? [[String: Any]])
    #expect(scales.first?["range"] as? [Int] == [1, 2])
  }

  @Test func surveysWithErrorsAreNotDescribed() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.write("bad.survey", badSurvey)
    let run = Run(["describe", path])
    #expect(run.status == 1)
    #expect(run.out.isEmpty)
    #expect(run.err.contains("not described because of errors"))
  }
}
