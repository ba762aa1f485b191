/// The line ending a ``CSVWriter`` puts after each record.
package enum CSVLineEnding: Sendable, Equatable {
  /// CR LF, as RFC 4180 specifies and spreadsheets expect.
  case crlf
  /// LF alone.
  case lf

  /// The bytes of the line ending.
  package var bytes: [UInt8] {
    switch self {
    case .crlf: return [0x0D, 0x0A]
    case .lf: return [0x0A]
    }
  }
}
