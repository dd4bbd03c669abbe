import Foundation

/// Derived columns: remaining = allocation − expenditure, change = new − old, % change =
/// (new − old) / old, percentage-point change = new% − old%.
///
/// Declared relations are checked in every row. Otherwise a column headed "Remaining", "Balance",
/// "Change", "Difference", "+/-", "% change" or "pp" is matched against the figure columns to its
/// left: the two headed by different years (new = the later), else the pair that most rows satisfy
/// (when they are most of the rows); the rows that break it are reported. A "Direction" column of
/// arrows is checked the same way against the two figure columns before it (old, then new).
public struct DerivedColumnRule: ReportRule {
  public init() {}

  /// How a derived figure follows from the pair (new, old), chosen by how the figure is printed.
  enum Formula: Equatable {
    case difference, sum, percentChange, pointChange

    /// A "pp" figure is a point change, a "%" figure a percentage change, any other a difference.
    static func printed(_ figure: Measured) -> Formula {
      figure.shown.hasSuffix("pp")
        ? .pointChange : figure.shown.hasSuffix("%") ? .percentChange : .difference
    }

    func apply(_ new: Decimal, _ old: Decimal) -> Decimal? {
      switch self {
      case .difference, .pointChange: new - old
      case .sum: new + old
      case .percentChange: old == 0 ? nil : (new - old) / old * 100
      }
    }
  }

  public func check(_ report: Report, into findings: inout Findings) {
    for site in report.tables {
      if site.table.relations.isEmpty {
        inferRelations(site, into: &findings)
        checkDirections(site, into: &findings)
      } else {
        checkDeclared(site, into: &findings)
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

  private func checkDeclared(_ site: TableSite, into findings: inout Findings) {
    for relation in site.table.relations {
      let declared: (column: Int, new: Int, old: Int, formula: Formula)? =
        switch relation {
        case .difference(let column, let minuend, let subtrahend):
          (column, minuend, subtrahend, .difference)
        case .percentChange(let column, let new, let old): (column, new, old, .percentChange)
        case .pointChange(let column, let new, let old): (column, new, old, .pointChange)
        default: nil  // sums and shares have rules of their own
        }
      guard let (column, new, old, formula) = declared,
        [column, new, old].allSatisfy(site.table.columns.indices.contains)
      else { continue }
      for failure in failures(site, column: column, new: new, old: old, formula: { _ in formula }) {
        add(failure, site, column: column, new: new, old: old, into: &findings)
      }
    }
  }

  private static let keywords = [
    "remaining", "balance", "change", "difference", "variance", "+/-", "pp", "increase", "decrease",
  ]

  /// Whether a header names a derived figure ("Remaining CSP Balance", "% change", "+/- vol").
  static func isDerivedHeader(_ header: String) -> Bool {
    let words = header.lowercased().split(whereSeparator: {
      $0.isWhitespace || $0 == "(" || $0 == ")"
    }).map(String.init)
    return Self.keywords.contains { keyword in
      words.contains(keyword) || (keyword.count > 3 && header.lowercased().contains(keyword))
    }
  }

  private func inferRelations(_ site: TableSite, into findings: inout Findings) {
    let table = site.table
    for (column, header) in table.columns.enumerated()
    where Self.isDerivedHeader(header.header) {
      let operands = (0..<column).filter {
        !Self.isDerivedHeader(table.columns[$0].header) && site.figureCount($0) > 0
      }
      if let (new, old) = yearPair(table, operands) {
        for failure in failures(site, column: column, new: new, old: old, formula: Formula.printed)
        {
          add(failure, site, column: column, new: new, old: old, into: &findings)
        }
        continue
      }
      var best: (new: Int, old: Int, formula: (Measured) -> Formula, satisfied: Int, failed: Int)?
      for new in operands {
        for old in operands where old != new {
          let allNegative = table.rows.indices.allSatisfy {
            (site.figure($0, old)?.value ?? 0) <= 0
          }
          for formula in formulas(adding: allNegative) {
            let satisfied = satisfiedRows(
              site, column: column, new: new, old: old, formula: formula)
            let failed = failures(site, column: column, new: new, old: old, formula: formula).filter
            { $0.verdict == .disagrees }.count
            if best == nil || satisfied > best!.satisfied {
              best = (new, old, formula, satisfied, failed)
            }
          }
        }
      }
      guard let best, best.satisfied >= 2, best.satisfied > best.failed else { continue }
      for failure in failures(
        site, column: column, new: best.new, old: best.old, formula: best.formula)
      {
        add(failure, site, column: column, new: best.new, old: best.old, into: &findings)
      }
    }
  }

  /// The candidate readings of a derived figure: by its printing, and as a sum when the
  /// subtracted column is printed negative ("- 1,294,118").
  private func formulas(adding allNegative: Bool) -> [(Measured) -> Formula] {
    allNegative ? [Formula.printed, { _ in .sum }] : [Formula.printed]
  }

  /// The operand columns headed by two different years, later first ("2025" and "2024").
  private func yearPair(_ table: Table, _ operands: [Int]) -> (Int, Int)? {
    let dated = operands.compactMap { column in
      year(table.columns[column].header).map { (column, $0) }
    }
    guard dated.count == 2, dated[0].1 != dated[1].1 else { return nil }
    return dated[0].1 > dated[1].1 ? (dated[0].0, dated[1].0) : (dated[1].0, dated[0].0)
  }

  /// A year or financial year heading a column ("2025", "2024/25", "Baseline 2024/25").
  private func year(_ header: String) -> Int? {
    Self.years.firstMatch(in: header)?[1].flatMap { Int($0) }
  }

  private static let years = TextPattern(#"\b(20\d\d)(?:[-/]\d{2,4})?\b"#, needing: ["20"])

  /// One row whose derived figure disagrees with its operands.
  struct Failure {
    var row: Int
    var stated: Measured
    var expected: Measured
    var formula: Formula
    var verdict: Measured.Verdict
    /// For a "%" figure between two percentages that is in fact their point difference.
    var isPointsAsPercent: Bool
  }

  private func evaluate(
    _ site: TableSite, row: Int, column: Int, new: Int, old: Int, formula: (Measured) -> Formula
  )
    -> (Measured, Measured, Formula, Measured, Measured)?
  {
    guard let stated = site.figure(row, column), let a = site.figure(row, new),
      let b = site.figure(row, old)
    else { return nil }
    let chosen = formula(stated)
    guard let expected = Measured.range(a, b, chosen.apply) else { return nil }
    return (stated, expected, chosen, a, b)
  }

  private func satisfiedRows(
    _ site: TableSite, column: Int, new: Int, old: Int, formula: (Measured) -> Formula
  ) -> Int {
    site.table.rows.indices.filter { row in
      evaluate(site, row: row, column: column, new: new, old: old, formula: formula).map {
        $0.0.agrees(with: $0.1)
      } ?? false
    }.count
  }

  private func failures(
    _ site: TableSite, column: Int, new: Int, old: Int, formula: (Measured) -> Formula
  ) -> [Failure] {
    site.table.rows.indices.compactMap { row in
      guard
        let (stated, expected, chosen, a, b) = evaluate(
          site, row: row, column: column, new: new, old: old, formula: formula)
      else { return nil }
      let verdict = stated.verdict(against: expected)
      guard verdict != .agrees else { return nil }
      let percents = a.shown.hasSuffix("%") && b.shown.hasSuffix("%")
      let points =
        Measured.range(a, b, Formula.pointChange.apply).map(stated.agrees(with:)) ?? false
      return Failure(
        row: row, stated: stated, expected: expected, formula: chosen, verdict: verdict,
        isPointsAsPercent: chosen == .percentChange && percents && points)
    }
  }

  private func add(
    _ failure: Failure, _ site: TableSite, column: Int, new: Int, old: Int,
    into findings: inout Findings
  ) {
    let columns = site.table.columns
    let newName = "\"\(columns[new].header)\""
    let oldName = "\"\(columns[old].header)\""
    let place = site.place(row: failure.row, column: column)
    let expected = Measured.show(failure.expected.value, like: failure.stated.shown)
    if failure.isPointsAsPercent {
      findings.add(
        .derivedColumn, .warning,
        "a change between two percentages is printed as a % change but is their difference in percentage points",
        at: place, stated: failure.stated.shown,
        expected: "\(failure.stated.shown.dropLast())pp, or a change of \(expected)")
      return
    }
    let message =
      switch failure.formula {
      case .difference: "\(columns[column].header) is not \(newName) minus \(oldName)"
      case .sum: "\(columns[column].header) is not \(newName) less the amount in \(oldName)"
      case .percentChange: "percentage change is not (\(newName) − \(oldName)) / \(oldName)"
      case .pointChange: "percentage-point change is not \(newName) − \(oldName)"
      }
    findings.add(
      .derivedColumn, failure.verdict, message, at: place, stated: failure.stated,
      expected: failure.expected)
  }
}
