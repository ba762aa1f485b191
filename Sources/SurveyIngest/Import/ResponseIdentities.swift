/// The identities of the rows a report read straight from exports, so that it can tell when
/// the exports give a response more than once: a report from exports has no store to say
/// "already present", and must not count such a response twice.
///
/// A row is identified as import identifies it (`STORE.md`, "What identifies a response"): by
/// the platform's response id within its wave, or without an id by its text within its wave
/// and which occurrence of that text in its file it is. Identities are kept as 64-bit hashes
/// (8 bytes a row, only for files with ids or when several files are read); two different
/// rows share a hash with a chance of about one in 10¹³ for a million rows.
package struct ResponseIdentities: Sendable {
  /// The hashes of counted rows with a response id, one list per part read (a file, or each
  /// chunk of one read on its own thread), kept apart so that no list is copied into another.
  private var idParts: [[UInt64]] = [[]]
  /// The hashes of counted rows without an id (their text and wave), when collected.
  private var textParts: [[UInt64]] = [[]]
  /// Whether rows without an id are collected (several files are read).
  package let collectsText: Bool

  /// No rows yet.
  package init(collectsText: Bool) { self.collectsText = collectsText }

  /// The hash of a row's response id, platform and wave.
  package static func key(id: some Collection<UInt8>, platform: String, wave: String) -> UInt64 {
    var hasher = Hasher()
    hasher.combine(0 as UInt8)
    hasher.combine(platform)
    hasher.combine(wave)
    let combined: Void? = id.withContiguousStorageIfAvailable {
      hasher.combine(bytes: UnsafeRawBufferPointer($0))
    }
    if combined == nil { Array(id).withUnsafeBytes { hasher.combine(bytes: $0) } }
    return UInt64(bitPattern: Int64(hasher.finalize()))
  }

  /// The hash of a row's text and wave.
  package static func key(text: UnsafeRawBufferPointer, wave: String) -> UInt64 {
    var hasher = Hasher()
    hasher.combine(1 as UInt8)
    hasher.combine(wave)
    hasher.combine(bytes: text)
    return UInt64(bitPattern: Int64(hasher.finalize()))
  }

  /// Records a counted row's identity: its id's key, or its text's (when text is collected).
  package mutating func add(_ identity: RowKey) {
    switch identity {
    case .id(let key): Self.append(key, to: &idParts[idParts.count - 1])
    case .text(let key):
      if collectsText { Self.append(key, to: &textParts[textParts.count - 1]) }
    }
  }

  /// Appends, growing a full list by a quarter rather than doubling it (a million hashes take
  /// 8 MB, and a doubled list would hold up to twice that).
  private static func append(_ key: UInt64, to list: inout [UInt64]) {
    if list.count == list.capacity { list.reserveCapacity(list.count + list.count / 4 + 1024) }
    list.append(key)
  }

  /// Adds another part of the same file (a chunk read on another thread).
  package mutating func append(_ other: ResponseIdentities) {
    idParts += other.idParts.filter { !$0.isEmpty }
    textParts += other.textParts.filter { !$0.isEmpty }
  }

  /// How many counted rows repeat a response other rows already gave, over the files read:
  /// every row whose id (with its platform and wave) another row has, but the first; and of
  /// rows without an id, each text beyond the most times any one file has it (a file is its
  /// own record of how many identical rows there are).
  package static func repeats(_ files: consuming [ResponseIdentities]) -> Int {
    repeatedKeys(&files).count
  }

  /// The keys of responses given more than once, and how many rows repeat them (see
  /// ``repeats(_:)``). Each part's hashes are sorted in place (no copy of a million of them is
  /// made), and sorted parts are merged as they are walked.
  package static func repeatedKeys(_ files: inout [ResponseIdentities]) -> (
    ids: Set<UInt64>, texts: Set<UInt64>, count: Int
  ) {
    var repeatedIDs: Set<UInt64> = []
    var repeatedTexts: Set<UInt64> = []
    var repeated = 0
    for file in files.indices {
      for part in files[file].idParts.indices { files[file].idParts[part].sort() }
      for part in files[file].textParts.indices { files[file].textParts[part].sort() }
    }
    // Ids: over every part of every file.
    var previous: UInt64?
    mergeSorted(files.flatMap(\.idParts)) { id, _ in
      if id == previous {
        repeated += 1
        repeatedIDs.insert(id)
      }
      previous = id
    }
    // Texts: the rows of each text in each file, then over the files the rows beyond the most
    // any one file has.
    var perFile: [(text: UInt64, count: Int)] = []
    for file in files {
      var current: (text: UInt64, count: Int)?
      mergeSorted(file.textParts) { text, _ in
        if let run = current, run.text == text {
          current = (text, run.count + 1)
        } else {
          if let run = current { perFile.append(run) }
          current = (text, 1)
        }
      }
      if let run = current { perFile.append(run) }
    }
    perFile.sort { $0.text < $1.text }
    var index = perFile.startIndex
    while index < perFile.endIndex {
      var total = 0
      var most = 0
      var end = index
      while end < perFile.endIndex, perFile[end].text == perFile[index].text {
        total += perFile[end].count
        most = max(most, perFile[end].count)
        end += 1
      }
      if total > most {
        repeated += total - most
        repeatedTexts.insert(perFile[index].text)
      }
      index = end
    }
    return (repeatedIDs, repeatedTexts, repeated)
  }

  /// Calls `body` with every value of sorted lists in ascending order (and the list it is from).
  private static func mergeSorted(_ lists: [[UInt64]], _ body: (UInt64, Int) -> Void) {
    var heads = [Int](repeating: 0, count: lists.count)
    while true {
      var smallest: (list: Int, value: UInt64)?
      for (list, head) in heads.enumerated() where head < lists[list].count {
        let value = lists[list][head]
        if let found = smallest, found.value <= value { continue }
        smallest = (list, value)
      }
      guard let (list, value) = smallest else { return }
      heads[list] += 1
      body(value, list)
    }
  }
}

/// A row's identity as a hash: of its response id (with platform and wave), or of its text
/// (with its wave).
package enum RowKey: Sendable {
  case id(UInt64)
  case text(UInt64)
}

/// Lets through, in file order, only the first row of each response that exports give more
/// than once, as import keeps it: the first row with an id (later ones are already present,
/// or changed and rejected), and of a text without an id as many rows as the earlier files had
/// at most, then each further one. Rows of other responses always pass.
///
/// Used on one thread, the files in the order given (it is `Sendable` only so that a serial
/// reading's part can carry it; it is never shared between threads).
package final class RepeatFilter: @unchecked Sendable {
  private let ids: Set<UInt64>
  private let texts: Set<UInt64>
  private var seenIDs: Set<UInt64> = []
  /// Per repeated text: the rows kept by earlier files (the most of any one), and in this file.
  private var kept: [UInt64: Int] = [:]
  private var inFile: [UInt64: Int] = [:]
  /// Rows not let through.
  package private(set) var skipped = 0

  /// A filter for the keys that ``ResponseIdentities/repeatedKeys(_:)`` found.
  package init(ids: Set<UInt64>, texts: Set<UInt64>) {
    self.ids = ids
    self.texts = texts
  }

  /// Starts the next file.
  package func startFile() {
    for (text, count) in inFile { kept[text] = max(kept[text] ?? 0, count) }
    inFile = [:]
  }

  /// Whether a row is counted.
  package func admits(_ key: RowKey) -> Bool {
    let admitted: Bool
    switch key {
    case .id(let id):
      admitted = !ids.contains(id) || seenIDs.insert(id).inserted
    case .text(let text):
      guard texts.contains(text) else { return true }
      let occurrence = (inFile[text] ?? 0) + 1
      inFile[text] = occurrence
      admitted = occurrence > (kept[text] ?? 0)
    }
    if !admitted { skipped += 1 }
    return admitted
  }
}
