/// The same figure printed in two papers agrees. A figure is identified by its table's caption
/// (which names the period: "at 10/03/2026", "2025-26"), its row's heading and its column's
/// heading, and the "as of" date the caption or the text before the table states; the two places
/// are both named. Tables without a caption or with one that only numbers
/// them ("Table 1"), rows without a heading and columns without one identify nothing and are left
/// alone, as are copies of a paper (reports of the same title).
public struct SharedFigureRule: PaperSetRule {
  public init() {}

  /// A caption that only numbers its table ("Table 1", "Table One"), which identifies nothing.
  private static let numberOnly = TextPattern(
    #"(?i)^(?:table|figure|chart)\s+\w+\.?$"#, needing: ["table", "figure", "chart"])

  public func check(_ papers: PaperSet, into diagnostics: inout [Diagnostic]) {
    // A figure's "as of" date is part of what identifies it: two figures as of different dates
    // are different figures (`CumulativeFigureRule` compares those to date).
    var first: [String: [PaperSet.TableFigure]] = [:]
    var reported: Set<[String]> = []
    for (paper, report) in papers.reports {
      for site in report.tables {
        let caption = site.table.caption.plainText.trimmedOfWhiteSpace
        guard !caption.isEmpty, Self.numberOnly.firstMatch(in: caption) == nil else { continue }
        let asOf = site.table.columns.indices.map {
          CumulativeFigureRule.statedDate(site, column: $0)
        }
        for (rowIndex, row) in site.table.rows.enumerated() {
          guard let heading = row.cells.first?.shown.trimmedOfWhiteSpace, !heading.isEmpty,
            site.figure(rowIndex, 0) == nil
          else { continue }
          for (column, header) in site.table.columns.map(\.header).enumerated().dropFirst() {
            guard let figure = site.figure(rowIndex, column), !header.trimmedOfWhiteSpace.isEmpty
            else { continue }
            let key = [caption, heading, header].map { $0.lowercased() }.joined(separator: "\u{1F}")
            let printed = PaperSet.TableFigure(
              figure: figure, file: paper.file, report: report.title, table: caption, row: heading,
              column: header, paragraph: site.paragraph, asOf: asOf[column])
            for other in first[key, default: []]
            where other.report != report.title && !figure.agrees(with: other.figure)
              && (printed.asOf == nil || other.asOf == nil || printed.asOf == other.asOf)
            {
              let pair = [
                other.report + " " + other.figure.shown, report.title + " " + figure.shown,
              ].sorted()
              guard reported.insert([key] + pair).inserted else { continue }
              diagnostics.append(
                Diagnostic(
                  file: paper.file, severity: .warning, rule: .acrossPapers,
                  message:
                    "“\(caption)”, \(heading), \(header) is \(figure.shown) here but \(other.figure.shown) in “\(other.report)” (\(other.file))",
                  location: Diagnostic.Location(
                    report: report.title, table: caption, row: heading, column: header),
                  stated: figure.shown, expected: other.figure.shown))
            }
            first[key, default: []].append(printed)
          }
        }
      }
    }
  }
}
