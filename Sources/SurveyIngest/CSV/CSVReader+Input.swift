import Glibc

/// Reading bytes into the buffer: opening, refilling, compacting and growing.
extension CSVReader {
  /// Whether a refill can add bytes to the current record: there is consumed space to
  /// reclaim, free space, or room to grow.
  var canReceiveMoreBytes: Bool {
    recordStart > 0 || fill < capacity || capacity < maxBufferCapacity
  }

  /// Makes room and reads more input after the current record's bytes.
  ///
  /// Moves the unfinished record to the front of the buffer, grows the buffer if the record
  /// fills all of it, then reads. Sets ``atEOF`` when the input is exhausted.
  ///
  /// - Throws: ``CSVIOError/cannotRead(path:errno:)`` when reading fails.
  func refill() throws(CSVIOError) {
    if recordStart > 0 {
      let keep = fill - recordStart
      if keep > 0 {
        // Both ranges lie inside the initialised `0..<fill` part of the buffer.
        memmove(buffer, buffer + recordStart, keep)
      }
      position -= recordStart
      fieldStart -= recordStart
      fill = keep
      recordStart = 0
    }
    if fill == capacity, capacity < maxBufferCapacity {
      let newCapacity = min(capacity * 2, maxBufferCapacity)
      let newBuffer = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
      newBuffer.update(from: buffer, count: fill)
      buffer.deallocate()
      buffer = newBuffer
      capacity = newCapacity
    }
    let count = try readSource(into: buffer + fill, count: capacity - fill)
    if count == 0 {
      atEOF = true
    } else {
      fill += count
    }
  }

  /// Grows the field-span storage.
  ///
  /// - Parameter count: The number of spans in use (equal to the capacity).
  /// - Returns: `false` when the field-count limit is reached.
  func growSpans(count: Int) -> Bool {
    guard spanCapacity < maxFields else { return false }
    let newCapacity = min(spanCapacity * 2, maxFields)
    let newSpans = UnsafeMutablePointer<CSVFieldSpan>.allocate(capacity: newCapacity)
    newSpans.initialize(from: spans, count: count)
    spans.deallocate()
    spans = newSpans
    spanCapacity = newCapacity
    return true
  }

  /// Opens a file for reading.
  ///
  /// - Parameter path: The file.
  /// - Returns: The file descriptor.
  /// - Throws: ``CSVIOError/cannotOpen(path:errno:)``.
  static func open(_ path: String) throws(CSVIOError) -> Int32 {
    let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw .cannotOpen(path: path, errno: errno) }
    return descriptor
  }

  /// Reads up to ``CSVSniffer/sampleLimit`` bytes from the start of a file.
  ///
  /// - Parameters:
  ///   - descriptor: The open file.
  ///   - path: The file's path, for errors.
  /// - Returns: The bytes; fewer than the limit only when the file is shorter.
  /// - Throws: ``CSVIOError/cannotRead(path:errno:)``.
  static func readSample(descriptor: Int32, path: String) throws(CSVIOError) -> [UInt8] {
    var sample = [UInt8](repeating: 0, count: CSVSniffer.sampleLimit)
    var total = 0
    while total < sample.count {
      let count = sample.withUnsafeMutableBytes { bytes in
        // `total < bytes.count`, so the destination range is inside the array.
        pread(descriptor, bytes.baseAddress.map { $0 + total }, bytes.count - total, off_t(total))
      }
      if count > 0 {
        total += count
      } else if count == 0 {
        break
      } else if errno != EINTR {
        throw .cannotRead(path: path, errno: errno)
      }
    }
    sample.removeSubrange(total...)
    return sample
  }
}

extension CSVReader {
  private func readSource(into destination: UnsafeMutablePointer<UInt8>, count: Int)
    throws(CSVIOError) -> Int
  {
    let wanted = min(count, sourceEnd - sourceOffset)
    guard wanted > 0 else { return 0 }
    switch source {
    case .memory(let bytes):
      let available = min(wanted, bytes.count - sourceOffset)
      guard available > 0 else { return 0 }
      bytes.withUnsafeBufferPointer { all in
        // `sourceOffset + available <= bytes.count` by the line above.
        if let base = all.baseAddress {
          destination.update(from: base + sourceOffset, count: available)
        }
      }
      sourceOffset += available
      return available
    case .file(let descriptor, let path):
      while true {
        let count = pread(descriptor, destination, wanted, off_t(sourceOffset))
        if count >= 0 {
          sourceOffset += count
          return count
        }
        if errno != EINTR {
          throw .cannotRead(path: path, errno: errno)
        }
      }
    }
  }
}
