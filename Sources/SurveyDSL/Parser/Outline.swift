import SurveyCore

/// A content line with the lines indented under it and the comments and blank lines around it.
package struct OutlineNode: Sendable, Hashable {
  /// The line itself.
  package var line: LexedLine
  /// Blank and comment-only lines directly before it.
  package var leadingTrivia: [LexedLine]
  /// The lines indented under it.
  package var children: [OutlineNode]
  /// Comment lines at the end of its block, indented like its children.
  package var trailingTrivia: [LexedLine]
}

/// A file as a tree of lines, built from indentation.
package struct Outline: Sendable, Hashable {
  /// The top-level lines.
  package var nodes: [OutlineNode]
  /// Blank and comment lines after the last declaration.
  package var trailingTrivia: [LexedLine]

  /// Builds the tree: a line indented deeper than the line before it belongs under that line.
  ///
  /// A comment line stays with the block it is indented into, even when it is the block's last
  /// line; other comments and blank lines belong to the next line.
  package init(lines: [LexedLine]) {
    var builder = Builder(lines: lines)
    nodes = builder.block(above: -1)
    trailingTrivia = builder.pending + builder.remainingTrivia()
  }
}

extension Outline {
  private struct Builder {
    let lines: [LexedLine]
    var index = 0
    var pending: [LexedLine] = []

    init(lines: [LexedLine]) {
      self.lines = lines
    }

    /// Collects trivia into `pending` and returns the next content line without consuming it.
    mutating func peekContent() -> LexedLine? {
      while index < lines.count, lines[index].tokens.isEmpty {
        pending.append(lines[index])
        index += 1
      }
      return index < lines.count ? lines[index] : nil
    }

    mutating func block(above parentIndent: Int) -> [OutlineNode] {
      var nodes: [OutlineNode] = []
      while let line = peekContent(), line.indent > parentIndent {
        index += 1
        let leading = pending
        pending = []
        var node = OutlineNode(line: line, leadingTrivia: leading, children: [], trailingTrivia: [])
        node.children = block(above: line.indent)
        node.trailingTrivia = takeTrailingComments(deeperThan: line.indent)
        nodes.append(node)
      }
      return nodes
    }

    /// Pending comment lines indented deeper than `indent` end the block they are indented into.
    mutating func takeTrailingComments(deeperThan indent: Int) -> [LexedLine] {
      guard let lastDeep = pending.lastIndex(where: { $0.comment != nil && $0.indent > indent })
      else { return [] }
      let prefix = pending[...lastDeep]
      guard prefix.allSatisfy({ $0.isBlank || $0.indent > indent }) else { return [] }
      pending.removeFirst(lastDeep + 1)
      return Array(prefix)
    }

    mutating func remainingTrivia() -> [LexedLine] {
      let rest = Array(lines[index...])
      index = lines.count
      return rest
    }
  }
}
