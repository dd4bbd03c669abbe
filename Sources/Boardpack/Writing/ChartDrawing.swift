import BoardpackXML
import Foundation

/// Draws a `Chart` as SVG through the XML writer: bars side by side, stacked bars or lines over a
/// scale from zero, the values printed on the bars (or points), a legend naming each series, and
/// the figure's alt text as the drawing's title. LibreOffice and Chromium both open and print it.
struct ChartDrawing {
  let chart: Chart
  /// The alt text, the drawing's `<title>` and accessible name.
  let title: String

  static let width = 640.0
  static let height = 360.0
  /// Colours told apart in greyscale too (dark, mid, light), the first like the letterhead's.
  static let colours = ["#1f3864", "#c55a11", "#8fb3e0", "#548235", "#7f6000", "#7030a0"]
  static let font = "Liberation Sans, Arial, Helvetica, sans-serif"

  /// The drawing as a standalone SVG file.
  func svgFile() -> Data {
    let xml = XMLWriter()
    draw(into: xml, standalone: true)
    return xml.finish()
  }

  /// Writes the `<svg>` element into `xml`: inline in XHTML, or (`standalone`) as a file's root.
  func draw(into xml: XMLWriter, standalone: Bool = false) {
    let (width, height) = (Self.width, Self.height)
    xml.start("svg")
    xml.attribute("xmlns", "http://www.w3.org/2000/svg")
    xml.attribute("viewBox", "0 0 \(Int(width)) \(Int(height))")
    xml.attribute("width", standalone ? "16cm" : "100%")
    if standalone { xml.attribute("height", "9cm") }
    xml.attribute("role", "img")
    xml.attribute("aria-label", title)
    xml.attribute("font-family", Self.font)
    xml.element("title", text: title)
    xml.element(
      "rect",
      ["x": "0", "y": "0", "width": "\(Int(width))", "height": "\(Int(height))", "fill": "#ffffff"])
    let plot = (left: 70.0, right: width - 20, top: 50.0, bottom: height - 50)
    let scale = Scale(chart)
    func y(_ value: Double) -> Double {
      plot.bottom - (value - scale.low) / (scale.high - scale.low) * (plot.bottom - plot.top)
    }
    // Gridlines and the scale.
    var tick = scale.low
    while tick <= scale.high + scale.step / 2 {
      let at = Self.number(y(tick))
      xml.element(
        "line",
        [
          "x1": Self.number(plot.left), "x2": Self.number(plot.right), "y1": at, "y2": at,
          "stroke": tick == 0 ? "#404040" : "#d0d0d0", "stroke-width": "1",
        ])
      xml.element(
        "text",
        [
          "x": Self.number(plot.left - 8), "y": Self.number(y(tick) + 4), "text-anchor": "end",
          "font-size": "12", "fill": "#000000",
        ],
        text: scale.label(tick))
      tick += scale.step
    }
    // The legend, a swatch and a name for each series.
    var legendX = plot.left
    for (index, series) in chart.series.enumerated() {
      xml.element(
        "rect",
        [
          "x": Self.number(legendX), "y": "14", "width": "14", "height": "14",
          "fill": Self.colours[index % Self.colours.count],
        ])
      xml.element(
        "text", ["x": Self.number(legendX + 20), "y": "26", "font-size": "13", "fill": "#000000"],
        text: series.name)
      legendX += 40 + TextWidth(size: 13, bold: false).points(series.name)
    }
    let count = max(chart.categories.count, 1)
    let band = (plot.right - plot.left) / Double(count)
    for (category, name) in chart.categories.enumerated() {
      let centre = plot.left + band * (Double(category) + 0.5)
      xml.element(
        "text",
        [
          "x": Self.number(centre), "y": Self.number(plot.bottom + 20), "text-anchor": "middle",
          "font-size": "12", "fill": "#000000",
        ],
        text: name)
    }
    switch chart.kind {
    case .bar:
      let groups = Double(max(chart.series.count, 1))
      let barWidth = band * 0.7 / groups
      for (index, series) in chart.series.enumerated() {
        for (category, value) in series.values.enumerated() {
          guard let value = value.map({ NSDecimalNumber(decimal: $0).doubleValue }) else {
            continue
          }
          let x = plot.left + band * Double(category) + band * 0.15 + barWidth * Double(index)
          let (top, bottom) = (y(max(value, 0)), y(min(value, 0)))
          bar(xml, x: x, y: top, width: barWidth, height: bottom - top, colour: index)
          label(
            xml, series.shown[category], x: x + barWidth / 2, y: value >= 0 ? top - 5 : bottom + 14)
        }
      }
    case .stackedBar:
      let barWidth = band * 0.5
      for category in chart.categories.indices {
        var base = 0.0
        let x = plot.left + band * Double(category) + band * 0.25
        for (index, series) in chart.series.enumerated() {
          guard category < series.values.count,
            let value = series.values[category].map({ NSDecimalNumber(decimal: $0).doubleValue }),
            value > 0
          else { continue }
          let (top, bottom) = (y(base + value), y(base))
          bar(xml, x: x, y: top, width: barWidth, height: bottom - top, colour: index)
          if bottom - top >= 14 {
            label(
              xml, series.shown[category], x: x + barWidth / 2, y: (top + bottom) / 2 + 4,
              colour: index == 0 || index == 1 ? "#ffffff" : "#000000")
          }
          base += value
        }
      }
    case .line:
      for (index, series) in chart.series.enumerated() {
        var points: [String] = []
        for (category, value) in series.values.enumerated() {
          guard let value = value.map({ NSDecimalNumber(decimal: $0).doubleValue }) else {
            continue
          }
          let x = plot.left + band * (Double(category) + 0.5)
          points.append("\(Self.number(x)),\(Self.number(y(value)))")
          xml.element(
            "circle",
            [
              "cx": Self.number(x), "cy": Self.number(y(value)), "r": "4",
              "fill": Self.colours[index % Self.colours.count],
            ])
          if chart.categories.count <= 12 {
            label(xml, series.shown[category], x: x, y: y(value) - 9)
          }
        }
        xml.element(
          "polyline",
          [
            "points": points.joined(separator: " "), "fill": "none",
            "stroke": Self.colours[index % Self.colours.count], "stroke-width": "2.5",
          ])
      }
    }
    xml.end()
  }

  private func bar(
    _ xml: XMLWriter, x: Double, y: Double, width: Double, height: Double, colour: Int
  ) {
    xml.element(
      "rect",
      [
        "x": Self.number(x), "y": Self.number(y), "width": Self.number(width),
        "height": Self.number(max(height, 0)), "fill": Self.colours[colour % Self.colours.count],
      ])
  }

  private func label(
    _ xml: XMLWriter, _ text: String, x: Double, y: Double, colour: String = "#000000"
  ) {
    xml.element(
      "text",
      [
        "x": Self.number(x), "y": Self.number(y), "text-anchor": "middle", "font-size": "12",
        "fill": colour,
      ], text: text)
  }

  /// A coordinate with at most one decimal place.
  static func number(_ value: Double) -> String {
    let rounded = (value * 10).rounded() / 10
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
  }

  /// The value axis: from zero (or the lowest value, when negative) to a round figure above the
  /// highest, in steps of 1, 2 or 5 times a power of ten.
  private struct Scale {
    var low: Double
    var high: Double
    var step: Double
    let unit: ValueType

    init(_ chart: Chart) {
      unit = chart.unit
      var highest = 0.0
      var lowest = 0.0
      for category in chart.categories.indices {
        var stacked = 0.0
        for series in chart.series where category < series.values.count {
          guard
            let value = series.values[category].map({ NSDecimalNumber(decimal: $0).doubleValue })
          else { continue }
          highest = max(highest, value)
          lowest = min(lowest, value)
          stacked += max(value, 0)
        }
        if chart.kind == .stackedBar { highest = max(highest, stacked) }
      }
      let span = max(highest - lowest, 1e-9)
      let rough = span / 5
      let power = pow(10, (log10(rough)).rounded(.down))
      step = [1.0, 2, 5, 10].map { $0 * power }.first { $0 >= rough } ?? 10 * power
      low = (lowest / step).rounded(.down) * step
      high = max((highest / step).rounded(.up) * step, low + step)
      if unit == .percent && highest <= 100 && lowest >= 0 && highest > 50 {
        (low, high, step) = (0, 100, 20)
      }
    }

    func label(_ value: Double) -> String {
      let whole = value == value.rounded() && abs(value) < 1e15
      let number = whole ? Decimal(Int(value)) : Decimal(value)
      let text = whole ? UKFormat.number(number) : String(format: "%g", value)
      switch unit {
      case .percent: return text + "%"
      case .money: return "£" + text
      default: return text
      }
    }
  }
}

extension Figure {
  /// The picture to embed: the image file, or the chart drawn as SVG.
  var embeddedImage: EmbeddedImage? {
    image
      ?? chart.map {
        EmbeddedImage(
          data: ChartDrawing(chart: $0, title: altText).svgFile(), mediaType: "image/svg+xml",
          width: 453.5,
          height: 255.1)
      }
  }
}
