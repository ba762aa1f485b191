import Foundation
import Testing

/// Chapters answered with choices that have no name are stored and shown by their label, and
/// chapters are listed in the order of their choice set (or in natural order).
@Suite struct ChapterOrderTests {
  static let gates = """
    survey gates "Gates Survey"
      version 1
      chapter from chapter

    choices gates
      1 "Westgate"
      2 "Eastgate"
      10 "Northgate"

    choices often
      1 never "Never"
      2 sometimes "Sometimes"
      3 often "Often"

    question chapter "Which chapter are you in?"
      single gates
      required

    question lonely "How often do you feel lonely?"
      single often

    """

  /// The lines of `text` that contain one of `names`, as the names they contain, in order.
  static func order(of names: [String], in text: String) -> [String] {
    text.split(separator: "\n").compactMap { line in names.first { line.contains($0) } }
  }

  @Test func chaptersWithoutNamesAreStoredShownAndOrderedByTheirChoices() throws {
    let directory = try TemporaryDirectory()
    let survey = try directory.write("gates.survey", Self.gates)
    var csv = "respondent_id,chapter,lonely\n"
    for index in 0..<36 { csv += "r\(index),\([1, 2, 10][index % 3]),\(index % 3 + 1)\n" }
    let answers = try directory.write("answers.csv", csv)
    let store = directory.path + "/gates.db"
    let imported = Run(["import", "--survey", survey, "--store", store, answers])
    #expect(imported.status == 0, "\(imported.err)")

    let names = ["Westgate", "Eastgate", "Northgate"]
    let listed = Run(["store", "--store", store])
    #expect(listed.status == 0, "\(listed.err)")
    #expect(Self.order(of: names, in: listed.out) == names, "\(listed.out)")

    let folder = directory.path + "/reports"
    let all = Run(["report", "--survey", survey, "--store", store, "--all-chapters", "-o", folder])
    #expect(all.status == 0, "\(all.err)")
    let written = all.out.split(separator: "\n").map {
      ($0 as NSString).lastPathComponent
    }
    #expect(
      written == [
        "overview.txt", "chapter-westgate.txt", "chapter-eastgate.txt", "chapter-northgate.txt",
      ])
    let overview = try directory.read("reports/overview.txt")
    let columns = try #require(overview.split(separator: "\n").first { $0.contains("Westgate") })
    let positions = names.compactMap { columns.range(of: $0)?.lowerBound }
    #expect(positions.count == 3 && positions == positions.sorted(), "\(columns)")
    let chapter = try directory.read("reports/chapter-northgate.txt")
    #expect(chapter.contains("Gates Survey: Northgate"), "\(chapter.prefix(300))")

    let one = Run(["report", "--survey", survey, "--store", store, "--chapter", "eastgate"])
    #expect(one.status == 0, "\(one.err)")
  }

  @Test func chaptersGivenAtImportAreInNaturalOrder() throws {
    let directory = try TemporaryDirectory()
    let survey = try directory.write(
      "plain.survey",
      """
      survey plain "Plain"
        version 1

      question a "A?"
        integer 0..10

      """)
    let store = directory.path + "/plain.db"
    let names = ["Chapter 2", "Chapter 10", "chapter 3", "Chapter 1"]
    for (index, name) in names.enumerated() {
      let csv = try directory.write("c\(index).csv", "respondent_id,a\nr\(index),1\n")
      let run = Run(["import", "--survey", survey, "--store", store, "--chapter", name, csv])
      #expect(run.status == 0, "\(run.err)")
    }
    let listed = Run(["store", "--store", store])
    let lines = listed.out.split(separator: "\n", omittingEmptySubsequences: false)
    let table = try #require(lines.firstIndex { $0.contains("by chapter and wave") })
    let rows = lines[(table + 2)...].prefix { !$0.isEmpty }
    #expect(
      rows.map { $0.split(separator: " ").prefix(2).joined(separator: " ") } == [
        "Chapter 1", "Chapter 2", "chapter 3", "Chapter 10",
      ], "\(listed.out)")
  }
}
