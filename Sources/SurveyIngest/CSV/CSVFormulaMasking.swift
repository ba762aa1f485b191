/// The writer's policy against CSV injection: which cells get a leading `'`.
///
/// Spreadsheets run a cell as a formula when its text begins with `=`, `+`, `-` or `@`, and
/// some also after a leading TAB or CR; a survey answer such as `=HYPERLINK(...)` would then
/// execute when an analyst opens the export. The writer therefore prefixes such a field with
/// `'`, which spreadsheets show as text and do not display.
///
/// Plain numbers are left alone, because masking them would turn every negative value into
/// text: a field is a plain number when it is an optional sign, digits with at most one `.` or
/// `,` decimal separator (at least one digit in all), and an optional exponent (`e`/`E`,
/// optional sign, digits), with nothing else: `-3`, `+4`, `-0.5`, `-.5`, `-2,5` and `-1e-3` are
/// not masked; `-`, `-3+1`, `- 3`, `+1 555 0100` and `=1` are.
package enum CSVFormulaMasking {
  /// Whether a field must be masked.
  ///
  /// - Parameter field: The field's bytes.
  /// - Returns: `true` when the field starts with a formula trigger and is not a plain number.
  package static func needsMask(_ field: UnsafeRawBufferPointer) -> Bool {
    guard let first = field.first else { return false }
    switch first {
    case 0x3D, 0x40, 0x09, 0x0D: return true
    case 0x2B, 0x2D: return !isPlainNumber(field)
    default: return false
    }
  }

  /// Whether a field is a plain number in the sense of the policy above.
  ///
  /// - Parameter field: The field's bytes.
  /// - Returns: `true` for a plain number.
  package static func isPlainNumber(_ field: UnsafeRawBufferPointer) -> Bool {
    var index = 0
    let count = field.count
    if index < count, field[index] == 0x2B || field[index] == 0x2D { index += 1 }
    var digits = 0
    var separators = 0
    while index < count {
      let byte = field[index]
      if byte >= 0x30, byte <= 0x39 {
        digits += 1
      } else if byte == 0x2E || byte == 0x2C {
        separators += 1
        guard separators == 1 else { return false }
      } else {
        break
      }
      index += 1
    }
    guard digits > 0 else { return false }
    guard index < count else { return true }
    guard field[index] | 0x20 == 0x65 else { return false }
    index += 1
    if index < count, field[index] == 0x2B || field[index] == 0x2D { index += 1 }
    guard index < count else { return false }
    while index < count {
      guard field[index] >= 0x30, field[index] <= 0x39 else { return false }
      index += 1
    }
    return true
  }
}
