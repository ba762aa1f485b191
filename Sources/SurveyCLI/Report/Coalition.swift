import Foundation
import SurveyCore
import SurveyStatistics
import SurveyStore

/// Coalition reports: organizations pool their counts, never their members' answers.
enum Coalition {
  /// `survey export counts --survey F [--store DB] --organization NAME -o FILE`.
  static func exportCounts(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
    guard let surveyPath = arguments.value("survey") else {
      throw CommandFailure.usage("missing --survey FILE")
    }
    guard let organization = arguments.value("organization")?.trimmingCharacters(in: .whitespaces),
      !organization.isEmpty
    else {
      throw CommandFailure.usage(
        "missing --organization NAME: the name the coalition report gives your organization")
    }
    guard let output = arguments.value("output") else {
      throw CommandFailure.usage("missing -o FILE")
    }
    let survey = try CommandSupport.compile(surveyPath, context: context)
    let store = try CommandSupport.openStore(
      arguments.value("store") ?? StorePath.defaultPath(forSurvey: surveyPath), context: context,
      readOnly: true)
    let (file, shared) = try counts(of: survey, store: store, organization: organization)
    let minimum = minimumGroup(survey)
    try ReportMaker.write(file.text, to: output)
    for (wave, chapters) in shared.folded.sorted(by: { WaveOrder.less($0.key, $1.key) }) {
      context.console.err.write(
        "note: wave \(wave): \(chapters.map { "'\($0)'" }.joined(separator: ", ")) "
          + "folded into the rest of the organization (fewer than \(minimum) respondents, "
          + "or needed to keep the rest at \(minimum) or more)\n")
    }
    for wave in shared.omittedWaves {
      context.console.err.write(
        "note: wave \(wave) is left out: fewer than \(minimum) respondents in all\n")
    }
    context.console.out.write(
      "wrote the counts of \(organization) (waves \(shared.aggregation.waves.joined(separator: ", "))) "
        + "to \(output); share it with the coalition's analysts only, not for publication\n")
    return ExitStatus.success
  }

  /// The smallest group a counts file holds: the survey's minimum group, at least the default.
  static func minimumGroup(_ survey: Survey) -> Int {
    max(survey.privacy.minGroup, DisclosurePolicy.standard.minimumGroupSize)
  }

  /// An organization's counts file from its store.
  static func counts(of survey: Survey, store: ResponseStore, organization: String) throws -> (
    CountsFile, SurveyAggregation.Shared
  ) {
    let aggregation = try ReportSource.counted(survey) { survey, _ in
      try ReportSource.aggregate(survey: survey, store: store)
    }
    let minimum = minimumGroup(survey)
    let shared = aggregation.shared(minimumGroup: minimum)
    guard !shared.aggregation.waves.isEmpty else {
      throw CommandFailure.input(
        "there is nothing to share: no wave has at least \(minimum) respondents in the store")
    }
    let counts: Data
    do {
      counts = try shared.aggregation.snapshotData()
    } catch {
      throw CommandFailure.io("cannot encode the counts: \(error.localizedDescription)")
    }
    let file = CountsFile(
      organization: organization, surveyID: survey.id, version: survey.version,
      toolkit: CommandLineTool.version, waves: shared.aggregation.waves,
      codebook: Codebook.json(survey).compact, counts: counts)
    return (file, shared)
  }

  /// The counts files pooled, each organization as a chapter, in the order of the
  /// organizations' names (so that the order of the files changes nothing), with the questions
  /// left out, per wave, because an organization used a version of the survey whose answers
  /// are not comparable.
  static func pool(_ paths: [String], survey: Survey) throws -> (
    SurveyAggregation, leftOut: [String]
  ) {
    guard !paths.isEmpty else {
      throw CommandFailure.usage("give the counts files after --counts")
    }
    var files = try paths.map(CountsFile.read)
    files.sort { $0.organization < $1.organization }
    for (first, second) in zip(files, files.dropFirst())
    where first.organization == second.organization {
      throw CommandFailure.input(
        "two counts files are from '\(first.organization)'; give each organization's file once")
    }
    let current = Codebook.json(survey).compact
    let now = try? JSONSerialization.jsonObject(with: Data(current.utf8)) as? [String: Any]
    var pooled = SurveyAggregation(survey: survey, tracksPanel: false)
    var leftOut: [String] = []
    for file in files {
      var breaking: [String: String] = [:]
      guard file.surveyID == survey.id else {
        throw CommandFailure.input(
          "the counts of \(file.organization) are of the survey '\(file.surveyID)', not "
            + "'\(survey.id)': only counts of the same survey can be pooled")
      }
      if file.codebook != current {
        guard let now,
          let old = try? JSONSerialization.jsonObject(with: Data(file.codebook.utf8))
            as? [String: Any]
        else {
          throw CommandFailure.input(
            "the codebook in the counts of \(file.organization) cannot be read")
        }
        guard Self.sameLayout(old, now) else {
          throw CommandFailure.input(
            "the counts of \(file.organization) were made with version \(file.version) of the "
              + "survey, whose questions, scales, causes or indicators are not those of version "
              + "\(survey.version) (added, removed or reordered): they cannot be pooled with it; "
              + "ask \(file.organization) to export its counts again with this survey file")
        }
        breaking = SurveyDiff(old: old, new: now).breakingQuestions
      }
      let restored: SurveyAggregation
      switch SurveyAggregation.restore(survey: survey, snapshotData: file.counts) {
      case .success(let counts): restored = counts
      case .failure(.implausible):
        throw CommandFailure.input(
          "the counts of \(file.organization) hold "
            + "numbers no survey could give (a negative or impossibly large count, or a sum that "
            + "is not a number), so it was edited or made by another program; ask "
            + "\(file.organization) to export it again with 'survey export counts'")
      case .failure:
        throw CommandFailure.input(
          "the counts of \(file.organization) (toolkit \(file.toolkit), survey version "
            + "\(file.version)) do not fit this survey or this toolkit's counts; ask for them "
            + "to be exported again with this version")
      }
      // Answers to questions asked differently in that organization's version are left out of
      // the pool, with everything that reads them.
      let counts = restored.without(questions: Set(breaking.keys))
      if !breaking.isEmpty {
        leftOut.append(
          "\(file.organization) (survey version \(file.version)): "
            + breaking.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value))" }
            .joined(separator: "; "))
      }
      pooled.merge(counts.asChapter(file.organization))
    }
    return (pooled, leftOut)
  }

  /// Whether two codebooks list the same questions, scales, causes, indexes and indicators in
  /// the same order (the counts are kept by position).
  static func sameLayout(_ old: [String: Any], _ new: [String: Any]) -> Bool {
    ["questions", "scales", "causes", "indexes", "indicators"].allSatisfy { key in
      let ids = { (codebook: [String: Any]) in
        (codebook[key] as? [[String: Any]] ?? []).map { $0["id"] as? String ?? "" }
      }
      return ids(old) == ids(new)
    }
  }
}
