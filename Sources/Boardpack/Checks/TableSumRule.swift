import Foundation

/// Totals against their parts: every row or column total of a table's relations (declared by its
/// generator or found in it), in every line, and a column of shares against the 100% printed under it.
///
/// A line that breaks an established or declared total is an error (a warning when only the
/// rounding of whole pounds explains it); one that breaks a total seen in one line only is a
/// warning when the difference looks like a slip of the pen, and nothing otherwise.
public struct TableSumRule: ReportRule {
  public init() {}

  public func check(_ report: Report, into findings: inout Findings) {
    for site in report.tables {
      for relation in site.relations where !relation.isDerived(in: site.layout) {
        guard let words = site.words(for: relation) else { continue }
        for line in site.layout.lines(of: relation) where line.verdict != .agrees {
          findings.add(.tableSum, relation, line, "\(words.subject) is not \(words.equals)", in: site)
        }
      }
      checkShares(site, into: &findings)
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

  /// A column of shares whose total row prints 100%: the shares above must add up to it, within
  /// their rounding.
  private func checkShares(_ site: TableSite, into findings: inout Findings) {
    let table = site.table
    var bodyStart = 0
    for (total, row) in table.rows.enumerated() where row.isTotal {
      defer { bodyStart = total + 1 }
      let body = (bodyStart..<total).filter { !table.rows[$0].isTotal }
      for column in table.columns.indices {
        guard let stated = site.figure(total, column), stated.unit == .percent,
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
  }
}
