import Foundation
import Testing

/// Fielding the survey: the XLSForm, the paper questionnaire, the data-entry template, and what
/// changed between versions.
@Suite("fielding and versions")
struct FieldingTests {
  static let club = ReportCommandTests.survey

  static let base = """
    survey v "Versions"
      version 1
      languages en "English", es "Español"

    choices often
      1 never "Never" es "Nunca"
      2 sometimes "Sometimes" es "A veces"
      3 often "Often" es "A menudo"

    question lonely "How often do you feel lonely?"
      es "¿Con qué frecuencia se siente solo?"
      single often

    question hours "Hours worked"
      es "Horas"
      integer 0..80
      show if lonely = often

    question note "Anything else?"
      es "¿Algo más?"
      text

    """

  /// The classification of one changed version against the base.
  static func diff(_ changed: String) throws -> (status: Int32, out: String) {
    let directory = try TemporaryDirectory()
    let old = try directory.write("old.survey", base)
    let new = try directory.write("new.survey", changed)
    let run = Run(["diff", old, new])
    // Columns are padded; compare words.
    let words = run.out.split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }
    return (run.status, words.joined(separator: "\n"))
  }

  @Test("each kind of change is classified")
  func classification() throws {
    let base = Self.base
    let cases: [(String, String, String)] = [
      (
        "wording", base.replacingOccurrences(of: "\"Anything else?\"", with: "\"Anything more?\""),
        "safe question note: wording changed in en"
      ),
      (
        "translation", base.replacingOccurrences(of: "  es \"¿Algo más?\"\n", with: ""),
        "safe question note: wording no longer translated into es"
      ),
      (
        "label", base.replacingOccurrences(of: "\"Often\" es", with: "\"Frequently\" es"),
        "safe question lonely: label of answer 3 changed in en"
      ),
      (
        "new question", base + "\nquestion extra \"Extra?\"\n  es \"¿Extra?\"\n  text\n",
        "compatible question extra: new question"
      ),
      (
        "new option",
        base.replacingOccurrences(
          of: "  3 often \"Often\" es \"A menudo\"\n",
          with: "  3 often \"Often\" es \"A menudo\"\n  4 always \"Always\" es \"Siempre\"\n"),
        "compatible question lonely: new answer code 4 (always)"
      ),
      (
        "wider range", base.replacingOccurrences(of: "0..80", with: "0..100"),
        "compatible question hours: its range widened"
      ),
      (
        "changed code",
        base.replacingOccurrences(of: "  2 sometimes \"Sometimes\"", with: "  2 rarely \"Rarely\""),
        "breaking question lonely: answer code 2 now means 'rarely' (was 'sometimes')"
      ),
      (
        "changed type", base.replacingOccurrences(of: "  integer 0..80", with: "  decimal 0..80"),
        "breaking question hours: its type changed from integer to decimal"
      ),
      (
        "narrower range", base.replacingOccurrences(of: "0..80", with: "0..60"),
        "breaking question hours: its range narrowed"
      ),
      (
        "removed",
        base.replacingOccurrences(
          of: "question note \"Anything else?\"\n  es \"¿Algo más?\"\n  text\n", with: ""),
        "breaking question note: removed"
      ),
      (
        "show if",
        base.replacingOccurrences(of: "show if lonely = often", with: "show if lonely = sometimes"),
        "breaking question hours: who is asked changed"
      ),
    ]
    for (name, changed, expected) in cases {
      let (status, out) = try Self.diff(changed)
      #expect(status == 0, "\(name)")
      #expect(out.contains(expected), "\(name): \(out)")
    }
    let renamed = base.replacingOccurrences(
      of: "question note \"Anything else?\"", with: "question comment \"Anything else?\""
    )
    .replacingOccurrences(of: "  text\n", with: "  text\n  renamed from note\n")
    let (_, out) = try Self.diff(renamed)
    #expect(out.contains("safe question comment: renamed from note"))
    #expect(out.contains("Relies on 'renamed from': note → comment."))
    #expect(!out.contains("\nbreaking "))
    #expect(out.contains("0 breaking"))
    let (_, same) = try Self.diff(base)
    #expect(same.contains("No changes that matter to the answers."))
  }

  @Test("the data-entry template imports typed answers with zero rejects")
  func template() throws {
    let directory = try TemporaryDirectory()
    let template = directory.path + "/entry.csv"
    let run = Run(["export", "template", Self.club, "-o", template])
    #expect(run.status == 0, "\(run.err)")
    let codebook = try String(
      contentsOfFile: directory.path + "/entry.codebook.csv", encoding: .utf8)
    #expect(codebook.contains("lonely") && codebook.contains("1 = Never"))
    var text = try String(contentsOfFile: template, encoding: .utf8)
    let header = text.split(separator: "\n").first.map(String.init) ?? ""
    let columns = header.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    #expect(columns.contains("lonely") && columns.contains("respondent_id"))
    // Typed from three paper forms: codes as the codebook lists them.
    let typed: [[String: String]] = [
      [
        "respondent_id": "P-001", "submitted_at": "2026-03-02", "chapter": "1", "employed": "1",
        "hours": "38", "lonely": "2",
        "places": "1;3", "trust_people": "3", "trust_neighbours": "2", "commute": "0.5",
        "joined": "2019-05-01",
      ],
      [
        "respondent_id": "P-002", "submitted_at": "2026-03-02", "chapter": "2", "employed": "0",
        "lonely": "9",
        "trust_people": "1", "trust_neighbours": "1",
      ],
      [
        "respondent_id": "P-003", "submitted_at": "2026-03-03", "chapter": "1", "employed": "1",
        "hours": "20", "lonely": "3",
        "places": "2", "comment": "\"More evening meetings, please\"",
      ],
    ]
    for row in typed { text += columns.map { row[$0] ?? "" }.joined(separator: ",") + "\n" }
    try text.write(toFile: template, atomically: true, encoding: .utf8)
    let store = directory.path + "/entry.db"
    let imported = Run(["import", "--survey", Self.club, "--store", store, "--wave", "1", template])
    #expect(imported.status == 0, "\(imported.out) \(imported.err)")
    #expect(
      imported.out.contains("3 accepted") && imported.out.contains("0 rejected"), "\(imported.out)")
  }

  @Test("the XLSForm has every question, choice, language and rule")
  func xlsform() throws {
    let directory = try TemporaryDirectory()
    let form = directory.path + "/form.csv"
    #expect(Run(["export", "xlsform", Self.club, "-o", form]).status == 0)
    let text = try String(contentsOfFile: form, encoding: .utf8)
    for expected in [
      "survey,", "choices,", "settings,", "label::English (en)", "label::Español (es)",
      "select_one chapters",
      "select_multiple places", ",integer,hours,", "${employed} = '1'", ". >= 0 and . <= 100",
      "text,places_other",
      "selected(${places}, 'other')", ",chapters,1,North,Norte",
    ] {
      #expect(text.contains(expected), "\(expected)")
    }
  }

  @Test("the questionnaire writes out skip instructions and boxes, in one language")
  func questionnaire() throws {
    let html = Run(["export", "questionnaire", Self.club])
    #expect(html.status == 0)
    #expect(html.out.contains("<!doctype html>") && !html.out.contains("<script"))
    #expect(html.out.contains("Answer only if you answered “Yes” to question 4."))
    #expect(html.out.contains("class=\"box\""))
    let spanish = Run([
      "export", "questionnaire", Self.club, "--language", "es", "--format", "text",
    ])
    #expect(spanish.out.contains("[ ] Nunca"))
    #expect(spanish.out.contains("Responda solo si respondió “Sí” en la pregunta 4."))
    #expect(!spanish.out.contains("Never"))
  }
}

/// A report across two waves of a survey that changed in between compares only what is
/// comparable, and says what it left out.
@Suite("reports across survey versions")
struct VersionedReportTests {
  static let v1 = """
    survey vers "Versions"
      version 1

    choices often
      1 never "Never"
      2 sometimes "Sometimes"
      3 often "Often"

    question lonely "How often do you feel lonely?"
      single often

    question hours "Hours worked"
      integer 0..80

    indicator often_lonely "Often lonely"
      share lonely = often
      better lower

    indicator hours_mean "Hours worked (mean)"
      mean hours
      better higher

    """

  @Test("a changed code stops the comparison of the indicators that read it, and only those")
  func versions() throws {
    let directory = try TemporaryDirectory()
    let v1 = try directory.write("v1.survey", Self.v1)
    let v2Text = Self.v1.replacingOccurrences(of: "version 1", with: "version 2")
      .replacingOccurrences(of: "  2 sometimes \"Sometimes\"", with: "  2 rarely \"Rarely\"")
    let v2 = try directory.write("v2.survey", v2Text)
    let store = directory.path + "/vers.db"
    for (wave, survey) in [("1", v1), ("2", v2)] {
      var csv = "respondent_id,lonely,hours\n"
      for row in 0..<60 { csv += "w\(wave)-\(row),\(1 + row % 3),\(10 + row % 30)\n" }
      let path = try directory.write("w\(wave).csv", csv)
      let run = Run([
        "import", "--survey", survey, "--store", store, "--chapter", "north", "--wave", wave, path,
      ])
      #expect(run.status == 0, "\(run.err)")
    }
    let run = Run(["report", "--survey", v2, "--store", store, "--format", "json"])
    #expect(run.status == 0, "\(run.err)")
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
    let indicators = report["indicators"] as? [[String: Any]] ?? []
    let lonely = try #require(indicators.first { $0["id"] as? String == "often_lonely" })
    let hours = try #require(indicators.first { $0["id"] as? String == "hours_mean" })
    #expect(
      (lonely["notComparable"] as? String)?.contains("lonely: answer code 2 now means 'rarely'")
        == true)
    #expect(lonely["previous"] == nil && lonely["change"] == nil)
    #expect(
      ((lonely["trend"] as? [[String: Any]])?.first?["withheld"] as? String) == "not-comparable")
    #expect(hours["notComparable"] == nil)
    #expect(hours["previous"] != nil)
    let notes = (report["methods"] as? [String: Any])?["notes"] as? [[String: Any]] ?? []
    #expect(
      notes.contains {
        ($0["text"] as? String)?.contains("Often lonely (lonely: answer code 2") == true
      })
    let text = Run(["report", "--survey", v2, "--store", store])
    let flat = text.out.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    #expect(
      flat.contains(
        "Wave 1: not compared, because the survey changed (lonely: answer code 2 now means"))
  }
}
