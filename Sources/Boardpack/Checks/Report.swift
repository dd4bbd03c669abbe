/// One report of a paper: an agenda pack holds several, each with its own paragraph numbering.
///
/// Blocks are the document's top-level blocks from the report's title material to just before the
/// next report's; a report's appendices stay with it. Numbered paragraphs that merely quote a
/// numbered list inside the report (1, 2 and then the report's own numbering resumes) have their
/// number cleared, so that rules see only the report's own sequence.
public struct Report: Sendable {
  /// The report's title as printed, or "Report N" when it has none.
  public let title: String
  public let blocks: [Block]
  /// Every label in the whole document, which internal references may point at.
  public let labels: Set<Label>
  /// When the report was written: its title block's Report Date, else the paper's report or
  /// meeting date; dates printed without a year are read as the nearest to it.
  public let date: CalendarDate?
  /// A whole paper rather than an excerpt of one: it has a date, a title block or a letterhead, or
  /// Boardpack wrote it. An excerpt may start anywhere in its paper's numbering.
  public let isWholePaper: Bool
  /// How the document's numeric dates read (06/07/2026); nil when nothing decides it.
  public internal(set) var dateOrder: DateOrder?

  /// What a walk through the blocks meets, in reading order.
  let entries: [Entry]
  /// The report's tables, named, with their neighbouring passages and figures read.
  public let tables: [TableSite]
  /// Every passage, including table cells (placed by table, row and column).
  public let passages: [Passage]

  public init(
    title: String, blocks: [Block], labels: Set<Label> = [], date: CalendarDate? = nil,
    isWholePaper: Bool? = nil, dateOrder: DateOrder? = nil
  ) {
    self.title = title
    self.blocks = blocks
    self.labels = labels
    self.date = date
    self.isWholePaper =
      isWholePaper ?? (date != nil || blocks.contains(where: Report.isTitleSignal))
    self.dateOrder = dateOrder
    entries = Report.entries(of: blocks)
    tables = Report.tables(in: entries)
    passages = Report.passages(in: entries, tables: tables)
  }
}

extension Report {
  /// Splits `document` into its reports: a report starts where paragraph numbering restarts at 1
  /// (or jumps far ahead, as minutes continue their own sequence), or at a title block or letterhead
  /// after numbered paragraphs.
  public static func reports(in document: Document) -> [Report] {
    var blocks = document.blocks
    clearQuotedRuns(in: &blocks)
    let labels = self.labels(in: document.blocks)
    var starts = [0]
    var lastNumber: Int?
    var lastNumberedIndex: Int?
    for (index, block) in blocks.enumerated() {
      if let number = number(of: block) {
        if let previous = lastNumber, let after = lastNumberedIndex,
          (number == 1 && previous >= 1)
            || number > previous && UInt(bitPattern: number &- previous) > UInt(jumpThatStartsAReport)
        {
          starts.append(cut(blocks, after: after, before: index))
        }
        lastNumber = number
        lastNumberedIndex = index
      } else if isTitleSignal(block), let after = lastNumberedIndex, lastNumber != nil,
        starts.last! <= after
      {
        starts.append(cut(blocks, after: after, before: index))
        lastNumber = nil
      }
    }
    let ranges = zip(starts, starts.dropFirst() + [blocks.count]).filter { $0 < $1 }
    let metadata = document.metadata
    let boardpack =
      metadata.template != nil || !metadata.titleBlock.isEmpty || !metadata.letterhead.isEmpty
    let split = blocks
    // Each report works out its tables on its own: on all cores.
    var reports = Array(ranges.enumerated()).concurrentMap { position, range in
      let slice = Array(split[range.0..<range.1])
      let fallback = position == 0 && !metadata.title.isEmpty ? metadata.title : nil
      let date = reportDate(in: slice) ?? metadata.reportDate ?? metadata.meetingDate
      return Report(
        title: fallback ?? title(of: slice) ?? "Report \(position + 1)", blocks: slice,
        labels: labels, date: date, isWholePaper: boardpack ? true : nil)
    }
    let dates = reports.flatMap(\.passages).flatMap { DateRule.numericDates(in: $0.text) }
    let order = DateOrder(dates: dates.map { ($0.first, $0.second) }, language: metadata.language)
    for index in reports.indices { reports[index].dateOrder = order }
    return reports
  }

  /// The labels of every labelled block, list item and table in `blocks`, however deep, and
  /// of every table row by its key (first or second cell).
  public static func labels(in blocks: [Block]) -> Set<Label> {
    var result: Set<Label> = []
    blocks.forEachBlock { block in
      result.formUnion(block.ownLabels)
      // A row keyed "34" answers to `{ref:row-34}` whether or not it was labelled.
      if case .table(let table) = block {
        result.formUnion(
          table.rows.flatMap { row in row.cells.prefix(2).compactMap { rowLabel(forKey: $0.shown) } })
      }
    }
    return result
  }

  /// The label `{ref:row-34}` points at for a row keyed "34": `row-` and the key lower-cased,
  /// each run of characters other than letters and digits made one `-`.
  static func rowLabel(forKey key: String) -> Label? {
    // A key is short: most first cells are names or descriptions, passed over before any work.
    guard key.utf8.count <= 48, key.count <= 12 else { return nil }
    let words = key.lowercased().split { !$0.isLetter && !$0.isNumber }
    return words.isEmpty ? nil : Label("row-" + words.joined(separator: "-"))
  }

  /// A jump in numbering larger than this is a new sequence (minutes numbered 64 onwards), not a gap.
  static let jumpThatStartsAReport = 10

  private static func number(of block: Block) -> Int? {
    if case .paragraph(let paragraph) = block { return paragraph.number }
    return nil
  }

  /// The date in the "Report Date" row of the first title block among `blocks`; else a heading
  /// before the first numbered paragraph that is, or ends with, a whole date ("20th JUNE 2025",
  /// "POLICE AND CRIME PANEL – 9 JUNE 2026").
  private static func reportDate(in blocks: [Block]) -> CalendarDate? {
    titleBlockDate(in: blocks) ?? headingDate(in: blocks)
  }

  private static func headingDate(in blocks: [Block]) -> CalendarDate? {
    for block in blocks {
      if number(of: block) != nil { return nil }
      guard case .heading(let heading) = block else { continue }
      let text = heading.content.plainText
      let tail = text.split(whereSeparator: { ",–—-:".contains($0) }).last.map(String.init) ?? ""
      if let date = CalendarDate(parsing: tail), date.day != nil, date.isValid { return date }
    }
    return nil
  }

  private static func titleBlockDate(in blocks: [Block]) -> CalendarDate? {
    for case .table(let table) in blocks {
      let pairs = [table.columns.map(\.header)] + table.rows.map { $0.cells.map(\.shown) }
      for pair in pairs where pair.count >= 2 {
        guard pair[0].trimmedOfSpaces.lowercased() == "report date" else {
          continue
        }
        let text = pair[1].replacingOccurrences(
          of: #"(\d)\s+(st|nd|rd|th)\b"#, with: "$1$2", options: .regularExpression)
        if let date = CalendarDate(parsing: text), date.isValid { return date }
      }
    }
    return nil
  }

  /// A title-block table ("Report Date | …"), a letterhead paragraph, or the line that opens a
  /// pack's paper ("Agenda Item 10").
  private static func isTitleSignal(_ block: Block) -> Bool {
    switch block {
    case .heading: return block.agendaItem != nil
    case .table(let table):
      let firstCells =
        table.rows.compactMap { $0.cells.first?.shown } + table.columns.prefix(1).map(\.header)
      return firstCells.contains {
        $0.trimmedOfSpaces.lowercased() == "report date"
      }
    case .paragraph(let paragraph):
      return paragraph.style?.lowercased() == "letterhead" || block.agendaItem != nil
    default: return false
    }
  }

  /// Where the next report begins between the last numbered paragraph `after` and `before`: at its
  /// first title signal, or its title (the first of the highest headings that are not an
  /// appendix's), whichever comes first; else at `before`. What comes earlier (an appendix, the
  /// officer to contact) stays with the report before.
  private static func cut(_ blocks: [Block], after: Int, before: Int) -> Int {
    let range = (after + 1)..<before
    let signal = range.first { isTitleSignal(blocks[$0]) }
    let headings = range.compactMap { index -> (Int, Int)? in
      guard case .heading(let heading) = blocks[index], heading.appendix == nil,
        !heading.content.plainText.lowercased().hasPrefix("appendix")
      else { return nil }
      return (index, heading.level)
    }
    let highest = headings.map(\.1).min()
    let title = headings.first { $0.1 == highest }?.0
    return min(signal ?? before, title ?? before)
  }

  private static let genericHeadings: Set<String> = [
    "purpose of report", "purpose of the report", "background", "summary", "introduction", "report",
    "recommendations", "recommendation", "agenda",
  ]

  /// The report's title: the first of its highest headings before its first numbered paragraph
  /// that is neither a date nor a generic section name.
  private static func title(of blocks: [Block]) -> String? {
    let firstNumbered = blocks.firstIndex { number(of: $0) != nil } ?? blocks.count
    let headings = blocks[..<firstNumbered].compactMap { block -> (level: Int, text: String)? in
      // A pack's "Agenda Item 10" opens the paper whose title follows it.
      guard case .heading(let heading) = block, block.agendaItem == nil else { return nil }
      let text = heading.content.plainText.trimmedOfWhiteSpace
      let lower = text.lowercased().trimmingCharacters(in: .punctuationCharacters)
      guard !text.isEmpty, !genericHeadings.contains(lower), CalendarDate(parsing: text) == nil
      else { return nil }
      return (heading.level, text)
    }
    let highest = headings.map(\.level).min()
    return headings.first { $0.level == highest }?.text
  }

  /// Clears the numbers of a short run 1, 2, … that interrupts a report's numbering, which resumes
  /// after it: such a run is a quoted numbered list, not the start of a new report.
  private static func clearQuotedRuns(in blocks: inout [Block]) {
    let numbered = blocks.indices.compactMap { index in
      number(of: blocks[index]).map { (index, $0) }
    }
    var position = 1
    while position < numbered.count {
      let previous = numbered[position - 1].1
      guard numbered[position].1 == 1, previous > 1 else {
        position += 1
        continue
      }
      var end = position
      while end + 1 < numbered.count, numbered[end + 1].1 == numbered[end].1 &+ 1 { end += 1 }
      if end + 1 < numbered.count, numbered[end + 1].1 == previous &+ 1 {
        for (index, _) in numbered[position...end] {
          if case .paragraph(var paragraph) = blocks[index] {
            paragraph.number = nil
            blocks[index] = .paragraph(paragraph)
          }
        }
      }
      position = end + 1
    }
  }
}
