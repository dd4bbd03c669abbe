import Foundation

/// Totals stated in the paragraph just before or after a table ("Forty-five complaint reviews
/// were received", "Total funding: £40,474.77", "a total of 413 engagements") against the table,
/// and an empty column under such a total.
///
/// A statement is matched to the figure columns whose headers share its words — two of them for a
/// count that merely opens a sentence, as "Two cases were upheld" may count a part — or, for a
/// stated total of money, to the only money column; it is reported only when no such column
/// totals to it.
public struct TextTotalRule: ReportRule {
  public init() {}

  public func check(_ report: Report, into findings: inout Findings) {
    for site in report.tables {
      let statements = [site.before, site.after].compactMap { $0 }.flatMap { passage in
        StatedTotal.all(in: passage.text).map { (passage, $0) }
      }
      if let (_, first) = statements.first {
        checkEmptyColumns(site, under: first, into: &findings)
      }
      for (passage, stated) in statements {
        check(stated, against: site, passage: passage, into: &findings)
      }
    }
  }

  /// A column with a header but nothing in any row, beside a stated total: the figures the total
  /// sums are missing ("Sum" left empty above "Total funding: £40,474.77").
  private func checkEmptyColumns(
    _ site: TableSite, under stated: StatedTotal, into findings: inout Findings
  ) {
    let table = site.table
    guard !table.rows.isEmpty else { return }
    for (column, header) in table.columns.enumerated()
    where !header.header.trimmedOfSpaces.isEmpty
      && table.rows.indices.allSatisfy({ site.isBlank($0, column) })
    {
      findings.add(
        .textTotal, .warning,
        "empty column under a stated total: the figures that make up the total are missing",
        at: Place(paragraph: site.paragraph, table: site.name, column: header.header),
        stated: stated.figure.shown)
    }
  }

  /// Each figure column with any figures in its body, and its total: the total row's cell, else the body's sum.
  static func columnTotals(of site: TableSite) -> [(column: Int, total: Measured)] {
    let rows = site.table.rows
    return site.table.columns.indices.compactMap { column in
      guard TableSumRule.isSummable(site.table.columns[column]) else { return nil }
      let figures = rows.indices.filter { !rows[$0].isTotal }.compactMap { site.figure($0, column) }
      guard !figures.isEmpty else { return nil }
      let totalRow = rows.indices.last { rows[$0].isTotal }
      return (column, totalRow.flatMap { site.figure($0, column) } ?? Measured.sum(figures))
    }
  }

  private func check(
    _ stated: StatedTotal, against site: TableSite, passage: Passage, into findings: inout Findings
  ) {
    let table = site.table
    let totals = Self.columnTotals(of: site)
    let overlapping = totals.map { entry in
      (
        entry,
        StatedTotal.keywords(in: table.columns[entry.column].header).intersection(stated.words)
          .count
      )
    }.filter { $0.1 >= (stated.isExplicit ? 1 : 2) }
    var candidates = overlapping.sorted { $0.1 > $1.1 }.map(\.0)
    let money = totals.filter { entry in
      table.columns[entry.column].type == .money || entry.total.shown.contains("£")
    }
    if stated.isMoney {
      candidates = candidates.filter { entry in money.contains { $0.column == entry.column } }
      if candidates.isEmpty && money.count == 1 && stated.isExplicit { candidates = money }
    }
    guard let best = candidates.first,
      !candidates.contains(where: { stated.figure.agrees(with: $0.total) })
    else { return }
    let header = table.columns[best.column].header
    findings.add(
      .textTotal, .error, "total stated in the text does not match the table's \"\(header)\"",
      at: Place(paragraph: passage.place.paragraph, table: site.name, column: header),
      stated: stated.figure.shown,
      expected: Measured.show(best.total.value, like: stated.figure.shown))
  }
}
