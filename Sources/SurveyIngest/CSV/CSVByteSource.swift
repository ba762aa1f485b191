/// Where the reader's bytes come from.
enum CSVByteSource {
  /// An open file, read with `pread(2)`.
  case file(descriptor: Int32, path: String)
  /// Bytes in memory.
  case memory([UInt8])
}
