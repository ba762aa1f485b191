/// The result of parsing a file's chunks in parallel.
package enum CSVParallelOutcome<Value: Sendable>: Sendable {
  /// Every chunk was parsed; one value per chunk, in file order.
  case completed([Value])

  /// The results cannot be trusted; read the file with the serial ``CSVReader`` instead.
  ///
  /// The reason is worded as a diagnostic, e.g. `stray quote in an unquoted field at line 7,
  /// column 3; quote parity cannot locate record boundaries`.
  case needsSerialFallback(reason: String)
}
