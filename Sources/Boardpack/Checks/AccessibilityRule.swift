/// Figures without alt text and tables of figures without a header row. (An empty column under a
/// stated total is the text-total rule's.)
public struct AccessibilityRule: ReportRule {
  public init() {}

  public func check(_ report: Report, into findings: inout Findings) {
    for entry in report.entries {
      guard case .figure(let figure, let paragraph) = entry,
        figure.altText.trimmedOfWhiteSpace.isEmpty
      else { continue }
      let caption = figure.caption.plainText
      findings.add(
        .accessibility, .error, "\(figure.kind.rawValue) has no alt text",
        at: Place(
          paragraph: paragraph, table: nil, row: nil, column: caption.isEmpty ? nil : caption))
    }
    for site in report.tables {
      checkHeaders(site, into: &findings)
    }
  }

  /// A table of figures with no header row; tables of text only (a title block, a list of
  /// members set out in columns) are layout and need none.
  private func checkHeaders(_ site: TableSite, into findings: inout Findings) {
    let headers = site.table.columns.map {
      $0.header.trimmedOfWhiteSpace
    }
    guard !headers.isEmpty, headers.allSatisfy(\.isEmpty),
      site.figures.contains(where: { row in row.contains { $0 != nil } })
    else { return }
    findings.add(
      .accessibility, .warning, "table has no header row",
      at: Place(paragraph: site.paragraph, table: site.name))
  }
}
