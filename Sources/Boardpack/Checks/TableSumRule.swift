import Foundation

/// Total rows against the body rows they sum, per figure column; a "Total …" row followed by
/// "of which:" against the rows listed under it; and total columns (headed "Total…") against
/// the columns they sum, declared or inferred from the rows that satisfy them.
public struct TableSumRule: ReportRule {
  public init() {}

  public func check(_ report: Report, into findings: inout Findings) {
    for site in report.tables {
      checkTotalRows(site, into: &findings)
      checkBreakdowns(site, into: &findings)
      checkTotalColumns(site, into: &findings)
    }
  }

  /// Headers of columns whose total row is not a sum (rates, shares, averages).
  static func isSummable(_ column: Column) -> Bool {
    let header = column.header.lowercased()
    guard column.type != .percent, column.type != .points else { return false }
    return ![
      "%", "rate", "average", "mean", "per ", "ratio", "percentage", "share", "proportion",
      "median",
    ]
    .contains { header.contains($0) }
  }

  private func checkTotalRows(_ site: TableSite, into findings: inout Findings) {
    let table = site.table
    var bodyStart = 0
    for (index, row) in table.rows.enumerated() where row.isTotal {
      defer { bodyStart = index + 1 }
      var body = (bodyStart..<index).filter { !table.rows[$0].isTotal }
      // A total printed first stands for the rows under it, up to the next total; a total
      // straight after sub-totals ("Grand total") stands for them.
      if index == 0 {
        body = Array(table.rows.indices.dropFirst().prefix { !table.rows[$0].isTotal })
      } else if body.isEmpty {
        body = (0..<index).filter { table.rows[$0].isTotal }
      }
      checkShares(site, total: index, body: body, into: &findings)
      let parts = body.allSatisfy { table.rows[$0].isTotal } ? "sub-totals" : "rows"
      compare(
        site, total: index, with: body,
        "total row does not equal the sum of the \(body.count) \(parts) \(index == 0 ? "below" : "above") it",
        into: &findings)
    }
  }

  /// A column of shares whose total row prints 100%: the shares above must add up to it, within
  /// their rounding.
  private func checkShares(
    _ site: TableSite, total: Int, body: [Int], into findings: inout Findings
  ) {
    for column in site.table.columns.indices {
      guard let stated = site.figure(total, column), stated.shown.hasSuffix("%"),
        stated.value == 100
      else { continue }
      let shares = body.compactMap { site.figure($0, column) }
      guard shares.count >= 2 else { continue }
      let sum = Measured.sum(shares)
      findings.add(
        .tableSum, stated.verdict(against: sum), "shares above a 100% total do not add up to it",
        at: site.place(row: total, column: column), stated: stated, expected: sum)
    }
  }

  /// "Total value of all agreements", "of which:", then the rows it breaks down into, up to the
  /// next row labelled "Total …".
  private func checkBreakdowns(_ site: TableSite, into findings: inout Findings) {
    let labels = site.table.rows.map {
      $0.cells.first?.shown.lowercased().trimmedOfSpaces ?? ""
    }
    for (index, label) in labels.enumerated().dropLast()
    where label.hasPrefix("total") && labels[index + 1].hasPrefix("of which") {
      let rest = labels.indices.dropFirst(index + 2)
      let body = Array(rest.prefix { !labels[$0].hasPrefix("total") })
      compare(
        site, total: index, with: body,
        "total does not equal the sum of the \(body.count) rows listed under \"of which\"",
        into: &findings)
    }
  }

  /// Each summable figure of row `total` against the sum of the same column in `body`.
  private func compare(
    _ site: TableSite, total: Int, with body: [Int], _ message: String,
    into findings: inout Findings
  ) {
    guard !body.isEmpty else { return }
    for (column, header) in site.table.columns.enumerated() where Self.isSummable(header) {
      guard let stated = site.figure(total, column), !stated.shown.hasSuffix("%"),
        !stated.shown.hasSuffix("pp")
      else { continue }
      let addends = body.compactMap { site.figure($0, column) }
      guard !addends.isEmpty else { continue }
      let sum = Measured.sum(addends)
      findings.add(
        .tableSum, stated.verdict(against: sum), message,
        at: site.place(row: total, column: column), stated: stated, expected: sum)
    }
  }

  private func checkTotalColumns(_ site: TableSite, into findings: inout Findings) {
    let table = site.table
    let declared = table.relations.compactMap { relation -> (Int, [Int])? in
      if case .totalColumn(let column, let of) = relation { return (column, of) }
      return nil
    }
    for (column, addends) in declared {
      report(site, column: column, addends: addends, into: &findings)
    }
    guard table.relations.isEmpty else { return }
    for (column, header) in table.columns.enumerated()
    where header.header.lowercased().hasPrefix("total") && Self.isSummable(header)
      && !DerivedColumnRule.isDerivedHeader(header.header)
    {
      let candidates = table.columns.indices.filter {
        $0 != column && Self.isSummable(table.columns[$0])
          && site.figureCount($0) * 2 > table.rows.count
      }
      guard candidates.count >= 2, candidates.count <= 14 else { continue }
      let scores = subsetScores(site, column: column, candidates: candidates)
      // The subset satisfying the most rows; of those, the one with the most columns.
      var best = 0
      for mask in 1..<scores.count where mask.nonzeroBitCount >= 2 {
        if best == 0 || scores[mask].satisfied > scores[best].satisfied
          || (scores[mask].satisfied == scores[best].satisfied
            && mask.nonzeroBitCount > best.nonzeroBitCount)
        {
          best = mask
        }
      }
      guard best != 0, scores[best].satisfied >= 2, scores[best].satisfied > scores[best].failed
      else { continue }
      let addends = candidates.indices.filter { best & (1 << $0) != 0 }.map { candidates[$0] }
      report(site, column: column, addends: addends, into: &findings)
    }
  }

  /// `score` for every subset of `candidates` at once (bit i of the index standing for
  /// `candidates[i]`): how many rows each satisfies and how many it fails. Each subset's sum in a
  /// row is a smaller subset's plus one figure, so a row costs one addition per subset; the sums
  /// are kept as whole numbers of the row's smallest unit, as `Decimal` additions are slow. A row
  /// whose figures do not fit that (see `ScaledFigure`) is left out of the search.
  private func subsetScores(_ site: TableSite, column: Int, candidates: [Int]) -> [(
    satisfied: Int, failed: Int
  )] {
    let subsets = 1 << candidates.count
    var scores = Array(repeating: (satisfied: 0, failed: 0), count: subsets)
    var sums = [Int64](repeating: 0, count: subsets)
    var slacks = [Int64](repeating: 0, count: subsets)
    // How many figures each subset's sum holds; -1 when one of its cells is text.
    var figureCounts = [Int](repeating: 0, count: subsets)
    for row in site.table.rows.indices {
      guard let stated = site.figure(row, column) else { continue }
      let cells = candidates.map { site.figure(row, $0) }
      guard let digits = ScaledFigure.digits(for: [stated] + cells.compactMap { $0 }),
        let total = ScaledFigure(stated, digits: digits)
      else { continue }
      let addends = cells.map { $0.flatMap { ScaledFigure($0, digits: digits) } }
      let isText = zip(cells, candidates).map { $0 == nil && !site.isBlank(row, $1) }
      let tolerance = ScaledFigure.halfUnit(stated.places, digits: digits)
      for mask in 1..<subsets {
        let bit = mask.trailingZeroBitCount
        let rest = mask & (mask - 1)
        guard figureCounts[rest] >= 0, !isText[bit] else {
          figureCounts[mask] = -1
          continue
        }
        if let addend = addends[bit] {
          sums[mask] = sums[rest] + addend.value
          slacks[mask] = slacks[rest] + addend.slack
          figureCounts[mask] = figureCounts[rest] + 1
        } else {
          (sums[mask], slacks[mask], figureCounts[mask]) =
            (sums[rest], slacks[rest], figureCounts[rest])
        }
        guard rest != 0, figureCounts[mask] > 0 else { continue }
        // `Measured.agrees(with:)` in whole units.
        if abs(total.value - sums[mask]) <= tolerance + slacks[mask] {
          scores[mask].satisfied += 1
        } else {
          scores[mask].failed += 1
        }
      }
    }
    return scores
  }

  /// The rows where `column` is (within rounding) the sum of `addends`, and those where it is not
  /// exactly; rows lacking a figure are left out.
  private func score(_ site: TableSite, column: Int, addends: [Int])
    -> (
      satisfied: Int,
      failed: [(row: Int, stated: Measured, sum: Measured, verdict: Measured.Verdict)]
    )
  {
    var satisfied = 0
    var failed: [(row: Int, stated: Measured, sum: Measured, verdict: Measured.Verdict)] = []
    for index in site.table.rows.indices {
      guard let (stated, sum) = sum(site, row: index, column: column, addends: addends) else {
        continue
      }
      let verdict = stated.verdict(against: sum)
      if verdict != .disagrees { satisfied += 1 }
      if verdict != .agrees { failed.append((index, stated, sum, verdict)) }
    }
    return (satisfied, failed)
  }

  /// The stated total of a row and the (unprinted) sum of its addends; blank addends count as
  /// nothing, and a row with text among them is left out.
  private func sum(_ site: TableSite, row: Int, column: Int, addends: [Int]) -> (
    Measured, Measured
  )? {
    guard let stated = site.figure(row, column) else { return nil }
    var figures: [Measured] = []
    for addend in addends {
      if let figure = site.figure(row, addend) {
        figures.append(figure)
      } else if !site.isBlank(row, addend) {
        return nil
      }
    }
    return figures.isEmpty ? nil : (stated, Measured.unprintedSum(figures))
  }

  private func report(_ site: TableSite, column: Int, addends: [Int], into findings: inout Findings)
  {
    let table = site.table
    guard table.columns.indices.contains(column), !addends.isEmpty,
      addends.allSatisfy(table.columns.indices.contains)
    else { return }
    let names = addends.map { "\"\(table.columns[$0].header)\"" }
    let list = names.dropLast().joined(separator: ", ") + " and " + names.last!
    for failure in score(site, column: column, addends: addends).failed {
      findings.add(
        .tableSum, failure.verdict, "total column does not equal the sum of \(list)",
        at: site.place(row: failure.row, column: column), stated: failure.stated,
        expected: failure.sum)
    }
  }
}

/// A figure and its slack as whole numbers of 10^-digits, for exact sums in 64-bit integers.
private struct ScaledFigure {
  var value: Int64
  var slack: Int64

  /// Figures beyond this (in units) could overflow when fourteen of them are added.
  private static let limit: Int64 = 1 << 58

  init?(_ figure: Measured, digits: Int) {
    guard let value = Self.whole(figure.value, digits), let slack = Self.whole(figure.slack, digits)
    else { return nil }
    (self.value, self.slack) = (value, slack)
  }

  /// The decimal places needed to hold `figures` and their slack exactly; nil beyond twelve.
  static func digits(for figures: [Measured]) -> Int? {
    let digits = figures.map { max($0.places + 1, -$0.value.exponent, -$0.slack.exponent) }.max() ?? 0
    return digits <= 12 ? max(digits, 0) : nil
  }

  /// `Measured.halfUnit(places)` in units of 10^-digits.
  static func halfUnit(_ places: Int, digits: Int) -> Int64 {
    (0..<(digits - places - 1)).reduce(5) { value, _ in value * 10 }
  }

  private static func whole(_ number: Decimal, _ digits: Int) -> Int64? {
    let scaled = number * Decimal(sign: .plus, exponent: digits, significand: 1)
    let whole = NSDecimalNumber(decimal: scaled).int64Value
    return Decimal(whole) == scaled && abs(whole) < limit ? whole : nil
  }
}
