import Foundation

/// Totals stated in the paragraph just before or after a table ("Forty-five complaint reviews
/// were received", "Total funding: £40,474.77", "a total of 413 engagements") against the table.
///
/// A statement is matched to the figure columns whose headers share its words — two of them for a
/// count that merely opens a sentence, as "Two cases were upheld" may count a part — or, for a
/// stated total of money, to the only money column; it is reported only when no such column
/// totals to it.
public struct TextTotalRule: ReportRule {
  public init() {}

  public func check(_ report: Report, into findings: inout Findings) {
    for site in report.tables {
      for passage in [site.before, site.after].compactMap({ $0 }) {
        for stated in StatedTotal.all(in: passage.text) {
          check(stated, against: site, passage: passage, into: &findings)
        }
      }
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
