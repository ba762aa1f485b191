import Testing

@testable import SurveyReporting

@Suite struct HTMLRendererTests {
  typealias Kind = ReportFixture.Kind

  func page(_ kind: Kind, language: String = "en") -> String {
    HTMLRenderer.render(ReportFixture.report(kind), strings: ReportStrings(language: language))
  }

  @Test(arguments: Kind.allCases)
  func pageIsSelfContained(_ kind: Kind) {
    let html = page(kind)
    let lower = html.lowercased()
    #expect(html.hasPrefix("<!doctype html>\n<html lang=\"en\">"))
    #expect(html.contains("<meta charset=\"utf-8\">"))
    #expect(html.contains("<meta name=\"viewport\""))
    #expect(html.contains("<link rel=\"icon\" href=\"data:,\">"))
    for reference in [
      "<script", "http://", "https://", "src=", "url(", "@import", "<img", "<iframe",
    ] {
      #expect(!lower.contains(reference), "\(reference)")
    }
    #expect(occurrences(of: "<style", in: lower) == 1)
    #expect(occurrences(of: "</style>", in: lower) == 1)
    #expect(occurrences(of: "<link", in: lower) == 1)
    #expect(lower.contains("@media print"))
  }

  @Test(arguments: Kind.allCases)
  func hostileLabelsAreEscapedAndIsolated(_ kind: Kind) {
    let html = page(kind)
    #expect(!html.contains("<script>"))
    #expect(!html.contains("alert(1)</script>"))
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(!html.contains("\"quoted'"))
    let expected = [
      "chapter name": "<bdi>فرع الشمال &lt;script&gt;alert(1)&lt;/script&gt;</bdi>",
      "indicator title": "<bdi>&quot;quoted&#39; &amp; &lt;/style&gt; סניף</bdi>",
      "answer label": "<bdi>🏘️👩🏽‍🤝‍👩🏻 &lt;script&gt;alert(1)&lt;/script&gt;</bdi>",
      "source": "<bdi>סניף &quot;quoted&#39; &amp; &lt;/style&gt; 🏘️👩🏽‍🤝‍👩🏻</bdi>",
    ]
    for (field, fragment) in expected.sorted(by: { $0.key < $1.key }) {
      #expect(html.contains(fragment), "\(field)")
    }
    // The emoji's bytes pass through unchanged, not as character references.
    #expect(html.utf8.contains(ReportFixture.emoji.utf8))
    #expect(!html.contains("&#x1F"))
    // The title element carries the chapter's name escaped (it cannot hold markup).
    if kind == .chapter {
      #expect(html.contains("<title>Community Connection Survey: فرع الشمال &lt;script&gt;"))
    }
  }

  @Test(arguments: Kind.allCases)
  func everyFigureTextIsOnThePage(_ kind: Kind) {
    let report = ReportFixture.report(kind)
    let nodes = visibleTextNodes(HTMLRenderer.render(report, strings: ReportFixture.strings))
    let texts = figureTexts(in: report)
    #expect(texts.count > 30)
    for text in texts {
      #expect(nodes.contains { $0.contains(text) }, "\(text)")
    }
  }

  @Test(arguments: Kind.allCases)
  func sentencesAreOnThePage(_ kind: Kind) {
    let report = ReportFixture.report(kind)
    let text = visibleTextNodes(page(kind)).joined(separator: "\n")
    var sentences = report.highlights + report.differences.map(\.sentence)
    sentences += report.methods.notes.flatMap { [$0.title, $0.text] }
    sentences += [report.audit.summary, report.subtitle]
    sentences += report.methods.indicators.map(\.definition)
    for sentence in sentences {
      #expect(text.contains(sentence), "\(sentence)")
    }
  }

  @Test(arguments: Kind.allCases)
  func renderingIsDeterministic(_ kind: Kind) {
    let first = page(kind)
    #expect(first == page(kind))
    #expect(
      first == HTMLRenderer.render(ReportFixture.report(kind), strings: ReportFixture.strings))
  }

  /// The same bytes in every process too (no hash order, locale or clock): a small report's
  /// table and chart, as recorded.
  @Test func smallReportIsAsRecorded() {
    let html = HTMLRenderer.render(ReportFixture.minimal(), strings: ReportFixture.strings)
    #expect(blocks(of: "table", in: html) == [Self.recordedTable])
    #expect(blocks(of: "svg", in: html) == [Self.recordedChart])
  }

  static let recordedTable = """
    <table class="data indicators" id="indicators-table">
    <caption id="indicators-table-caption">Social connection · Wave 1</caption>
    <thead>
    <tr><th scope="col">Indicator</th><th scope="col">Organization</th></tr>
    </thead>
    <tbody>
    <tr><th scope="row"><bdi>Lonely</bdi></th><td><span class="figure">40%</span> <span class="interval">20–60%</span> <span class="tag tag-low">low precision</span></td></tr>
    </tbody>
    </table>
    """

  static let recordedChart = """
    <svg role="img" aria-label="Social connection. Lonely: 40% (20–60%)." viewBox="0 0 720 72" width="720" height="72">
    <title>Social connection. Lonely: 40% (20–60%).</title>
    <text class="label" x="0" y="14">Lonely</text>
    <rect class="track" x="0" y="22" width="500" height="16"/>
    <line class="grid" x1="125" x2="125" y1="22" y2="38"/>
    <line class="grid" x1="250" x2="250" y1="22" y2="38"/>
    <line class="grid" x1="375" x2="375" y1="22" y2="38"/>
    <rect class="bar" x="0" y="22" width="200" height="16"/>
    <path class="whisker" d="M100 30H300M100 25V35M300 25V35"/>
    <text class="value" x="514" y="35"><tspan>40%</tspan></text>
    <g class="axis">
    <path class="axis-line" d="M0 46H500"/>
    <path class="axis-line" d="M0 46V51"/>
    <text x="0" y="65" text-anchor="start">0%</text>
    <path class="axis-line" d="M250 46V51"/>
    <text x="250" y="65" text-anchor="middle">50%</text>
    <path class="axis-line" d="M500 46V51"/>
    <text x="500" y="65" text-anchor="end">100%</text>
    </g>
    </svg>
    """

  @Test(arguments: Kind.allCases)
  func tablesAndChartsAreAccessible(_ kind: Kind) {
    let html = page(kind)
    let tables = blocks(of: "table", in: html)
    #expect(tables.count >= 5)
    for table in tables {
      #expect(occurrences(of: "<caption", in: table) == 1)
      #expect(table.contains("<th scope=\"col\">"))
      #expect(table.contains("<th scope=\"row\">"))
    }
    #expect(!html.contains("<th>"))
    #expect(occurrences(of: "<th ", in: html) == occurrences(of: "<th scope=\"", in: html))
    let charts = blocks(of: "svg", in: html)
    #expect(charts.count >= 2)
    #expect(occurrences(of: "<svg", in: html) == charts.count)
    for chart in charts {
      let opening = chart.prefix { $0 != ">" }
      #expect(opening.contains("role=\"img\""))
      #expect(opening.contains("aria-label=\"") && !opening.contains("aria-label=\"\""))
      #expect(chart.contains("<title>"))
    }
    // The chart's text alternative lists the values it draws.
    let exposed = kind == .chapter ? "52%" : "48%"
    #expect(
      charts.contains {
        $0.contains("aria-label=\"Causes of atomization. Decline of labor unions: \(exposed)")
      })
  }

  @Test(arguments: Kind.allCases)
  func idsAreUniqueAndReferencesResolve(_ kind: Kind) {
    let html = page(kind)
    let ids = attributeValues("id", in: html)
    #expect(ids.count > 20)
    #expect(ids.count == Set(ids).count)
    let links = attributeValues("href", in: html).filter { $0.hasPrefix("#") }.map {
      $0.dropFirst()
    }
    #expect(links.count > 5)
    for reference in attributeValues("aria-labelledby", in: html) + links.map(String.init) {
      #expect(ids.contains(reference), "\(reference)")
    }
  }

  @Test(arguments: Kind.allCases)
  func headingsAndSectionsAreInOrder(_ kind: Kind) {
    let html = page(kind)
    #expect(occurrences(of: "<h1", in: html) == 1)
    var previous = 1
    for level in headingLevels(html) {
      #expect(level <= previous + 1, "h\(level) after h\(previous)")
      previous = level
    }
    var ids = [
      "summary", "who", "indicators", "trends", "exposure", "causes", "relations-chapter",
      "relations", "correlations", "questions", "methods", "audit",
    ]
    if kind == .organization {
      ids = ["summary", "who", "indicators", "causes", "relations", "chapters", "differences"]
      ids += ["questions", "methods", "audit"]
      #expect(!html.contains("<section id=\"trends\""))
    }
    let positions = ids.map { html.firstRange(of: "<section id=\"\($0)\"")?.lowerBound }
    #expect(!positions.contains(nil))
    let found = positions.compactMap { $0 }
    #expect(found == found.sorted())
  }

  @Test func keyFiguresShowTheFirstFourIndicators() {
    let html = page(.chapter)
    #expect(occurrences(of: "<li class=\"card\">", in: html) == 4)
    let grid = blocks(of: "ul", in: html).first { $0.hasPrefix("<ul class=\"cards\"") } ?? ""
    #expect(grid.contains("Feel they belong"))
    #expect(!grid.contains("Volunteer monthly"))
  }

  @Test func withheldFiguresAreMutedAndVerdictsAreWords() {
    let html = page(.chapter)
    #expect(html.contains("<span class=\"withheld\">withheld to protect a smaller group</span>"))
    #expect(html.contains("<p class=\"withheld\">fewer than 10 responses</p>"))
    #expect(html.contains("<span class=\"verdict verdict-worse\">lower · worse</span>"))
    #expect(html.contains("<span class=\"verdict verdict-better\">higher · better</span>"))
    // A withheld comparison shows no verdict.
    #expect(!html.contains("withheld: too few answers</span> <span class=\"verdict"))
    #expect(html.contains("<span class=\"tag tag-low\">low precision</span>"))
    #expect(html.contains("context only: the question differs"))
  }

  @Test func wordsFollowTheStringsLanguage() {
    let html = page(.chapter, language: "es")
    #expect(html.contains(">Resumen</h2>"))
    #expect(html.contains(">Auditoría de privacidad</h2>"))
    #expect(html.contains("<th scope=\"col\">Indicador</th>"))
    // The page is right to left when its own words are; labels are isolated either way.
    var report = ReportFixture.chapter()
    report.language = "ar"
    let arabic = HTMLRenderer.render(report, strings: ReportStrings(language: "ar"))
    #expect(arabic.contains("<html lang=\"ar\">"))
    #expect(HTMLRenderer.isRightToLeft("ar") && HTMLRenderer.isRightToLeft("he-IL"))
    #expect(!HTMLRenderer.isRightToLeft("es") && !HTMLRenderer.isRightToLeft("en-US"))
  }

  @Test func escapingCoversTextAndAttributes() {
    #expect(
      HTMLRenderer.escape("a & b < c > d \" e ' f") == "a &amp; b &lt; c &gt; d &quot; e &#39; f")
    #expect(HTMLRenderer.escape("x\u{0}y\u{1B}z\tw\n") == "x\u{FFFD}y\u{FFFD}z\tw\n")
    #expect(HTMLRenderer.escape(ReportFixture.emoji) == ReportFixture.emoji)
    #expect(HTMLRenderer.bdi("סניף") == "<bdi>סניף</bdi>")
  }
}

extension HTMLRendererTests {
  func occurrences(of needle: String, in text: some StringProtocol) -> Int {
    String(text).ranges(of: needle).count
  }

  /// Every `<tag …>…</tag>` of the page (not nested in one another).
  func blocks(of tag: String, in html: String) -> [String] {
    var found: [String] = []
    var rest = html[...]
    while let start = rest.firstRange(of: "<\(tag)"),
      let end = rest[start.upperBound...].firstRange(of: "</\(tag)>")
    {
      found.append(String(rest[start.lowerBound..<end.upperBound]))
      rest = rest[end.upperBound...]
    }
    return found
  }

  /// The text a reader sees, node by node, with character references resolved: the head and
  /// the charts' drawings (whose text alternatives repeat the figures) are left out.
  func visibleTextNodes(_ html: String) -> [String] {
    var page = html
    for tag in ["head", "svg"] {
      while let start = page.firstRange(of: "<\(tag)"),
        let end = page[start.lowerBound...].firstRange(of: "</\(tag)>")
      {
        page.removeSubrange(start.lowerBound..<end.upperBound)
      }
    }
    var nodes: [String] = []
    var node = ""
    var inTag = false
    for character in page {
      if character == "<" {
        nodes.append(node)
        node = ""
        inTag = true
      } else if character == ">" {
        inTag = false
      } else if !inTag {
        node.append(character)
      }
    }
    nodes.append(node)
    return nodes.map(unescaped).filter { $0.contains { !$0.isWhitespace } }
  }

  func unescaped(_ text: String) -> String {
    var text = text
    for (reference, character) in [
      ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&"),
    ] {
      text.replace(reference, with: character)
    }
    return text
  }

  /// The text of every figure, comparison, published figure, correlation and reliability in a
  /// report, with the intervals of the figures shown.
  func figureTexts(in value: Any) -> [String] {
    if let figure = value as? Figure {
      return [figure.text] + (figure.withheld == nil ? figure.interval.map { [$0] } ?? [] : [])
    }
    if let comparison = value as? ComparisonFigure { return [comparison.text] }
    if let benchmark = value as? BenchmarkEntry { return [benchmark.text] }
    if let correlation = value as? CorrelationEntry {
      return [correlation.text, correlation.pText]
    }
    if let scale = value as? ScaleMethod { return [scale.text] }
    return Mirror(reflecting: value).children.flatMap { figureTexts(in: $0.value) }
  }

  /// The values of an attribute, in order.
  func attributeValues(_ name: String, in html: String) -> [String] {
    html.ranges(of: " \(name)=\"").map { String(html[$0.upperBound...].prefix { $0 != "\"" }) }
  }

  /// The level of every heading, in order.
  func headingLevels(_ html: String) -> [Int] {
    let characters = Array(html)
    return characters.indices.dropLast(2).compactMap { index in
      guard characters[index] == "<", characters[index + 1] == "h" else { return nil }
      return characters[index + 2].wholeNumberValue.flatMap { (1...6).contains($0) ? $0 : nil }
    }
  }
}
