import Foundation
import SurveyCore
import SurveyDSL
import SurveyStatistics
import SurveyStore
import Testing

/// Weights raked to a membership roll (`rake` lines): the weights, their design effect, the
/// trimming and the estimates made with them equal R's `survey::rake` and `svymean` /
/// `svyciprop` (References/raking_reference.R, run on References/raking.csv: two waves, missing
/// answers in every margin question, base weights, a chapter of three, a margin from a file
/// that changes in wave 2); bad margins are errors that say what to do.
@Suite("raking to a membership roll")
struct RakingTests {
  static let references = ReportCommandTests.root.appendingPathComponent(
    "Tests/SurveyCLITests/References")
  static let survey = references.appendingPathComponent("raked.survey").path
  static let answers = references.appendingPathComponent("raking.csv").path

  /// One wave of R's output.
  struct Wave: Decodable {
    var ids: [Int]
    var weights: [Double]
    var deff: Double
    var neff: Double
    var trimmed: [Double]
    var score: Mean
    var flag: Share
    var chapters: [String: Mean]
    struct Mean: Decodable {
      var mean: Double
      var se: Double
    }
    struct Share: Decodable {
      var share: Double
      var se: Double
      var lower: Double
      var upper: Double
    }
  }

  static func reference() throws -> [String: Wave] {
    let data = try Data(
      contentsOf: references.appendingPathComponent("raking.json"))
    return try JSONDecoder().decode([String: Wave].self, from: data)
  }

  /// The rows of raking.csv: id, wave, chapter, age, gender, base weight.
  static func rows() throws -> [(id: Int, wave: String, answers: [String: String], base: Double)] {
    let text = try String(contentsOfFile: answers, encoding: .utf8)
    let lines = text.split(separator: "\n").map {
      $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
    let header = lines.first ?? []
    return lines.dropFirst().map { fields in
      let row = Dictionary(uniqueKeysWithValues: zip(header, fields))
      return (
        Int(row["respondent_id"] ?? "") ?? 0, row["wave"] ?? "", row,
        Double(row["base"] ?? "") ?? 1
      )
    }
  }

  static func close(_ value: Double, _ expected: Double, _ tolerance: Double = 1e-9) -> Bool {
    abs(value - expected) <= tolerance * max(1, abs(expected))
  }

  /// Each wave's raking cells and each row's cell, as the aggregation counts them.
  static func cells(_ survey: Survey, trim: ClosedRange<Double>? = nil) throws -> (
    Population, [String: [RakingCell: RakingCellSums]],
    [(id: Int, wave: String, cell: RakingCell, base: Double)]
  ) {
    var population = try #require(survey.population)
    population.trim = trim
    var cells: [String: [RakingCell: RakingCellSums]] = [:]
    var located: [(id: Int, wave: String, cell: RakingCell, base: Double)] = []
    for row in try rows() {
      let answers = survey.questions.map { question -> Answer in
        guard let text = row.answers[question.id], !text.isEmpty,
          let choice = survey.choiceSet(of: question)?.choice(named: text)
        else { return .blank }
        return .code(choice.code)
      }
      let cell = population.cell(answers: answers, chapter: row.answers["chapter"])
      var sums = cells[row.wave, default: [:]][cell] ?? RakingCellSums()
      sums = RakingCellSums(
        respondents: sums.respondents + 1, weight: sums.weight + row.base,
        weightSquares: sums.weightSquares + row.base * row.base)
      cells[row.wave, default: [:]][cell] = sums
      located.append((row.id, row.wave, cell, row.base))
    }
    return (population, cells, located)
  }

  @Test("each respondent's raked weight, the design effect and the trimmed weights equal R's")
  func weightsMatchR() throws {
    let survey = try #require(try SurveyCompiler.compile(path: Self.survey).survey)
    let reference = try Self.reference()
    for trim in [nil, 0.7...3.0] as [ClosedRange<Double>?] {
      let (population, cells, rows) = try Self.cells(survey, trim: trim)
      for wave in ["1", "2"] where trim == nil || wave == "1" {
        let expected = try #require(reference[wave])
        let raked = try Raking.rake(population, wave: wave, cells: cells[wave] ?? [:])
        #expect(raked.converged)
        let mine = rows.filter { $0.wave == wave }
        #expect(mine.map(\.id) == expected.ids)
        let targets = trim == nil ? expected.weights : expected.trimmed
        for (row, weight) in zip(mine, targets) {
          let factor = try #require(raked.factors[row.cell])
          #expect(Self.close(row.base * factor, weight), "wave \(wave), row \(row.id)")
        }
        if trim == nil {
          #expect(Self.close(raked.designEffect, expected.deff))
          #expect(Self.close(raked.effectiveSize, expected.neff))
          #expect(raked.trimmedRespondents == 0)
        } else {
          #expect(raked.trimmedRespondents > 0)
          #expect(raked.factorRange.lowerBound >= 0.7 - 1e-9)
        }
      }
    }
  }

  @Test("weighted means, shares, their SEs and intervals with raked weights equal R's")
  func estimatesMatchR() throws {
    let directory = try TemporaryDirectory()
    let output = directory.path + "/estimates.csv"
    let run = Run(["export", "estimates", "--survey", Self.survey, Self.answers, "-o", output])
    #expect(run.status == 0, "\(run.err)")
    let (_, rows) = try EstimatesExportTests.rows(output)
    let reference = try Self.reference()
    for wave in ["1", "2"] {
      let expected = try #require(reference[wave])
      let score = try #require(
        rows.first {
          $0["wave"] == wave && $0["group"] == "organization"
            && $0["estimate_id"] == "indicator:score_mean"
        })
      #expect(Self.close(Double(score["estimate"] ?? "") ?? .nan, expected.score.mean))
      #expect(Self.close(Double(score["se"] ?? "") ?? .nan, expected.score.se))
      let flag = try #require(
        rows.first {
          $0["wave"] == wave && $0["group"] == "organization"
            && $0["estimate_id"] == "indicator:flag_share"
        })
      #expect(Self.close(Double(flag["estimate"] ?? "") ?? .nan, expected.flag.share))
      #expect(Self.close(Double(flag["se"] ?? "") ?? .nan, expected.flag.se))
      #expect(Self.close(Double(flag["lower"] ?? "") ?? .nan, expected.flag.lower))
      #expect(Self.close(Double(flag["upper"] ?? "") ?? .nan, expected.flag.upper))
      let weights = try #require(
        rows.first { $0["wave"] == wave && $0["estimate_id"] == "weights:raking" })
      #expect(Self.close(Double(weights["estimate"] ?? "") ?? .nan, expected.deff))
      #expect(Self.close(Double(weights["n_eff"] ?? "") ?? .nan, expected.neff))
      #expect(weights["n"] == String(expected.ids.count))
      #expect(weights["method"]?.contains("converged") == true)
      // East is withheld too: with it, the chapter of three would be the organization minus the
      // others (complementary suppression).
      #expect(!rows.contains { $0["group"] == "east" })
      for chapter in ["north", "south"] {
        let expectedMean = try #require(expected.chapters[chapter])
        let row = try #require(
          rows.first {
            $0["wave"] == wave && $0["group"] == chapter
              && $0["estimate_id"] == "indicator:score_mean"
          })
        #expect(Self.close(Double(row["estimate"] ?? "") ?? .nan, expectedMean.mean))
        #expect(Self.close(Double(row["se"] ?? "") ?? .nan, expectedMean.se))
      }
      // The chapter of three is raked with everyone, but never shown on its own.
      #expect(!rows.contains { $0["group"] == "tiny" })
    }
  }

  @Test("a report from the store equals the report from the export, also from saved counts")
  func storeEqualsExport() throws {
    let directory = try TemporaryDirectory()
    let store = directory.path + "/store.db"
    let imported = Run(["import", "--survey", Self.survey, "--store", store, Self.answers])
    #expect(imported.status == 0, "\(imported.err)")
    let fromExport = Run([
      "report", "--survey", Self.survey, Self.answers, "--overview", "--format", "json",
    ])
    #expect(fromExport.status == 0, "\(fromExport.err)")
    let byRows = Run(
      ["report", "--survey", Self.survey, Self.answers, "--overview", "--format", "json"],
      environment: ["SURVEY_ENGINE": "rows"])
    #expect(byRows.out == fromExport.out, "the row-at-a-time oracle rakes the same weights")
    let fromStore = Run([
      "report", "--survey", Self.survey, "--store", store, "--overview", "--format", "json",
    ])
    #expect(fromStore.status == 0, "\(fromStore.err)")
    let again = Run([
      "report", "--survey", Self.survey, "--store", store, "--overview", "--format", "json",
    ])
    #expect(!fromStore.out.isEmpty)
    #expect(again.out == fromStore.out)
    // Both counts are saved: the unweighted ones the raking comes from, and the raked ones; the
    // next report reads them (answers changed behind the toolkit's back do not show) and a
    // recount does not.
    let connection = try SQLiteConnection(path: store, mode: .readWrite)
    let saved = try connection.prepare("SELECT count(*) FROM aggregates")
    _ = try saved.step()
    #expect(saved.int64(at: 0) == 2)
    try connection.execute("UPDATE answers SET \"score\" = NULL")
    let fromSaved = Run([
      "report", "--survey", Self.survey, "--store", store, "--overview", "--format", "json",
    ])
    #expect(fromSaved.out == fromStore.out)
    let recounted = Run([
      "report", "--survey", Self.survey, "--store", store, "--overview", "--format", "json",
      "--recount",
    ])
    #expect(recounted.status == 0, "\(recounted.err)")
    #expect(recounted.out != fromStore.out)
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(fromStore.out.utf8)) as? [String: Any])
    let weighting = try #require(report["weighting"] as? [String: Any])
    #expect(weighting["margins"] as? [String] == ["chapter", "age", "gender"])
    #expect(weighting["converged"] as? Bool == true)
    let exportReport = try #require(
      try JSONSerialization.jsonObject(with: Data(fromExport.out.utf8)) as? [String: Any])
    let sorted = { (value: Any?) in
      try JSONSerialization.data(withJSONObject: value ?? [], options: .sortedKeys)
    }
    #expect(try sorted(exportReport["indicators"]) == sorted(report["indicators"]))
    #expect(try sorted(exportReport["weighting"]) == sorted(report["weighting"]))
    let text = Run(["report", "--survey", Self.survey, "--store", store, "--overview"])
    #expect(text.out.contains("weighted to the membership roll by chapter, age, gender"))
    #expect(text.out.contains("Kish design effect"))
  }

  @Test("survey export data gives each response its raked weight, equal to R's")
  func exportedWeightsMatchR() throws {
    let directory = try TemporaryDirectory()
    let store = directory.path + "/store.db"
    let imported = Run(["import", "--survey", Self.survey, "--store", store, Self.answers])
    #expect(imported.status == 0, "\(imported.err)")
    let reference = try Self.reference()
    for format in ["csv", "json"] {
      let output = directory.path + "/data.\(format)"
      let exported = Run([
        "export", "data", "--survey", Self.survey, "--store", store, "-o", output, "--format",
        format,
      ])
      #expect(exported.status == 0, "\(exported.err)")
      // Each wave's raked weights, in the order the responses were stored (the file's order).
      var weights: [String: [Double]] = [:]
      if format == "csv" {
        let lines = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n")
        let header = lines.first?.split(separator: ",").map(String.init) ?? []
        let wave = try #require(header.firstIndex(of: "_wave"))
        let raked = try #require(header.firstIndex(of: "_weight_raked"))
        for line in lines.dropFirst() {
          let cells = line.split(separator: ",", omittingEmptySubsequences: false)
          weights[String(cells[wave]), default: []].append(Double(cells[raked]) ?? .nan)
        }
      } else {
        let object = try JSONSerialization.jsonObject(
          with: Data(contentsOf: URL(fileURLWithPath: output)))
        let responses = (object as? [String: Any])?["responses"] as? [[String: Any]] ?? []
        for response in responses {
          weights[response["_wave"] as? String ?? "", default: []].append(
            (response["_weight_raked"] as? NSNumber)?.doubleValue ?? .nan)
        }
      }
      #expect(Set(weights.keys) == Set(reference.keys))
      for (wave, expected) in reference {
        let got = weights[wave] ?? []
        #expect(got.count == expected.weights.count, "\(format) wave \(wave)")
        for (index, (value, target)) in zip(got, expected.weights).enumerated() {
          #expect(
            Self.close(value, target), "\(format) wave \(wave) row \(index): \(value) vs \(target)")
        }
      }
    }
    // The same survey without rake lines has no raked weights to export.
    let unraked = try Self.variant("", in: directory)
    let plainStore = directory.path + "/plain.db"
    #expect(Run(["import", "--survey", unraked, "--store", plainStore, Self.answers]).status == 0)
    let plain = directory.path + "/plain.csv"
    let plainRun = Run(["export", "data", "--survey", unraked, "--store", plainStore, "-o", plain])
    #expect(plainRun.status == 0, "\(plainRun.err)")
    let header = try String(contentsOfFile: plain, encoding: .utf8).split(separator: "\n").first
    #expect(header?.contains("_weight,") == true)
    #expect(header?.contains("_weight_raked") == false)
  }

  /// A copy of the reference survey with its rake lines replaced, and the answers beside it.
  static func variant(_ rakeLines: String, margins: String? = nil, in directory: TemporaryDirectory)
    throws -> String
  {
    var text = try String(contentsOfFile: survey, encoding: .utf8)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    text = lines.filter { !$0.hasPrefix("  rake ") }.joined(separator: "\n")
    text = text.replacingOccurrences(
      of: "  weight from base\n", with: "  weight from base\n" + rakeLines)
    let path = directory.path + "/variant.survey"
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    if let margins {
      try margins.write(toFile: directory.path + "/margins.csv", atomically: true, encoding: .utf8)
    }
    return path
  }

  @Test("margins that cannot be raked to are errors with their place and what to do")
  func badMargins() throws {
    let directory = try TemporaryDirectory()
    let cases: [(String, String?, String)] = [
      ("  rake age a1 120, a2 200, a3 220, a5 0\n", nil, "does not count 'a4'"),
      ("  rake age a1 120, a2 200, a3 220, a5 0, a9 140\n", nil, "'a9' is not an answer to 'age'"),
      ("  rake agee a1 120\n", nil, "did you mean 'age'?"),
      ("  rake score a1 120\n", nil, "single-choice question"),
      (
        "  rake age a1 120, a2 200, a3 220, a4 140, a5 0\n  rake gender woman 300, man 290, other 30\n",
        nil, "'age' counts 680, 'gender' counts 620"
      ),
      ("  rake gender woman 50%, man 40%, other 5%\n", nil, "add up to 95.0%, not 100%"),
      ("  rake gender woman 50%, man 400, other 5%\n", nil, "mixes percentages"),
      ("  rake age a1 -5, a2 200, a3 220, a4 140, a5 0\n", nil, "must be zero or more"),
      ("  rake age a1 0, a2 0, a3 0, a4 0, a5 0\n", nil, "the margin 'age' counts no members"),
      (
        "  rake trim 2..3\n  rake age a1 120, a2 200, a3 220, a4 140, a5 0\n", nil,
        "trimming bounds"
      ),
      ("  rake from \"nowhere.csv\"\n", nil, "cannot read the margins file 'nowhere.csv'"),
      ("  rake from \"/dev/zero\"\n", nil, "the margins file '/dev/zero' is not a regular file"),
      (
        "  rake from \"margins.csv\"\n", "margin,category,number\nage,a1,120\n",
        "margins.csv:1:1: error: the margins file's header must name"
      ),
      (
        "  rake from \"margins.csv\"\n", "margin,category,count\nage,a1,120\nage,a2,lots\n",
        "margins.csv:3:8: error: the count must be a number"
      ),
      (
        "  rake from \"margins.csv\"\n", "margin,category,count\nage,a1,120\nage,a7,120\n",
        "margins.csv:3:5: error: 'a7' is not an answer to 'age'"
      ),
    ]
    for (lines, margins, message) in cases {
      let path = try Self.variant(lines, margins: margins, in: directory)
      let run = Run(["check", path])
      #expect(run.status != 0, "\(lines)")
      #expect(run.err.contains(message), "\(lines): \(run.err)")
    }
  }

  @Test("a margin line that cannot be read gets one error, not a cascade about its categories")
  func unreadableMarginLine() throws {
    let directory = try TemporaryDirectory()
    let cases = [
      ("  rake age a1 120 a2 200, a3 220, a4 140, a5 0\n", "expected ',' before 'a2'", "10:19"),
      ("  rake age a1 1e2, a2 200, a3 220, a4 140, a5 0\n", "written in digits only", "10:16"),
    ]
    for (line, message, place) in cases {
      let path = try Self.variant(line, in: directory)
      let run = Run(["check", path])
      #expect(run.status != 0)
      #expect(run.err.contains(message), "\(run.err)")
      #expect(run.err.contains("variant.survey:\(place): error"), "\(run.err)")
      #expect(!run.err.contains("does not count"), "\(run.err)")
      #expect(run.err.components(separatedBy: ": error: ").count == 2, "\(run.err)")
    }
  }

  @Test("a category of the roll that no respondent of a wave is in stops the report and says why")
  func emptyCategory() throws {
    let directory = try TemporaryDirectory()
    let path = try Self.variant(
      "  rake age a1 120, a2 200, a3 220, a4 140, a5 0\n", in: directory)
    let answers = directory.path + "/answers.csv"
    let text = try String(contentsOfFile: Self.answers, encoding: .utf8)
    let kept = text.split(separator: "\n").filter { !$0.contains(",a1,") }
    try (kept.joined(separator: "\n") + "\n").write(
      toFile: answers, atomically: true, encoding: .utf8)
    let run = Run(["report", "--survey", path, answers, "--overview"])
    #expect(run.status != 0)
    #expect(run.err.contains("no respondent of wave 1 is in 'a1' of the margin 'age'"))
    #expect(run.err.contains("merge 'a1' with a neighbouring category"))
    #expect(run.out.isEmpty)
  }

  @Test("a category the roll counts as zero is accepted while nobody is in it, an error otherwise")
  func zeroCategory() throws {
    let directory = try TemporaryDirectory()
    // The reference survey's own a5 0 is an empty cell: its report runs (weightsMatchR checks
    // the weights against R). A zero for a category people answered cannot be raked to.
    let path = try Self.variant(
      "  rake age a1 120, a2 200, a3 220, a4 140, a5 0\n"
        + "  rake gender woman 360, man 320, other 0\n", in: directory)
    #expect(Run(["check", path]).status == 0)
    let answered = try Self.rows().filter { $0.wave == "1" && $0.answers["gender"] == "other" }
    #expect(!answered.isEmpty)
    let run = Run(["report", "--survey", path, Self.answers, "--overview"])
    #expect(run.status != 0)
    #expect(
      run.err.contains(
        "the roll counts no members in 'other' of the margin 'gender', but \(answered.count) "
          + "respondent(s) of wave 1 are in it"), "\(run.err)")
    #expect(run.err.contains("correct the roll's count for 'other'"))
    #expect(run.out.isEmpty)
    let accepted = Run(["report", "--survey", Self.survey, Self.answers, "--overview"])
    #expect(accepted.status == 0, "\(accepted.err)")
    #expect(accepted.out.contains("weighted to the membership roll by chapter, age, gender"))
  }

  @Test("a chapter given at import that the roll does not count is named in the error")
  func uncountedChapter() throws {
    let directory = try TemporaryDirectory()
    var text = try String(contentsOfFile: Self.survey, encoding: .utf8)
    text = text.replacingOccurrences(of: "  chapter from chapter\n", with: "")
    text = text.replacingOccurrences(of: "question chapter ", with: "question branch ")
    text = text.replacingOccurrences(
      of: "  rake from \"raked-margins.csv\"\n",
      with: "  rake chapter \"Hill Side\" 680\n")
    let path = directory.path + "/import-chapter.survey"
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    #expect(Run(["check", path]).status == 0)
    let counted = Run([
      "report", "--survey", path, Self.answers, "--set-chapter", "Hill Side", "--overview",
    ])
    #expect(counted.status == 0, "\(counted.err)")
    let uncounted = Run([
      "report", "--survey", path, Self.answers, "--set-chapter", "Far Away", "--overview",
    ])
    #expect(uncounted.status != 0)
    #expect(uncounted.err.contains("'Far Away', which the margin 'chapter' does not count"))
  }
}
