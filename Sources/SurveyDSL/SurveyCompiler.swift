import SurveyCore

/// The outcome of compiling a survey file: the survey (when there are no errors) and every
/// diagnostic, in the order of the files and of the text within them.
package struct CompiledSurvey: Sendable {
  /// The checked survey, or `nil` when there are errors.
  package var survey: Survey?
  /// Every problem found, errors and warnings.
  package var diagnostics: [Diagnostic]
  /// The files read, main file first.
  package var files: [ParsedFile]
  /// For a translation file: the survey file it was checked with (the one that uses it).
  package var checkedWith: String? = nil
}

/// Reads, parses and checks survey files.
package enum SurveyCompiler {
  /// Compiles the survey file at `path` and every file it uses.
  ///
  /// - Throws: ``SurveyError`` when the main file cannot be read.
  package static func compile(path: String, loader: SourceLoader = SourceLoader()) throws
    -> CompiledSurvey
  {
    let loaded = try loader.load(path: path)
    // A translation file is checked together with the survey next to it that uses it.
    if loaded.files.first?.declarations.first?.kind == .translation,
      let user = loader.translationUser(of: path)
    {
      var compiled = try compile(path: user, loader: loader)
      compiled.checkedWith = user
      return compiled
    }
    var resolver = Resolver(loaded: loaded)
    let survey = resolver.resolve()
    let order = Dictionary(
      loaded.files.enumerated().map { ($0.element.file.path, $0.offset) },
      uniquingKeysWith: { first, _ in first })
    let diagnostics = resolver.diagnostics.enumerated().sorted { lhs, rhs in
      let left = (
        order[lhs.element.range?.file.path ?? ""] ?? -1, lhs.element.range?.bytes.lowerBound ?? -1
      )
      let right = (
        order[rhs.element.range?.file.path ?? ""] ?? -1, rhs.element.range?.bytes.lowerBound ?? -1
      )
      return left == right ? lhs.offset < rhs.offset : left < right
    }.map(\.element)
    return CompiledSurvey(survey: survey, diagnostics: diagnostics, files: loaded.files)
  }

  /// Compiles survey text held in memory (for tests and tools).
  package static func compile(text: String, path: String = "survey.survey") -> CompiledSurvey {
    let loader = SourceLoader(files: [path: text])
    guard let compiled = try? compile(path: path, loader: loader) else {
      return CompiledSurvey(survey: nil, diagnostics: [], files: [])
    }
    return compiled
  }
}
