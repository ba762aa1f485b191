import Foundation
import Testing

/// What a reader of any output must never learn: private fields, or anything about a small
/// group, checked on every file the tool writes.
@Suite("privacy end to end")
struct PrivacyTests {
  static let survey = ReportCommandTests.survey
  static let secrets = ["zelda.quux@example.org", "Zelda Quuxington", "+1 555 0199 7788"]

  @Test("seeded names, e-mails and phone numbers appear in no output and not in the store")
  func privateFieldsNowhere() throws {
    let directory = try TemporaryDirectory()
    var csv =
      "respondent_id,submitted_at,chapter,email,name,employed,hours,lonely,places,trust_people,trust_neighbours\n"
    for row in 0..<40 {
      let email = row == 7 ? Self.secrets[0] : "member\(row)@example.org"
      let name = row == 7 ? Self.secrets[1] : (row == 8 ? Self.secrets[2] : "Member \(row)")
      csv +=
        "r\(row),2026-03-11T10:00:00Z,\(row % 2 + 1),\(email),\(name),yes,\(20 + row % 10),\(1 + row % 3),park,agree,agree\n"
    }
    // A rejected row carrying the secrets too (hours out of range).
    csv +=
      "bad,2026-03-11T10:00:00Z,1,\(Self.secrets[0]),\(Self.secrets[1]),yes,500,1,park,agree,agree\n"
    let input = try directory.write("input.csv", csv)
    let store = directory.path + "/club.db"
    #expect(
      Run(["import", "--survey", Self.survey, "--store", store, "--wave", "1", input]).status == 3)
    let out = directory.path + "/out"
    for format in ["text", "html", "json"] {
      #expect(
        Run([
          "report", "--survey", Self.survey, "--store", store, "--all-chapters", "--format", format,
          "-o", out,
        ])
        .status == 0)
    }
    #expect(
      Run(["export", "data", "--survey", Self.survey, "--store", store, "-o", out + "/data.csv"])
        .status == 0)
    #expect(
      Run([
        "export", "data", "--survey", Self.survey, "--store", store, "--format", "json", "-o",
        out + "/data.json",
      ])
      .status == 0)
    #expect(Run(["rejects", "--store", store, "--csv", out + "/rejects.csv"]).status == 0)
    let listed = Run(["rejects", "--store", store])
    let summary = Run(["store", "--store", store])
    var outputs = try FileManager.default.contentsOfDirectory(atPath: out).map { out + "/" + $0 }
    outputs += try FileManager.default.contentsOfDirectory(atPath: directory.path)
      .filter { $0.hasPrefix("club.db") }.map { directory.path + "/" + $0 }
    #expect(outputs.count >= 10)
    for path in outputs {
      let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
      for secret in Self.secrets {
        #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(path) contains \(secret)")
      }
    }
    for text in [listed.out, listed.err, summary.out] {
      for secret in Self.secrets { #expect(!text.contains(secret)) }
    }
  }

  @Test("a chapter of 3 is never shown, and cannot be recovered from the others")
  func smallChapter() throws {
    let directory = try TemporaryDirectory()
    var csv =
      "respondent_id,submitted_at,chapter,employed,hours,lonely,places,trust_people,trust_neighbours\n"
    for row in 0..<3 { csv += "s\(row),2026-03-11T10:00:00Z,2,yes,40,3,park,disagree,disagree\n" }
    for row in 0..<60 {
      csv += "n\(row),2026-03-11T10:00:00Z,1,yes,\(row % 40),\(1 + row % 3),park,agree,neutral\n"
    }
    let input = try directory.write("org.csv", csv)
    let store = directory.path + "/org.db"
    #expect(
      Run(["import", "--survey", Self.survey, "--store", store, "--wave", "1", input]).status == 0)
    let south = Run([
      "report", "--survey", Self.survey, "--store", store, "--chapter", "South", "--format", "json",
    ])
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(south.out.utf8)) as? [String: Any])
    let respondents = report["respondents"] as? [String: Any]
    #expect(respondents?["withheld"] as? String == "minimum-group")
    #expect((report["questions"] as? [Any])?.isEmpty == true)
    for indicator in report["indicators"] as? [[String: Any]] ?? [] {
      #expect((indicator["value"] as? [String: Any])?["value"] == nil)
    }
    // The overview shows the organization (63 people); with only two chapters, showing North
    // would give South by subtraction, so North is withheld too.
    let overview = Run(["report", "--survey", Self.survey, "--store", store, "--format", "json"])
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(overview.out.utf8)) as? [String: Any])
    let columns = (object["chapters"] as? [String: Any])?["chapters"] as? [[String: Any]] ?? []
    #expect(columns.count == 2)
    for column in columns {
      #expect(
        (column["respondents"] as? [String: Any])?["withheld"] != nil, "\(column["name"] ?? "")")
    }
  }
}
