extension HTMLRenderer.Page {
  /// A bar of a chart: a label, a share and, optionally, a share to mark on the same track.
  struct Bar {
    let label: String
    let value: Figure
    let marker: Figure?
  }

  /// The chart's geometry, in SVG user units.
  enum Geometry {
    static let width = 720.0
    static let track = 500.0
    static let barHeight = 16.0
    static let lineHeight = 18.0
    static let rowGap = 18.0
    static let labelCharacters = 80
    static let valueCharacters = 26
  }

  /// A horizontal bar chart of shares on a 0–100 axis: one bar per value with its interval as a
  /// whisker, the marked share (the organization's) as a diamond, the value's text at the end of
  /// the track. The text alternative lists every value.
  ///
  /// - Parameters:
  ///   - bars: The bars, top to bottom.
  ///   - title: What the chart shows.
  ///   - id: A unique anchor for the chart.
  func barChart(_ bars: [Bar], title: String, id: String) -> String {
    let hasMarkers = bars.contains { $0.marker?.value != nil }
    var body = ""
    var y = 0.0
    for bar in bars {
      for line in wrapped(bar.label, limit: Geometry.labelCharacters) {
        y += Geometry.lineHeight
        body += "<text class=\"label\" x=\"0\" y=\"\(coordinate(y - 4))\">\(escape(line))</text>\n"
      }
      y += 4
      let valueLines = wrapped(bar.value.text, limit: Geometry.valueCharacters)
      body += track(bar, top: y, valueLines: valueLines)
      y += Geometry.barHeight + Double(valueLines.count - 1) * Geometry.lineHeight
      y += Geometry.rowGap
    }
    body += axis(top: y - Geometry.rowGap + 8)
    let height = y + 16
    let description = chartDescription(bars, title: title)
    var html = "<figure class=\"chart\" id=\"\(id)\">\n"
    html += "<svg role=\"img\" aria-label=\"\(escape(description))\" "
    html += "viewBox=\"0 0 \(coordinate(Geometry.width)) \(coordinate(height))\" "
    html += "width=\"\(coordinate(Geometry.width))\" height=\"\(coordinate(height))\">\n"
    html += "<title>\(escape(description))</title>\n\(body)</svg>\n"
    if hasMarkers {
      html += "<figcaption class=\"legend\" aria-hidden=\"true\">"
      html += "<span class=\"key key-bar\"></span>\(escape(strings["column.value"])) "
      html += "<span class=\"key key-marker\"></span>\(escape(strings["column.organization"]))"
      html += "</figcaption>\n"
    }
    return html + "</figure>\n"
  }

  /// The track, the bar, the whisker, the marker and the value's text (in lines) of one bar.
  func track(_ bar: Bar, top: Double, valueLines: [String]) -> String {
    let scale = Geometry.track / 100
    let middle = top + Geometry.barHeight / 2
    var svg = "<rect class=\"track\" x=\"0\" y=\"\(coordinate(top))\" "
    svg +=
      "width=\"\(coordinate(Geometry.track))\" height=\"\(coordinate(Geometry.barHeight))\"/>\n"
    for quarter in [25.0, 50, 75] {
      let x = coordinate(quarter * scale)
      svg += "<line class=\"grid\" x1=\"\(x)\" x2=\"\(x)\" y1=\"\(coordinate(top))\" "
      svg += "y2=\"\(coordinate(top + Geometry.barHeight))\"/>\n"
    }
    let shown = bar.value.withheld == nil
    if shown, let value = bar.value.value {
      svg += "<rect class=\"bar\" x=\"0\" y=\"\(coordinate(top))\" "
      svg += "width=\"\(coordinate(clamped(value) * scale))\" "
      svg += "height=\"\(coordinate(Geometry.barHeight))\"/>\n"
    }
    if shown, let lower = bar.value.lower, let upper = bar.value.upper {
      let (low, high) = (coordinate(clamped(lower) * scale), coordinate(clamped(upper) * scale))
      let (capTop, capBottom) = (coordinate(top + 3), coordinate(top + Geometry.barHeight - 3))
      svg += "<path class=\"whisker\" d=\"M\(low) \(coordinate(middle))H\(high)"
      svg += "M\(low) \(capTop)V\(capBottom)M\(high) \(capTop)V\(capBottom)\"/>\n"
    }
    if let marker = bar.marker, marker.withheld == nil, let value = marker.value {
      let x = clamped(value) * scale
      svg += "<path class=\"marker\" d=\"M\(coordinate(x)) \(coordinate(middle - 7))"
      svg +=
        "L\(coordinate(x + 6)) \(coordinate(middle))L\(coordinate(x)) \(coordinate(middle + 7))"
      svg += "L\(coordinate(x - 6)) \(coordinate(middle))Z\"/>\n"
    }
    let name = shown ? "value" : "value withheld"
    let x = coordinate(Geometry.track + 14)
    svg += "<text class=\"\(name)\" x=\"\(x)\" y=\"\(coordinate(middle + 5))\">"
    for (index, line) in valueLines.enumerated() {
      let shift = index == 0 ? "" : " x=\"\(x)\" dy=\"\(coordinate(Geometry.lineHeight))\""
      svg += "<tspan\(shift)>\(escape(line))</tspan>"
    }
    return svg + "</text>\n"
  }

  /// The 0–100 axis under the bars.
  func axis(top: Double) -> String {
    let scale = Geometry.track / 100
    var svg = "<g class=\"axis\">\n<path class=\"axis-line\" d=\"M0 \(coordinate(top))"
    svg += "H\(coordinate(Geometry.track))\"/>\n"
    for (tick, anchor) in [(0, "start"), (50, "middle"), (100, "end")] {
      let x = coordinate(Double(tick) * scale)
      svg += "<path class=\"axis-line\" d=\"M\(x) \(coordinate(top))V\(coordinate(top + 5))\"/>\n"
      svg += "<text x=\"\(x)\" y=\"\(coordinate(top + 19))\" text-anchor=\"\(anchor)\">"
      svg += "\(escape(strings["percent", String(tick)]))</text>\n"
    }
    return svg + "</g>\n"
  }

  /// The chart's text alternative: its title, then every bar's label, value and interval (and
  /// the marked value).
  func chartDescription(_ bars: [Bar], title: String) -> String {
    let items = bars.map { bar in
      var text = bar.label + ": " + bar.value.text
      if bar.value.withheld == nil, let interval = bar.value.interval { text += " (\(interval))" }
      if let marker = bar.marker {
        text += ", " + strings["column.organization"] + " " + marker.text
      }
      return text
    }
    return title + ". " + items.joined(separator: "; ") + "."
  }

  /// Text broken at spaces into lines of at most `limit` characters (a longer word keeps its
  /// own line).
  func wrapped(_ label: String, limit: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    for word in label.split(separator: " ", omittingEmptySubsequences: true) {
      if !line.isEmpty && line.count + 1 + word.count > limit {
        lines.append(line)
        line = ""
      }
      line += line.isEmpty ? String(word) : " " + word
    }
    if !line.isEmpty || lines.isEmpty { lines.append(line) }
    return lines
  }

  /// A share kept on the axis.
  func clamped(_ value: Double) -> Double { min(100, max(0, value.isFinite ? value : 0)) }

  /// A coordinate with at most one decimal and a point, whatever the locale.
  func coordinate(_ value: Double) -> String {
    let tenths = Int((min(1e12, max(-1e12, value.isFinite ? value : 0)) * 10).rounded())
    let sign = tenths < 0 ? "-" : ""
    let magnitude = abs(tenths)
    return magnitude % 10 == 0
      ? sign + String(magnitude / 10) : sign + "\(magnitude / 10).\(magnitude % 10)"
  }
}
