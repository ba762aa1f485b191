/// The tokenizer's working state, kept in a local value (and so in registers) during a scan.
struct CSVScanRegisters {
  /// The scan position in the buffer.
  var p: Int
  /// The state machine's state.
  var state: CSVScanState
  /// The buffer offset where the current field starts (its opening quote if quoted).
  var start: Int
  /// The current field's ``CSVFieldSpan`` flags.
  var flags: UInt32
  /// The number of fields completed in the current record.
  var count: Int
  /// The span storage.
  var spans: UnsafeMutablePointer<CSVFieldSpan>
  /// The span storage's capacity.
  var spanCapacity: Int
  /// The physical line at ``p``.
  var line: Int
  /// Whether the current record has an escaped field.
  var escapes: Bool
  /// The buffer offset where the current record starts.
  let recordBase: Int
}
