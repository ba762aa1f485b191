import SurveyCore

/// The decisions disclosure control makes across groups, once per data set, so that every
/// report made from the same data withholds the same values.
///
/// The organization in a wave is split into parts: each chapter, plus the respondents without a
/// chapter. A reader who has the organization's value and every shown chapter's value can work
/// out the combined value of the parts that are not shown (withheld, shown only as a bound, or
/// never shown, like the respondents without a chapter). So for each value, the parts not shown
/// exactly, taken together, must pass every rule themselves; while they do not, the smallest
/// shown chapter is withheld too (complementary suppression).
package struct DisclosurePlan: Sendable {
  /// The policy.
  package let policy: DisclosurePolicy
  /// Per wave: chapters withheld entirely to protect another small chapter.
  package private(set) var withheldGroups: [String: Set<String>] = [:]
  /// Per wave and value: chapters whose value is withheld to protect another chapter's.
  package private(set) var withheldValues: [String: [MeasureKey: Set<String>]] = [:]
  /// Per wave: groups (chapters, and "" for the whole organization) whose every value is
  /// withheld because everyone in this wave and the one before carries a link key and 1 to
  /// `minimumGroupSize − 1` people joined or left: this wave's values and the earlier wave's
  /// (already published) would together describe those few people.
  package private(set) var linkedGroups: [String: Set<String>] = [:]
  /// Per wave and indicator: groups whose value is withheld for the same reason, counted
  /// among the people whose value is known.
  package private(set) var linkedValues: [String: [MeasureKey: Set<String>]] = [:]

  /// Plans disclosure control for an aggregation.
  package init(aggregation: SurveyAggregation, policy: DisclosurePolicy) {
    self.policy = policy
    let survey = aggregation.survey
    let shapes = ItemShape.shapes(of: survey)
    let waves = aggregation.waves
    for (position, wave) in waves.enumerated() {
      let linked =
        position > 0
        ? Self.linkedChanges(aggregation, earlier: waves[position - 1], later: wave, policy: policy)
        : LinkedChanges()
      linkedGroups[wave] = linked.groups
      linkedValues[wave] = linked.values
      var parts: [Part] = aggregation.chapters(in: wave).compactMap { chapter in
        aggregation.group(GroupKey(chapter: chapter, wave: wave)).map {
          Part(chapter: chapter, group: $0)
        }
      }
      if let unassigned = aggregation.unassigned(wave: wave), unassigned.respondents > 0 {
        parts.append(Part(chapter: nil, group: unassigned))
      }
      // Chapters withheld because of a linked change are hidden like small ones: what the
      // other chapters and the organization show must not give them away.
      let isLinked = { (part: Part) in part.chapter.map(linked.groups.contains) ?? false }
      let sizes = parts.map {
        Piece(chapter: $0.chapter, respondents: $0.group.respondents, value: $0.group.respondents)
      }
      let groupHidden = complement(
        sizes.enumerated().filter { !isLinked(parts[$0.offset]) }.map(\.element),
        exact: { $0 >= policy.minimumGroupSize },
        passes: { $0 == 0 || $0 >= policy.minimumGroupSize },
        merge: { $0 += $1 },
        alreadyHidden: sizes.enumerated().filter { isLinked(parts[$0.offset]) }.map(\.element))
      withheldGroups[wave] = groupHidden
      let isShown = { (part: Part) in
        part.chapter.map {
          !groupHidden.contains($0) && !linked.groups.contains($0)
            && part.group.respondents >= policy.minimumGroupSize
        } ?? false
      }
      var values: [MeasureKey: Set<String>] = [:]
      for key in Self.keys(of: survey) {
        let pieces = parts.map {
          Piece(chapter: $0.chapter, respondents: $0.group.respondents, value: $0.group)
        }
        let linkedHere = linked.values[key] ?? []
        let isShownHere = { (part: Part) in
          isShown(part) && !(part.chapter.map(linkedHere.contains) ?? false)
        }
        let shown = pieces.enumerated().filter { isShownHere(parts[$0.offset]) }.map {
          MeasurePiece(key: key, piece: $0.element)
        }
        let hidden = pieces.enumerated().filter { !isShownHere(parts[$0.offset]) }.map {
          MeasurePiece(key: key, piece: $0.element)
        }
        let added = complement(
          shown, exact: { policy.isExact(key, $0, survey: survey, shapes: shapes) },
          passes: { policy.isExact(key, $0, survey: survey, shapes: shapes, empty: true) },
          merge: { $0.merge($1) }, alreadyHidden: hidden)
        if !added.isEmpty { values[key] = added }
      }
      withheldValues[wave] = values
    }
  }

  /// Whether a group's values in a wave are withheld because everyone is linked to the wave
  /// before and too few people joined or left (the organization when `chapter` is nil).
  package func isLinkedWithheld(_ chapter: String?, wave: String) -> Bool {
    linkedGroups[wave]?.contains(chapter ?? "") ?? false
  }

  /// Whether a group's value in a wave is withheld because everyone is linked to the wave
  /// before and too few people's values joined or left (the organization when `chapter` is
  /// nil).
  package func isLinkedWithheld(_ key: MeasureKey, chapter: String?, wave: String) -> Bool {
    isLinkedWithheld(chapter, wave: wave)
      || (linkedValues[wave]?[key]?.contains(chapter ?? "") ?? false)
  }

  /// Whether a chapter is withheld in a wave to protect another (not counting its own size).
  package func isGroupWithheld(_ chapter: String, wave: String) -> Bool {
    withheldGroups[wave]?.contains(chapter) ?? false
  }

  /// Whether a chapter's value is withheld in a wave to protect another chapter's.
  package func isValueWithheld(_ key: MeasureKey, chapter: String, wave: String) -> Bool {
    isGroupWithheld(chapter, wave: wave) || (withheldValues[wave]?[key]?.contains(chapter) ?? false)
  }

  /// Every value a report can show per group.
  static func keys(of survey: Survey) -> [MeasureKey] {
    survey.indicators.indices.map(MeasureKey.indicator)
      + survey.causes.indices.map(MeasureKey.exposure)
      + survey.indexes.indices.map(MeasureKey.index) + survey.questions.indices.map(MeasureKey.item)
      + survey.questions.indices.map(MeasureKey.nonresponse)
  }
}

/// One part of the organization: a chapter, or the respondents without one (`chapter` nil).
struct Part {
  var chapter: String?
  var group: GroupAccumulator
}

/// One part's value for complementary suppression.
struct Piece<Value> {
  var chapter: String?
  var respondents: Int
  var value: Value
}

/// The part of a group behind one value: an estimate's accumulator or a question's answers.
enum MeasureValue {
  case estimate(IndicatorAccumulator)
  case item(ItemAccumulator)
  case none

  init(key: MeasureKey, group: GroupAccumulator) {
    switch key {
    case .indicator, .exposure, .index:
      self = group.accumulator(key).map(MeasureValue.estimate) ?? .none
    case .item(let position), .nonresponse(let position):
      self = group.items.indices.contains(position) ? .item(group.items[position]) : .none
    }
  }

  mutating func merge(_ other: MeasureValue) {
    switch (self, other) {
    case (.estimate(var mine), .estimate(let theirs)):
      mine.merge(theirs)
      self = .estimate(mine)
    case (.item(var mine), .item(let theirs)):
      mine.merge(theirs)
      self = .item(mine)
    case (.none, _):
      self = other
    default:
      break
    }
  }
}

extension MeasurePiece {
  init(key: MeasureKey, piece: Piece<GroupAccumulator>) {
    self.init(
      chapter: piece.chapter, respondents: piece.respondents,
      value: MeasureValue(key: key, group: piece.value))
  }
}

typealias MeasurePiece = Piece<MeasureValue>

/// The chapters to withhold so that the parts not shown exactly, together, pass `passes`.
///
/// - Parameters:
///   - parts: The candidate parts (chapters shown so far, and possibly the unassigned part).
///   - exact: Whether a part's value is shown exactly on its own.
///   - passes: Whether a combined value would pass every rule.
///   - merge: Combines two values.
///   - alreadyHidden: Parts not shown at all, which are always in the combined value.
/// - Returns: The chapters withheld in addition to those that fail `exact` on their own.
func complement<Value>(
  _ parts: [Piece<Value>], exact: (Value) -> Bool, passes: (Value) -> Bool,
  merge: (inout Value, Value) -> Void,
  alreadyHidden: [Piece<Value>] = []
) -> Set<String> {
  let hidden = alreadyHidden + parts.filter { $0.chapter == nil || !exact($0.value) }
  guard var union = hidden.first?.value else { return [] }
  for part in hidden.dropFirst() { merge(&union, part.value) }
  var candidates = parts.filter { part in part.chapter != nil && exact(part.value) }
    .sorted { ($0.respondents, $0.chapter ?? "") < ($1.respondents, $1.chapter ?? "") }
  var added: Set<String> = []
  while !passes(union), !candidates.isEmpty {
    let next = candidates.removeFirst()
    merge(&union, next.value)
    if let chapter = next.chapter { added.insert(chapter) }
  }
  return added
}

/// The groups of a wave that changed by too few linked people since the wave before.
struct LinkedChanges {
  /// Groups whose respondents changed by 1 to `minimumGroupSize − 1` people ("" is the
  /// organization).
  var groups: Set<String> = []
  /// Per indicator, groups whose people with a known value changed by that many.
  var values: [MeasureKey: Set<String>] = [:]
}

extension DisclosurePlan {
  /// The groups of `later` whose people, all linked to `earlier`, differ from it by 1 to
  /// `minimumGroupSize − 1` who joined or left, as a whole or among those with a known value of
  /// an indicator. Without link keys for everyone, the sizes say nothing about who is in both
  /// waves, and nothing is withheld for it.
  static func linkedChanges(
    _ aggregation: SurveyAggregation, earlier: String, later: String, policy: DisclosurePolicy
  ) -> LinkedChanges {
    var result = LinkedChanges()
    guard !aggregation.panel.isEmpty else { return result }
    let small = { (difference: Int) in difference > 0 && difference < policy.minimumGroupSize }
    let survey = aggregation.survey
    let chapters: [String?] = [nil] + aggregation.chapters(in: later).map { Optional($0) }
    for chapter in chapters {
      guard let after = aggregation.group(GroupKey(chapter: chapter, wave: later)) else {
        continue
      }
      let before =
        aggregation.group(GroupKey(chapter: chapter, wave: earlier))
        ?? GroupAccumulator(survey: survey)
      let pairs = aggregation.pairs(chapter: chapter, earlier: earlier, later: later)
      guard pairs.earlierLinked == before.respondents, pairs.laterLinked == after.respondents
      else { continue }
      let name = chapter ?? ""
      if small(before.respondents - pairs.matched) || small(after.respondents - pairs.matched) {
        result.groups.insert(name)
        continue
      }
      for index in survey.indicators.indices {
        let known = { (group: GroupAccumulator) in
          group.indicators.indices.contains(index) ? group.indicators[index].known : 0
        }
        let paired = pairs.indicators.indices.contains(index) ? pairs.indicators[index].count : 0
        if small(known(before) - paired) || small(known(after) - paired) {
          result.values[.indicator(index), default: []].insert(name)
        }
      }
    }
    return result
  }
}
