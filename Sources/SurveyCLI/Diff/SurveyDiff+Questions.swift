import Foundation

extension SurveyDiff {
  mutating func compareQuestion(
    _ before: [String: Any], _ after: [String: Any], id: String, oldSets: [String: [[String: Any]]],
    newSets: [String: [[String: Any]]]
  ) {
    let subject = "question \(id)"
    let (oldKind, newKind) = (Self.kind(before), Self.kind(after))
    if oldKind != newKind {
      add(.breaking, subject, id, "its type changed from \(oldKind) to \(newKind)")
      return
    }
    compareTexts(before["text"], after["text"], subject: subject, id: id, what: "wording")
    compareTexts(before["hint"], after["hint"], subject: subject, id: id, what: "hint")
    if !Self.same(before["shownIf"], after["shownIf"]) {
      add(
        .breaking, subject, id,
        "who is asked changed (show if: \(Self.text(before["shownIf"])) → \(Self.text(after["shownIf"])))"
      )
    }
    if !Self.same(before["required"], after["required"]) {
      add(
        .compatible, subject, id,
        (after["required"] as? Bool) == true ? "now required" : "no longer required")
    }
    compareRange(before, after, subject: subject, id: id)
    let oldChoices = oldSets[Self.string(before, "choiceSet")] ?? []
    let newChoices = newSets[Self.string(after, "choiceSet")] ?? []
    guard !oldChoices.isEmpty || !newChoices.isEmpty else { return }
    compareChoices(oldChoices, newChoices, subject: subject, id: id)
  }

  mutating func compareRange(
    _ before: [String: Any], _ after: [String: Any], subject: String, id: String
  ) {
    let (oldMin, newMin) = (before["min"] as? Double, after["min"] as? Double)
    let (oldMax, newMax) = (before["max"] as? Double, after["max"] as? Double)
    guard oldMin != newMin || oldMax != newMax else { return }
    let narrowed =
      (newMin ?? -.infinity) > (oldMin ?? -.infinity)
      || (newMax ?? .infinity) < (oldMax ?? .infinity)
    add(
      narrowed ? .breaking : .compatible, subject, id,
      narrowed ? "its range narrowed (answers allowed before are not now)" : "its range widened")
  }

  mutating func compareChoices(
    _ before: [[String: Any]], _ after: [[String: Any]], subject: String, id: String
  ) {
    let oldByCode = Dictionary(before.map { (Self.code($0), $0) }, uniquingKeysWith: { a, _ in a })
    let newByCode = Dictionary(after.map { (Self.code($0), $0) }, uniquingKeysWith: { a, _ in a })
    for (code, choice) in oldByCode.sorted(by: { $0.key < $1.key }) {
      guard let now = newByCode[code] else {
        add(
          .breaking, subject, id, "answer code \(code) (\(Self.string(choice, "name"))) was removed"
        )
        continue
      }
      if Self.string(choice, "name") != Self.string(now, "name") {
        add(
          .breaking, subject, id,
          "answer code \(code) now means '\(Self.string(now, "name"))' (was '\(Self.string(choice, "name"))')"
        )
      } else if !Self.same(choice["missing"], now["missing"]) {
        add(
          .breaking, subject, id,
          "answer code \(code) changed whether it counts as a missing answer")
      } else {
        compareTexts(
          choice["label"], now["label"], subject: subject, id: id, what: "label of answer \(code)")
      }
    }
    for (code, choice) in newByCode.sorted(by: { $0.key < $1.key }) where oldByCode[code] == nil {
      add(.compatible, subject, id, "new answer code \(code) (\(Self.string(choice, "name")))")
    }
  }

  mutating func compareTexts(
    _ before: Any?, _ after: Any?, subject: String, id: String?, what: String
  ) {
    let old = before as? [String: String] ?? [:]
    let new = after as? [String: String] ?? [:]
    for language in Set(old.keys).union(new.keys).sorted() where old[language] != new[language] {
      if old[language] == nil {
        add(.safe, subject, id, "\(what) translated into \(language)")
      } else if new[language] == nil {
        add(.safe, subject, id, "\(what) no longer translated into \(language)")
      } else {
        add(.safe, subject, id, "\(what) changed in \(language)")
      }
    }
  }

  mutating func compareNamed(
    _ old: [String: Any], _ new: [String: Any], _ key: String, label: String,
    _ differences: ([String: Any], [String: Any]) -> [String]
  ) {
    let before = Self.list(old, key)
    let after = Self.list(new, key)
    for item in after {
      let id = Self.string(item, "id")
      guard let previous = before.first(where: { Self.string($0, "id") == id }) else {
        add(.compatible, "\(label) \(id)", nil, "new \(label)")
        continue
      }
      for problem in differences(previous, item) { add(.breaking, "\(label) \(id)", nil, problem) }
      compareTexts(
        previous["title"], item["title"], subject: "\(label) \(id)", id: nil, what: "title")
    }
    for item in before
    where !after.contains(where: { Self.string($0, "id") == Self.string(item, "id") }) {
      add(.breaking, "\(label) \(Self.string(item, "id"))", nil, "removed")
    }
  }

  static func list(_ object: [String: Any], _ key: String) -> [[String: Any]] {
    (object[key] as? [Any])?.compactMap { $0 as? [String: Any] } ?? []
  }

  static func string(_ object: [String: Any], _ key: String) -> String {
    object[key] as? String ?? ""
  }

  static func code(_ choice: [String: Any]) -> Int {
    (choice["code"] as? NSNumber)?.intValue ?? Int.min
  }

  static func text(_ value: Any?) -> String { (value as? String) ?? "always" }

  static func choiceSets(_ codebook: [String: Any]) -> [String: [[String: Any]]] {
    var sets: [String: [[String: Any]]] = [:]
    for set in list(codebook, "choiceSets") { sets[string(set, "id")] = list(set, "choices") }
    return sets
  }

  /// single, multiple, integer, decimal, text or date ("yes-no" is a single choice).
  static func kind(_ question: [String: Any]) -> String {
    let type = string(question, "type")
    if type == "yes-no" { return "single" }
    return String(type.split(separator: " ").first ?? "")
  }

  /// Whether two JSON values are equal.
  static func same(_ a: Any?, _ b: Any?) -> Bool {
    switch (a, b) {
    case (nil, nil): return true
    case (let x?, let y?):
      if x is NSNull && y is NSNull { return true }
      guard JSONSerialization.isValidJSONObject([x]), JSONSerialization.isValidJSONObject([y]),
        let dx = try? JSONSerialization.data(withJSONObject: [x], options: [.sortedKeys]),
        let dy = try? JSONSerialization.data(withJSONObject: [y], options: [.sortedKeys])
      else { return false }
      return dx == dy
    default:
      return (a is NSNull && b == nil) || (b is NSNull && a == nil)
    }
  }
}
