import SurveyCore

/// The result of parsing one file: its outline (for the formatter) and its declarations.
package struct ParsedFile: Sendable, Hashable {
  /// The file.
  package var file: SourceFile
  /// The tree of lines, with comments.
  package var outline: Outline
  /// The declarations in order.
  package var declarations: [Declaration]
  /// Every problem found while lexing and parsing.
  package var diagnostics: [Diagnostic]
}

/// Turns a survey file into declarations. It never fails: it reports problems and recovers at the
/// next line, so one run finds every syntax error of a file.
package struct Parser {
  /// The file being parsed.
  package let file: SourceFile
  /// Problems found so far.
  package var diagnostics: [Diagnostic] = []
  /// The number of diagnostics when the current line started; after an error on a line, the
  /// rest of the line is skipped silently rather than reported again.
  package var diagnosticsAtLineStart = 0
  /// Whether the file starts with `translation`: then a declaration's title may be left out
  /// (it is translated elsewhere, or not yet).
  package var isTranslationFile = false

  /// Whether an error has been reported on the current line.
  package var lineHasError: Bool {
    diagnostics[min(diagnosticsAtLineStart, diagnostics.count)...].contains {
      $0.severity == .error
    }
  }

  /// The deepest nesting an expression may have.
  package static let maxExpressionDepth = 64

  /// Creates a parser for a file.
  package init(file: SourceFile) {
    self.file = file
  }

  /// Lexes and parses a file.
  package static func parse(_ file: SourceFile) -> ParsedFile {
    var lexer = Lexer(file: file)
    let lines = lexer.lexLines()
    let outline = Outline(lines: lines)
    var parser = Parser(file: file)
    parser.diagnostics = lexer.diagnostics
    parser.checkIndentation(lines)
    parser.isTranslationFile = outline.nodes.first?.line.tokens.first?.isWord("translation") == true
    let declarations = outline.nodes.compactMap { parser.parseDeclaration($0) }
    return ParsedFile(
      file: file, outline: outline, declarations: declarations,
      diagnostics: parser.diagnostics)
  }

  /// Records a diagnostic.
  package mutating func report(
    _ severity: Severity, _ id: String, _ message: String, at range: SourceRange,
    label: String? = nil, notes: [Diagnostic.Note] = []
  ) {
    diagnostics.append(
      Diagnostic(severity, id: id, message, at: range, label: label, notes: notes))
  }

  /// Records an error, unless the line already has one (one error per line avoids cascades).
  package mutating func error(
    _ id: String, _ message: String, at range: SourceRange, label: String? = nil
  ) {
    guard !lineHasError else { return }
    report(.error, id, message, at: range, label: label)
  }
}

extension Parser {
  private mutating func checkIndentation(_ lines: [LexedLine]) {
    let content = lines.filter { !$0.tokens.isEmpty }
    guard let firstTab = content.first(where: \.indentHasTab),
      content.contains(where: \.indentHasSpace)
    else { return }
    let range = SourceRange(
      file: file, bytes: firstTab.bytes.lowerBound..<firstTab.bytes.lowerBound)
    report(
      .warning, "dsl.mixedIndentation", DSLMessage.mixedIndentation, at: range,
      label: "indent with spaces only")
  }

  private mutating func parseDeclaration(_ node: OutlineNode) -> Declaration? {
    var cursor = TokenCursor(file: file, line: node.line)
    diagnosticsAtLineStart = diagnostics.count
    guard let first = cursor.advance() else { return nil }
    let firstRange = cursor.range(of: first)
    if node.line.indent > 0 {
      error(
        "dsl.unexpectedIndentation", DSLMessage.indentedDeclaration, at: firstRange,
        label: "remove the indentation or indent it under a declaration")
      return nil
    }
    guard first.kind == .word, let kind = DeclarationKind(rawValue: first.text) else {
      let candidates = DeclarationKind.allCases.map(\.rawValue)
      if first.kind == .word {
        error(
          "dsl.unknownDeclaration", DSLMessage.unknownDeclaration(first.text), at: firstRange,
          label: Suggestion.label(for: first.text, in: candidates))
      } else if first.kind != .invalid {
        error("dsl.expectedDeclaration", DSLMessage.expectedDeclaration, at: firstRange)
      }
      return nil
    }
    var declaration = Declaration(
      kind: kind, keyword: Name(first.text, firstRange), name: nil, title: nil, path: nil,
      attributes: [], range: SourceRange(file: file, bytes: node.line.bytes))
    parseHeader(&declaration, &cursor)
    for child in node.children {
      if let attribute = parseAttribute(child, in: kind) {
        declaration.attributes.append(attribute)
      }
    }
    return declaration
  }

  private mutating func parseHeader(_ declaration: inout Declaration, _ cursor: inout TokenCursor) {
    if declaration.kind == .use {
      declaration.path = parsePath(&cursor)
      expectEnd(&cursor)
      return
    }
    if declaration.kind == .translation {
      parseTranslationHeader(&declaration, &cursor)
      return
    }
    let what = declaration.kind.rawValue
    declaration.name = expectName(&cursor, what: "a name for the \(what)")
    let needsTitle = declaration.kind != .choices && !isTranslationFile
    if let token = cursor.current, token.kind == .string {
      cursor.index += 1
      declaration.title = Text(token.value, cursor.range(of: token))
    } else if needsTitle, declaration.name != nil {
      error(
        "dsl.expectedText", DSLMessage.expectedTitle(declaration.kind), at: cursor.here,
        label: "add the text in double quotes")
    }
    expectEnd(&cursor)
  }

  /// `translation LANG for NAME`.
  private mutating func parseTranslationHeader(
    _ declaration: inout Declaration, _ cursor: inout TokenCursor
  ) {
    declaration.name = expectWord(&cursor, what: "the language code, such as es")
    guard declaration.name != nil else { return }
    guard cursor.eat(word: "for") != nil else {
      error(
        "dsl.expectedFor", DSLMessage.expectedFor, at: cursor.here,
        label: "write 'translation \(declaration.name?.text ?? "es") for SURVEY'")
      return
    }
    declaration.target = expectName(&cursor, what: "the name of the survey or library translated")
    expectEnd(&cursor)
  }

  private mutating func parsePath(_ cursor: inout TokenCursor) -> Text? {
    guard let token = cursor.advance(), token.kind == .raw || token.kind == .string else {
      error("dsl.expectedPath", DSLMessage.expectedPath, at: cursor.here)
      return nil
    }
    return Text(token.value, cursor.range(of: token))
  }
}
