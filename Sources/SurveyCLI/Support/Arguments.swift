import SurveyCore

/// One option a command accepts.
package struct OptionSpec: Sendable {
  /// The long name without dashes, such as `strict`.
  package var name: String
  /// A one-letter alias, such as `o` for `-o`.
  package var short: Character?
  /// The name of the value it takes (`FILE`), or `nil` for a flag.
  package var value: String?
  /// One line of help.
  package var help: String
  /// Whether it may be given more than once.
  package var repeats: Bool

  /// Creates an option.
  package init(
    _ name: String, short: Character? = nil, value: String? = nil, repeats: Bool = false,
    help: String
  ) {
    self.name = name
    self.short = short
    self.value = value
    self.help = help
    self.repeats = repeats
  }
}

/// A command line split into options and positional arguments.
package struct ParsedArguments: Sendable {
  /// The flags given.
  package var flags: Set<String> = []
  /// The values of options, in order.
  package var values: [String: [String]] = [:]
  /// The positional arguments.
  package var positionals: [String] = []

  /// Whether a flag was given.
  package func has(_ flag: String) -> Bool { flags.contains(flag) }

  /// The last value of an option.
  package func value(_ name: String) -> String? { values[name]?.last }

  /// Parses arguments against option specs.
  ///
  /// - Throws: ``CommandFailure`` (usage) for unknown options and missing values, with a
  ///   "did you mean" suggestion.
  package static func parse(_ arguments: [String], options: [OptionSpec]) throws -> ParsedArguments
  {
    var parsed = ParsedArguments()
    var index = 0
    var onlyPositionals = false
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      if onlyPositionals || argument == "-" || !argument.hasPrefix("-") {
        parsed.positionals.append(argument)
        continue
      }
      if argument == "--" {
        onlyPositionals = true
        continue
      }
      let (spec, inlineValue, written) = try find(argument, in: options)
      guard let valueName = spec.value else {
        if inlineValue != nil {
          throw CommandFailure.usage("option '\(written)' does not take a value")
        }
        parsed.flags.insert(spec.name)
        continue
      }
      let value: String
      if let inlineValue {
        value = inlineValue
      } else if index < arguments.count {
        value = arguments[index]
        index += 1
      } else {
        throw CommandFailure.usage("option '\(written)' needs a value (\(valueName))")
      }
      if !spec.repeats, parsed.values[spec.name] != nil {
        throw CommandFailure.usage("option '\(written)' is given more than once")
      }
      parsed.values[spec.name, default: []].append(value)
    }
    return parsed
  }

  private static func find(_ argument: String, in options: [OptionSpec]) throws
    -> (OptionSpec, String?, String)
  {
    if argument.hasPrefix("--") {
      let body = argument.dropFirst(2)
      let parts = body.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let name = String(parts.first ?? "")
      let inline = parts.count > 1 ? String(parts[1]) : nil
      guard let spec = options.first(where: { $0.name == name }) else {
        let suggestion = Suggestion.closest(to: name, in: options.map(\.name)).map {
          " (did you mean '--\($0)'?)"
        }
        throw CommandFailure.usage("unknown option '--\(name)'" + (suggestion ?? ""))
      }
      return (spec, inline, "--" + name)
    }
    let letter = argument.dropFirst().first
    guard argument.count == 2, let letter, let spec = options.first(where: { $0.short == letter })
    else {
      throw CommandFailure.usage("unknown option '\(argument)'")
    }
    return (spec, nil, argument)
  }
}
