import Foundation
import SurveyCLI
import Testing

@Suite struct FormatCommandTests {
  static let messy =
    "survey   t \"T\"\n    version 1\n\n\n\nquestion a \"A?\"\n    integer 0..10   # note\n"
  static let tidy = "survey t \"T\"\n  version 1\n\nquestion a \"A?\"\n  integer 0..10  # note\n"

  @Test func printsTheCanonicalLayout() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.write("s.survey", Self.messy)
    let run = Run(["fmt", path])
    #expect(run.status == 0)
    #expect(run.out == Self.tidy)
    #expect(try directory.read("s.survey") == Self.messy)
  }

  @Test func writeRewritesOnlyWhatChanged() throws {
    let directory = try TemporaryDirectory()
    let messy = try directory.write("messy.survey", Self.messy)
    let tidy = try directory.write("tidy.survey", Self.tidy)
    let run = Run(["fmt", "--write", messy, tidy])
    #expect(run.status == 0)
    #expect(run.out == "\(messy): formatted\n")
    #expect(try directory.read("messy.survey") == Self.tidy)
  }

  @Test func checkReportsUnformattedFilesWithoutWriting() throws {
    let directory = try TemporaryDirectory()
    let messy = try directory.write("messy.survey", Self.messy)
    let run = Run(["fmt", "--check", messy])
    #expect(run.status == 1)
    #expect(run.out == "\(messy): not formatted\n")
    #expect(try directory.read("messy.survey") == Self.messy)
    #expect(Run(["fmt", "--check", try directory.write("tidy.survey", Self.tidy)]).status == 0)
  }

  @Test func syntaxErrorsLeaveTheFileAlone() throws {
    let directory = try TemporaryDirectory()
    let broken = "survey t \"T\n  version 1\n"
    let path = try directory.write("broken.survey", broken)
    let run = Run(["fmt", "--write", path])
    #expect(run.status == 1)
    #expect(run.err.contains("[dsl.unterminatedString]"))
    #expect(try directory.read("broken.survey") == broken)
  }

  @Test func conflictingFlagsAreAUsageError() {
    #expect(Run(["fmt", "--write", "--check", "x"]).status == 64)
    #expect(Run(["fmt", "a", "b"]).status == 64)
  }
}
