import Foundation

/// A small JSON Schema checker for the subset `Reports/report.schema.json` uses: type, const,
/// enum, properties, required, additionalProperties false, items and local `$ref`s.
struct SchemaValidator {
  let schema: [String: Any]

  func validate(_ value: Any) -> [String] {
    var problems: [String] = []
    check(value, against: schema, path: "$", problems: &problems)
    return problems
  }

  func resolve(_ node: [String: Any]) -> [String: Any] {
    guard let reference = node["$ref"] as? String, reference.hasPrefix("#/$defs/") else {
      return node
    }
    let name = String(reference.dropFirst("#/$defs/".count))
    return ((schema["$defs"] as? [String: Any])?[name] as? [String: Any]) ?? [:]
  }

  func check(_ value: Any, against node: [String: Any], path: String, problems: inout [String]) {
    let node = resolve(node)
    if let constant = node["const"] as? String, value as? String != constant {
      problems.append("\(path): expected \(constant)")
    }
    if let options = node["enum"] as? [String],
      !(value as? String).map(options.contains).unwrap(false)
    {
      problems.append("\(path): \(value) is not one of \(options)")
    }
    switch node["type"] as? String {
    case "object":
      guard let object = value as? [String: Any] else {
        problems.append("\(path): expected an object")
        return
      }
      let properties = node["properties"] as? [String: Any] ?? [:]
      for key in node["required"] as? [String] ?? [] where object[key] == nil {
        problems.append("\(path): missing \(key)")
      }
      for (key, member) in object {
        guard let property = properties[key] as? [String: Any] else {
          if node["additionalProperties"] as? Bool == false {
            problems.append("\(path): undeclared key \(key)")
          }
          continue
        }
        check(member, against: property, path: path + "." + key, problems: &problems)
      }
    case "array":
      guard let array = value as? [Any] else {
        problems.append("\(path): expected an array")
        return
      }
      if let items = node["items"] as? [String: Any] {
        for (index, item) in array.enumerated() {
          check(item, against: items, path: "\(path)[\(index)]", problems: &problems)
        }
      }
    case "string":
      if !(value is String) { problems.append("\(path): expected a string") }
    case "boolean":
      if !(value is Bool) {
        problems.append("\(path): expected a boolean")
      }
    case "number", "integer":
      if value is String || value is [Any] || value is [String: Any] {
        problems.append("\(path): expected a number")
      }
    default:
      break
    }
  }
}

extension Optional where Wrapped == Bool {
  func unwrap(_ fallback: Bool) -> Bool { self ?? fallback }
}
