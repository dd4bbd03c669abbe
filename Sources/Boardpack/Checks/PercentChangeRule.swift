import Foundation

/// A percentage change stated in the text against the two figures it joins: "rose from 120 to
/// 150, an increase of 25%", "fell from 200 to 150 (a 25% reduction)", "a 25% rise from 120 to
/// 150". The change must be (new − old) / old, within the rounding of all three figures, and go
/// the way its word says. Between two percentages, their difference in points is accepted too.
public struct PercentChangeRule: ReportRule {
  public init() {}

  public func check(_ report: Report, into findings: inout Findings) {
    for passage in report.passages where !passage.isHeading {
      for pattern in Self.patterns {
        for match in pattern.matches(in: passage.text) {
          check(match, passage, into: &findings)
        }
      }
    }
  }

  /// "120", "£2,500.50", "45%"; a comma or point ending a figure is punctuation.
  private static let figure = #"£?\d+(?:,\d{3})*(?:\.\d+)?%?(?!\d|[.,]\d)"#
  private static let rises: Set = ["increase", "rise", "growth", "higher", "more"]
  private static let falls: Set = ["decrease", "reduction", "fall", "drop", "decline", "lower", "fewer"]

  /// "from A to B" and a change after it in the same clause, or a change and then "from A to B";
  /// no other figure comes between them.
  private static let patterns: [TextPattern] = {
    // Not an age range: "aged from 12 to 17".
    // A unit after a figure: "£6.9m", "£900k", "2.1 million".
    let unit = #"\s?(?:m|bn|k|million|billion|thousand)\b"#
    let pair =
      #"(?<!\bages\s)(?<!\baged\s)\bfrom\s+(?<old>"# + figure + ")(?<oldUnit>" + unit
      + #")?\s+to\s+(?<new>"# + figure + ")(?<newUnit>" + unit + ")?"
    let word = "(?<word>" + rises.union(falls).sorted().joined(separator: "|") + ")"
    let change = #"(?<change>\d+(?:\.\d+)?)%"#
    let gap = #"[^.;:\d%£]{0,40}?"#
    let needs = ["from"]
    return [
      // from 120 to 150, a 25% increase
      TextPattern("(?i)" + pair + gap + change + #"\s+"# + word + #"\b"#, needing: needs, ["%"]),
      // from 120 to 150, an increase of 25%
      TextPattern("(?i)" + pair + gap + word + #"\s+of\s+"# + change, needing: needs, ["%"]),
      // a 25% increase in arrests from 120 to 150 (words only between: no new clause)
      TextPattern(
        "(?i)" + change + #"\s+"# + word + #"\s+(?:[a-z]+\s+){0,4}?"# + pair, needing: needs, ["%"]),
    ]
  }()

  private func check(_ match: TextMatch, _ passage: Passage, into findings: inout Findings) {
    guard let oldText = match["old"], let newText = match["new"],
      let old = Measured(text: String(oldText)), let new = Measured(text: String(newText)),
      let stated = match["change"].flatMap({ Measured(text: $0 + "%") }),
      let word = match["word"]?.lowercased(), old.value != 0,
      // "from £900k to £1.2m" is not read: the units would have to be converted.
      match["oldUnit"]?.filter(\.isLetter) == match["newUnit"]?.filter(\.isLetter),
      let relative = Measured.range(new, old, { $1 == 0 ? nil : ($0 - $1) / $1 * 100 })
    else { return }
    let rising = Self.rises.contains(word)
    let shown = String(match.text)
    if (new.value > old.value) != rising, new.value != old.value {
      findings.add(
        .derivedColumn, .error,
        "the text calls a change from \(old.shown) to \(new.shown) a \(rising ? "rise" : "fall")",
        at: passage.place, stated: shown)
      return
    }
    let magnitude = Measured(value: abs(relative.value), slack: relative.slack)
    let bothPercentages = old.shown.hasSuffix("%") && new.shown.hasSuffix("%")
    let points = Measured(
      value: abs(new.value - old.value), slack: new.slack + old.slack)
    guard !stated.agrees(with: magnitude), !(bothPercentages && stated.agrees(with: points))
    else { return }
    findings.add(
      .derivedColumn, .error,
      "the percentage change from \(old.shown) to \(new.shown) is not \(stated.shown)",
      at: passage.place, stated: stated.shown,
      expected: Measured.show(magnitude.value, like: stated.shown))
  }
}
