/// The tokenizer's state between two bytes.
enum CSVScanState: UInt8 {
  /// At the first byte of a field.
  case fieldStart
  /// Inside an unquoted field (or in text after a closing quote).
  case unquoted
  /// Inside a quoted field.
  case quoted
  /// Just after a quote inside a quoted field: a closing quote or half of `""`.
  case quoteInQuoted
}
