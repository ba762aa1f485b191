import Foundation
import SurveyCore
import SurveyDSL
import Testing

@Suite struct ResolverTests {
  static func everything() throws -> Survey {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/everything.survey").path
    let compiled = try SurveyCompiler.compile(path: path)
    #expect(!compiled.diagnostics.hasErrors)
    return try #require(compiled.survey)
  }

  @Test func headerRolesAndPrivacy() throws {
    let survey = try Self.everything()
    #expect(survey.id == "everything")
    #expect(survey.version == "2026.1")
    #expect(survey.languages.map(\.code) == ["en", "es"])
    #expect(survey.title.text(in: "es") == "Todas las construcciones")
    #expect(survey.description?.text(in: "es") == "Una encuesta que usa todas las construcciones.")
    #expect(survey.roles == Roles(chapter: "chapter", wave: "wave", weight: "weight"))
    #expect(survey.privacy.minGroup == 12)
    #expect(survey.privacy.freeText == .organization)
  }

  @Test func questionsInOrderWithSectionsGridsAndLibraries() throws {
    let survey = try Self.everything()
    #expect(
      survey.questions.map(\.id) == [
        "item_used", "chapter", "wave", "weight", "email", "name", "born", "employed", "hours",
        "meet", "meet_more", "trust", "helpful", "close_knit", "get_along",
      ])
    #expect(survey.question("chapter")?.section == "about")
    #expect(survey.question("item_used")?.section == nil)
    #expect(survey.question("item_used")?.provenance.licence == .freeWithCitation)
    #expect(survey.question("close_knit")?.grid == "cohesion")
    #expect(survey.question("close_knit")?.isRequired == true)
    #expect(survey.question("close_knit")?.renamedFrom == ["closeknit"])
    #expect(survey.question("get_along")?.provenance.source == "Sampson et al. 1997")
    #expect(survey.grids.first?.rows == ["helpful", "close_knit", "get_along"])
  }

  @Test func typesCodesAndMissing() throws {
    let survey = try Self.everything()
    #expect(survey.question("employed")?.type == .single(choices: "yes_no"))
    #expect(survey.choiceSets["yes_no"]?.choice(named: "yes")?.code == 1)
    #expect(survey.question("hours")?.type == .number(.integer, min: 0, max: 120))
    #expect(
      survey.question("born")?.type
        == .date(min: CivilDate.parseISO("1900-01-01"), max: CivilDate.parseISO("2010-12-31")))
    let agree = try #require(survey.choiceSets["agree5"])
    #expect(agree.bounds == 1...5)
    #expect(agree.choice(code: 9)?.missing == .refused)
    #expect(agree.choice(code: 2)?.name == nil)
    #expect(survey.choiceSets["chapters"]?.choice(code: 2)?.label.text(in: "es") == "Sur")
    #expect(survey.question("email")?.privateMode == .hashed)
    #expect(survey.question("name")?.privateMode == .drop)
    #expect(survey.question("meet")?.otherID == "meet_other")
    #expect(survey.question("employed")?.renamedFrom == ["has_job", "job"])
  }

  @Test func conditionsResolveNamesToCodes() throws {
    let survey = try Self.everything()
    let hours = try #require(survey.question("hours"))
    #expect(hours.relevance == .comparison(.equal, .variable(.question("employed")), .code(1)))
    #expect(hours.checks.count == 2)
    #expect(hours.checks.first?.isHard == true)
    #expect(hours.checks.last?.isHard == false)
    let trust = try #require(survey.question("trust")?.relevance)
    #expect(survey.text(of: trust) == "chapter in (north, south) and not chapter in (south)")
    let meetMore = try #require(survey.question("meet_more")?.relevance)
    #expect(
      survey.text(of: meetMore)
        == "meet includes any (park, library) or meet includes cafe or count(meet) >= 2")
  }

  @Test("who answers, and a cause that cannot hold for members")
  func respondentsAndUnmeasurableCauses() throws {
    let source = { (respondents: String) in
      """
      survey t "T"
        version 1
      \(respondents)
      question alone "Do you belong to no group?"
        yes-no

      cause lonely "Belongs to no group"
        exposed if alone = yes
        unmeasurable among members

      cause other "Other"
        exposed if alone = no
      """
    }
    for (line, expected) in [("  respondents members\n", Respondents.members), ("", .anyone)] {
      let loader = SourceLoader(files: ["main.survey": source(line)])
      let compiled = try SurveyCompiler.compile(path: "main.survey", loader: loader)
      #expect(!compiled.diagnostics.hasErrors, "\(compiled.diagnostics)")
      let survey = try #require(compiled.survey)
      #expect(survey.respondents == expected)
      #expect(survey.causes.map(\.isUnmeasurableAmongMembers) == [true, false])
    }
  }

  @Test func scalesCausesIndexesAndIndicators() throws {
    let survey = try Self.everything()
    let scale = try #require(survey.scale("cohesion_score"))
    #expect(scale.items == ["helpful", "close_knit", "get_along"])
    #expect(scale.reversed == ["get_along"])
    #expect(scale.rule == .mean)
    #expect(scale.minAnswered == 2)
    #expect(scale.bands.map(\.low) == [1, 3])
    #expect(survey.scoreRange(of: scale) == 1...5)
    #expect(survey.causes.map(\.id) == ["work_hours", "places"])
    #expect(survey.index("exposure")?.causes == ["work_hours", "places"])
    #expect(survey.index("exposure")?.minKnown == 1)
    #expect(survey.index("exposure_work")?.causes == ["work_hours"])
    let cohesive = try #require(survey.indicators.first)
    #expect(cohesive.measure == .mean(.scale("cohesion_score")))
    #expect(cohesive.thresholds.map(\.value) == [3, 4])
    #expect(cohesive.thresholds.last?.label.text(in: "es") == "alta")
    #expect(cohesive.benchmarks.first?.isComparable == false)
    let share = try #require(survey.indicators.last)
    #expect(share.measure == .share(.variable(.derived("long_hours"))))
    #expect(share.benchmarks.first?.value == 0.12)
    #expect(share.benchmarks.first?.year == "2023/24")
    #expect(survey.derivedValue("long_hours")?.kind == .condition)
    #expect(survey.derivedValue("cohesion_total")?.kind == .number)
  }

  @Test func libraryIsRecordedOnce() throws {
    let survey = try Self.everything()
    #expect(survey.libraries.map(\.id) == ["items"])
    #expect(survey.libraries.first?.provenance.wording == .unverified)
  }
}

@Suite struct ProvenanceInheritanceTests {
  @Test func libraryUsedInsideASectionKeepsItsOwnSource() throws {
    let loader = SourceLoader(files: [
      "main.survey":
        "survey t \"T\"\n  version 1\n\nsection one \"One\"\n  source \"Section source\"\n\nuse lib\n\nquestion local \"L?\"\n  text\n",
      "lib.survey":
        "library lib \"Lib\"\n  source \"Library source\"\n  licence open\n\nquestion from_lib \"F?\"\n  text\n",
    ])
    let survey = try #require(
      try SurveyCompiler.compile(path: "main.survey", loader: loader).survey)
    #expect(survey.question("from_lib")?.provenance.source == "Library source")
    #expect(survey.question("from_lib")?.provenance.licence == .open)
    #expect(survey.question("from_lib")?.section == "one")
    #expect(survey.question("local")?.provenance.source == "Section source")
  }
}
