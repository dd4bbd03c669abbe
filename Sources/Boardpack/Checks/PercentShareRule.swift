import Foundation

/// Shares against the counts they are shares of: declared share columns, percentage columns
/// inferred from the rows that satisfy them, "Yes - 77/66% No - 40/34%" answers, and sentences
/// that give a count and its percentage side by side ("220 of 9,876 … are repeat victims, 2.23%",
/// "Of the 45 cases reviewed, 30 related to adults and 15 related to youths").
public struct PercentShareRule: ReportRule {
  public init() {}

  public func check(_ report: Report, into findings: inout Findings) {
    for site in report.tables {
      checkColumns(site, into: &findings)
    }
    for passage in report.passages where !passage.isHeading {
      checkSlashShares(passage, into: &findings)
      checkOfCounts(passage, into: &findings)
      checkOfThe(passage, into: &findings)
    }
  }

  // MARK: Share columns

  private func checkColumns(_ site: TableSite, into findings: inout Findings) {
    let table = site.table
    let declared = table.relations.compactMap { relation -> (Int, Int)? in
      if case .share(let column, let part) = relation { return (column, part) }
      return nil
    }
    for (column, part) in declared {
      report(site, column: column, part: part, into: &findings)
    }
    guard table.relations.isEmpty else { return }
    for (column, header) in table.columns.enumerated() where isShareHeader(header) {
      let parts = (0..<table.columns.count).filter {
        $0 != column && TableSumRule.isSummable(table.columns[$0])
      }
      let scored = parts.map { part in (part, shares(site, column: column, part: part)) }
      guard let best = scored.max(by: { $0.1.satisfied < $1.1.satisfied }),
        best.1.satisfied >= 2, best.1.satisfied > best.1.failed.count
      else { continue }
      report(site, column: column, part: best.0, into: &findings)
    }
  }

  private func isShareHeader(_ column: Column) -> Bool {
    let header = column.header.lowercased()
    let words = header.split(whereSeparator: { !$0.isLetter })
    guard !["change", "rate", "difference"].contains(where: header.contains), !words.contains("pp")
    else {
      return false
    }
    return column.type == .percent
      && ["%", "share", "proportion", "percentage", "of total"].contains(where: header.contains)
  }

  /// Rows whose percentage is (and is not) their part over the part's total (the total row, else the body's sum).
  private func shares(_ site: TableSite, column: Int, part: Int) -> (
    satisfied: Int, failed: [(Int, Measured, Measured)]
  ) {
    let table = site.table
    let figure = site.figure
    let body = table.rows.indices.filter { !table.rows[$0].isTotal }
    let total =
      table.rows.indices.first { table.rows[$0].isTotal }.flatMap { figure($0, part) }
      ?? Measured.sum(body.compactMap { figure($0, part) })
    guard total.value != 0 else { return (0, []) }
    var satisfied = 0
    var failed: [(Int, Measured, Measured)] = []
    for row in body {
      guard let count = figure(row, part), let stated = figure(row, column),
        let expected = Measured.range(count, total, { $1 == 0 ? nil : $0 / $1 * 100 })
      else { continue }
      // Shares are often rounded to add up to 100%, which moves one by a unit of its last place.
      let unit = Measured.halfUnit(stated.places) * 2
      if stated.agrees(withRange: expected.low - unit, expected.high + unit) {
        satisfied += 1
      } else {
        failed.append((row, stated, expected))
      }
    }
    return (satisfied, failed)
  }

  private func report(_ site: TableSite, column: Int, part: Int, into findings: inout Findings) {
    guard site.table.columns.indices.contains(column), site.table.columns.indices.contains(part)
    else { return }
    for (row, stated, expected) in shares(site, column: column, part: part).failed {
      findings.add(
        .percentShare, .error,
        "share is not this row's \"\(site.table.columns[part].header)\" over the total",
        at: site.place(row: row, column: column), stated: stated.shown,
        expected: Measured.show(expected.value, like: stated.shown))
    }
  }

  // MARK: Shares in text

  /// "77/66%".
  private static let slashShares = TextPattern(
    #"(?:^|[^\d.,/£])(\d[\d,]*)\s*/\s*(\d+(?:\.\d+)?)%"#, needing: ["%"], ["/"])

  /// "Yes - 77/66% No - 40/44%": each count's share of the counts given together.
  private func checkSlashShares(_ passage: Passage, into findings: inout Findings) {
    let matches = Self.slashShares.matches(in: passage.text)
    guard matches.count >= 2 else { return }
    let counts = matches.compactMap { $0[1].flatMap { Measured(text: String($0)) } }
    let shares = matches.compactMap { $0[2].flatMap { Measured(text: $0 + "%") } }
    guard counts.count == matches.count, shares.count == matches.count else { return }
    let total = Measured.sum(counts)
    for (count, share) in zip(counts, shares) {
      compare(count, of: total, share, passage, into: &findings)
    }
  }

  /// "2144 referrals, 516 of which were self-referrals (24.1%)", "1,000 calls, of which 250 (25%)".
  private static let partsOfWhich = TextPattern(
    #"(?:^|[^\d.,£])(\d[\d,]*)(?![\d.,%])\s+([a-z][^.;%]{0,60}?),?\s+(?:(\d[\d,]*)\s+of\s+(?:which|whom)|of\s+(?:which|whom)\s+(\d[\d,]*))\b[^.;%\d]{0,80}?\(?(\d+(?:\.\d+)?)%\)?(\s+[a-z]+)?"#,
    needing: ["which", "whom"], ["%"])

  /// "220 of 9,876 eligible victims … 2.23%", "30 out of 45 (67%)".
  private static let partsOf = TextPattern(
    #"(?:^|[^\d.,£])(\d[\d,]*)\s+(?:out\s+)?of\s+(?:the\s+)?(\d[\d,]*)(?![\d.,%])([^.;%\d]{0,80}?)\(?(\d+(?:\.\d+)?)%\)?(\s+[a-z]+)?"#,
    needing: ["%"], ["of"])

  /// "9/20 (45%)".
  private static let slashPairs = TextPattern(
    #"(?:^|[^\d.,/£])(?<part>\d[\d,]*)\s*/\s*(?<whole>\d[\d,]*)\s*\((?<share>\d+(?:\.\d+)?)%\)"#,
    needing: ["/"], ["%"])

  /// "45% (9 of 20 respondents)", "45% (9/20)".
  private static let sharesFirst = TextPattern(
    #"(?:^|[^\d.,£])(?<share>\d+(?:\.\d+)?)%\s*\((?<part>\d[\d,]*)\s*(?:/|(?:out\s+)?of)\s*(?<whole>\d[\d,]*)(?![\d.,%])"#,
    needing: ["%"], ["("])

  /// "220 of 9,876 eligible victims … are repeat victims, 2.23%", "30 out of 45 (67%)" and "2144
  /// referrals, 516 of which were self-referrals (24.1%)": the first percentage after the pair,
  /// when no other figure comes between, in the same sentence. Also a share and its counts side by
  /// side: "9/20 (45%)", "45% (9 of 20)".
  private func checkOfCounts(_ passage: Passage, into findings: inout Findings) {
    func check(part: Substring?, whole: Substring?, share: Substring?) {
      guard let part = part.flatMap({ Measured(text: String($0)) }),
        let whole = whole.flatMap({ Measured(text: String($0)) }),
        let share = share.flatMap({ Measured(text: $0 + "%") }), part.value <= whole.value
      else { return }
      compare(part, of: whole, share, passage, into: &findings)
    }
    for match in Self.partsOfWhich.matches(in: passage.text) {
      // No other figure between the whole and its part ("in Q2" is a name, not a figure).
      guard let between = match[2], Self.figures.firstMatch(in: between) == nil,
        !Self.isComparison(match[6])
      else { continue }
      check(part: match[3] ?? match[4], whole: match[1], share: match[5])
    }
    for match in Self.partsOf.matches(in: passage.text) where !Self.isComparison(match[5]) {
      check(part: match[1], whole: match[2], share: match[4])
    }
    for match in Self.slashPairs.matches(in: passage.text) + Self.sharesFirst.matches(in: passage.text)
    where !Self.isFinancialYear(match["part"], match["whole"]) {
      check(part: match["part"], whole: match["whole"], share: match["share"])
    }
  }

  /// "25/26": two years, not a part and its whole.
  private static func isFinancialYear(_ first: Substring?, _ second: Substring?) -> Bool {
    guard let first, let second, first.count == 2, second.count == 2,
      let start = Int(first), let end = Int(second)
    else { return false }
    return end == (start + 1) % 100
  }

  /// Words after a percentage that make it a change or a share of something else, not this share.
  private static let comparisons: Set<String> = [
    "increase", "decrease", "reduction", "rise", "fall", "drop", "more", "fewer", "higher", "lower",
    "of", "up", "down",
  ]

  private static func isComparison(_ word: Substring?) -> Bool {
    comparisons.contains(word.map { String($0).trimmedOfSpaces.lowercased() } ?? "")
  }

  /// A figure standing on its own ("in Q2" is a name, not a figure).
  private static let figures = TextPattern(#"\b\d"#)

  /// "Of the 45 cases …": "of the" and a figure, then the clause of its parts.
  private static let wholes = TextPattern(
    #"(?i)\bof\s+the\s+(\d[\d,]*)\s+([a-z][a-z ]*?),\s*([^.;]+)"#, needing: ["the"], ["of"], [","])

  /// The parts in the clause after "Of the 45 cases": "30 related to adults", "15 (33%) related".
  private static let parts = TextPattern(
    #"(?:^|,\s*|\band\s+)(\d[\d,]*)(?:\s*\((\d+(?:\.\d+)?)%\))?\s+([a-z]+)"#)

  /// "Of the 45 cases reviewed, 30 related to adults and 15 related to youths": parts that share
  /// their wording must add up to the whole; a share given with a part "(67%)" is checked too.
  private func checkOfThe(_ passage: Passage, into findings: inout Findings) {
    for match in Self.wholes.matches(in: passage.text) {
      guard let whole = match[1].flatMap({ Measured(text: String($0)) }), let named = match[2],
        let clause = match[3]
      else { continue }
      let parts = Self.parts.matches(in: clause)
      let counts = parts.compactMap { $0[1].flatMap { Measured(text: String($0)) } }
      guard parts.count >= 2, counts.count == parts.count else { continue }
      for (part, count) in zip(parts, counts) {
        if let share = part[2].flatMap({ Measured(text: $0 + "%") }) {
          compare(count, of: whole, share, passage, into: &findings)
        }
      }
      let verbs = Set(parts.map { $0[3]?.lowercased() })
      let sum = Measured.sum(counts)
      // Parts beyond the whole are wrong; parts short of it may leave some unstated.
      if verbs.count == 1, !whole.agrees(with: sum) {
        findings.add(
          .percentShare, sum.value > whole.value ? .error : .warning,
          "the parts of \(whole.shown) \(named) add up to \(sum.shown)", at: passage.place,
          stated: whole.shown,
          expected: Measured.show(sum.value, like: whole.shown))
      }
    }
  }

  private func compare(
    _ count: Measured, of total: Measured, _ share: Measured, _ passage: Passage,
    into findings: inout Findings
  ) {
    guard let expected = Measured.range(count, total, { $1 == 0 ? nil : $0 / $1 * 100 }),
      !share.agrees(with: expected)
    else { return }
    findings.add(
      .percentShare, .error, "\(count.shown) of \(total.shown) is not \(share.shown)",
      at: passage.place,
      stated: share.shown, expected: Measured.show(expected.value, like: share.shown))
  }
}
