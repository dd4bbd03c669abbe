import Foundation

/// A total stated in words next to a table: "Total funding: £40,474.77", "a total of 413
/// engagements", "In total, 413 engagements", "Forty-five complaint reviews were received".
struct StatedTotal: Equatable {
  var figure: Measured
  /// The words naming what was totalled, as `keywords(in:)` gives them.
  var words: Set<String>
  /// Said to be a total ("Total …:", "a total of", "in total"), not just a count opening a sentence.
  var isExplicit: Bool

  var isMoney: Bool { figure.shown.contains("£") }

  /// The ways a total is stated, the explicit ones first.
  private static let patterns: [TextPattern] = {
    let figure = #"£?\d[\d,]*(?:\.\d+)?"#
    let words = NumberWords.pattern
    return [
      // Total funding: £40,474.77
      TextPattern(
        #"(?i)\btotals?(?<words>(?:\s+[a-z]+){0,4}?)\s*[:=]\s*(?<figure>"# + figure + ")",
        needing: ["total"]),
      // a total of 413 engagements; in total, 413 engagements
      TextPattern(
        #"(?i)\b(?:a\s+total\s+of|in\s+total,?)\s+(?<figure>"# + figure + "|" + words
          + #")\s+(?<words>[a-z][a-z\- ]{0,40})"#,
        needing: ["total"]),
      // Forty-five complaint reviews were received
      TextPattern(
        #"(?i)(?:^|[.!?:]\s+)(?<figure>"# + words + "|" + figure
          + #")\s+(?<words>[a-z][a-z\- ]{0,40}?\s+(?:were|was|have\s+been|has\s+been|had\s+been)\s+[a-z]+)"#,
        needing: ["were", "was", "been"]),
    ]
  }()

  /// The totals stated in `text`.
  static func all(in text: String) -> [StatedTotal] {
    var result: [StatedTotal] = []
    for (index, pattern) in patterns.enumerated() {
      for match in pattern.matches(in: text) {
        guard let figureText = match["figure"].map(String.init),
          let wordsText = match["words"].map(String.init)
        else { continue }
        let measured =
          NumberWords.value(of: figureText).map { Measured(value: Decimal($0), shown: String($0)) }
          ?? Measured(text: figureText)
        guard let measured else { continue }
        result.append(
          StatedTotal(figure: measured, words: keywords(in: wordsText), isExplicit: index < 2))
      }
    }
    return result
  }

  private static let stopWords: Set<String> = [
    "a", "an", "the", "of", "in", "to", "for", "and", "or", "by", "on", "at", "with", "were", "was",
    "have", "has",
    "had", "been", "being", "this", "that", "no", "number", "total", "all", "period", "within",
    "same", "since",
  ]

  /// The words of `text` that name things, lowercased and cut to their first six letters, so
  /// that "allocated" meets "Allocations" and "engagements" meets "Engagement".
  static func keywords(in text: String) -> Set<String> {
    let words = text.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
    return Set(
      words.filter { $0.count > 1 && !stopWords.contains($0) }.map { String($0.prefix(6)) })
  }
}
