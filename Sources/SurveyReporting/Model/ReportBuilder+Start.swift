import SurveyCore
import SurveyStatistics

extension ReportBuilder {
  /// The "Where to start" section: each cause in one sentence with its organizing notes, or
  /// why none is named, and the caveat.
  func startSection(_ findings: Findings) -> StartSection {
    let section = findings.whereToStart
    let scope = strings[findings.scope.chapter == nil ? "start.organization" : "start.chapter"]
    let caveat = strings["start.caveat"]
    if section.isWithheld {
      return StartSection(
        entries: [], summary: strings["start.withheld", String(formatter.policy.minimumGroupSize)],
        caveat: caveat)
    }
    let entries = section.points.map { point in
      StartEntry(
        cause: survey.causes[point.cause].id, outcome: survey.indicators[point.outcome].id,
        text: sentence(point, scope: scope), excess: excessFigure(point),
        actions: survey.causes[point.cause].actions.map { action in
          ActionNote(
            text: text(action.text),
            source: action.provenance.source.map { strings["start.source", $0] })
        })
    }
    var summary: String?
    if entries.isEmpty {
      summary = strings["start.none"]
      if let closest = section.closest, let more = section.moreAnswers {
        summary =
          (summary ?? "") + " "
          + strings[
            "start.more", text(survey.causes[closest.cause].title),
            text(survey.indicators[closest.outcome].title), excessFigure(closest).text,
            String(more)]
      }
    }
    return StartSection(entries: entries, summary: summary, caveat: caveat)
  }

  /// A value of the outcome as printed: a rounded percentage (to 5 points in small groups) or a
  /// mean with two decimals.
  func startValue(_ value: Double, isShare: Bool, size: Double) -> String {
    guard isShare else { return formatter.number(value, decimals: 2) }
    let step = size < Double(formatter.policy.coarseRoundingBelow) ? 5.0 : 1.0
    let percent = Int(Releaser.roundHalfAway(value * 100 / step) * step)
    return strings["percent", String(percent)]
  }

  /// The excess in the direction that closing the gap would move the figure: points for
  /// shares, units for means, with its interval.
  func excessFigure(_ point: StartingPoint) -> Figure {
    let scale = point.isShare ? 100.0 : 1.0
    let decimals = point.isShare ? 0 : 2
    let magnitude = abs(point.excess) * scale
    let ordered = point.excess >= 0 ? (point.lower, point.upper) : (-point.upper, -point.lower)
    let low = formatter.number(ordered.0 * scale, decimals: decimals)
    let high = formatter.number(ordered.1 * scale, decimals: decimals)
    let text =
      point.isShare
      ? strings["start.points", formatter.number(magnitude, decimals: 0)]
      : formatter.number(magnitude, decimals: 2)
    return Figure(
      text: text, interval: strings["start.interval", low, high],
      value: Releaser.rounded(magnitude, decimals: decimals),
      lower: Releaser.rounded(ordered.0 * scale, decimals: decimals),
      upper: Releaser.rounded(ordered.1 * scale, decimals: decimals),
      unit: point.isShare ? "points" : "mean", bound: nil, boundValue: nil, withheld: nil,
      lowPrecision: false)
  }

  /// "Work intensification and Feel lonely: 67% among those exposed against 47% among the
  /// others; if that gap closed, the chapter's figure would be about 8 points lower (2 to 14)."
  func sentence(_ point: StartingPoint, scope: String) -> String {
    let direction = strings[point.excess > 0 ? "start.lower" : "start.higher"]
    let figure = excessFigure(point)
    return strings[
      "start.entry", text(survey.causes[point.cause].title),
      text(survey.indicators[point.outcome].title),
      startValue(point.exposed, isShare: point.isShare, size: point.size),
      startValue(point.unexposed, isShare: point.isShare, size: point.size), scope, figure.text,
      direction, figure.interval ?? ""]
  }
}
