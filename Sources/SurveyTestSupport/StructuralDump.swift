import SurveyCore

/// A text dump of a value's structure that leaves out source positions, so two parses of
/// differently laid-out text can be compared for meaning.
package func structuralDump(_ value: Any) -> String {
  var out = ""
  dump(value, into: &out, indent: 0)
  return out
}

private func dump(_ value: Any, into out: inout String, indent: Int) {
  if value is SourceRange || value is SourceFile || value is Range<Int> || value is SourceLocation {
    return
  }
  let mirror = Mirror(reflecting: value)
  let pad = String(repeating: " ", count: indent)
  switch mirror.displayStyle {
  case .optional:
    if let child = mirror.children.first {
      dump(child.value, into: &out, indent: indent)
    } else {
      out += pad + "nil\n"
    }
  case .collection, .set:
    out += pad + "[\n"
    for child in mirror.children { dump(child.value, into: &out, indent: indent + 2) }
    out += pad + "]\n"
  case .struct, .class, .enum, .tuple, .dictionary:
    let name = String(describing: mirror.subjectType)
    if mirror.displayStyle == .enum, mirror.children.isEmpty {
      out += pad + "\(name).\(value)\n"
      return
    }
    let caseName = mirror.displayStyle == .enum ? "." + (mirror.children.first?.label ?? "") : ""
    out += pad + name + caseName + " {\n"
    for child in mirror.children {
      let sub = Mirror(reflecting: child.value)
      if child.value is SourceRange || child.value is Range<Int> || child.value is SourceFile {
        continue
      }
      if ["bytes", "range", "location"].contains(child.label ?? ""), sub.displayStyle != .enum {
        continue
      }
      out += pad + "  " + (child.label ?? "_") + ":\n"
      dump(child.value, into: &out, indent: indent + 4)
    }
    out += pad + "}\n"
  default:
    out += pad + String(describing: value) + "\n"
  }
}
