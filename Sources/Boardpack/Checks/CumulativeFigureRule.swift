/// A cumulative figure never falls: where two papers print the same figure to date ("expenditure
/// to date as of 05/01/2026", a column "since May 2024") as of different dates, the later may not
/// be the lower. Both places are named.
///
/// A figure is cumulative only as the paper says: a column headed "… to date", "… since May 2024"
/// or "cumulative …", or one the text before the table or its caption names before "to date"
/// ("expenditure to date" for "2025-26 Expenditure"). It is dated by the "as of" or "as at" date
/// there, else by its report's date. It is identified by its row's heading and its column's, which
/// must name its period (a year, "since …"); figures identified less well are left alone.
public struct CumulativeFigureRule: PaperSetRule {
  public init() {}

  /// A header that says its column is cumulative.
  private static let cumulativeHeader = TextPattern(
    #"(?i)\b(?:to\s+date|since\s+(?:[a-z]+\s+)?\d{4}|cumulative)\b"#,
    needing: ["date", "since", "cumulative"])
  /// "expenditure to date": the word names the columns it makes cumulative.
  private static let toDate = TextPattern(#"(?i)\b([a-z]+)\s+to\s+date\b"#, needing: ["to date"])
  /// "as of" or "as at" just before a date.
  private static let asOf = TextPattern(#"(?i)\bas\s+(?:of|at)\s+(?:the\s+)?$"#, needing: ["as "])
  /// A period in a header: a year, or a span "since …".
  private static let period = TextPattern(#"(?i)\b(?:(?:19|20)\d\d|since)\b"#)

  public func check(_ papers: PaperSet, into diagnostics: inout [Diagnostic]) {
    var printed: [String: [PaperSet.TableFigure]] = [:]
    var reported: Set<[String]> = []
    for (paper, report) in papers.reports {
      for site in report.tables {
        for column in site.table.columns.indices.dropFirst() {
          guard let asOf = Self.asOf(site, column: column, in: report) else { continue }
          let header = site.table.columns[column].header.trimmedOfWhiteSpace
          for (rowIndex, row) in site.table.rows.enumerated() where !row.isTotal {
            guard let heading = row.cells.first?.shown.trimmedOfWhiteSpace, !heading.isEmpty,
              let figure = site.figure(rowIndex, column)
            else { continue }
            let key = [heading, header].map { $0.lowercased() }.joined(separator: "\u{1F}")
            let dated = PaperSet.TableFigure(
              figure: figure, file: paper.file, report: report.title, table: site.name,
              row: heading, column: header, paragraph: site.paragraph, asOf: asOf)
            for other in printed[key, default: []] where other.report != report.title {
              guard let (earlier, later) = Self.ordered(other, dated),
                later.figure.unit == earlier.figure.unit,
                later.figure.value + later.figure.slack + earlier.figure.slack < earlier.figure.value,
                reported.insert([key, earlier.report, later.report]).inserted
              else { continue }
              let dates = [earlier, later].map { $0.asOf.map(\.longUK) ?? "" }
              diagnostics.append(
                Diagnostic(
                  file: later.file, severity: .warning, rule: .acrossPapers,
                  message:
                    "\(later.row), \(later.column) is \(later.figure.shown) to \(dates[1]) here, less than the \(earlier.figure.shown) to \(dates[0]) in “\(earlier.report)” (\(earlier.file)): a figure to date cannot fall",
                  location: Diagnostic.Location(
                    report: later.report, table: later.table, row: later.row,
                    column: later.column, paragraph: later.paragraph.map(String.init)),
                  stated: later.figure.shown, expected: "at least \(earlier.figure.shown)"))
            }
            printed[key, default: []].append(dated)
          }
        }
      }
    }
  }

  /// The earlier and the later of two figures to date, when their dates tell them apart (a month
  /// alone against a day of another month).
  private static func ordered(_ a: PaperSet.TableFigure, _ b: PaperSet.TableFigure)
    -> (PaperSet.TableFigure, PaperSet.TableFigure)?
  {
    guard let aDate = a.asOf, let bDate = b.asOf else { return nil }
    let byMonth = aDate.day == nil || bDate.day == nil
    let (first, second) =
      byMonth
      ? (CalendarDate(year: aDate.year, month: aDate.month, day: nil),
        CalendarDate(year: bDate.year, month: bDate.month, day: nil))
      : (aDate, bDate)
    if first < second { return (a, b) }
    if second < first { return (b, a) }
    return nil
  }

  /// The date a column of `site` counts to, when the paper says it is cumulative and its header
  /// names its period: the date it states, else its report's; nil otherwise.
  static func asOf(_ site: TableSite, column: Int, in report: Report) -> CalendarDate? {
    isCumulative(site, column: column) ? statedDate(site, column: column) ?? report.date : nil
  }

  /// Whether the paper says a column of `site` counts to date and its header names its period.
  static func isCumulative(_ site: TableSite, column: Int) -> Bool {
    let header = site.table.columns[column].header
    guard period.firstMatch(in: header) != nil else { return false }
    let lower = header.lowercased()
    return cumulativeHeader.firstMatch(in: header) != nil
      || [site.table.caption.plainText, site.before?.text ?? ""].contains { text in
        toDate.matches(in: text).contains { match in
          match[1].map { lower.contains($0.lowercased()) } ?? false
        }
      }
  }

  /// The "as of" or "as at" date a column of `site` is given in its header, the table's caption
  /// or the text before it; nil when none is stated.
  static func statedDate(_ site: TableSite, column: Int) -> CalendarDate? {
    let texts = [
      site.table.columns[column].header, site.table.caption.plainText, site.before?.text ?? "",
    ]
    for text in texts where asOf.mightMatch(text) {
      for mention in DateMention.all(in: text)
      where asOf.firstMatch(in: text.prefix(mention.offset).suffix(20)) != nil {
        return mention.date
      }
    }
    return nil
  }
}
