/// A table cell whose stored value (`office:value`, `data-bp-value`) disagrees with the figure it
/// prints: a figure edited outside the word processor, or a stored value left stale. The other
/// rules check the printed figure, which the reader sees; this one reports the disagreement.
public struct StoredValueRule: ReportRule {
  public init() {}

  public func check(_ report: Report, into findings: inout Findings) {
    for site in report.tables {
      for (rowIndex, row) in site.table.rows.enumerated() {
        for (columnIndex, cell) in row.cells.enumerated() {
          guard let stored = cell.stored else { continue }
          findings.add(
            .storedValue, .warning,
            "the cell prints a figure other than the value the file stores for it; the checks use the printed figure",
            at: site.place(row: rowIndex, column: columnIndex),
            stated: cell.shown.trimmedOfWhiteSpace,
            expected: "\(stored) as stored")
        }
      }
    }
  }
}
