import Foundation
import Testing

/// Labels, answers, chapter names and file names written to attack every output.
@Suite("injection")
struct InjectionTests {
  static let survey = """
    survey inj "Injection <script>alert('t')</script>"
      version 1

    choices often
      1 never "Never \\" onmouseover=\\"alert(1)"
      2 sometimes "Sometimes </style><style>body{display:none}</style>"
      3 often "javascript:alert(1)"

    question lonely "How often? <img src=x onerror=alert(1)>"
      single often

    question comment "Anything else?"
      text

    indicator often_lonely "Often lonely =HYPERLINK(\\"http://evil\\",\\"x\\")"
      share lonely = often
      better lower

    """

  static let chapters = [
    "../../escape <script>x</script>", "=HYPERLINK(\"http://evil\")", "\u{1b}[31mred\u{1b}[0m",
  ]

  static func setUp(_ directory: TemporaryDirectory) throws -> (survey: String, store: String) {
    let survey = try directory.write("inj.survey", Self.survey)
    let store = directory.path + "/inj.db"
    for (index, chapter) in Self.chapters.enumerated() {
      var csv = "respondent_id,lonely,comment\n"
      for row in 0..<30 {
        let comment = row == 0 ? "\"=HYPERLINK(\"\"http://evil\"\",\"\"click\"\")\"" : "fine"
        csv += "c\(index)-r\(row),\(1 + row % 3),\(comment)\n"
      }
      let path = try directory.write("c\(index).csv", csv)
      let run = Run([
        "import", "--survey", survey, "--store", store, "--chapter", chapter, "--wave", "1", path,
      ])
      #expect(run.status == 0, "\(run.err)")
    }
    return (survey, store)
  }

  @Test("HTML and SVG: every label escaped, no script, no handler, no javascript: link")
  func html() throws {
    let directory = try TemporaryDirectory()
    let (survey, store) = try Self.setUp(directory)
    let folder = directory.path + "/out"
    let run = Run([
      "report", "--survey", survey, "--store", store, "--all-chapters", "--format", "html", "-o",
      folder,
    ])
    #expect(run.status == 0, "\(run.err)")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder)
    #expect(files.count == 4)
    for file in files {
      // File names come from chapter names only through a slug: no path separators, no dots.
      #expect(!file.contains("/") && !file.hasPrefix(".") && file.hasSuffix(".html"), "\(file)")
      let page = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
      #expect(!page.contains("<script"), "\(file)")
      #expect(!page.contains("<img"), "\(file)")
      #expect(!page.contains("\" onmouseover=") && !page.contains("onerror=alert(1)>"), "\(file)")
      #expect(!page.lowercased().contains("href=\"javascript:"), "\(file)")
      #expect(page.components(separatedBy: "<style>").count == 2, "\(file): one style block only")
      #expect(!page.contains("\u{1b}"), "\(file)")
    }
    // Nothing was written outside the folder.
    #expect(!FileManager.default.fileExists(atPath: directory.path + "/escape"))
  }

  @Test("JSON carries the labels as data; text cannot drive the terminal")
  func jsonAndText() throws {
    let directory = try TemporaryDirectory()
    let (survey, store) = try Self.setUp(directory)
    let json = Run([
      "report", "--survey", survey, "--store", store, "--chapter", Self.chapters[0], "--format",
      "json",
    ])
    #expect(json.status == 0, "\(json.err)")
    let object = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any]
    #expect(object?["chapter"] as? String == Self.chapters[0])
    let text = Run(["report", "--survey", survey, "--store", store, "--chapter", Self.chapters[2]])
    #expect(text.status == 0, "\(text.err)")
    #expect(!text.out.contains("\u{1b}"))
    #expect(text.out.contains("\u{FFFD}[31mred"))
  }

  @Test("CSV outputs mask formulas: export data and rejected rows")
  func csv() throws {
    let directory = try TemporaryDirectory()
    let (survey, store) = try Self.setUp(directory)
    let export = directory.path + "/data.csv"
    #expect(
      Run(["export", "data", "--survey", survey, "--store", store, "-o", export]).status == 0)
    let data = try String(contentsOfFile: export, encoding: .utf8)
    #expect(data.contains("'=HYPERLINK"))
    #expect(
      !data.contains(",=HYPERLINK") && !data.contains("\n=HYPERLINK")
        && !data.contains("\"=HYPERLINK"))
    let bad = try directory.write(
      "bad.csv",
      "respondent_id,lonely,comment\nx1,7,\"=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"\n")
    #expect(
      Run([
        "import", "--survey", survey, "--store", store, "--chapter", "north", "--wave", "1", bad,
      ]).status == 3)
    let rejects = directory.path + "/rejects.csv"
    #expect(Run(["rejects", "--store", store, "--csv", rejects]).status == 0)
    let kept = try String(contentsOfFile: rejects, encoding: .utf8)
    #expect(kept.contains("'=HYPERLINK"), "\(kept)")
    #expect(!kept.contains(",=HYPERLINK") && !kept.contains(",\"=HYPERLINK"))
  }
}
