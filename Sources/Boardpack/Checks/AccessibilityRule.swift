/// Figures without alt text, tables without a header row, and an empty column under a stated total.
public struct AccessibilityRule: ReportRule {
  public init() {}

  public func check(_ report: Report, into findings: inout Findings) {
    for entry in report.entries {
      guard case .figure(let figure, let paragraph) = entry,
        figure.altText.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
      else { continue }
      let caption = figure.caption.plainText
      findings.add(
        .accessibility, .error, "\(figure.kind.rawValue) has no alt text",
        at: Place(
          paragraph: paragraph, table: nil, row: nil, column: caption.isEmpty ? nil : caption))
    }
    for site in report.tables {
      checkHeaders(site, into: &findings)
      checkEmptyColumns(site, into: &findings)
    }
  }

  /// A table of figures with no header row; tables of text only (a title block, a list of
  /// members set out in columns) are layout and need none.
  private func checkHeaders(_ site: TableSite, into findings: inout Findings) {
    let headers = site.table.columns.map {
      $0.header.trimmingCharacters(in: .whitespacesAndNewlines)
    }
    guard !headers.isEmpty, headers.allSatisfy(\.isEmpty),
      site.figures.contains(where: { row in row.contains { $0 != nil } })
    else { return }
    findings.add(
      .accessibility, .warning, "table has no header row",
      at: Place(paragraph: site.paragraph, table: site.name))
  }

  /// A column with a header but no content in any row, beside a total stated in the text: the
  /// figures the total sums are missing ("Sum" left empty above "Total funding: £40,474.77").
  private func checkEmptyColumns(_ site: TableSite, into findings: inout Findings) {
    let table = site.table
    guard !table.rows.isEmpty else { return }
    let stated = [site.before, site.after].compactMap { $0 }.flatMap {
      StatedTotal.all(in: $0.text)
    }
    guard let total = stated.first else { return }
    for (index, column) in table.columns.enumerated()
    where !column.header.trimmingCharacters(in: .whitespaces).isEmpty {
      let empty = table.rows.allSatisfy { row in
        !row.cells.indices.contains(index)
          || row.cells[index].shown.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
      }
      guard empty else { continue }
      findings.add(
        .accessibility, .warning,
        "empty column under a stated total: the figures that make up the total are missing",
        at: Place(paragraph: site.paragraph, table: site.name, column: column.header),
        stated: total.figure.shown)
    }
  }
}
