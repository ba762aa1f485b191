import Foundation
import SurveyCLI
import Testing

@Suite struct CheckCommandTests {
  @Test func cleanFileExitsZeroWithASummary() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.write("good.survey", goodSurvey)
    let run = Run(["check", path])
    #expect(run.status == 0)
    #expect(run.out == "\(path): ok (1 question)\n")
    #expect(run.err.isEmpty)
  }

  @Test func errorsGoToStandardErrorWithLocationAndExitOne() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.write("bad.survey", badSurvey)
    let run = Run(["check", path])
    #expect(run.status == 1)
    #expect(
      run.err.hasPrefix(
        "\(path):6:3: error: unknown attribute 'requird' in a question [dsl.unknownAttribute]\n6 |   requird\n  |   ^^^^^^^ did you mean 'required'?\n"
      ))
    #expect(!run.err.contains("\u{1B}["))
    #expect(run.out == "\(path): 1 error\n")
  }

  @Test func warningsFailOnlyWithStrict() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.write("warn.survey", warningSurvey)
    let lenient = Run(["check", path])
    #expect(lenient.status == 0)
    #expect(lenient.out.contains("ok with 2 warnings"))
    let strict = Run(["check", "--strict", path])
    #expect(strict.status == 1)
  }

  @Test func unreadableFileIsAnInputError() {
    let run = Run(["check", "/nonexistent/x.survey"])
    #expect(run.status == 1)
    #expect(run.err.contains("cannot read '/nonexistent/x.survey': no such file"))
  }

  @Test func colourOnlyOnATerminalOrWhenAsked() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.write("bad.survey", badSurvey)
    #expect(Run(["check", path], terminal: true).err.contains("\u{1B}[1;31merror:"))
    #expect(
      !Run(["check", path], terminal: true, environment: ["NO_COLOR": "1"]).err.contains("\u{1B}["))
    #expect(Run(["--color", "always", "check", path]).err.contains("\u{1B}["))
    #expect(!Run(["check", "--color=never", path], terminal: true).err.contains("\u{1B}["))
  }

  @Test func severalFilesAreAllChecked() throws {
    let directory = try TemporaryDirectory()
    let good = try directory.write("good.survey", goodSurvey)
    let bad = try directory.write("bad.survey", badSurvey)
    let run = Run(["check", bad, good])
    #expect(run.status == 1)
    #expect(run.out == "\(bad): 1 error\n\(good): ok (1 question)\n")
  }
}
