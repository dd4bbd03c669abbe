/// References from one paper of a meeting to another resolve: "Agenda Item 8" and "Item 10" name an
/// item of the agenda, "Appendix One to Item 10" an appendix of that item's paper, and "see the
/// minutes of 4 February 2026" minutes on the agenda or among the papers.
///
/// Only what the set knows is checked, never guessed: item numbers against the agenda (the meeting
/// file's, or the one a pack file prints), an appendix where the item's paper is in the set. Minutes
/// are passed over, since the items they name are their own meeting's ("a copy of the report, marked
/// 'Agenda Item 5', is filed with these minutes"); so are table cells and quotations.
public struct PaperReferenceRule: PaperSetRule {
  public init() {}

  /// "Item 10", "Agenda Item 8", "agenda item 8", "Appendix One to Item 10"; not "item 3" alone.
  private static let items = TextPattern(
    #"(?i)\b(?:appendix\s+(?<appendix>\d+|one|two|three|four|five|six|seven|eight|nine|ten|[a-h])\s+(?:to|of)\s+(?:the\s+report\s+(?:at|for)\s+)?)?(?<agenda>agenda\s+)?(?<item>item)\s+(?<number>\d{1,3})\b"#,
    needing: ["item"])
  /// "see the minutes of", "see the minutes of the meeting held on", before a date.
  private static let minutes = TextPattern(
    #"(?i)\bsee\s+(?:the\s+)?minutes\s+of\s+(?:the\s+(?:meeting|panel)\s+(?:held\s+)?on\s+)?$"#,
    needing: ["minutes"])

  public func check(_ papers: PaperSet, into diagnostics: inout [Diagnostic]) {
    let byItem = papers.reportsByItem
    guard papers.agenda != nil || byItem.contains(where: { $0.item != nil }) else { return }
    var itemReports: [Int: [Report]] = [:]
    for (_, report, item) in byItem { if let item { itemReports[item, default: []].append(report) } }
    let openings = byItem.map { Self.minutesOpening($0.report, $0.paper) }
    let minutesDates = openings.compactMap { $0.flatMap { DateMention.all(in: $0).last?.date } }
    for ((paper, report, _), opening) in zip(byItem, openings) where opening == nil {
      var findings = Findings(file: paper.file, report: report.title)
      for passage in report.passages where !passage.quoted && passage.place.table == nil {
        checkItems(passage, papers.agenda, itemReports, into: &findings)
        if let agenda = papers.agenda {
          checkMinutes(passage, agenda, minutesDates, into: &findings)
        }
      }
      diagnostics += findings.diagnostics
    }
  }

  private func checkItems(
    _ passage: Passage, _ agenda: Agenda?, _ itemReports: [Int: [Report]],
    into findings: inout Findings
  ) {
    for match in Self.items.matches(in: passage.text) {
      // "Item" in capitals, or after "agenda": an "item 3" of a list is no agenda item.
      guard match["agenda"] != nil || match["item"]?.first == "I",
        let number = match["number"].flatMap({ Int($0) })
      else { continue }
      let shown = String(match.text)
      if let agenda, agenda.item(number) == nil {
        let numbers = agenda.items.map(\.number)
        findings.add(
          .crossReference, .error,
          "\(shown) names no item of the agenda, whose items run \(numbers.min() ?? 0) to \(numbers.max() ?? 0)",
          at: passage.place, stated: shown)
        continue
      }
      guard let appendix = match["appendix"] else { continue }
      guard let reports = itemReports[number] else {
        if agenda != nil {
          findings.add(
            .crossReference, .warning, "\(shown): Item \(number) has no paper in the pack",
            at: passage.place, stated: shown)
        }
        continue
      }
      let present = reports.reduce(into: Set<String>()) {
        $0.formUnion(CrossReferenceRule.appendixKeys($1, $1.passages))
      }
      if !present.contains(CrossReferenceRule.appendixKey(appendix)) {
        findings.add(
          .crossReference, .warning,
          "\(shown): the paper for Item \(number) has no Appendix \(appendix) (no heading or caption names it)",
          at: passage.place, stated: shown)
      }
    }
  }

  private func checkMinutes(
    _ passage: Passage, _ agenda: Agenda, _ minutesDates: [CalendarDate],
    into findings: inout Findings
  ) {
    let text = passage.text
    guard Self.minutes.mightMatch(text) else { return }
    for mention in DateMention.all(in: text) {
      guard Self.minutes.firstMatch(in: text.prefix(mention.offset).suffix(60)) != nil else {
        continue
      }
      let onAgenda = agenda.items.contains { item in
        item.title.lowercased().contains("minutes")
          && DateMention.all(in: item.title).contains { mention.agrees(with: $0.date) }
      }
      guard !onAgenda, !minutesDates.contains(where: mention.agrees) else { continue }
      findings.add(
        .crossReference, .warning,
        "the minutes of \(mention.shown) are neither on the agenda nor among the papers",
        at: passage.place, stated: mention.shown)
    }
  }

  /// The line that opens minutes ("Minutes of a meeting … on Wednesday, 4 February 2026."): their
  /// title or one of their first lines; nil for a report that is not minutes.
  private static func minutesOpening(_ report: Report, _ paper: PaperSet.Paper) -> String? {
    let openings = [report.title] + report.blocks.prefix(3).map(\.printedText)
    if let line = openings.first(where: {
      $0.trimmedOfWhiteSpace.lowercased().hasPrefix("minutes of")
    }) {
      return line
    }
    return paper.metadata.template == "minutes" ? report.title : nil
  }
}
