/// The same event stated twice agrees: when one paper says a thing known by its abbreviation
/// "will go live on the 1st of April 2026" and another that it "began on 01/05/2026", they disagree.
///
/// What a statement is about is read, never guessed: the one abbreviation its paragraph defines
/// ("Out of Court Resolution (OOCR)"), else the one the paragraphs before it define and keep
/// mentioning since. A paragraph that defines two, or follows a break in the topic, is about nothing
/// the rule can name and is left alone. Copies of a paper (reports of the same title) are not compared.
public struct EventDateRule: PaperSetRule {
  public init() {}

  /// A start stated in a report.
  struct Statement {
    let subject: String
    let mention: DateMention
    let file: String
    let report: String
    let paragraph: Int?
  }

  /// An abbreviation defined in brackets: "(OOCR)", "(CSPs)".
  private static let definition = TextPattern(
    #"\(([A-Z][A-Za-z]*?[A-Z][A-Za-z]*?)s?\)"#, needing: ["("])
  /// Words just before a date that make it a start: "went live on the", "began in".
  private static let start = TextPattern(
    #"(?i)\b(?:go(?:es)? live|went live|gone live|began|begins|commenced|commences|commence|started|starts|launched)\s+(?:(?:on|in|from)\s+)?(?:the\s+)?$"#,
    needing: ["live", "began", "begins", "commence", "start", "launched"])

  public func check(_ papers: PaperSet, into diagnostics: inout [Diagnostic]) {
    var statements: [Statement] = []
    for (paper, report) in papers.reports {
      statements += Self.statements(in: report, file: paper.file)
    }
    var reported: Set<[String]> = []
    for (index, later) in statements.enumerated() {
      for earlier in statements[..<index]
      where earlier.subject == later.subject && earlier.report != later.report
        && !later.mention.agrees(with: earlier.mention.date)
      {
        let key =
          [later.subject]
          + [(earlier.report, earlier.mention.date), (later.report, later.mention.date)]
          .map { "\($0.0) \($0.1.iso)" }.sorted()
        guard reported.insert(key).inserted else { continue }
        let place = earlier.paragraph.map { " paragraph \($0)" } ?? ""
        diagnostics.append(
          Diagnostic(
            file: later.file, severity: .warning, rule: .acrossPapers,
            message:
              "the \(later.subject)'s start is given as \(later.mention.shown) here, but as \(earlier.mention.shown) in “\(earlier.report)”\(place) (\(earlier.file))",
            location: Diagnostic.Location(
              report: later.report, paragraph: later.paragraph.map(String.init)),
            stated: later.mention.shown, expected: earlier.mention.shown))
      }
    }
  }

  /// The starts stated in `report`, each with the abbreviation it is about.
  static func statements(in report: Report, file: String) -> [Statement] {
    var result: [Statement] = []
    var topic: String?
    for passage in report.passages where passage.place.table == nil && !passage.quoted {
      let text = passage.text
      let defined = Set(Self.definition.matches(in: text).compactMap { $0[1].map(String.init) })
      let subject = defined.count == 1 ? defined.first : defined.isEmpty ? topic : nil
      if let subject, !passage.isHeading, Self.start.mightMatch(text) {
        for mention in DateMention.all(in: text) {
          let before = text.prefix(mention.offset).suffix(40)
          if Self.start.firstMatch(in: before) != nil {
            result.append(
              Statement(
                subject: subject, mention: mention, file: file, report: report.title,
                paragraph: passage.place.paragraph))
          }
        }
      }
      // The topic runs on while each paragraph names it.
      topic = defined.count == 1 ? defined.first : topic.flatMap { text.contains($0) ? $0 : nil }
    }
    return result
  }
}
