@testable import SurveyReporting

/// Reports built by hand for the renderers' tests: a chapter report with two waves and an
/// organization report with every chapter side by side. Labels that a survey author or an
/// importer could write are hostile on purpose (markup, quotes, right-to-left text, emoji), and
/// every figure's text is distinct so that a figure left out of a page is noticed.
enum ReportFixture {
  /// Which report.
  enum Kind: String, CaseIterable, Sendable {
    case chapter
    case organization
  }

  static let script = "<script>alert(1)</script>"
  static let quoted = "\"quoted' & </style>"
  static let arabic = "فرع الشمال"
  static let hebrew = "סניף"
  static let emoji = "🏘️👩🏽‍🤝‍👩🏻"

  /// The chapter's name.
  static let chapterName = arabic + " " + script
  /// The first indicator's title.
  static let indicatorTitle = quoted + " " + hebrew
  /// The first question's first answer.
  static let answerLabel = emoji + " " + script
  /// The published figure's and the indicator definition's source.
  static let source = hebrew + " " + quoted + " " + emoji
  static let surveyTitle = "Community Connection Survey"

  static let strings = ReportStrings(language: "en")

  /// The report of a kind.
  static func report(_ kind: Kind) -> Report {
    switch kind {
    case .chapter: chapter()
    case .organization: organization()
    }
  }

  // MARK: Figures

  static func share(_ value: Int, _ lower: Int? = nil, _ upper: Int? = nil, low: Bool = false)
    -> Figure
  {
    let interval = lower.flatMap { lower in upper.map { "\(lower)–\($0)%" } }
    return Figure(
      text: "\(value)%", interval: interval, value: Double(value), lower: lower.map(Double.init),
      upper: upper.map(Double.init), unit: "percent", bound: nil, boundValue: nil, withheld: nil,
      lowPrecision: low)
  }

  static func mean(_ value: Double, _ lower: Double, _ upper: Double) -> Figure {
    Figure(
      text: "\(value)", interval: "\(lower) to \(upper)", value: value, lower: lower, upper: upper,
      unit: "mean", bound: nil, boundValue: nil, withheld: nil, lowPrecision: false)
  }

  static func below(_ bound: Int) -> Figure {
    Figure(
      text: "under \(bound)%", interval: nil, value: nil, lower: nil, upper: nil, unit: "percent",
      bound: "below", boundValue: Double(bound), withheld: nil, lowPrecision: true)
  }

  static func band(_ lower: Int, _ upper: Int) -> Figure {
    Figure(
      text: "\(lower)–\(upper)", interval: nil, value: nil, lower: Double(lower),
      upper: Double(upper), unit: "respondents", bound: nil, boundValue: nil, withheld: nil,
      lowPrecision: false)
  }

  static func withheld(_ text: String, rule: String = "minimum-group", unit: String = "percent")
    -> Figure
  {
    Figure(
      text: text, interval: nil, value: nil, lower: nil, upper: nil, unit: unit, bound: nil,
      boundValue: nil, withheld: rule, lowPrecision: false)
  }

  static func comparison(
    _ text: String, _ verdict: String = "no clear difference",
    _ direction: String = "unclear", withheld: String? = nil
  ) -> ComparisonFigure {
    ComparisonFigure(
      text: text, verdict: verdict, direction: direction, difference: withheld == nil ? 1 : nil,
      lower: nil, upper: nil, test: nil, p: nil, adjustedP: nil, effect: nil, effectName: nil,
      withheld: withheld)
  }

  static func indicator(
    _ id: String, _ title: String, measure: String = "share", value: Figure,
    organization: Figure? = nil, versusRest: ComparisonFigure? = nil, previous: Figure? = nil,
    change: ComparisonFigure? = nil, trend: [Figure] = [], benchmarks: [BenchmarkEntry] = [],
    band: String? = nil
  ) -> IndicatorEntry {
    IndicatorEntry(
      id: id, title: title, measure: measure, better: "higher", value: value,
      organization: organization, versusRest: versusRest, previous: previous, change: change,
      trend: trend, benchmarks: benchmarks, band: band)
  }

  static let benchmark = BenchmarkEntry(
    text: "7%", value: 7, population: "England, adults", year: "2023/24", source: source,
    comparable: false)

  // MARK: Parts shared by both reports

  static func questions(organization: Bool) -> [QuestionEntry] {
    [
      QuestionEntry(
        id: "employed", text: "Do you currently have a paid job?", section: "Your work",
        type: "single", answered: band(50, 99), nonresponse: share(4, 2, 9),
        rows: [
          AnswerRow(label: answerLabel, share: share(38)),
          AnswerRow(label: "No", share: share(62)),
        ], collapsed: false, withheld: nil, withheldText: nil,
        versusRest: organization ? nil : comparison("p = 0.210")),
      QuestionEntry(
        id: "hours", text: "How many hours do you work in a week?", section: "Your work",
        type: "single", answered: band(20, 49), nonresponse: below(5),
        rows: [
          AnswerRow(label: "under 20 / 20–34", share: share(57)),
          AnswerRow(label: "35 or more", share: share(43)),
        ], collapsed: true, withheld: nil, withheldText: nil, versusRest: nil),
      QuestionEntry(
        id: "faith", text: "Do you belong to a congregation?", section: nil, type: "multiple",
        answered: withheld("fewer than 10 responses", unit: "respondents"),
        nonresponse: withheld("withheld to protect a smaller group", rule: "complementary"),
        rows: [], collapsed: false, withheld: "minimum-group",
        withheldText: "fewer than 10 responses", versusRest: nil),
    ]
  }

  static let methods = Methods(
    indicators: [
      IndicatorMethod(
        id: "lonely", title: indicatorTitle, definition: "loneliness >= 6 && age < 30",
        source: source, thresholds: ["2: low", "4: high"])
    ],
    scales: [
      ScaleMethod(
        id: "loneliness", title: "UCLA loneliness (3 items)", items: 3, source: "Hughes 2004",
        text: "alpha 0.82 (0.78 to 0.86), standardized 0.83, 100–249 respondents", alpha: 0.82,
        standardizedAlpha: 0.83,
        weakestItem: "weakest item: isolated (item-rest correlation 0.61, alpha without it 0.84)"
      ),
      ScaleMethod(
        id: "trust", title: "Trust", items: 4, source: nil, text: "fewer than 10 responses",
        alpha: nil, standardizedAlpha: nil, weakestItem: nil),
    ],
    notes: [
      MethodNote(title: "Intervals", text: "Shares carry 95% Wilson score intervals."),
      MethodNote(title: "Privacy", text: "No figure describes fewer than 10 people."),
    ])

  static let audit = Audit(
    rulesVersion: "1", minimumGroupSize: 10, minimumCell: 5, noExtremesBelow: 20,
    entries: [
      AuditEntry(
        rule: "minimum-group", kind: "share", count: 3, threshold: 10,
        text: "minimum group size (10): share × 3"),
      AuditEntry(
        rule: "complementary", kind: "group size", count: 1, threshold: 10,
        text: "complementary suppression (10): group size × 1"),
    ],
    summary: "Rules version 1. 4 values were withheld or shown only as bounds.")

  static func relation(_ cause: String, exposed: Figure, unexposed: Figure, _ text: String)
    -> RelationEntry
  {
    RelationEntry(
      cause: "unions", causeTitle: cause, outcome: "lonely", outcomeTitle: indicatorTitle,
      exposed: exposed, unexposed: unexposed,
      difference: comparison(text, "higher", "worse"), standardizedDifference: 0.4,
      sentence: "\(cause) and loneliness: \(exposed.text) against \(unexposed.text).")
  }
}

extension ReportFixture {
  /// A chapter report: two waves, the organization's figures, comparisons with the rest, a
  /// published figure, withheld and low-precision figures.
  static func chapter() -> Report {
    let indicators = [
      indicator(
        "lonely", indicatorTitle, value: share(23, 17, 30), organization: share(31, 28, 34),
        versusRest: comparison("−8 points (−15 to −1)", "lower", "worse"),
        previous: share(27, 20, 35), change: comparison("−4 points (−12 to +4)"),
        trend: [share(26, 19, 34), share(24, 18, 31)], benchmarks: [benchmark]),
      indicator(
        "trust", "Trust in neighbours (1–5)", measure: "mean", value: mean(3.4, 3.1, 3.7),
        organization: mean(3.2, 3.15, 3.25), versusRest: comparison("+0.2 (−0.1 to 0.5)"),
        previous: mean(3.3, 2.9, 3.6),
        change: comparison(
          "not shown: the waves differ by too few people", withheld: "wave-difference"),
        trend: [mean(3.5, 3.0, 3.9), mean(3.6, 3.2, 3.8)], band: "moderate"),
      indicator(
        "belong", "Feel they belong", value: share(64, 51, 75, low: true),
        organization: share(58, 55, 61), versusRest: comparison("+6 points (−7 to +19)"),
        previous: below(45), change: comparison("+21 points (+8 to +33)", "higher", "better"),
        trend: [below(40), share(66, 52, 77)]),
      indicator(
        "meet", "Met a member outside meetings",
        value: withheld("withheld to protect a smaller group", rule: "complementary"),
        organization: share(12, 10, 15),
        versusRest: comparison("withheld: too few answers", withheld: "cell"),
        trend: [share(13, 8, 20), withheld("fewer than 10 responses")]),
      indicator("volunteer", "Volunteer monthly", value: share(44, 37, 51)),
    ]
    let strings = ReportFixture.strings
    return Report(
      language: "en", kind: "chapter",
      title: strings["title.chapter", surveyTitle, chapterName],
      subtitle: "Wave 2026 · March–April 2026 · survey version 2026.1",
      survey: SurveyInfo(id: "connection", title: surveyTitle, version: "2026.1"),
      chapter: chapterName, wave: "2026", previousWave: "2025", waves: ["2025", "2026"],
      period: "March–April 2026", respondents: band(100, 249),
      organizationRespondents: band(1000, 2499), weighted: true,
      highlights: ["Feel they belong rose since wave 2025: 64% (was under 45%)."],
      indicators: indicators,
      exposureIndicators: [
        indicator(
          "longhours", "Work more than 50 hours a week", value: share(19, 13, 27),
          organization: share(21, 19, 23), versusRest: comparison("−2 points (−9 to +5)"),
          trend: [share(17, 11, 25), share(18, 12, 26)])
      ],
      chapters: nil, differences: [],
      causes: [
        CauseEntry(
          id: "unions", title: "Decline of labor unions", group: "work",
          exposed: share(52, 44, 60), organization: share(47, 45, 49)),
        CauseEntry(
          id: "spaces", title: "Lack of public or common spaces", group: "place",
          exposed: below(15), organization: share(9, 7, 11)),
      ],
      chapterRelations: [
        relation(
          "Decline of labor unions", exposed: share(35, 25, 46), unexposed: share(14, 8, 23),
          "+21 points (+7 to +34)")
      ],
      relations: [
        relation(
          "Decline of labor unions", exposed: share(36, 33, 39), unexposed: share(22, 20, 24),
          "+14 points (+10 to +18)")
      ],
      correlations: [
        CorrelationEntry(
          index: "workload", indexTitle: "Work pressure index", outcome: "lonely",
          outcomeTitle: indicatorTitle, rho: 0.34, text: "+0.34", p: 0.0004, adjustedP: 0.0021,
          pText: "p = 0.002", respondents: "1000–2499")
      ],
      questions: questions(organization: false), methods: methods, audit: audit)
  }

  /// An organization report: one wave, every chapter side by side (one withheld), the chapters
  /// that differ.
  static func organization() -> Report {
    let strings = ReportStrings(language: "en")
    return Report(
      language: "en", kind: "organization", title: strings["title.organization", surveyTitle],
      subtitle: "Wave 2026 · survey version 2026.1",
      survey: SurveyInfo(id: "connection", title: surveyTitle, version: "2026.1"),
      chapter: nil, wave: "2026", previousWave: nil, waves: ["2026"], period: nil,
      respondents: band(250, 499), organizationRespondents: band(250, 499), weighted: false,
      highlights: ["3 chapters are reported; 1 had too few responses to report on their own."],
      indicators: [
        indicator(
          "lonely", indicatorTitle, value: share(29, 25, 33), trend: [share(29, 25, 33)],
          benchmarks: [benchmark]),
        indicator(
          "trust", "Trust in neighbours (1–5)", measure: "mean", value: mean(3.1, 3.0, 3.2)),
      ],
      exposureIndicators: [],
      chapters: ChapterMatrix(
        chapters: [
          ChapterColumn(name: chapterName, respondents: band(50, 99)),
          ChapterColumn(name: "Riverside", respondents: withheld("fewer than 10 responses")),
          ChapterColumn(name: hebrew + " " + emoji, respondents: band(100, 249)),
        ],
        rows: [
          MatrixRow(
            id: "lonely", title: indicatorTitle,
            values: [
              share(41, 30, 52), withheld("fewer than 10 responses"),
              withheld("withheld to protect a smaller group", rule: "complementary"),
            ], organization: share(29, 25, 33)),
          MatrixRow(
            id: "trust", title: "Trust in neighbours (1–5)",
            values: [
              mean(2.8, 2.5, 3.1), withheld("fewer than 10 responses"), mean(3.3, 3.1, 3.5),
            ], organization: mean(3.1, 3.0, 3.2)),
        ]),
      differences: [
        DifferenceEntry(
          chapter: chapterName, indicator: "lonely", title: indicatorTitle,
          value: share(41, 30, 52),
          comparison: comparison("+14 points (+3 to +25)", "higher", "worse"),
          sentence: "\(indicatorTitle) in \(chapterName): 41%, higher than the rest of the "
            + "organization (+14 points (+3 to +25)).")
      ],
      causes: [
        CauseEntry(
          id: "unions", title: "Decline of labor unions", group: "work",
          exposed: share(48, 43, 53), organization: nil)
      ],
      chapterRelations: [],
      relations: [
        relation(
          "Decline of labor unions", exposed: share(37, 32, 42), unexposed: share(21, 17, 26),
          "+16 points (+9 to +23)")
      ],
      correlations: [], questions: questions(organization: true), methods: methods, audit: audit)
  }
}

extension ReportFixture {
  /// The smallest report: one indicator, nothing else to show.
  static func minimal() -> Report {
    Report(
      language: "en", kind: "organization", title: "Tiny: all chapters",
      subtitle: "Wave 1 · survey version 1",
      survey: SurveyInfo(id: "t", title: "Tiny", version: "1"),
      chapter: nil, wave: "1", previousWave: nil, waves: ["1"], period: nil,
      respondents: band(10, 19), organizationRespondents: band(10, 19), weighted: false,
      highlights: ["Nothing stands out."],
      indicators: [indicator("lonely", "Lonely", value: share(40, 20, 60, low: true))],
      exposureIndicators: [], chapters: nil, differences: [], causes: [], chapterRelations: [],
      relations: [], correlations: [], questions: [],
      methods: Methods(indicators: [], scales: [], notes: []),
      audit: Audit(
        rulesVersion: "1", minimumGroupSize: 10, minimumCell: 5, noExtremesBelow: 20, entries: [],
        summary: "Rules version 1. Nothing had to be withheld."))
  }
}
