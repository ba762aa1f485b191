/// A JSON document built in code and written deterministically (keys in insertion order).
///
/// Strings are escaped so the output is also safe to embed in HTML: besides `"`, `\` and control
/// characters, `<`, `>`, `&`, `'`, U+2028 and U+2029 are written as `\u` escapes.
package indirect enum JSONValue: Sendable, Hashable {
  case null
  case bool(Bool)
  case number(Double)
  case integer(Int)
  case string(String)
  case array([JSONValue])
  /// An object with keys in the order given.
  case object([(String, JSONValue)])

  /// Two values are equal when they print the same.
  package static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.compact == rhs.compact }

  /// Hashes the compact text.
  package func hash(into hasher: inout Hasher) { hasher.combine(compact) }

  /// A string, or `null` when `nil`.
  package static func string(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }

  /// A number, or `null` when `nil` or not finite.
  package static func number(_ value: Double?) -> JSONValue {
    guard let value, value.isFinite else { return .null }
    return .number(value)
  }

  /// The document on one line.
  package var compact: String {
    var out = ""
    write(into: &out, indent: nil, level: 0)
    return out
  }

  /// The document indented by two spaces, ending with a newline.
  package var pretty: String {
    var out = ""
    write(into: &out, indent: "  ", level: 0)
    return out + "\n"
  }

  /// Formats a number the same way on every platform: integers without a decimal point, others
  /// with up to 12 significant digits.
  package static func format(_ value: Double) -> String {
    if value.rounded() == value, abs(value) < 1e15 { return String(Int(value)) }
    var text = String(value)
    if text.contains("e") || text.count > 17 {
      text = formatSignificant(value, digits: 12)
    }
    return text
  }

  private static func formatSignificant(_ value: Double, digits: Int) -> String {
    var text = ""
    let magnitude = abs(value)
    let exponent = magnitude == 0 ? 0 : Int((magnitude.log10()).rounded(.down))
    let decimals = max(0, digits - 1 - exponent)
    let scale = pow10(decimals)
    let rounded = (magnitude * scale).rounded() / scale
    text = String(rounded)
    if value < 0 { text = "-" + text }
    return text
  }

  private static func pow10(_ n: Int) -> Double {
    var result = 1.0
    for _ in 0..<min(n, 300) { result *= 10 }
    return result
  }

  private func write(into out: inout String, indent: String?, level: Int) {
    switch self {
    case .null: out += "null"
    case .bool(let flag): out += flag ? "true" : "false"
    case .number(let value): out += value.isFinite ? Self.format(value) : "null"
    case .integer(let value): out += String(value)
    case .string(let text): Self.writeString(text, into: &out)
    case .array(let items):
      if items.isEmpty {
        out += "[]"
        return
      }
      out += "["
      for (position, item) in items.enumerated() {
        if position > 0 { out += "," }
        newline(&out, indent, level + 1)
        item.write(into: &out, indent: indent, level: level + 1)
      }
      newline(&out, indent, level)
      out += "]"
    case .object(let members):
      if members.isEmpty {
        out += "{}"
        return
      }
      out += "{"
      for (position, member) in members.enumerated() {
        if position > 0 { out += "," }
        newline(&out, indent, level + 1)
        Self.writeString(member.0, into: &out)
        out += indent == nil ? ":" : ": "
        member.1.write(into: &out, indent: indent, level: level + 1)
      }
      newline(&out, indent, level)
      out += "}"
    }
  }

  private func newline(_ out: inout String, _ indent: String?, _ level: Int) {
    guard let indent else { return }
    out += "\n" + String(repeating: indent, count: level)
  }

  private static func writeString(_ text: String, into out: inout String) {
    out += "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "<", ">", "&", "'", "\u{2028}", "\u{2029}":
        out += unicodeEscape(scalar.value)
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          out += unicodeEscape(scalar.value)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    out += "\""
  }

  private static func unicodeEscape(_ value: UInt32) -> String {
    let hex = String(value, radix: 16)
    return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
  }
}

extension Double {
  fileprivate func log10() -> Double {
    var exponent = 0.0
    var value = self
    while value >= 10 {
      value /= 10
      exponent += 1
    }
    while value < 1, value > 0 {
      value *= 10
      exponent -= 1
    }
    return exponent
  }
}
