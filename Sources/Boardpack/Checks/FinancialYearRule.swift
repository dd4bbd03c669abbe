import Foundation

/// Financial-year labels: one that runs from a year to the same or an earlier one ("the previous
/// 2023-23 financial year", "Q1 2026-26"), and a span of years where one financial year is meant
/// ("the 2025-27 financial year"; a column "2025-27 Allocations" beside "2025-26 Expenditure").
///
/// Two years joined by a dash or a slash are a year label only where the text says so: a
/// financial-year word beside them ("financial year", "FY", "budget", "precept", "quarter",
/// "Q1"), a period word just before them ("for 2025/26", "during 2024-25"), or a column header.
/// They are never a label right after a reference word or code ("ASU 2014-09", "Regulation
/// 2016/679", "No. 2019-12"), and after a period word alone "2019-12" may be December 2019, so
/// a second part that could be a month is not read there.
public struct FinancialYearRule: ReportRule {
  public init() {}

  public func check(_ report: Report, into findings: inout Findings) {
    for passage in report.passages {
      for label in Self.labels(in: passage.text) {
        check(label, in: passage, into: &findings)
      }
      checkShortLabels(passage, into: &findings)
    }
    for site in report.tables {
      checkSpanningHeader(site, into: &findings)
    }
  }

  /// Two years joined as a financial-year label is written, where they stand in a passage.
  private struct YearLabel {
    var first: Substring
    var separator: Substring
    var last: Substring
    var start: Int
    /// The second year in full ("2026" for "2025-26").
    var end: Int
    /// The text before and after the label in its passage.
    var before: Substring
    var after: Substring

    var shown: String { "\(first)\(separator)\(last)" }

    /// The label for the financial year starting in `year`, written like this one.
    func written(startingIn year: Int) -> String {
      let next = last.count == 2 ? String(format: "%02d", (year + 1) % 100) : "\(year + 1)"
      return "\(year)\(separator)\(next)"
    }
  }

  /// "2025-26", "2025/2026", "2023 – 24"; not part of a longer run of figures ("2026-06-25",
  /// ".../2024-2025.aspx") nor followed by a letter ("2016-02a").
  private static let labelPattern = TextPattern(
    #"(?:^|[^\d/.\-–])(?<first>(?:19|20)\d\d)\s?(?<separator>[-/–])\s?(?<last>\d{4}|\d{2})(?![\d/\-–\p{L}])"#,
    needing: ["19", "20"], ["-", "/", "–"])

  private static func labels(in text: String) -> [YearLabel] {
    guard hasYearSpanShape(text) else { return [] }
    return labelPattern.matches(in: text).compactMap { match in
      guard let first = match["first"], let separator = match["separator"],
        let last = match["last"], let start = Int(first), let digits = Int(last)
      else { return nil }
      var end = last.count == 2 ? (start / 100) * 100 + digits : digits
      // "1999-00" runs into the next century.
      if last.count == 2 && end + 100 == start + 1 { end += 100 }
      return YearLabel(
        first: first, separator: separator, last: last, start: start, end: end,
        before: text[..<first.startIndex], after: text[last.endIndex...])
    }
  }

  /// Whether `text` holds four digits followed, after at most a space, by "-", "/" or "–" and
  /// (after at most a space) a digit, as every label does ("2025-26", "2024 / 2025"): most text is
  /// passed over without the pattern, which costs far more than this scan.
  static func hasYearSpanShape(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    let isDigit = { (index: Int) in index < bytes.count && (0x30...0x39).contains(bytes[index]) }
    // A space, tab or line break, or a no-break space (U+00A0, two bytes), as `\s` matches.
    let skipSpace = { (index: Int) -> Int in
      guard index < bytes.count else { return index }
      if [0x20, 0x09, 0x0A, 0x0D, 0x0C].contains(bytes[index]) { return index + 1 }
      return bytes[index] == 0xC2 && index + 1 < bytes.count && bytes[index + 1] == 0xA0
        ? index + 2 : index
    }
    var run = 0
    for index in bytes.indices {
      run = isDigit(index) ? run + 1 : 0
      guard run >= 4, !isDigit(index + 1) else { continue }
      var next = skipSpace(index + 1)
      if next < bytes.count, bytes[next] == 0x2D || bytes[next] == 0x2F {
        next += 1
      } else if next + 2 < bytes.count, bytes[next] == 0xE2, bytes[next + 1] == 0x80,
        bytes[next + 2] == 0x93
      {
        next += 3
      } else {
        continue
      }
      if isDigit(skipSpace(next)) { return true }
    }
    return false
  }

  // MARK: Context

  /// Words that name a code or a reference number, not a period: "ASU 2014-09", "No. 2019-12".
  private static let referenceWords: Set<String> = [
    "aasb", "act", "amendment", "annex", "appendix", "application", "article", "asc", "asu",
    "bulletin", "case", "circular", "claim", "clause", "code", "decision", "directive", "docket",
    "eitf", "fas", "file", "form", "frs", "ias", "ifric", "ifrs", "interpretation", "iso",
    "item", "licence", "license", "no", "nos", "note", "number", "opinion", "order", "page",
    "pages", "para", "paragraph", "permit", "ref", "reference", "regulation", "release",
    "resolution", "rule", "ruling", "schedule", "section", "sfas", "si", "ssap", "standard",
    "statement", "topic", "update", "version",
  ]

  /// Words beside a label that make it a financial year: "the 2023-24 financial year", "Q1
  /// 2025-26", "budget for 2026/27", "over the first three quarters 2025/26".
  private static let periodNames: Set<String> = [
    "year", "fy", "budget", "budgets", "precept", "quarter", "quarters", "q1", "q2",
    "q3", "q4", "h1", "h2", "ytd", "half-year",
  ]

  /// Words just before a label that make it a period, when its second part cannot be a month.
  private static let periodPrepositions: Set<String> = [
    "in", "for", "during", "over", "throughout", "across", "since", "from", "until", "till",
    "through", "by", "between", "within",
  ]

  /// An upper-case code just before a label ("ASU", "(EU)"); FY, YTD, Q1 and words in capitals
  /// ("BUDGET") are not codes.
  private static let codeBefore = TextPattern(#"\b(?<code>[A-Z][A-Z0-9]{1,5})\)?\s*$"#)

  /// The words of `text` a label's context is read from, lower-cased: letters, digits and hyphens.
  private static func words(_ text: Substring) -> [String] {
    text.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "-") }.map(String.init)
  }

  /// The clause the label stands in, on each side: up to a sentence's end or a bracket.
  private static func clause(before text: Substring) -> Substring {
    let tail = text.suffix(60)
    let cuts = [
      tail.lastIndex(where: { ";!?()[]".contains($0) }),
      tail.range(of: ". ", options: .backwards)?.lowerBound,
    ].compactMap { $0 }
    guard let cut = cuts.max() else { return tail }
    return tail[tail.index(after: cut)...]
  }

  private static func clause(after text: Substring) -> Substring {
    let head = text.prefix(40)
    return head.prefix { !";!?()[].,".contains($0) }
  }

  /// Whether the label is a reference number or follows a code: "ASU 2014-09", "No. 2019-12".
  private static func isReference(_ label: YearLabel) -> Bool {
    let before = label.before.suffix(30)
    // Letters written against the year make a code ("A2019-12"), unless they are "FY".
    if before.last?.isLetter == true { return before.suffix(2).lowercased() != "fy" }
    let last = words(before).last ?? ""
    if referenceWords.contains(last) || before.hasSuffix("#") { return true }
    guard let code = codeBefore.firstMatch(in: before)?["code"]?.lowercased() else { return false }
    return !periodNames.contains(code) && !periodPrepositions.contains(code)
  }

  /// How sure the text makes it that `label` is a financial year.
  private enum Reading { case notALabel, period, financialYear }

  private static func reading(of label: YearLabel, inHeader: Bool) -> Reading {
    guard !isReference(label) else { return .notALabel }
    let before = words(clause(before: label.before))
    let after = words(clause(after: label.after))
    let near = before.suffix(4) + after.prefix(3)
    if near.contains(where: { periodNames.contains($0) || $0.hasPrefix("fy") }) {
      return .financialYear
    }
    // "(2017/18: 19.0%)": the prior year's figure, as UK accounts print it.
    let comparative = label.before.hasSuffix("(") && label.after.hasPrefix(":")
    let period = inHeader || comparative || before.last.map(periodPrepositions.contains) == true
    // After a period word alone, "2019-12" may be December 2019.
    let monthLike = label.last.count == 2 && (1...12).contains(Int(label.last) ?? 0)
    return period && !monthLike ? .period : .notALabel
  }

  // MARK: Checks

  /// "Financial year" in the singular beside a label: "the 2025-27 financial year", "FY 2025-27".
  private static let singularYearAfter = TextPattern(
    #"(?i)^\s*(?:financial|fiscal)\s+year(?!s)\b"#, needing: ["year"])
  private static let singularYearBefore = TextPattern(
    #"(?i)(?:\b(?:financial|fiscal)\s+year\s+(?:of\s+)?|\bFY\s?)$"#, needing: ["year", "fy"])

  private func check(_ label: YearLabel, in passage: Passage, into findings: inout Findings) {
    let inHeader = passage.place.table != nil && passage.place.row == nil
    let reading = Self.reading(of: label, inHeader: inHeader)
    guard reading != .notALabel else { return }
    if label.end <= label.start {
      findings.add(
        .fyLabel, .error,
        "financial year label \"\(label.shown)\" does not run from one year to the next",
        at: passage.place, stated: label.shown, expected: label.written(startingIn: label.start))
    } else if label.end > label.start + 1, reading == .financialYear,
      Self.singularYearAfter.prefixMatch(in: label.after) != nil
        || Self.singularYearBefore.firstMatch(in: label.before.suffix(30)) != nil
    {
      findings.add(
        .fyLabel, .error,
        "\"\(label.shown)\" spans \(label.end - label.start) years where one financial year is meant",
        at: passage.place, stated: label.shown, expected: Self.singleYears(within: label))
    }
  }

  /// The single financial years a span takes in: "2025-26 or 2026-27".
  private static func singleYears(within label: YearLabel) -> String {
    let years = (label.start..<label.end).map { label.written(startingIn: $0) }
    return years.count == 2
      ? "\(years[0]) or \(years[1])" : "one of \(years.first!) to \(years.last!)"
  }

  /// Header words that make a span of years meant: a total over the years, a plan's term.
  private static let spanWords: Set<String> = [
    "total", "totals", "cumulative", "combined", "years", "multi-year", "plan", "term", "period",
    "strategy", "programme", "program",
  ]

  /// A column header naming a span of years ("2025-27 Allocations") in a table whose other
  /// headers and caption name one financial year within it ("2025-26 Expenditure"): a warning,
  /// as a two-year allocation beside one year's spending is possible, if unusual.
  private func checkSpanningHeader(_ site: TableSite, into findings: inout Findings) {
    var spans: [(column: Int, label: YearLabel)] = []
    var singles: Set<Int> = []
    for (column, header) in site.table.columns.enumerated() {
      for label in Self.labels(in: header.header)
      where Self.reading(of: label, inHeader: true) != .notALabel {
        if label.end == label.start + 1 {
          singles.insert(label.start)
        } else if label.end > label.start + 1 {
          spans.append((column, label))
        }
      }
    }
    for label in Self.labels(in: site.name) where label.end == label.start + 1 {
      singles.insert(label.start)
    }
    guard spans.count == 1, let (column, span) = spans.first, singles.count == 1,
      let year = singles.first, (span.start..<span.end).contains(year),
      Self.words(site.table.columns[column].header[...]).allSatisfy({
        !Self.spanWords.contains($0) && $0 != "year"
      })
    else { return }
    findings.add(
      .fyLabel, .warning,
      "\"\(span.shown)\" spans \(span.end - span.start) years where the table's other headings name one financial year",
      at: site.place(column: column), stated: span.shown, expected: span.written(startingIn: year))
  }

  /// "Q2 of 25/26", "FY 25/26".
  private static let shortYearsAfterQuarters = TextPattern(
    #"(?i)(?:\b(?:q[1-4]|quarter\s+[1-4])\s+(?:of\s+)?|\bFY\s?)(\d{2})/(\d{2})\b"#,
    needing: ["q1", "q2", "q3", "q4", "quarter", "fy"], ["/"])

  /// "25/26 financial year", "25/26 FY".
  private static let shortYearsBeforeNames = TextPattern(
    #"(?i)(?:^|[^\d/])(\d{2})/(\d{2})\s+(?:financial\s+year|FY)\b"#,
    needing: ["financial", "fy"], ["/"])

  /// "25/26" is read as a financial year only where the text says it is one ("Q2 of 25/26",
  /// "FY 25/26", "25/26 financial year"); elsewhere two pairs of digits may be anything ("28/30 people").
  private func checkShortLabels(_ passage: Passage, into findings: inout Findings) {
    let labels =
      (Self.shortYearsAfterQuarters.matches(in: passage.text)
      + Self.shortYearsBeforeNames.matches(in: passage.text)).compactMap { match in
        match[1].flatMap { first in match[2].map { (first, $0) } }
      }
    for (first, second) in labels {
      guard let start = Int(first), let end = Int(second), end != (start + 1) % 100 else {
        continue
      }
      findings.add(
        .fyLabel, .error,
        "financial year label \"\(first)/\(second)\" does not run from one year to the next",
        at: passage.place, stated: "\(first)/\(second)",
        expected: "\(first)/" + String(format: "%02d", (start + 1) % 100))
    }
  }
}
