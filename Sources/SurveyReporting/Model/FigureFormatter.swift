import Foundation
import SurveyCore
import SurveyStatistics

/// Writes released values as figures in a language: the one place numbers become text, so every
/// format prints the same.
package struct FigureFormatter: Sendable {
  /// The words.
  package let strings: ReportStrings
  /// The policy the values went through.
  package let policy: DisclosurePolicy

  /// A number with a fixed number of decimals, the language's decimal separator and a true minus.
  package func number(_ value: Double, decimals: Int, signed: Bool = false) -> String {
    let rounded = Releaser.rounded(value, decimals: decimals)
    let magnitude = abs(rounded)
    var text = Self.fixed(magnitude, decimals: decimals)
    if strings.decimalSeparator != "." {
      text = text.replacingOccurrences(of: ".", with: strings.decimalSeparator)
    }
    if rounded < 0 { return "−" + text }
    if signed && rounded > 0 { return "+" + text }
    return text
  }

  /// Fixed-point digits without locale (deterministic on every platform).
  static func fixed(_ value: Double, decimals: Int) -> String {
    guard value.isFinite else { return "–" }
    // Beyond 15 digits a fixed-point rendering would overflow; such a figure (an answer range
    // nobody should allow) is written with 12 significant digits instead.
    guard abs(value) * pow10(decimals) < 1e15 else { return JSONValue.format(value) }
    let scale = Double(Int(pow10(decimals)))
    let scaled = Int(Releaser.roundHalfAway(value * scale))
    let whole = scaled / Int(scale)
    let fraction = scaled % Int(scale)
    guard decimals > 0 else { return String(whole) }
    let digits = String(fraction)
    return String(whole) + "." + String(repeating: "0", count: decimals - digits.count) + digits
  }

  static func pow10(_ exponent: Int) -> Double {
    (0..<max(0, exponent)).reduce(1.0) { value, _ in value * 10 }
  }

  /// The message for a withheld value.
  package func withheldText(_ rule: DisclosureRule) -> String {
    switch rule {
    case .minimumGroup: strings["withheld.minimum", String(policy.minimumGroupSize)]
    case .complementary: strings["withheld.complementary"]
    case .extremes: strings["withheld.extremes"]
    case .cell: strings["withheld.cell"]
    case .waveDifference: strings["withheld.wave"]
    }
  }

  /// A withheld figure.
  package func withheld(_ rule: DisclosureRule, unit: String) -> Figure {
    Figure(
      text: withheldText(rule), interval: nil, value: nil, lower: nil, upper: nil, unit: unit,
      bound: nil,
      boundValue: nil, withheld: rule.rawValue, lowPrecision: false)
  }

  /// A value left out because the survey changed since that wave in a way that breaks it.
  package func notComparable() -> Figure {
    Figure(
      text: strings["notComparable"], interval: nil, value: nil, lower: nil, upper: nil,
      unit: "percent", bound: nil,
      boundValue: nil, withheld: "not-comparable", lowPrecision: false)
  }

  /// A group's size.
  package func size(_ released: Released<SizeBand>) -> Figure {
    switch released {
    case .shown(let band):
      return Figure(
        text: Self.band(band, strings), interval: nil, value: nil, lower: Double(band.lower),
        upper: band.upper.map(Double.init), unit: "respondents", bound: nil, boundValue: nil,
        withheld: nil,
        lowPrecision: false)
    case .withheld(let rule, _):
      return withheld(rule, unit: "respondents")
    }
  }

  /// A band in the language ("1.000–2.499" uses the group separator of English for all languages).
  static func band(_ band: SizeBand, _ strings: ReportStrings) -> String { band.description }

  /// A share or mean.
  package func estimate(_ released: Released<ReleasedEstimate>) -> Figure {
    switch released {
    case .withheld(let rule, _): withheld(rule, unit: "percent")
    case .shown(.share(let share)): self.share(share)
    case .shown(.mean(let mean)): self.mean(mean)
    }
  }

  /// A released share.
  package func share(_ share: ReleasedShare) -> Figure {
    switch share.percent {
    case .value(let percent):
      let interval = share.interval.map {
        strings["interval.percent", String($0.lowerBound), String($0.upperBound)]
      }
      return Figure(
        text: strings["percent", String(percent)], interval: interval, value: Double(percent),
        lower: share.interval.map { Double($0.lowerBound) },
        upper: share.interval.map { Double($0.upperBound) },
        unit: "percent", bound: nil, boundValue: nil, withheld: nil,
        lowPrecision: share.isLowPrecision)
    case .below(let bound):
      return Figure(
        text: strings["below", String(bound)], interval: nil, value: nil, lower: nil, upper: nil,
        unit: "percent",
        bound: "below", boundValue: Double(bound), withheld: nil, lowPrecision: share.isLowPrecision
      )
    case .above(let bound):
      return Figure(
        text: strings["above", String(bound)], interval: nil, value: nil, lower: nil, upper: nil,
        unit: "percent",
        bound: "above", boundValue: Double(bound), withheld: nil, lowPrecision: share.isLowPrecision
      )
    }
  }

  /// A released mean.
  package func mean(_ mean: ReleasedMean) -> Figure {
    let format = { (value: Double) in self.number(value, decimals: mean.decimals) }
    return Figure(
      text: format(mean.mean),
      interval: mean.interval.map {
        strings["interval.mean", format($0.lowerBound), format($0.upperBound)]
      },
      value: mean.mean, lower: mean.interval?.lowerBound, upper: mean.interval?.upperBound,
      unit: "mean", bound: nil,
      boundValue: nil, withheld: nil, lowPrecision: mean.isLowPrecision)
  }

  /// A comparison, with its verdict in words and whether it is good news.
  package func comparison(_ released: Released<ReleasedComparison>?, better: Direction?)
    -> ComparisonFigure?
  {
    guard let released else { return nil }
    switch released {
    case .withheld(let rule, _):
      return ComparisonFigure(
        text: withheldText(rule), verdict: "", direction: "unclear", difference: nil, lower: nil,
        upper: nil, test: nil, p: nil, adjustedP: nil, effect: nil, effectName: nil,
        withheld: rule.rawValue)
    case .shown(let comparison):
      return shown(comparison, better: better)
    }
  }

  func shown(_ comparison: ReleasedComparison, better: Direction?) -> ComparisonFigure {
    let places = comparison.decimals
    let text: String
    if let difference = comparison.difference {
      let value = number(difference, decimals: places, signed: true)
      if let interval = comparison.interval {
        let low = number(interval.lowerBound, decimals: places, signed: true)
        let high = number(interval.upperBound, decimals: places, signed: true)
        text =
          comparison.isPercentagePoints
          ? strings["points.interval", value, low, high]
          : strings["difference.interval", value, low, high]
      } else {
        text = comparison.isPercentagePoints ? strings["points", value] : value
      }
    } else {
      text = pText(comparison.adjustedPValue ?? comparison.pValue)
    }
    var verdict = strings["verdict.same"]
    var direction = "unclear"
    if comparison.isSignificant, let difference = comparison.difference, difference != 0 {
      verdict = strings[difference > 0 ? "verdict.higher" : "verdict.lower"]
      if let better {
        direction = (difference > 0) == (better == .higher) ? "better" : "worse"
      }
    } else if comparison.isSignificant {
      verdict = strings["verdict.differs"]
    }
    return ComparisonFigure(
      text: text, verdict: verdict, direction: direction, difference: comparison.difference,
      lower: comparison.interval?.lowerBound, upper: comparison.interval?.upperBound,
      test: strings["test." + comparison.test.rawValue], p: comparison.pValue,
      adjustedP: comparison.adjustedPValue,
      effect: comparison.effect, effectName: comparison.effectKind?.rawValue, withheld: nil)
  }

  /// "0.032" or "< 0.001".
  package func pValue(_ p: Double) -> String {
    p < 0.001 ? "< " + number(0.001, decimals: 3) : number(p, decimals: 3)
  }

  /// "p = 0.032" or "p < 0.001".
  package func pText(_ p: Double) -> String {
    p < 0.001 ? "p < " + number(0.001, decimals: 3) : "p = " + number(p, decimals: 3)
  }
}
