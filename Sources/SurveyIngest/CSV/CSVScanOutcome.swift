/// What one run of the tokenizer produced.
enum CSVScanOutcome {
  /// A record is complete.
  case record
  /// A blank line was consumed.
  case blankLine
  /// The buffer ran dry in the middle of a record; refill and scan again.
  case needMore
  /// The input is exhausted and no record is in progress.
  case endOfInput
  /// The record reached the field-count limit.
  case tooManyFields
}
