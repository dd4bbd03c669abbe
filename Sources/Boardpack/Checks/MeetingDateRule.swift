/// Every paper's dates agree with its meeting: the meeting date it prints (Boardpack's title
/// block, a header such as "POLICE AND CRIME PANEL – 9 JUNE 2026", or a date under a "Police and
/// Crime Panel" line before its title) is the meeting's, and it is not dated after the meeting.
///
/// A header is only read where papers print one: a short line ending in the date, or a date alone
/// under a line naming the panel or board, in the four blocks before a report's title heading.
public struct MeetingDateRule: PaperSetRule {
  public init() {}

  public func check(_ papers: PaperSet, into diagnostics: inout [Diagnostic]) {
    for paper in papers.papers {
      guard let meeting = paper.meetingDate else { continue }
      func add(_ report: Report?, _ message: String, stated: String) {
        diagnostics.append(
          Diagnostic(
            file: paper.file, severity: .warning, rule: .date, message: message,
            location: Diagnostic.Location(report: report?.title ?? paper.metadata.title),
            stated: stated,
            expected: meeting.longUK))
      }
      if let date = paper.metadata.meetingDate,
        !DateMention(date: date, shown: "", offset: 0).agrees(with: meeting)
      {
        add(
          paper.reports.first,
          "the paper is for a meeting on \(date.longUK), but the meeting is on \(meeting.longUK)",
          stated: date.longUK)
      }
      for report in paper.reports {
        if let date = report.date, date.day != nil, date > meeting {
          add(
            report, "the report is dated \(date.longUK), after the meeting on \(meeting.longUK)",
            stated: date.longUK)
        }
      }
      // A header may end the report before the one it heads, where the reports are cut at titles.
      let blocks = paper.reports.flatMap(\.blocks)
      let owners = paper.reports.indices.flatMap {
        Array(repeating: $0, count: paper.reports[$0].blocks.count)
      }
      for (header, title) in MeetingDateRule.headerDates(in: blocks)
      where !header.agrees(with: meeting) {
        add(
          paper.reports[owners[title]],
          "the header gives the meeting as \(header.shown), but the meeting is on \(meeting.longUK): carried over from another meeting?",
          stated: header.shown)
      }
    }
  }

  /// The meeting date of an agenda: the first date of its "Date/Time:" or "Date:" line, in a
  /// report with an "Agenda" heading.
  static func agendaDate(_ report: Report) -> CalendarDate? {
    guard
      report.passages.contains(where: {
        $0.isHeading && $0.text.trimmedOfWhiteSpace.lowercased() == "agenda"
      })
    else { return nil }
    for passage in report.passages
    where passage.text.hasPrefix("Date/Time:") || passage.text.hasPrefix("Date:") {
      if let mention = DateMention.all(in: passage.text).first, mention.date.day != nil {
        return mention.date
      }
    }
    return nil
  }

  /// The dates that headers print in `blocks`, in the four blocks (paragraphs or headings) before
  /// each title heading, with the index of the heading. A title is a level-1 heading; in a pack,
  /// where a paper opens with the line "Agenda Item 10", the paper's first heading at level 1 or 2.
  static func headerDates(in blocks: [Block]) -> [(date: DateMention, title: Int)] {
    var result: [(date: DateMention, title: Int)] = []
    var inPackPaper = false
    for (index, block) in blocks.enumerated() {
      if block.agendaItem != nil {
        inPackPaper = true
        continue
      }
      guard case .heading(let heading) = block, heading.level <= (inPackPaper ? 2 : 1) else {
        continue
      }
      inPackPaper = false
      let window = blocks[max(0, index - 4)..<index]
      for position in window.indices {
        // Papers print headers in bold, which readers take for headings.
        switch blocks[position] {
        case .paragraph(let paragraph) where paragraph.number == nil: break
        case .heading: break
        default: continue
        }
        let text = blocks[position].printedText.trimmedOfWhiteSpace
        // A header ends in its date's year: other lines are passed over before the pattern runs.
        guard let last = text.last, ("0"..."9").contains(last), let mention = DateMention.all(in: text).last,
          text.hasSuffix(mention.shown)
        else { continue }
        let wholeLine = mention.shown == text
        let previous = position > 0 ? blocks[position - 1].printedText : ""
        let header =
          wholeLine
          ? names(previous) && previous.split(separator: " ").count <= 15
          : names(text) && text.split(separator: " ").count <= 15
        if header { result.append((mention, index)) }
      }
    }
    return result
  }

  /// Whether `text` names a meeting's body: a panel, board or committee.
  private static func names(_ text: String) -> Bool {
    let lower = text.lowercased()
    return ["panel", "board", "committee"].contains { lower.contains($0) }
  }
}

extension Block {
  /// The text of a paragraph or heading; empty for other blocks.
  var printedText: String {
    switch self {
    case .paragraph(let paragraph): paragraph.content.plainText
    case .heading(let heading): heading.content.plainText
    default: ""
    }
  }
}
