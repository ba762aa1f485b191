import Foundation
import SurveyCore
import SurveyDSL
import SurveyStatistics
import Testing

/// Coalition reports: organizations export their counts (`survey export counts`) and a report
/// pools them (`survey report --counts`), equal to a report of one store holding everyone's
/// answers with organizations as chapters (`--coalition`: the same words); what cannot be
/// pooled is refused.
@Suite("coalition reports from counts")
struct CoalitionTests {
  /// The default survey with the chapter given at import, so that one store can hold every
  /// organization's answers with the organization as the chapter.
  static func survey(in directory: TemporaryDirectory) throws -> String {
    let original = ReportCommandTests.root.appendingPathComponent("Surveys/connection.survey")
    var text = try String(contentsOf: original, encoding: .utf8)
    text = text.replacingOccurrences(of: "  chapter from chapter\n", with: "")
    text = text.replacingOccurrences(of: "question chapter ", with: "question branch ")
    // The copy lives in the test's folder: its library files are named by absolute paths.
    let folder = original.deletingLastPathComponent().path
    text = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      guard line.hasPrefix("use ") else { return String(line) }
      let written = line.dropFirst(4).trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
      return "use \"\(folder)/\(written)\""
    }.joined(separator: "\n")
    let path = directory.path + "/coalition.survey"
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  static let organizations: [(name: String, respondents: Int, seed: Int)] = [
    ("Riverside Tenants", 150, 1), ("Harbor Workers", 120, 2), ("Small Hands", 24, 3),
  ]

  /// Each organization's store (two chapters, the rows of each export split between them), one
  /// store with everyone (each organization a chapter), and each organization's counts file.
  static func setUp(_ directory: TemporaryDirectory, survey: String) throws -> (
    combined: String, counts: [String]
  ) {
    let combined = directory.path + "/everyone.db"
    var counts: [String] = []
    for (name, respondents, seed) in organizations {
      let base = directory.path + "/\(seed)"
      // The second organization fields the survey in Spanish on Google Forms (labels, not
      // codes): answers are codes once imported, so it pools with the others.
      let shape = seed == 2 ? ["--as", "google-forms", "--language", "es", "--chapters", "1"] : []
      let simulated = Run(
        [
          "simulate", survey, "-o", base + ".csv", "--respondents", String(respondents),
          "--waves", "2", "--seed", String(seed),
        ] + shape)
      #expect(simulated.status == 0, "\(simulated.err)")
      let store = base + ".db"
      for wave in 1...2 {
        let path = base + ".wave\(wave).csv"
        // Google Forms writes CRLF, which Swift reads as one character: split on scalars.
        let lines = try String(contentsOfFile: path, encoding: .utf8)
          .replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n")
        let header = lines[0]
        let rows = lines.dropFirst()
        let half = rows.count / 3
        for (part, slice) in [
          ("north", rows.prefix(half)), ("south", rows.dropFirst(half)),
        ] {
          let partPath = base + ".wave\(wave).\(part).csv"
          try ([String(header)] + slice.map(String.init)).joined(separator: "\n").appending("\n")
            .write(toFile: partPath, atomically: true, encoding: .utf8)
          let imported = Run([
            "import", "--survey", survey, "--store", store, "--wave", String(wave), "--chapter",
            "\(name) \(part)", partPath,
          ])
          #expect(imported.status == 0, "\(imported.err)")
        }
        let together = Run([
          "import", "--survey", survey, "--store", combined, "--wave", String(wave), "--chapter",
          name, path,
        ])
        #expect(together.status == 0, "\(together.err)")
      }
      let output = base + ".counts"
      let exported = Run([
        "export", "counts", "--survey", survey, "--store", store, "--organization", name, "-o",
        output,
      ])
      #expect(exported.status == 0, "\(exported.err)")
      counts.append(output)
    }
    return (combined, counts)
  }

  @Test("the coalition report from counts equals the report of one store with everyone")
  func countsEqualOneStore() throws {
    let directory = try TemporaryDirectory()
    let survey = try Self.survey(in: directory)
    let (combined, counts) = try Self.setUp(directory, survey: survey)
    for format in ["text", "json", "html"] {
      for scope in [
        ["--overview"], ["--chapter", "Small Hands"], ["--chapter", "Harbor Workers"],
      ] {
        let fromStore = Run(
          ["report", "--survey", survey, "--store", combined, "--coalition", "--format", format]
            + scope)
        #expect(fromStore.status == 0, "\(fromStore.err)")
        let coalitionScope =
          scope.first == "--chapter" ? ["--organization", scope[1]] : scope
        let fromCounts = Run(
          ["report", "--survey", survey, "--counts"] + counts + ["--format", format]
            + coalitionScope)
        #expect(fromCounts.status == 0, "\(fromCounts.err)")
        #expect(!fromCounts.out.isEmpty)
        if fromCounts.out != fromStore.out {
          let a = fromCounts.out.split(separator: "\n")
          let b = fromStore.out.split(separator: "\n")
          let first = zip(a, b).first { $0 != $1 }
          Issue.record(
            "\(format) \(scope): first difference: \(first.map { "\($0.0) | \($0.1)" } ?? "length \(a.count) vs \(b.count)")"
          )
        }
        // Any order of the files gives the same bytes.
        let reversed = Run(
          ["report", "--survey", survey, "--counts"] + counts.reversed() + ["--format", format]
            + coalitionScope)
        #expect(reversed.out == fromCounts.out)
      }
    }
    // A coalition's words: organizations and the coalition, never chapters.
    let overview = Run(["report", "--survey", survey, "--counts"] + counts + ["--overview"])
    #expect(overview.out.contains("Community Connection Survey: the coalition"))
    #expect(overview.out.contains("ORGANIZATIONS SIDE BY SIDE"))
    #expect(!overview.out.contains("CHAPTERS SIDE BY SIDE"))
    let folder = directory.path + "/coalition"
    let all = Run(["report", "--survey", survey, "--counts"] + counts + ["--all", "-o", folder])
    #expect(all.status == 0, "\(all.err)")
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == [
        "organization-harbor-workers.txt", "organization-riverside-tenants.txt",
        "organization-small-hands.txt", "overview.txt",
      ])
  }

  @Test("no count in a counts file describes fewer people than the minimum group")
  func countsFilesHideSmallGroups() throws {
    let directory = try TemporaryDirectory()
    let survey = try Self.survey(in: directory)
    let (_, counts) = try Self.setUp(directory, survey: survey)
    let compiled = try #require(try SurveyCompiler.compile(path: survey).survey)
    var checked = 0
    for path in counts {
      let text = try String(contentsOfFile: path, encoding: .utf8)
      let object = try #require(
        try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
      #expect((object["notice"] as? String)?.contains("Not for publication") == true)
      #expect((object["notice"] as? String)?.contains("A reader can still learn") == true)
      let data = try #require(Data(base64Encoded: object["counts"] as? String ?? ""))
      let aggregation = try #require(SurveyAggregation(survey: compiled, snapshotData: data))
      #expect(aggregation.panel.isEmpty)
      #expect(aggregation.rakingCells.isEmpty)
      for wave in aggregation.waves {
        for (key, group) in aggregation.groups where key.wave == wave {
          #expect(group.respondents >= 10, "\(path): \(key) has \(group.respondents)")
          checked += 1
        }
        if let rest = aggregation.unassigned(wave: wave) {
          #expect(rest.respondents == 0 || rest.respondents >= 10)
        }
      }
      // Nothing that names a person or repeats an answer's text.
      #expect(!text.contains("person_key"))
    }
    #expect(checked > 6)
    // The small organization's two chapters (8 and 16 people) were folded: the first is under
    // the minimum, and the rest of the organization would then be 8, so the second goes too.
    let small = try #require(counts.last)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: small)))
        as? [String: Any])
    let data = try #require(Data(base64Encoded: object["counts"] as? String ?? ""))
    let aggregation = try #require(SurveyAggregation(survey: compiled, snapshotData: data))
    #expect(aggregation.chapters().isEmpty)
  }

  @Test("counts of another survey, or damaged, edited or repeated counts, are refused")
  func refusals() throws {
    let directory = try TemporaryDirectory()
    let survey = try Self.survey(in: directory)
    let (_, counts) = try Self.setUp(directory, survey: survey)
    let first = try String(contentsOfFile: counts[0], encoding: .utf8)
    func report(_ files: [String]) -> Run {
      Run(["report", "--survey", survey, "--counts"] + files + ["--overview"])
    }
    let truncated = directory.path + "/truncated.counts"
    try String(first.prefix(first.count / 2)).write(
      toFile: truncated, atomically: true, encoding: .utf8)
    let cut = report([truncated, counts[1]])
    #expect(cut.status != 0)
    #expect(cut.err.contains("is not a usable counts file: it is not complete JSON"))
    #expect(cut.out.isEmpty)

    let edited = directory.path + "/edited.counts"
    try first.replacingOccurrences(of: "\"Riverside Tenants\"", with: "\"Riverside Owners\"")
      .write(toFile: edited, atomically: true, encoding: .utf8)
    let tampered = report([edited, counts[1]])
    #expect(tampered.status != 0)
    #expect(tampered.err.contains("its checksum does not match"))

    // Counts edited by hand with the checksum written again: a count no survey could give
    // (summing it with the others would overflow) is refused, not pooled.
    let forgedPath = directory.path + "/forged.counts"
    let firstObject = try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any]
    let firstCounts = try #require(firstObject?["counts"] as? String)
    let original = try #require(Data(base64Encoded: firstCounts))
    var parts = try SnapshotEditing.parts(original)
    parts[1]["respondents"] = Int.max
    try SnapshotEditing.countsFile(first, counts: try SnapshotEditing.data(parts)).write(
      toFile: forgedPath, atomically: true, encoding: .utf8)
    let forged = report([forgedPath, counts[1]])
    #expect(forged.status == 1, "\(forged.err)")
    #expect(
      forged.err.contains(
        "the counts of Riverside Tenants hold numbers no survey could give"), "\(forged.err)")
    #expect(forged.out.isEmpty)

    let twice = report([counts[0], counts[0]])
    #expect(twice.status != 0)
    #expect(twice.err.contains("two counts files are from 'Riverside Tenants'"))

    let other = ReportCommandTests.root.appendingPathComponent(
      "Surveys/examples/tenants-union.survey"
    ).path
    let wrongSurvey = Run(["report", "--survey", other, "--counts"] + counts + ["--overview"])
    #expect(wrongSurvey.status != 0)
    #expect(wrongSurvey.err.contains("only counts of the same survey can be pooled"))

    let device = report(["/dev/zero"])
    #expect(device.status != 0)
    #expect(
      device.err.contains("cannot read the counts file '/dev/zero': it is not a regular file"))

    let notCounts = report([ReportCommandTests.root.appendingPathComponent("Package.swift").path])
    #expect(notCounts.status != 0)
    #expect(notCounts.err.contains("is not a usable counts file"))
  }

  @Test(
    "counts of an earlier version are pooled over the comparable questions, and the report says what was left out"
  )
  func otherVersion() throws {
    let directory = try TemporaryDirectory()
    let survey = try Self.survey(in: directory)
    let (_, counts) = try Self.setUp(directory, survey: survey)
    // Version 2026.2 gives code 1 of one question another meaning (a breaking change for it).
    var text = try String(contentsOfFile: survey, encoding: .utf8)
    text = text.replacingOccurrences(of: "  version 2026.1\n", with: "  version 2026.2\n")
    text = text.replacingOccurrences(
      of: "  1 eastside \"Eastside\"", with: "  1 east_side \"Eastside\"")
    let newer = survey.replacingOccurrences(of: ".survey", with: "-2.survey")
    try text.write(toFile: newer, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: newer) }
    let pooled = Run(["report", "--survey", newer, "--counts"] + counts + ["--overview"])
    #expect(pooled.status == 0, "\(pooled.err)")
    let flat = pooled.out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    let note = "were left out of the pooled figures: Harbor Workers (survey version 2026.1): branch"
    #expect(flat.contains(note))
    #expect(flat.contains("Riverside Tenants (survey version 2026.1): branch"))
    let same = Run(["report", "--survey", survey, "--counts"] + counts + ["--overview"])
    #expect(same.status == 0)
    #expect(!same.out.contains("Pooled counts"))
    // Every organization's answers to that question were left out, so none is shown.
    #expect(same.out.contains("Eastside"))
    #expect(!pooled.out.contains("Eastside"))
    // Counts whose questions are not those of the survey (one added) are refused.
    let added = text + "\nquestion extra \"One more question\"\n  yes-no\n"
    let longer = survey.replacingOccurrences(of: ".survey", with: "-3.survey")
    try added.write(toFile: longer, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: longer) }
    let refused = Run(["report", "--survey", longer, "--counts"] + counts + ["--overview"])
    #expect(refused.status != 0)
    #expect(refused.err.contains("cannot be pooled with it"))
  }
}
