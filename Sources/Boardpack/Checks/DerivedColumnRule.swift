import Foundation

/// Derived columns: remaining = allocation − expenditure, change = new − old, % change =
/// (new − old) / old, percentage-point change = new% − old%, whether declared by the paper's
/// generator or found in the table (`RelationFinder`); declared Direction and RAG columns by the
/// dashboard rule, and a "Direction" column of arrows against the two figure columns before it.
public struct DerivedColumnRule: ReportRule {
  public init() {}

  public func check(_ report: Report, into findings: inout Findings) {
    for site in report.tables {
      for relation in site.relations where relation.isDerived(in: site.layout) {
        for line in site.layout.lines(of: relation) {
          check(line, of: relation, in: site, into: &findings)
        }
      }
      if site.table.relations.isEmpty {
        checkDirections(site, into: &findings)
      } else {
        checkDashboard(site, into: &findings)
      }
    }
  }

  /// Declared Direction and RAG columns against what `DashboardRule` gives for each body row.
  private func checkDashboard(_ site: TableSite, into findings: inout Findings) {
    for relation in site.table.relations {
      let columns: [Int]
      switch relation {
      case .direction(let column, let baseline, let latest): columns = [column, baseline, latest]
      case .rag(let column, let target, let baseline, let latest):
        columns = [column, target, baseline, latest]
      default: continue
      }
      let column = columns[0]
      for (index, row) in site.table.rows.enumerated()
      where !row.isTotal && columns.allSatisfy(row.cells.indices.contains) {
        let stated = row.cells[column].shown.trimmedOfWhiteSpace
        let place = site.place(row: index, column: column)
        do {
          guard let expected = try DashboardRule.cell(of: relation, in: row.cells.map(\.shown)),
            expected != stated
          else { continue }
          findings.add(
            .derivedColumn, .error,
            "\(site.table.columns[column].header) is not what the dashboard rule gives",
            at: place, stated: stated, expected: expected)
        } catch {
          findings.add(.derivedColumn, .error, error.message, at: place, stated: stated)
        }
      }
    }
  }

  /// "↑" or "↓" against the rise or fall from the old figure to the new; "↔" is left alone, as
  /// what counts as no change is the paper's own tolerance.
  private func checkDirections(_ site: TableSite, into findings: inout Findings) {
    let table = site.table
    for (column, header) in table.columns.enumerated()
    where ["direction", "trend"].contains(where: header.header.lowercased().contains) {
      let operands = (0..<column).filter { site.figureCount($0) > 0 }.suffix(2)
      guard let old = operands.first, let new = operands.last, old != new else { continue }
      var satisfied = 0
      var failed: [(row: Int, arrow: String, new: Measured, old: Measured)] = []
      for row in table.rows.indices where table.rows[row].cells.indices.contains(column) {
        let arrow = table.rows[row].cells[column].shown.trimmedOfWhiteSpace
        guard let a = site.figure(row, new), let b = site.figure(row, old),
          let rising = ["↑": true, "▲": true, "⬆": true, "↓": false, "▼": false, "⬇": false][arrow]
        else { continue }
        let contradicted = rising ? a.high < b.low : a.low > b.high
        if contradicted { failed.append((row, arrow, a, b)) } else { satisfied += 1 }
      }
      guard satisfied >= 2, satisfied > failed.count else { continue }
      for failure in failed {
        let moved = failure.new.value > failure.old.value ? "rose" : "fell"
        findings.add(
          .derivedColumn, .error,
          "direction \(failure.arrow) but the figure \(moved) from \(failure.old.shown) to \(failure.new.shown)",
          at: site.place(row: failure.row, column: column), stated: failure.arrow,
          expected: moved == "rose" ? "↑" : "↓")
      }
    }
  }

  /// One row of a change column: a warning for a point difference printed with a % sign as if
  /// it were a percentage change, else what the relation's basis makes of a row that breaks it.
  private func check(
    _ line: RelationLine, of relation: TableRelation, in site: TableSite,
    into findings: inout Findings
  ) {
    if case .percentChange(_, let new, let old) = relation.relation,
      line.stated.shown.hasSuffix("%"), line.holds,
      site.figure(line.row, new)?.unit == .percent, site.figure(line.row, old)?.unit == .percent,
      let change = site.figure(line.row, new).flatMap({ a in
        site.figure(line.row, old).flatMap { b in
          Measured.range(a, b) { relation.convention.change($0, $1) }
        }
      }), !line.stated.agrees(with: change)
    {
      findings.add(
        .derivedColumn, .warning,
        "a change between two percentages is printed as a % change but is their difference in percentage points",
        at: site.place(row: line.row, column: line.column), stated: line.stated.shown,
        expected:
          "\(line.stated.shown.dropLast())pp, or a change of \(Measured.show(change.value, like: line.stated.shown))"
      )
      return
    }
    guard line.verdict != .agrees, let words = site.words(for: relation, line: line) else { return }
    let message = "\(words.subject) is not \(words.equals)"
    findings.add(.derivedColumn, relation, line, message, in: site)
  }
}
