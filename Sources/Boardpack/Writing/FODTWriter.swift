import BoardpackXML
import Foundation
import Synchronization

/// Writes a `Document` as flat ODF text (`.fodt`, ODF 1.3) per FORMATS.md §5, styled by a
/// reference document whose styles are copied in as pre-serialised bytes: only those the paper
/// uses, with the styles, lists, pages and fonts they depend on.
///
/// Numbered paragraphs are items of lists in the `BP Numbering` style that all continue the
/// first one, so LibreOffice numbers them itself and renumbers them when an author edits the paper.
public struct FODTWriter: Sendable {
  let reference: ReferenceDocument
  private let frames = Frames()

  public init(reference: ReferenceDocument) {
    self.reference = reference
  }

  /// The document as UTF-8 flat ODF bytes.
  public func render(_ document: Document) -> Data {
    Data(pieces(of: document).joined())
  }

  /// The document's bytes in pieces, the reference document's styles among them uncopied.
  func pieces(of document: Document) -> [Data] {
    let body = FODTBodyRendering(document, reference)
    body.writeBody()
    let content = body.xml.finishPieces()
    let frame = frame(document.metadata, body: body)
    return frame.head + content + frame.tail
  }

  /// Starts writing `first` to `path`; `append(_:)` adds blocks after it, `finish()` ends the file.
  func stream(_ first: Document, to path: String) throws(BoardpackError) -> Stream {
    try Stream(writer: self, first: first, path: path)
  }

  /// An ODF document written as it grows: the body goes to a spool file beside `path`, since the
  /// metadata before it lists every table, and the whole file is put together by `finish()`.
  final class Stream {
    private let writer: FODTWriter
    private let metadata: Metadata
    private let body: FODTBodyRendering
    private let path: String
    private let spool: FileSink

    fileprivate init(writer: FODTWriter, first: Document, path: String) throws(BoardpackError) {
      self.writer = writer
      metadata = first.metadata
      self.path = path
      spool = try FileSink(path: path + ".body")
      body = FODTBodyRendering(first, writer.reference)
      body.writeBody()
      try spool.write(body.xml.drain())
    }

    func append(_ blocks: [Block]) throws(BoardpackError) {
      body.writeBlocks(blocks)
      try spool.write(body.xml.drain())
    }

    /// Writes the file: the metadata and styles, the spooled body and the end.
    func finish() throws(BoardpackError) {
      try spool.write(body.xml.finishPieces())
      try spool.close()
      let frame = writer.frame(metadata, body: body)
      let file = try FileSink(path: path)
      try file.write(frame.head)
      try file.write(contentsOf: spool.path)
      try file.write(frame.tail)
      try file.close()
      unlink(spool.path)
    }
  }

  /// What surrounds a body: everything up to the opening of `office:text` (the metadata, with the
  /// relations of the body's tables, the reference document's styles the body uses and the body's
  /// own), and the end tags after it.
  private func frame(_ metadata: Metadata, body: FODTBodyRendering) -> (head: [Data], tail: [Data])
  {
    frame(metadata, tables: body.tables, uses: body.usedStyles, paperStyles: body.paperStyles)
  }

  /// The frame around a body of `tables` that uses the styles `uses` and adds `paperStyles`.
  func frame(
    _ metadata: Metadata, tables: [(name: String, relations: String)],
    uses: StyleCatalogue.Uses, paperStyles: FODTPaperStyles
  ) -> (head: [Data], tail: [Data]) {
    let xml = XMLWriter.fragment()
    xml.element("dc:title", text: metadata.title)
    // The language, which a PDF made from the paper declares (screen readers speak by it).
    xml.element("dc:language", text: metadata.language ?? "en-GB")
    for field in metadata.boardpackFields {
      xml.element("meta:user-defined", ["meta:name": field.name], text: field.value)
    }
    for table in tables {
      xml.element(
        "meta:user-defined", ["meta:name": "bp:relations:" + table.name], text: table.relations)
    }
    let frame = frames.frame(for: uses, in: reference)
    return (
      frame.opening + xml.drain() + frame.middle + paperStyles.drain() + frame.afterStyles,
      frame.closing
    )
  }

  /// The frames made so far, by the styles their papers use.
  private final class Frames: Sendable {
    private let made = Mutex<[StyleCatalogue.Uses: Frame]>([:])

    func frame(for used: StyleCatalogue.Uses, in reference: ReferenceDocument) -> Frame {
      if let frame = made.withLock({ $0[used] }) { return frame }
      let frame = Frame(reference.catalogue.selection(for: used))
      made.withLock { $0[used] = frame }
      return frame
    }
  }

  /// The parts of a frame that are the same in every file using the same styles, serialised once:
  /// up to the metadata's own fields, from after them to the end of the reference document's
  /// automatic styles, from there (after the paper's own) up to the opening of `office:text`, and
  /// the end tags. Each part is one piece of bytes, however many definitions went into it, so that
  /// writing a letter stays a few large writes.
  private struct Frame: Sendable {
    let opening: [Data]
    let middle: [Data]
    let afterStyles: [Data]
    let closing: [Data]

    init(_ styles: StyleCatalogue.Selection) {
      let xml = XMLWriter()
      xml.start("office:document")
      for namespace in ODF.namespaces
      where ODF.bodyNamespaces.contains(namespace.uri) || styles.namespaces.contains(namespace.uri)
      {
        xml.attribute("xmlns:" + namespace.prefix, namespace.uri)
      }
      xml.attribute("office:version", "1.3")
      xml.attribute("office:mimetype", "application/vnd.oasis.opendocument.text")
      xml.raw("\n")
      xml.start("office:meta")
      xml.element("meta:generator", text: "Boardpack")
      opening = xml.drain()
      xml.end()
      xml.raw("\n")
      for (section, element) in [
        (StyleCatalogue.Section.fonts, "office:font-face-decls"), (.styles, "office:styles"),
      ] {
        xml.start(element)
        xml.raw("\n")
        if let markup = styles.sections[section] { xml.copy(markup) }
        xml.end()
      }
      xml.start("office:automatic-styles")
      xml.raw("\n")
      if let markup = styles.sections[.automatic] { xml.copy(markup) }
      middle = [Data(xml.drain().joined())]
      xml.end()
      xml.start("office:master-styles")
      xml.raw("\n")
      if let markup = styles.sections[.masters] { xml.copy(markup) }
      xml.end()
      xml.raw("\n")
      xml.start("office:body")
      xml.start("office:text")
      xml.raw("\n")
      afterStyles = [Data(xml.drain().joined())]
      closing = xml.finishPieces()
    }
  }
}

/// The state of one rendering of a paper's body: the output, the anchors and table names handed
/// out so far, and whether the numbering list has begun.
final class FODTBodyRendering {
  /// Where a block is written: the styles of its plain paragraphs and bullets and of its numbered
  /// and lettered items, and whether it sits in a list item, where ODF allows only paragraphs,
  /// headings and lists.
  struct Context {
    var paragraphStyle: String
    var itemStyle: String
    var inListItem = false
  }

  /// Where a paper of a pack is written: into the pack's output and automatic styles, on the
  /// pack's master pages, its anchors and numbering its own, its headings an outline level below
  /// the heading that opens it.
  struct PackPlace {
    let xml: XMLWriter
    let paperStyles: FODTPaperStyles
    /// Starts the paper's anchors and the `xml:id` of its numbering ("item10-"); empty for the
    /// front sheet and agenda.
    let prefix: String
    /// Whether the paper is one of the pack's papers, on its `BP Paper` pages, rather than its front.
    let isPaper: Bool
  }

  /// The `xml:id` of the first numbering list, which every later one continues.
  let numberingID: String
  /// Added to each heading's outline level: 1 in a pack's papers.
  private let outlineOffset: Int

  let xml: XMLWriter
  let document: Document
  let reference: ReferenceDocument
  let styles: StyleNames
  /// The automatic styles this paper adds: column widths, pages of their own.
  let paperStyles: FODTPaperStyles
  /// The styles of the reference document (and Boardpack's own) the paper refers to.
  private(set) var usedStyles = StyleCatalogue.Uses()
  /// Set by a page break or an appendix: the next paragraph, heading or table starts a new page.
  private var pendingBreak = false
  /// The master page the next paragraph, heading or table starts, when the page style changes.
  private var pendingMaster: String?
  /// Whether the text now runs on landscape pages (after a wide table).
  private var onLandscape = false
  var anchors: Anchors
  /// Each table's name and relations JSON, in order, for `office:meta`.
  var tables: [(name: String, relations: String)] = []
  private var numberingStarted = false
  /// The number LibreOffice gives the next numbered paragraph.
  private var nextNumber = 1
  private var figureCount = 0
  /// The sections written so far (lists of names), which each need a name of their own.
  private var sections = 0

  /// The number of every labelled numbered paragraph, which references print as fields.
  private let paragraphNumbers: [Label: Int]

  init(_ document: Document, _ reference: ReferenceDocument, in pack: PackPlace? = nil) {
    self.document = document
    self.reference = reference
    var styles = reference.names
    if pack?.isPaper == true {
      styles.portraitPage = styles.paperPage
      styles.landscapePage = styles.paperLandscapePage
    }
    self.styles = styles
    xml = pack?.xml ?? XMLWriter.fragment()
    paperStyles = pack?.paperStyles ?? FODTPaperStyles()
    numberingID = (pack.map(\.prefix).flatMap { $0.isEmpty ? nil : $0 } ?? "bp-") + "numbering"
    outlineOffset = pack?.isPaper == true ? 1 : 0
    anchors = Anchors(document, prefix: pack?.prefix ?? "")
    paragraphNumbers = document.blocks.paragraphNumbers
  }

  /// Opens a pack's paper on a new page: a heading at outline level 1 (`header`, "Agenda Item 10"),
  /// which sets the running header of its later pages, with the bookmark `start`.
  func writePaperOpening(header: String, start: String) {
    pendingMaster = styles.paperFirstPage
    xml.start("text:h")
    xml.attribute("text:style-name", opening(styles.agendaItem))
    xml.attribute("text:outline-level", "1")
    xml.element("text:bookmark", ["text:name": start])
    // The value as an attribute, so that the hidden field adds no text to the heading's.
    xml.element(
      "text:variable-set",
      [
        "text:name": FODTBodyRendering.agendaItemVariable, "office:value-type": "string",
        "office:string-value": header, "text:display": "none",
      ])
    writeText(header)
    xml.end()
    newline()
  }

  /// Ends a pack's paper with the bookmark `end` in a paragraph too small to see, on the paper's
  /// last page: a return to portrait after a closing wide table, or a closing page break, is left
  /// to the next paper's opening, which starts a new page anyway.
  func writePaperEnd(_ end: String) {
    pendingMaster = nil
    pendingBreak = false
    xml.start("text:p")
    xml.attribute("text:style-name", opening(styles.paperEnd))
    xml.element("text:bookmark", ["text:name": end])
    xml.end()
    newline()
  }

  /// The variable that the headers of `BP Paper` pages print: the agenda item the page belongs to.
  static let agendaItemVariable = "bp:agenda-item"

  func writeBody() {
    writeFrontMatter(document.metadata)
    writeBlocks(document.blocks)
  }

  /// Writes blocks at the top level of the body, after those written so far.
  func writeBlocks(_ blocks: [Block]) {
    writeBlocks(blocks, Context(paragraphStyle: styles.text, itemStyle: styles.numbered))
  }

  private func writeFrontMatter(_ metadata: Metadata) {
    for line in metadata.letterhead { paragraph(styles.letterhead, text: line) }
    if let body = metadata.body { paragraph(styles.body, text: body) }
    if let date = metadata.meetingDate { paragraph(styles.meetingDate, text: date.longUK) }
    if !metadata.title.isEmpty { paragraph(styles.title, text: metadata.title) }
    let rows = metadata.titleBlockRows
    guard !rows.isEmpty else { return }
    let placement = TablePlacement(
      Table(
        columns: [Column(header: "", type: .text), Column(header: "", type: .text)],
        rows: rows.map {
          Row(cells: [
            Cell(value: .text($0.caption), shown: $0.caption),
            Cell(value: .text($0.value), shown: $0.value),
          ])
        }))
    xml.start("table:table")
    xml.attribute("table:name", anchors.anchor(generatedFrom: "TitleBlock"))
    xml.attribute("table:style-name", tableStyle(placement))
    writeColumns(placement)
    for row in rows {
      xml.start("table:table-row")
      for (text, style) in [(row.caption, styles.tableHeading), (row.value, styles.tableContents)] {
        xml.start("table:table-cell")
        xml.attribute("table:style-name", use(.tableCell(styles.cell)))
        xml.attribute("office:value-type", "string")
        paragraph(style, text: text, newline: false)
        xml.end()
      }
      xml.end()
    }
    xml.end()
    newline()
  }

  // MARK: Blocks

  /// Writes blocks in order; each run of numbered paragraphs becomes one `text:list`.
  private func writeBlocks(_ blocks: [Block], _ context: Context) {
    var listOpen = false
    for (index, block) in blocks.enumerated() {
      // A heading right before a wide table goes on the table's landscape page with it.
      if case .heading = block, !context.inListItem, index + 1 < blocks.count,
        case .table(let table) = blocks[index + 1],
        TablePlacement(table, page: page).orientation == .landscape
      {
        turnToLandscape()
      }
      guard case .paragraph(let paragraph) = block, paragraph.number != nil else {
        if listOpen {
          endNumberingList()
          listOpen = false
        }
        writeBlock(block, context)
        continue
      }
      if !listOpen {
        startNumberingList()
        listOpen = true
      }
      let rest = writeNumberedItem(paragraph, context)
      if !rest.isEmpty {
        endNumberingList()
        listOpen = false
        writeBlocks(Array(rest), context)
      }
    }
    if listOpen { endNumberingList() }
  }

  private func writeBlock(_ block: Block, _ context: Context) {
    switch block {
    case .heading(let heading):
      // An appendix starts a new page.
      if heading.appendix != nil { pendingBreak = true }
      xml.start("text:h")
      note(.outline)
      xml.attribute("text:style-name", opening(styles.headings[min(max(heading.level, 1), 4) - 1]))
      xml.attribute("text:outline-level", String(min(max(heading.level, 1) + outlineOffset, 10)))
      writeBookmark(heading.label)
      writeInlines(heading.content)
      xml.end()
      newline()
    case .paragraph(let paragraph):
      let style =
        paragraph.style.flatMap(reference.paragraphStyle(named:)) ?? context.paragraphStyle
      writeParagraph(style, label: paragraph.label, content: paragraph.content)
      writeBlocks(paragraph.children, context)
    case .list(let list):
      writeList(list, depth: 0, context)
    case .quotation(let blocks):
      var quoted = context
      quoted.paragraphStyle = styles.quotation
      quoted.itemStyle = styles.quotation
      writeBlocks(blocks, quoted)
    case .table(let table):
      writeTable(table, context)
    case .figure(let figure):
      writeFigure(figure)
    case .pageBreak:
      // The next paragraph, heading or table starts the page: never an empty paragraph.
      pendingBreak = true
    }
  }

  /// The style that opens the next paragraph or heading: `style`, or a style of its own that starts
  /// a new page (of another page style) when a page break, an appendix or a wide table asks for one.
  private func opening(_ style: String) -> String {
    note(.paragraph(style))
    if let master = pendingMaster {
      pendingMaster = nil
      pendingBreak = false
      onLandscape = master == styles.landscapePage
      note(.masterPage(master))
      return paperStyles.paragraph(style, masterPage: master)
    }
    if pendingBreak {
      pendingBreak = false
      // A letterhead opening a page starts another letter of a combined file: its page numbers
      // start again at 1 (which takes the page style as well as the break).
      if style == styles.letterhead {
        onLandscape = false
        return paperStyles.paragraph(style, masterPage: styles.portraitPage, restartingNumbers: true)
      }
      return paperStyles.paragraph(style, masterPage: nil)
    }
    return style
  }

  /// The style of a table set by `placement`, which takes any new page due as `opening(_:)` does.
  private func tableStyle(_ placement: TablePlacement) -> String {
    let master = pendingMaster
    let breaks = pendingBreak
    pendingMaster = nil
    pendingBreak = false
    if let master {
      onLandscape = master == styles.landscapePage
      note(.masterPage(master))
    }
    return paperStyles.table(
      width: placement.widths.reduce(0, +), keepsTogether: placement.keepsTogether,
      breaksBefore: breaks,
      masterPage: master)
  }

  /// The page a table is set on, with the reference document's table text sizes.
  private var page: TablePlacement.Page {
    TablePlacement.Page(
      normalSize: reference.shading.tableText, smallSize: reference.shading.smallTableText)
  }

  /// Makes what is written next start a landscape page, unless the text is on one already.
  private func turnToLandscape() {
    if pendingMaster == styles.portraitPage {
      pendingMaster = nil
    } else if !onLandscape {
      pendingMaster = styles.landscapePage
    }
  }

  private func writeColumns(_ placement: TablePlacement) {
    for width in placement.widths {
      xml.element("table:table-column", ["table:style-name": paperStyles.column(width: width)])
    }
  }

  private func startNumberingList() {
    xml.start("text:list")
    if numberingStarted {
      xml.attribute("text:continue-list", numberingID)
    } else {
      xml.attribute("xml:id", numberingID)
      numberingStarted = true
    }
    xml.attribute("text:style-name", use(.list(styles.numbering)))
    newline()
  }

  private func endNumberingList() {
    xml.end()
    newline()
  }

  /// Writes a numbered paragraph as a list item, with the lists that lead its children nested
  /// in it; returns the children after them, which a list item cannot hold.
  private func writeNumberedItem(_ paragraph: Paragraph, _ context: Context) -> ArraySlice<Block> {
    xml.start("text:list-item")
    // A number as printed where it does not follow on: minutes numbered on from the last meeting's
    // (74, 75…), a read paper's own gap.
    if let number = paragraph.number {
      if number != nextNumber { xml.attribute("text:start-value", String(number)) }
      nextNumber = number &+ 1
    }
    let style = paragraph.style.flatMap(reference.paragraphStyle(named:)) ?? context.itemStyle
    writeParagraph(style, label: paragraph.label, content: paragraph.content)
    var rest = paragraph.children[...]
    while case .list(let list) = rest.first {
      writeList(list, depth: 1, context)
      rest = rest.dropFirst()
    }
    xml.end()
    newline()
    return rest
  }

  /// Writes a list whose items sit at `depth` + 1 of the enclosing lists. Letters and romans use
  /// `BP Numbering`'s levels 2 and 3 (or 5 and 6), reached through empty items when the list
  /// stands on its own; clauses use `BP Clauses` and bullets `BP Bullets`, at the list's own depth.
  private func writeList(_ list: List, depth: Int, _ context: Context) {
    let style: String
    let paragraphStyle: String
    let wrappers: Int
    switch list.style {
    case .names:
      writeNames(list, context)
      return
    case .bullet:
      (style, paragraphStyle, wrappers) = (styles.bullets, context.paragraphStyle, 0)
    case .clause:
      (style, paragraphStyle, wrappers) = (styles.clauses, context.itemStyle, 0)
    case .letter, .roman:
      let remainder = list.style == .letter ? 2 : 0
      let level = ((depth + 1)...).first { $0 % 3 == remainder }!
      (style, paragraphStyle, wrappers) = (styles.numbering, context.itemStyle, level - depth - 1)
    }
    xml.start("text:list")
    xml.attribute("text:style-name", use(.list(style)))
    newline()
    for _ in 0..<wrappers {
      xml.start("text:list-item")
      xml.start("text:list")
    }
    var itemContext = context
    itemContext.inListItem = true
    for item in list.items {
      xml.start("text:list-item")
      writeParagraph(paragraphStyle, label: item.label, content: item.content)
      for child in item.children {
        if case .list(let nested) = child {
          writeList(nested, depth: depth + wrappers + 1, context)
        } else {
          writeBlocks([child], itemContext)
        }
      }
      xml.end()
      newline()
    }
    for _ in 0..<wrappers {
      xml.end()
      xml.end()
    }
    xml.end()
    newline()
  }

  /// Writes a list of names as plain paragraphs, in a section of two columns when they fit (a list
  /// item, which cannot hold a section, takes them one below another).
  private func writeNames(_ list: List, _ context: Context) {
    let columns = list.fitsTwoColumns && !context.inListItem
    if columns {
      xml.start("text:section")
      xml.attribute("text:style-name", paperStyles.columns(2))
      xml.attribute("text:name", anchors.anchor(generatedFrom: "Names\(sections + 1)"))
      sections += 1
      newline()
    }
    for item in list.items {
      writeParagraph(context.paragraphStyle, label: item.label, content: item.content)
    }
    if columns {
      xml.end()
      newline()
    }
  }

  private func writeTable(_ table: Table, _ context: Context) {
    let name =
      table.label.map { anchors.anchor(for: $0) }
      ?? anchors.anchor(generatedFrom: "Table\(tables.count + 1)")
    tables.append((name, table.relationsJSON))
    var page = self.page
    var fitted = table
    if context.inListItem {
      // A list item cannot hold a table; a frame in a paragraph can. It stays on the page it is on.
      page.portraitWidth = 14000
      fitted.fit.orientation = .portrait
      xml.start("text:p")
      xml.attribute("text:style-name", opening(context.paragraphStyle))
      xml.start("draw:frame")
      xml.attribute("draw:name", name)
      xml.attribute("draw:style-name", use(.graphic(styles.tableFrame)))
      xml.attribute("text:anchor-type", "as-char")
      xml.attribute("svg:width", "14cm")
      xml.start("draw:text-box")
      xml.attribute("fo:min-height", "0.5cm")
    }
    let placement = TablePlacement(fitted, page: page)
    // A wide table goes on a landscape page of its own; the text after it returns to portrait.
    let landscape = placement.orientation == .landscape
    if landscape { turnToLandscape() }
    if !table.caption.isEmpty || table.label != nil {
      xml.start("text:p")
      xml.attribute("text:style-name", opening(styles.tableCaption))
      if table.label != nil { xml.element("text:bookmark", ["text:name": name]) }
      writeInlines(table.caption)
      xml.end()
      newline()
    }
    let small = placement.textSize == .small
    let heading = small ? styles.smallTableHeading : styles.tableHeading
    let figureHeading = small ? styles.smallFigureHeading : styles.figureHeading
    xml.start("table:table")
    xml.attribute("table:name", name)
    xml.attribute("table:style-name", tableStyle(placement))
    writeColumns(placement)
    xml.start("table:table-header-rows")
    xml.start("table:table-row")
    for column in table.columns {
      xml.start("table:table-cell")
      xml.attribute("table:style-name", use(.tableCell(styles.headingCell)))
      xml.attribute("office:value-type", "string")
      paragraph(column.type == .text ? heading : figureHeading, text: column.header, newline: false)
      xml.end()
    }
    xml.end()
    xml.end()
    newline()
    var ratings: Set<Int> = []
    var directions: Set<Int> = []
    for relation in table.relations {
      switch relation {
      case .rag(let column, _, _, _): ratings.insert(column)
      case .direction(let column, _, _): directions.insert(column)
      default: break
      }
    }
    for (rowIndex, row) in table.rows.enumerated() {
      xml.start("table:table-row")
      let splits = rowIndex < placement.rowMaySplit.count && placement.rowMaySplit[rowIndex]
      xml.attribute("table:style-name", use(.tableRow(splits ? styles.splittingRow : styles.row)))
      for (index, cell) in row.cells.enumerated() {
        let look: CellLook =
          ratings.contains(index) && StyleNames.ratings.contains(cell.shown)
          ? .rating(cell.shown) : directions.contains(index) ? .centred : .plain
        writeCell(
          cell, type: index < table.columns.count ? table.columns[index].type : .text,
          total: row.isTotal,
          label: index == 0 ? row.label : nil, small: small, look: look)
      }
      xml.end()
      newline()
    }
    xml.end()
    newline()
    if landscape && !context.inListItem { pendingMaster = styles.portraitPage }
    if context.inListItem {
      xml.end()
      xml.end()
      xml.end()
      newline()
    }
  }

  /// How a cell stands out: a RAG rating shaded by its word, a direction's arrow centred.
  private enum CellLook {
    case plain, centred
    case rating(String)
  }

  /// Writes a cell; `label` (a row's, in its first cell) becomes a bookmark at the start of its text.
  private func writeCell(
    _ cell: Cell, type: ValueType, total: Bool, label: Label?, small: Bool = false,
    look: CellLook = .plain
  ) {
    xml.start("table:table-cell")
    if case .rating(let rating) = look {
      xml.attribute("table:style-name", use(.tableCell(StyleNames.ragCell(rating))))
    } else {
      xml.attribute("table:style-name", use(.tableCell(styles.cell)))
    }
    switch (cell.value, type) {
    case (.money(let amount), _):
      writeCurrency(amount)
    case (.nilValue, .money):
      writeCurrency(0)
    case (.percent(let percent), _):
      xml.attribute("office:value-type", "percentage")
      xml.attribute("office:value", (percent / 100).plainText)
    case (.nilValue, .percent):
      xml.attribute("office:value-type", "percentage")
      xml.attribute("office:value", "0")
    case (.count(let number), _), (.decimal(let number), _), (.points(let number), _):
      xml.attribute("office:value-type", "float")
      xml.attribute("office:value", number.plainText)
    case (.nilValue, _):
      xml.attribute("office:value-type", "float")
      xml.attribute("office:value", "0")
    case (.text, _), (.blank, _):
      xml.attribute("office:value-type", "string")
    }
    var style =
      switch (type == .text, total, small) {
      case (true, false, false): styles.tableContents
      case (true, true, false): styles.tableHeading
      case (false, false, false): styles.figureContents
      case (false, true, false): styles.figureHeading
      case (true, false, true): styles.smallTableContents
      case (true, true, true): styles.smallTableHeading
      case (false, false, true): styles.smallFigureContents
      case (false, true, true): styles.smallFigureHeading
      }
    if case .centred = look, !total {
      style = small ? styles.smallCentredContents : styles.centredContents
    }
    if case .rating(let rating) = look, !total {
      style = small ? StyleNames.smallRAG(rating) : styles.ragParagraphs[rating] ?? style
    }
    if cell.blocks.isEmpty {
      paragraph(style, text: cell.shown, bookmark: label, newline: false)
    } else {
      if label != nil { paragraph(style, text: "", bookmark: label, newline: false) }
      writeBlocks(cell.blocks, Context(paragraphStyle: style, itemStyle: style))
    }
    xml.end()
  }

  private func writeCurrency(_ amount: Decimal) {
    xml.attribute("office:value-type", "currency")
    xml.attribute("office:currency", "GBP")
    xml.attribute("office:value", amount.plainText)
  }

  private func writeFigure(_ figure: Figure) {
    figureCount += 1
    let name =
      figure.label.map { anchors.anchor(for: $0) }
      ?? anchors.anchor(generatedFrom: "Figure\(figureCount)")
    xml.start("text:p")
    xml.attribute("text:style-name", opening(styles.figureParagraph))
    if figure.label != nil { xml.element("text:bookmark", ["text:name": name]) }
    xml.start("draw:frame")
    xml.attribute("draw:name", name)
    xml.attribute("draw:style-name", use(.graphic(styles.figure)))
    xml.attribute("text:anchor-type", "as-char")
    if let image = figure.embeddedImage {
      // The picture inside the paper, at most the text's width, its ratio kept.
      let width = min(16, image.width / 72 * 2.54)
      let height = min(width * image.height / max(image.width, 1), 22)
      xml.attribute("svg:width", String(format: "%.2fcm", width))
      xml.attribute("svg:height", String(format: "%.2fcm", height))
      xml.start("draw:image")
      xml.start("office:binary-data")
      xml.text(image.data.base64EncodedString(options: .lineLength76Characters))
      xml.end()
      xml.end()
    } else if let source = figure.source, LinkAddress.isAllowedImage(source) {
      xml.attribute("svg:width", "16cm")
      xml.attribute("svg:height", "9cm")
      xml.attribute("style:rel-width", "100%")
      xml.attribute("style:rel-height", "scale")
      xml.element(
        "draw:image",
        [
          "xlink:href": source, "xlink:type": "simple", "xlink:show": "embed",
          "xlink:actuate": "onLoad",
        ])
    } else {
      xml.attribute("svg:width", "16cm")
      xml.attribute("svg:height", "4cm")
      xml.start("draw:text-box")
      paragraph(
        styles.tableContents, text: "\(figure.kind.rawValue.capitalized): \(figure.altText)",
        newline: false)
      xml.end()
    }
    xml.element("svg:title", text: figure.altText)
    xml.element(
      "svg:desc", text: figure.altText + (figure.chart.map { " " + $0.figuresInWords } ?? ""))
    xml.end()
    xml.end()
    newline()
    if !figure.caption.isEmpty {
      writeParagraph(styles.figureCaption, label: nil, content: figure.caption)
    }
  }

  // MARK: Paragraphs and inlines

  private func writeParagraph(_ style: String, label: Label?, content: [Inline]) {
    xml.start("text:p")
    xml.attribute("text:style-name", opening(style))
    writeBookmark(label)
    writeInlines(content)
    xml.end()
    newline()
  }

  /// A paragraph of plain text, opening with a bookmark for `bookmark` when given.
  private func paragraph(
    _ style: String, text: String, bookmark: Label? = nil, newline addsNewline: Bool = true
  ) {
    xml.start("text:p")
    xml.attribute("text:style-name", opening(style))
    writeBookmark(bookmark)
    writeText(text)
    xml.end()
    if addsNewline { newline() }
  }

  private func writeBookmark(_ label: Label?) {
    if let label { xml.element("text:bookmark", ["text:name": anchors.anchor(for: label)]) }
  }

  private func writeInlines(_ inlines: [Inline]) {
    for inline in inlines {
      switch inline {
      case .text(let text): writeText(text)
      case .strong(let content): span(styles.strong, content)
      case .emphasis(let content): span(styles.emphasis, content)
      case .link(let url, let content) where !LinkAddress.isAllowed(url):
        // A paper read elsewhere may link anywhere; only its text is written.
        writeInlines(content)
      case .link(let url, let content):
        xml.start("text:a")
        xml.attribute("xlink:type", "simple")
        xml.attribute("xlink:href", url)
        xml.attribute("text:style-name", use(.text(styles.link)))
        writeInlines(content)
        xml.end()
      case .reference(let reference) where reference.target.name.isEmpty:
        // A link to nothing (a read paper's href="#") is its text.
        writeText(reference.shown)
      case .reference(let reference):
        xml.start("text:a")
        xml.attribute("xlink:type", "simple")
        xml.attribute("xlink:href", "#" + anchors.name(of: reference.target))
        xml.attribute("text:style-name", use(.text(styles.reference)))
        xml.attribute("text:visited-style-name", styles.reference)
        writeReferenceText(reference)
        xml.end()
      case .lineBreak:
        xml.element("text:line-break")
      }
    }
  }

  /// A reference to numbered paragraphs prints their numbers as fields that LibreOffice keeps up
  /// to date ("paragraphs <69> to <79>"), so inserting a paragraph cannot leave it stale; any other
  /// reference is its text.
  private func writeReferenceText(_ reference: Reference) {
    if reference.pages {
      writeText("(Pages ")
      for (index, target) in [reference.target, reference.through ?? reference.target].enumerated()
      {
        if index > 0 { writeText(" - ") }
        xml.start("text:bookmark-ref")
        xml.attribute("text:reference-format", "page")
        xml.attribute("text:ref-name", anchors.name(of: target))
        writeText("?")
        xml.end()
      }
      writeText(")")
      return
    }
    let targets = [reference.target] + (reference.through.map { [$0] } ?? [])
    let numbers = targets.compactMap { paragraphNumbers[$0] }
    let printed = numbers.map(String.init).joined(separator: " to ")
    guard numbers.count == targets.count, reference.shown.hasSuffix(" " + printed) else {
      writeText(reference.shown.isEmpty ? reference.target.name : reference.shown)
      return
    }
    writeText(String(reference.shown.dropLast(printed.count)))
    for (index, (target, number)) in zip(targets, numbers).enumerated() {
      if index > 0 { writeText(" to ") }
      xml.start("text:bookmark-ref")
      xml.attribute("text:reference-format", "number")
      xml.attribute("text:ref-name", anchors.name(of: target))
      writeText(String(number))
      xml.end()
    }
  }

  private func span(_ style: String, _ content: [Inline]) {
    xml.start("text:span")
    xml.attribute("text:style-name", use(.text(style)))
    writeInlines(content)
    xml.end()
  }

  /// Writes text as ODF keeps it: a tab is `text:tab`, a newline `text:line-break`, and the
  /// second and later of several spaces `text:s`, since ODF collapses white space.
  private func writeText(_ text: String) {
    let plain = { (utf8: UnsafeBufferPointer<UInt8>) in
      !utf8.indices.contains { index in
        let byte = utf8[index]
        return byte == 9 || byte == 10 || byte == 13
          || (byte == 32 && index > 0 && utf8[index - 1] == 32)
      }
    }
    guard !(text.utf8.withContiguousStorageIfAvailable(plain) ?? false) else {
      xml.text(text)
      return
    }
    var run = ""
    var spaces = 0
    func writeRun() {
      if !run.isEmpty { xml.text(run) }
      run = ""
    }
    for character in text {
      if character == " " {
        spaces += 1
        continue
      }
      if spaces > 0 {
        run.append(" ")
        if spaces > 1 {
          writeRun()
          xml.element("text:s", ["text:c": String(spaces - 1)])
        }
        spaces = 0
      }
      switch character {
      case "\t":
        writeRun()
        xml.element("text:tab")
      case "\n", "\r\n", "\r":
        writeRun()
        xml.element("text:line-break")
      default:
        run.append(character)
      }
    }
    if spaces > 0 { run.append(" ") }
    writeRun()
    if spaces > 1 { xml.element("text:s", ["text:c": String(spaces - 1)]) }
  }

  private func newline() { xml.raw("\n") }

  /// The name of a style the paper refers to, noted so that the paper carries it.
  private func use(_ style: StyleKey) -> String {
    note(style)
    return style.name
  }

  private func note(_ style: StyleKey) { reference.catalogue.note(style, in: &usedStyles) }
}
