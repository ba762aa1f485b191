import Foundation
import SurveyCore

/// A declaration together with the file it came from.
package struct LocatedDeclaration: Sendable, Hashable {
  /// The declaration.
  package var declaration: Declaration
  /// The index of its file in ``LoadedFiles/files``.
  package var fileIndex: Int
}

/// A survey file and every file it uses, parsed, with declarations in the order they are asked.
package struct LoadedFiles: Sendable {
  /// The files in the order they were first read; the first is the main file.
  package var files: [ParsedFile]
  /// All declarations, with each `use` replaced by the used file's declarations.
  package var declarations: [LocatedDeclaration]
  /// Problems found while reading and parsing.
  package var diagnostics: [Diagnostic]
}

/// An operational failure: a file that cannot be read at all.
package enum SurveyError: Error, LocalizedError, Equatable {
  /// The file does not exist or cannot be read.
  case unreadable(path: String, reason: String)

  /// A sentence for the user.
  package var errorDescription: String? {
    switch self {
    case .unreadable(let path, let reason): "cannot read '\(path)': \(reason)"
    }
  }
}

/// Reads a survey file and, recursively, the files it `use`s.
package struct SourceLoader: Sendable {
  /// Reads a file's bytes; replaceable in tests.
  package var read: @Sendable (String) throws -> [UInt8]
  /// Lists the file names in a directory (for "did you mean" on missing files).
  package var list: @Sendable (String) -> [String]

  /// A loader that reads from the file system.
  package init() {
    read = { path in
      guard let data = FileManager.default.contents(atPath: path) else {
        let exists = FileManager.default.fileExists(atPath: path)
        throw SurveyError.unreadable(
          path: path, reason: exists ? "permission denied or not a file" : "no such file")
      }
      return [UInt8](data)
    }
    list = { path in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] }
  }

  /// A loader over in-memory files (for tests and fuzzing).
  package init(files: [String: String]) {
    read = { path in
      guard let text = files[path] else {
        throw SurveyError.unreadable(path: path, reason: "no such file")
      }
      return Array(text.utf8)
    }
    list = { directory in
      files.keys.filter { PathUtilities.directory(of: $0) == directory }
        .map { PathUtilities.lastComponent($0) }
    }
  }

  /// Loads the main file and every file it uses.
  ///
  /// - Throws: ``SurveyError`` when the main file cannot be read. Problems in used files are
  ///   diagnostics instead.
  package func load(path: String) throws -> LoadedFiles {
    let bytes = try read(path)
    var state = State()
    let main = parse(path: path, bytes: bytes, diagnostics: &state.diagnostics)
    state.visit(main, loader: self, stack: [PathUtilities.normalize(path)])
    return LoadedFiles(
      files: state.files, declarations: state.declarations, diagnostics: state.diagnostics)
  }

  /// The path a `use` line names: relative to the including file, `.survey` added if missing.
  package static func resolve(_ written: String, from including: String) -> String {
    var relative = written
    if !relative.hasSuffix(".survey") { relative += ".survey" }
    return PathUtilities.normalize(
      relative.hasPrefix("/")
        ? relative : PathUtilities.join(PathUtilities.directory(of: including), relative))
  }

  /// For a translation file, the survey (or library) file next to it that uses it, if any.
  package func translationUser(of path: String) -> String? {
    let directory = PathUtilities.directory(of: path)
    let target = PathUtilities.normalize(path)
    for name in list(directory).sorted() where name.hasSuffix(".survey") {
      let candidate = PathUtilities.join(directory, name)
      guard PathUtilities.normalize(candidate) != target, let bytes = try? read(candidate) else {
        continue
      }
      let parsed = Parser.parse(
        SourceFile(path: candidate, text: String(decoding: bytes, as: UTF8.self)))
      guard parsed.declarations.first?.kind != .translation else { continue }
      let uses = parsed.declarations.contains {
        $0.kind == .use && $0.path.map { SourceLoader.resolve($0.value, from: candidate) } == target
      }
      if uses { return candidate }
    }
    return nil
  }

  /// Parses bytes, reporting invalid UTF-8.
  package func parse(path: String, bytes: [UInt8], diagnostics: inout [Diagnostic]) -> ParsedFile {
    let text = String(decoding: bytes, as: UTF8.self)
    let file = SourceFile(path: path, text: text)
    if let bad = PathUtilities.firstInvalidUTF8(bytes) {
      let valid = String(decoding: bytes[..<bad], as: UTF8.self).utf8.count
      diagnostics.append(
        Diagnostic(
          .error, id: "dsl.invalidUTF8", DSLMessage.invalidUTF8,
          at: SourceRange(file: file, bytes: valid..<(valid + 1)),
          label: "save the file as UTF-8"))
    }
    let parsed = Parser.parse(file)
    diagnostics += parsed.diagnostics
    return parsed
  }
}

extension SourceLoader {
  private struct State {
    var files: [ParsedFile] = []
    var declarations: [LocatedDeclaration] = []
    var diagnostics: [Diagnostic] = []
    var loaded: Set<String> = []

    mutating func visit(_ parsed: ParsedFile, loader: SourceLoader, stack: [String]) {
      let fileIndex = files.count
      files.append(parsed)
      loaded.insert(stack.last ?? parsed.file.path)
      for var declaration in parsed.declarations {
        if declaration.kind == .survey {
          declaration.attributes = readMarginsFiles(
            declaration.attributes, from: parsed.file.path, loader: loader)
        }
        guard declaration.kind == .use else {
          declarations.append(LocatedDeclaration(declaration: declaration, fileIndex: fileIndex))
          continue
        }
        declarations.append(LocatedDeclaration(declaration: declaration, fileIndex: fileIndex))
        guard let pathText = declaration.path else { continue }
        include(pathText, from: parsed.file.path, loader: loader, stack: stack)
      }
    }

    /// Replaces each `rake from "FILE"` line with the margin lines of the file it names
    /// (relative to the survey file), reporting a file that cannot be read.
    mutating func readMarginsFiles(
      _ attributes: [Attribute], from including: String, loader: SourceLoader
    ) -> [Attribute] {
      attributes.flatMap { attribute -> [Attribute] in
        guard case .rake(.file(let name)) = attribute.value else { return [attribute] }
        let path =
          name.value.hasPrefix("/")
          ? name.value : PathUtilities.join(PathUtilities.directory(of: including), name.value)
        let normalized = PathUtilities.normalize(path)
        // A file on disk must be a regular file of reasonable size (not /dev/zero).
        if FileManager.default.fileExists(atPath: normalized) {
          do {
            _ = try SmallFile.read(normalized, limit: 16 << 20)
          } catch {
            diagnostics.append(
              Diagnostic(
                .error, id: "check.marginsFileNotFound",
                "the margins file '\(name.value)' "
                  + ((error as? SmallFile.Problem)?.phrase ?? "cannot be read"), at: name.range,
                label: "name a CSV file of margins"))
            return []
          }
        }
        guard let bytes = try? loader.read(normalized) else {
          diagnostics.append(
            Diagnostic(
              .error, id: "check.marginsFileNotFound",
              "cannot read the margins file '\(name.value)' (looked for '\(path)')",
              at: name.range, label: "give the path relative to this survey file"))
          return []
        }
        let (lines, problems) = MarginsFile.attributes(
          path: path, bytes: bytes, keyword: attribute.keyword)
        diagnostics += problems
        return lines
      }
    }

    mutating func include(
      _ pathText: Text, from including: String, loader: SourceLoader, stack: [String]
    ) {
      let path = SourceLoader.resolve(pathText.value, from: including)
      if let start = stack.firstIndex(of: path) {
        let cycle = (stack[start...] + [path]).map(PathUtilities.lastComponent).joined(
          separator: " → ")
        diagnostics.append(
          Diagnostic(.error, id: "check.useCycle", DSLMessage.useCycle(cycle), at: pathText.range))
        return
      }
      if loaded.contains(path) { return }
      guard let bytes = try? loader.read(path) else {
        let directory = PathUtilities.directory(of: path)
        let candidates = loader.list(directory).filter { $0.hasSuffix(".survey") }
        let name = PathUtilities.lastComponent(path)
        let label = Suggestion.closest(to: name, in: candidates).map {
          "did you mean '\(PathUtilities.replacingLastComponent(of: pathText.value, with: $0))'?"
        }
        diagnostics.append(
          Diagnostic(
            .error, id: "check.useNotFound", DSLMessage.useNotFound(pathText.value, path),
            at: pathText.range, label: label))
        return
      }
      let parsed = loader.parse(path: path, bytes: bytes, diagnostics: &diagnostics)
      visit(parsed, loader: loader, stack: stack + [path])
    }
  }
}
