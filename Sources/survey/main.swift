import Foundation
import SurveyCLI

let status = CommandLineTool(console: .standard()).run(Array(CommandLine.arguments.dropFirst()))
exit(status)
