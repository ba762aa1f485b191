import SurveyCore
import SurveyDSL
import SurveyTestSupport
import Testing

/// A survey in English and Spanish whose Spanish texts live in `main.es.survey`.
private enum Bilingual {
  static let main = """
    survey t "T"
      version 1
      languages en "English", es "Español"
      description "About you."

    use "main.es.survey"

    choices yn
      1 yes "Yes"
      2 no "No"
      missing dont_know -1 "Don't know"

    question hours "How many hours?"
      integer 0..200
      hint "Count every job."
      check hours <= 168 "A week has 168 hours."

    grid feel "How do you feel?"
      single yn
      row happy "Happy"

    scale s "S"
      items happy
      band 1..1 "Low"
      band 2..2 "High"

    """

  static let spanish = """
    translation es for t

    survey t "T es"
      description "Sobre usted."

    choices yn
      1 "Sí"
      2 "No es"
      missing dont_know -1 "No sé"

    question hours "¿Cuántas horas?"
      hint "Cuente cada empleo."
      check hours<=168 "Una semana tiene 168 horas."

    grid feel "¿Cómo se siente?"
      row happy "Feliz"

    scale s "S es"
      band 1..1 "Bajo"
      band 2..2 "Alto"

    """

  /// Every text of a survey in every language, as sorted lines `OWNER LANG: TEXT`.
  static func texts(_ survey: Survey) -> [String] {
    var lines: [String] = []
    func add(_ owner: String, _ text: LocalizedText?) {
      for (language, value) in text?.values ?? [:] {
        lines.append("\(owner) \(language): \(value)")
      }
    }
    add("title", survey.title)
    add("description", survey.description)
    for question in survey.questions {
      add(question.id, question.text)
      add(question.id + " hint", question.hint)
      add(question.id + " unit", question.unit)
      add(question.id + " other", question.otherLabel)
      for (position, check) in question.checks.enumerated() {
        add(question.id + " check \(position)", check.message)
      }
    }
    for grid in survey.grids { add(grid.id, grid.text) }
    for (id, set) in survey.choiceSets where id == "yn" {
      for choice in set.choices { add("\(id) \(choice.code)", choice.label) }
    }
    for scale in survey.scales {
      add(scale.id, scale.title)
      for band in scale.bands { add(scale.id + " band \(band.low)", band.label) }
    }
    return lines.sorted()
  }

  static func compile(main: String = main, spanish: String = spanish) throws -> CompiledSurvey {
    let loader = SourceLoader(files: ["main.survey": main, "main.es.survey": spanish])
    return try SurveyCompiler.compile(path: "main.survey", loader: loader)
  }
}

@Suite("translation files") struct TranslationFileTests {
  @Test func everyTextOfTheFileReachesTheSurvey() throws {
    let compiled = try Bilingual.compile()
    #expect(compiled.diagnostics.isEmpty, "\(compiled.diagnostics.map(\.message))")
    let survey = try #require(compiled.survey)
    #expect(survey.title.values["es"] == "T es")
    #expect(survey.description?.values["es"] == "Sobre usted.")
    let hours = try #require(survey.question("hours"))
    #expect(hours.text.values == ["en": "How many hours?", "es": "¿Cuántas horas?"])
    #expect(hours.hint?.values["es"] == "Cuente cada empleo.")
    #expect(hours.checks.first?.message.values["es"] == "Una semana tiene 168 horas.")
    let set = try #require(survey.choiceSets["yn"])
    #expect(set.choices.map { $0.label.values["es"] ?? "" } == ["Sí", "No es", "No sé"])
    #expect(survey.question("happy")?.text.values["es"] == "Feliz")
    #expect(survey.grids.first?.text.values["es"] == "¿Cómo se siente?")
    #expect(survey.scales.first?.bands.map { $0.label.values["es"] ?? "" } == ["Bajo", "Alto"])
  }

  @Test func anEmptyTextIsReportedAsMissingAndPointsToTheTranslationFile() throws {
    let spanish = Bilingual.spanish.replacingOccurrences(
      of: "\"Cuente cada empleo.\"", with: "\"\"")
    let compiled = try Bilingual.compile(spanish: spanish)
    let missing = compiled.diagnostics.filter { $0.id == "check.missingTranslation" }
    #expect(missing.count == 1)
    #expect(missing.first?.message.contains("hint") == true)
    #expect(missing.first?.range?.file.path == "main.survey")
    #expect(missing.first?.label == "add it to 'main.es.survey'")
    #expect(compiled.survey?.question("hours")?.hint?.values["es"] == nil)
  }

  @Test func theSameSurveyWithInlineTextsCompilesToTheSameModel() throws {
    let inline = try #require(
      SurveyCompiler.compile(
        text: """
          survey t "T"
            es "T es"
            version 1
            languages en "English", es "Español"
            description "About you." es "Sobre usted."

          choices yn
            1 yes "Yes" es "Sí"
            2 no "No" es "No es"
            missing dont_know -1 "Don't know" es "No sé"

          question hours "How many hours?"
            es "¿Cuántas horas?"
            integer 0..200
            hint "Count every job." es "Cuente cada empleo."
            check hours <= 168 "A week has 168 hours." es "Una semana tiene 168 horas."

          grid feel "How do you feel?"
            es "¿Cómo se siente?"
            single yn
            row happy "Happy"
              es "Feliz"

          scale s "S"
            es "S es"
            items happy
            band 1..1 "Low" es "Bajo"
            band 2..2 "High" es "Alto"

          """, path: "main.survey"
      ).survey)
    let separate = try #require(try Bilingual.compile().survey)
    #expect(Bilingual.texts(separate) == Bilingual.texts(inline))
    #expect(Bilingual.texts(separate).count == 26)
  }

  @Test func theSkeletonListsEveryTextAndRoundTrips() throws {
    let spanish = Bilingual.spanish.replacingOccurrences(
      of: "\"Cuente cada empleo.\"", with: "\"\"")
    let loader = SourceLoader(files: ["main.survey": Bilingual.main, "main.es.survey": spanish])
    let made = try TranslationSkeleton.make(path: "main.survey", language: "es", loader: loader)
    let skeleton = try #require(made.skeleton)
    #expect(skeleton.missing == 1)
    #expect(skeleton.translated == 12)
    #expect(skeleton.text.contains("translation es for t\n"))
    #expect(skeleton.text.contains("  # Count every job.\n  hint \"\"\n"))
    #expect(skeleton.text.contains("  check hours <= 168 \"Una semana tiene 168 horas.\"\n"))
    #expect(skeleton.text.contains("  missing dont_know -1 \"No sé\"\n"))
    // The written file is a valid translation file that gives the same survey, and is already
    // in the canonical layout.
    let again = try Bilingual.compile(spanish: skeleton.text)
    let expected = try #require(try Bilingual.compile(spanish: spanish).survey)
    #expect(again.survey.map(Bilingual.texts) == Bilingual.texts(expected))
    let parsed = Parser.parse(SourceFile(path: "main.es.survey", text: skeleton.text))
    #expect(parsed.diagnostics.isEmpty)
    #expect(Formatter.format(parsed) == skeleton.text)
  }

  @Test func theSkeletonLeavesInlineTranslationsInPlace() throws {
    let main = Bilingual.main.replacingOccurrences(
      of: "\"Count every job.\"", with: "\"Count every job.\" es \"Cuente cada trabajo.\""
    ).replacingOccurrences(of: "use \"main.es.survey\"\n", with: "")
      .replacingOccurrences(
        of: "  description \"About you.\"\n",
        with: "  description \"About you.\"\n  description es \"Sobre usted.\"\n")
    let loader = SourceLoader(files: ["main.survey": main])
    let skeleton = try #require(
      try TranslationSkeleton.make(path: "main.survey", language: "es", loader: loader).skeleton)
    #expect(skeleton.inline == 2)
    #expect(skeleton.translated == 0)
    #expect(skeleton.missing == 11)
    #expect(!skeleton.text.contains("hint"))
    #expect(!skeleton.text.contains("description"))
  }

  @Test func theSkeletonNeedsAnotherLanguageOfTheSurvey() throws {
    let loader = SourceLoader(files: ["main.survey": Bilingual.main, "main.es.survey": ""])
    for language in ["en", "fr"] {
      let made = try TranslationSkeleton.make(
        path: "main.survey", language: language, loader: loader)
      #expect(made.skeleton == nil, "\(language)")
    }
  }

  /// A header with a Spanish title, so that only the cases' own texts can miss a translation.
  private static let head =
    "survey t \"T\"\n  es \"T es\"\n  version 1\n  languages en \"English\", es \"Español\"\n\n"

  private static func bilingual(
    _ name: String, _ source: String, _ expected: [DiagnosticSpec], files: [String: String]
  ) -> DiagnosticCase {
    DiagnosticCase(name, head + source, expected, files: files, withHeader: false)
  }

  static let cases: [DiagnosticCase] = [
    bilingual(
      "a line that is not a text",
      "use \"m.es\"\n\nquestion q \"Q?\"\n  text\n",
      [DiagnosticSpec("check.translationNotText", file: "m.es.survey")],
      files: ["m.es.survey": "translation es for t\n\nquestion q \"¿Q?\"\n  1️⃣required\n"]),
    bilingual(
      "a misspelled question",
      "use \"m.es\"\n\nquestion q1 2️⃣\"Q?\"\n  text\n",
      [
        DiagnosticSpec(
          "check.translationUnknown", label: "did you mean 'q1'?", file: "m.es.survey"),
        DiagnosticSpec("check.missingTranslation", at: "2️⃣"),
      ],
      files: ["m.es.survey": "translation es for t\n\nquestion 1️⃣qi \"¿Q?\"\n"]),
    bilingual(
      "a language the survey does not declare",
      "use \"m.fr\"\n",
      [DiagnosticSpec("check.unknownLanguage", file: "m.fr.survey")],
      files: ["m.fr.survey": "translation 1️⃣fr for t\n"]),
    bilingual(
      "the main language",
      "use \"m.en\"\n",
      [DiagnosticSpec("check.translationOfMain", file: "m.en.survey")],
      files: ["m.en.survey": "translation 1️⃣en for t\n"]),
    bilingual(
      "a survey that is not there",
      "use \"m.es\"\n",
      [DiagnosticSpec("check.translationTarget", label: "did you mean 't'?", file: "m.es.survey")],
      files: ["m.es.survey": "translation es for 1️⃣tt\n"]),
    bilingual(
      "a check whose condition differs",
      "use \"m.es\"\n\nquestion q \"Q?\"\n  es \"¿Q?\"\n  integer\n  check q < 5 \"Small\" es \"Pequeño\"\n",
      [DiagnosticSpec("check.translationNoText", file: "m.es.survey")],
      files: ["m.es.survey": "translation es for t\n\nquestion q\n  1️⃣check q < 6 \"Pequeño\"\n"]),
    bilingual(
      "a text with a language code",
      "use \"m.es\"\n\nquestion q \"Q?\"\n  es \"¿Q?\"\n  text\n  hint 2️⃣\"H\"\n",
      [
        DiagnosticSpec("check.translationLanguageCode", file: "m.es.survey"),
        DiagnosticSpec("check.missingTranslation", at: "2️⃣"),
      ],
      files: ["m.es.survey": "translation es for t\n\nquestion q\n  1️⃣hint \"H\" es \"H es\"\n"]),
    bilingual(
      "a use line",
      "use \"m.es\"\n",
      [DiagnosticSpec("check.translationNotText", file: "m.es.survey")],
      files: [
        "m.es.survey": "translation es for t\n\n1️⃣use \"lib\"\n",
        "lib.survey":
          "library lib \"L\"\n  languages en \"English\", es \"Español\"\n  es \"L es\"\n",
      ]),
    bilingual(
      "the header not first",
      "use \"m.es\"\n",
      [
        DiagnosticSpec("check.duplicateTranslation", at: "2️⃣", file: "m.es.survey"),
        DiagnosticSpec("check.translationHeaderFirst", file: "m.es.survey"),
      ],
      files: ["m.es.survey": "survey t 2️⃣\"T es\"\n\n1️⃣translation es for t\n"]),
  ]

  @Test(arguments: cases) func reportsMistakes(_ testCase: DiagnosticCase) {
    testCase.run()
  }

  @Test func checkingTheTranslationFileChecksTheSurveyThatUsesIt() throws {
    let spanish = Bilingual.spanish.replacingOccurrences(
      of: "\"Cuente cada empleo.\"", with: "\"\"")
    let loader = SourceLoader(files: [
      "main.survey": Bilingual.main, "main.es.survey": spanish,
      "other.survey": "survey o \"O\"\n  version 1\n",
    ])
    let compiled = try SurveyCompiler.compile(path: "main.es.survey", loader: loader)
    #expect(compiled.checkedWith == "main.survey")
    #expect(compiled.survey?.id == "t")
    #expect(compiled.diagnostics.map(\.id) == ["check.missingTranslation"])
  }

  @Test func aTranslationFileAloneSaysToCheckTheSurvey() {
    let compiled = SurveyCompiler.compile(text: "translation es for t\n\nquestion q \"¿Q?\"\n")
    #expect(compiled.diagnostics.map(\.id) == ["check.translationAlone"])
  }
}

/// A cause's organizing notes are translated in a translation file in the order they are
/// written, and `survey export translation` lists them.
@Suite struct ActionNoteTranslationTests {
  static let main = """
    survey t "T"
      version 1
      languages en "English", es "Español"

    use "main.es.survey"

    question job "Do you have a paid job?"
      yes-no

    cause jobless "No paid job"
      exposed if job = no
      action "Meet where people look for work."
        source "Someone, A book, 2001"
        wording new
      action "Share job leads at every meeting."

    """

  static let spanish = """
    translation es for t

    survey t "T es"

    question job "¿Tiene un trabajo pagado?"

    cause jobless "Sin trabajo pagado"
      action "Reúnanse donde la gente busca trabajo."
      action "Compartan ofertas en cada reunión."

    """

  @Test func theNthNoteTranslatesTheNthAction() throws {
    let loader = SourceLoader(files: ["main.survey": Self.main, "main.es.survey": Self.spanish])
    let compiled = try SurveyCompiler.compile(path: "main.survey", loader: loader)
    #expect(compiled.diagnostics.isEmpty, "\(compiled.diagnostics.map(\.message))")
    let cause = try #require(compiled.survey?.causes.first)
    #expect(cause.actions.count == 2)
    #expect(cause.actions.first?.text.values["es"] == "Reúnanse donde la gente busca trabajo.")
    #expect(cause.actions.last?.text.values["es"] == "Compartan ofertas en cada reunión.")
    #expect(cause.actions.first?.provenance.source == "Someone, A book, 2001")
    #expect(cause.actions.last?.provenance.source == nil)
  }

  @Test func aMissingNoteIsReportedAndTheSkeletonListsBoth() throws {
    let partial = Self.spanish.replacingOccurrences(
      of: "  action \"Compartan ofertas en cada reunión.\"\n", with: "")
    let loader = SourceLoader(files: ["main.survey": Self.main, "main.es.survey": partial])
    let compiled = try SurveyCompiler.compile(path: "main.survey", loader: loader)
    #expect(compiled.diagnostics.contains { $0.message.contains("organizing note") })
    let skeleton = try #require(
      try TranslationSkeleton.make(path: "main.survey", language: "es", loader: loader).skeleton)
    #expect(skeleton.text.contains("  action \"Reúnanse donde la gente busca trabajo.\""))
    #expect(skeleton.text.contains("  # Share job leads at every meeting.\n  action \"\""))
  }
}
