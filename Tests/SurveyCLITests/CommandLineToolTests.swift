import Foundation
import SurveyCLI
import Testing

@Suite struct CommandLineToolTests {
  @Test func versionAndHelpGoToStandardOutput() {
    let version = Run(["--version"])
    #expect(version.status == 0)
    #expect(version.out == "survey \(CommandLineTool.version)\n")
    let help = Run(["--help"])
    #expect(help.status == 0)
    #expect(help.out.contains("COMMANDS:"))
    #expect(help.out.contains("check"))
    #expect(help.err.isEmpty)
  }

  @Test func noCommandIsAUsageError() {
    let run = Run([])
    #expect(run.status == 64)
    #expect(run.err.contains("USAGE: survey <command>"))
    #expect(run.out.isEmpty)
  }

  @Test func unknownCommandSuggestsTheRightOne() {
    let run = Run(["chek", "x.survey"])
    #expect(run.status == 64)
    #expect(run.err.hasPrefix("Error: unknown command 'chek' (did you mean 'check'?)\nUsage: "))
  }

  @Test func unknownOptionSuggestsTheRightOne() {
    let run = Run(["check", "--strcit", "x.survey"])
    #expect(run.status == 64)
    #expect(run.err.contains("unknown option '--strcit' (did you mean '--strict'?)"))
    #expect(run.err.contains("Usage: survey survey check [--strict] FILE...") == false)
    #expect(run.err.contains("Usage: survey check [--strict] FILE..."))
  }

  @Test func missingArgumentIsAUsageError() {
    let run = Run(["check"])
    #expect(run.status == 64)
    #expect(run.err.contains("Error: no survey file given"))
  }

  @Test func helpForACommand() {
    let help = Run(["help", "fmt"])
    #expect(help.status == 0)
    #expect(help.out.contains("USAGE: survey fmt"))
    #expect(help.out.contains("--write"))
    let inline = Run(["describe", "--help"])
    #expect(inline.status == 0)
    #expect(inline.out.contains("--format text|json"))
    let unknown = Run(["help", "fmtt"])
    #expect(unknown.status == 64)
    #expect(unknown.err.contains("did you mean 'fmt'?"))
  }

  @Test func badColorValueIsAUsageError() {
    let run = Run(["--color", "sometimes", "check", "x"])
    #expect(run.status == 64)
    #expect(run.err.contains("auto, always or never"))
  }
}
