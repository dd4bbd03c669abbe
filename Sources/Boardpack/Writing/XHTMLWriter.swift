import BoardpackXML
import Foundation

/// Writes a `Document` as XHTML (HTML5 in XML syntax) per FORMATS.md §4: accessible markup,
/// Boardpack's `bp-`/`data-bp-` markers for the XHTML reader, and an inline print stylesheet.
public struct XHTMLWriter: Sendable {
  /// The stylesheet every file links to (`letters.css` beside a merge's letters); nil to give each
  /// file the rules it uses in a `<style>` element.
  let linkedStylesheet: String?

  public init(linkingStylesheet href: String? = nil) {
    linkedStylesheet = href
  }

  /// The document as UTF-8 XHTML bytes.
  public func render(_ document: Document) -> Data {
    Data(pieces(of: document).joined())
  }

  /// The document's bytes in pieces, the stylesheet's rules for what it holds among them uncopied.
  func pieces(of document: Document) -> [Data] {
    let rendering = XHTMLRendering(document)
    rendering.writeHead()
    let head = rendering.xml.drain()
    rendering.writeBody()
    return Frame.shared.opening + head + stylesheet(rendering.rules).pieces
      + Frame.shared.middle + rendering.xml.drain() + Frame.shared.closing
  }

  /// The head's stylesheet: the link to the shared one, else a `<style>` element with `rules`.
  private func stylesheet(_ rules: UInt64) -> XMLFragment {
    linkedStylesheet.map(XHTMLStylesheet.link(to:)) ?? XHTMLStylesheet.element(for: rules)
  }

  /// The parts of every file that no document changes, serialised once: up to the head's own
  /// elements, from after them and the stylesheet up to the body's content, and the end tags.
  struct Frame: Sendable {
    static let shared = Frame()

    let opening: [Data]
    let middle: [Data]
    let closing: [Data]

    private init() {
      let xml = XMLWriter()
      xml.start("html")
      xml.attribute("xmlns", "http://www.w3.org/1999/xhtml")
      xml.attribute("lang", "en-GB")
      xml.attribute("xml:lang", "en-GB")
      xml.raw("\n")
      xml.start("head")
      xml.raw("\n")
      xml.element("meta", ["charset": "UTF-8"])
      xml.raw("\n")
      xml.element("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
      xml.raw("\n")
      opening = xml.drain()
      xml.end()
      xml.raw("\n")
      xml.start("body")
      xml.raw("\n")
      // One main landmark holds the whole paper, so every part of it is in a landmark.
      xml.start("main")
      xml.raw("\n")
      middle = xml.drain()
      xml.end()
      xml.raw("\n")
      xml.end()
      xml.raw("\n")
      xml.end()
      closing = xml.finishPieces()
    }
  }

  /// Starts writing letters to `path`, `first` the first; `append(_:)` adds a letter after it,
  /// `finish()` ends the file.
  func stream(_ first: Document, to path: String) throws(BoardpackError) -> Stream {
    try Stream(first: first, path: path, stylesheet: stylesheet(~0))
  }

  /// A file of letters written as it grows, each an `<article>` with its letterhead and its title
  /// as its heading, printed from a new page; with the whole stylesheet (or the link to it), since
  /// its head (the first letter's title) is written before its body is known.
  final class Stream {
    private let rendering: XHTMLRendering
    private let file: FileSink

    fileprivate init(first: Document, path: String, stylesheet: XMLFragment) throws(BoardpackError) {
      file = try FileSink(path: path)
      rendering = XHTMLRendering(first)
      rendering.writeHead()
      try file.write(
        Frame.shared.opening + rendering.xml.drain() + stylesheet.pieces + Frame.shared.middle)
      try append(first)
    }

    func append(_ letter: Document) throws(BoardpackError) {
      rendering.writeArticle(letter)
      try file.write(rendering.xml.drain())
    }

    func finish() throws(BoardpackError) {
      try file.write(rendering.xml.drain() + Frame.shared.closing)
      try file.close()
    }
  }
}

/// The state of one XHTML rendering: the output (the head's and the body's own elements, which
/// go inside `XHTMLWriter.Frame`) and the anchors handed out so far.
final class XHTMLRendering {
  let xml: XMLWriter
  let document: Document
  var anchors: Anchors
  /// The stylesheet's rules for the elements, classes and attributes written so far.
  private(set) var rules = XHTMLStylesheet.everyPaper

  /// The level of the last heading written; the title is h1.
  private var headingLevel = 1

  /// A rendering into its own output, or into `xml` with anchors that start with `prefix` (a
  /// pack's papers share one file).
  init(_ document: Document, into xml: XMLWriter = .fragment(), prefix: String = "") {
    self.document = document
    self.xml = xml
    anchors = Anchors(document, prefix: prefix)
  }

  /// Writes the head's elements that differ from document to document: the title and metadata.
  func writeHead() {
    let metadata = document.metadata
    element("title", text: metadata.title)
    element("meta", ["name": "generator", "content": "Boardpack"])
    for field in metadata.boardpackFields {
      element("meta", ["name": field.name, "content": field.value])
    }
    // The classification in the top margin of every printed page.
    if let classification = metadata.classification, !classification.isEmpty {
      element(
        "style",
        text:
          "@media print { @page { @top-center { content: \(Self.cssString(classification.uppercased())); } } }"
      )
    }
  }

  /// `text` as a CSS string: quoted, every character but letters, digits and spaces escaped as
  /// `\HEX `, so nothing in it can end the string or the style element.
  static func cssString(_ text: String) -> String {
    var result = "'"
    for scalar in text.unicodeScalars {
      if scalar.properties.isAlphabetic && scalar.isASCII || ("0"..."9").contains(scalar)
        || scalar == " "
      {
        result.unicodeScalars.append(scalar)
      } else {
        result += "\\" + String(scalar.value, radix: 16) + " "
      }
    }
    return result + "'"
  }

  /// Writes the front matter and the document's blocks.
  func writeBody() {
    writeFrontMatter(document.metadata)
    writeBlocks(document.blocks)
  }

  /// Writes `letter` as an article of a file of letters: its front matter, then its blocks.
  func writeArticle(_ letter: Document) {
    start("article")
    classes("bp-merged-letter")
    newline()
    writeFrontMatter(letter.metadata)
    writeBlocks(letter.blocks)
    xml.end()
    newline()
  }

  private func writeFrontMatter(_ metadata: Metadata) {
    headingLevel = 1
    for line in metadata.letterhead {
      element("p", ["class": "bp-letterhead"], text: line)
    }
    if let body = metadata.body { element("p", ["class": "bp-body"], text: body) }
    if let date = metadata.meetingDate {
      element("p", ["class": "bp-meeting-date"], text: date.longUK)
    }
    if !metadata.title.isEmpty { element("h1", text: metadata.title) }
    let rows = metadata.titleBlockRows
    guard !rows.isEmpty else { return }
    start("table")
    classes("bp-title-block")
    // Screen readers announce the caption; sighted readers see the title above instead.
    element(inline: "caption", ["class": "bp-visually-hidden"], text: "Report details")
    start("tbody")
    for row in rows {
      start("tr")
      element(inline: "th", ["scope": "row"], text: row.caption)
      element(inline: "td", text: row.value)
      xml.end()
    }
    xml.end()
    xml.end()
    newline()
  }

  // MARK: Blocks

  func writeBlocks(_ blocks: [Block]) {
    for block in blocks { writeBlock(block) }
  }

  private func writeBlock(_ block: Block) {
    switch block {
    case .heading(let heading): writeHeading(heading)
    case .paragraph(let paragraph): writeParagraph(paragraph)
    case .list(let list): writeList(list)
    case .quotation(let blocks):
      start("blockquote")
      newline()
      writeBlocks(blocks)
      xml.end()
      newline()
    case .table(let table): writeTable(table)
    case .figure(let figure): writeFigure(figure)
    case .pageBreak: element("hr", ["class": "bp-page-break"])
    }
  }

  private func writeHeading(_ heading: Heading) {
    // Levels never skip (a paper read elsewhere may go from its title to a level-3 heading).
    let level = min(min(max(heading.level, 1), 5) + 1, headingLevel + 1)
    headingLevel = level
    start("h\(level)")
    writeAnchor(heading.label)
    if let appendix = heading.appendix {
      rules |= XHTMLStylesheet.rules(forName: "[data-bp-appendix]")
      xml.attribute("data-bp-appendix", String(appendix))
    }
    writeInlines(heading.content)
    xml.end()
    newline()
  }

  private func writeParagraph(_ paragraph: Paragraph) {
    guard let number = paragraph.number else {
      start("p")
      if let style = paragraph.style { classes(XHTMLRendering.className(ofStyle: style)) }
      writeAnchor(paragraph.label)
      writeInlines(paragraph.content)
      xml.end()
      newline()
      writeBlocks(paragraph.children)
      return
    }
    start("div")
    classes("bp-para")
    xml.attribute(
      "id",
      paragraph.label.map { anchors.anchor(for: $0) } ?? anchors.anchor(generatedFrom: "p\(number)")
    )
    xml.attribute("data-bp-number", String(number))
    start("p")
    if let style = paragraph.style { classes(XHTMLRendering.className(ofStyle: style)) }
    // The number's box is as wide as the indent; a space after it would push the text further.
    element(inline: "span", ["class": "bp-number"], text: "\(number).")
    writeInlines(paragraph.content)
    xml.end()
    newline()
    writeBlocks(paragraph.children)
    xml.end()
    newline()
  }

  private func writeList(_ list: List) {
    switch list.style {
    case .bullet:
      start("ul")
      classes("bp-bullet")
    case .letter:
      start("ol")
      classes("bp-letter")
      xml.attribute("type", "a")
    case .clause:
      start("ol")
      classes("bp-clause")
      xml.attribute("type", "a")
    case .roman:
      start("ol")
      classes("bp-roman")
      xml.attribute("type", "i")
    case .names:
      start("ul")
      classes(list.fitsTwoColumns ? "bp-names bp-columns" : "bp-names")
    }
    newline()
    for item in list.items {
      start("li")
      writeAnchor(item.label)
      writeInlines(item.content)
      if !item.children.isEmpty {
        newline()
        writeBlocks(item.children)
      }
      xml.end()
      newline()
    }
    xml.end()
    newline()
  }

  private func writeTable(_ table: Table) {
    // Only a table of many columns, or one the input places, can be set landscape or small.
    let placement =
      table.columns.count >= TablePlacement.wideColumns || table.fit != TableFit()
      ? TablePlacement(table, pageFlow: false) : nil
    start("table")
    classes(
      "bp-table" + (placement?.orientation == .landscape ? " bp-landscape" : "")
        + (placement?.textSize == .small ? " bp-small" : ""))
    writeAnchor(table.label)
    xml.attribute("data-bp-relations", table.relationsJSON)
    newline()
    if !table.caption.isEmpty {
      start("caption")
      writeInlines(table.caption)
      xml.end()
      newline()
    }
    start("thead")
    start("tr")
    for column in table.columns {
      // A header cell with no text is no header (axe: empty-table-header).
      start(column.header.isEmpty ? "td" : "th")
      if !column.header.isEmpty { xml.attribute("scope", "col") }
      xml.attribute("data-bp-type", column.type.rawValue)
      if column.type != .text { classes("bp-num") }
      xml.text(column.header)
      xml.end()
    }
    xml.end()
    xml.end()
    newline()
    let body = table.rows.filter { !$0.isTotal }
    let totals = table.rows.filter(\.isTotal)
    var looks: [Int: CellLook] = [:]
    for relation in table.relations {
      switch relation {
      case .rag(let column, _, _, _): looks[column] = .rating
      case .direction(let column, _, _): looks[column] = .direction
      default: break
      }
    }
    writeRows(body, of: table, in: "tbody", looks: looks)
    writeRows(totals, of: table, in: "tfoot", looks: looks)
    xml.end()
    newline()
  }

  /// Cells that say more than their text: a RAG rating, shaded by its word; a direction's arrow,
  /// with its meaning in words for a screen reader.
  private enum CellLook { case rating, direction }

  /// The words a screen reader says for a direction's arrow.
  private static let directionWords: [String: String] = ["↑": "up", "↓": "down", "↔": "stable"]

  private func writeRows(_ rows: [Row], of table: Table, in section: String, looks: [Int: CellLook])
  {
    guard !rows.isEmpty else { return }
    start(section)
    newline()
    for row in rows {
      start("tr")
      writeAnchor(row.label)
      for (index, cell) in row.cells.enumerated() {
        let type = index < table.columns.count ? table.columns[index].type : .text
        // An empty row header heads nothing: it is a plain cell.
        if index == 0 && table.hasRowHeaders && !cell.shown.isEmpty {
          start("th")
          xml.attribute("scope", "row")
        } else {
          start("td")
        }
        switch looks[index] {
        case .rating? where ["Red", "Amber", "Green"].contains(cell.shown):
          classes("bp-rag bp-rag-" + cell.shown.lowercased())
        case .direction?: classes("bp-direction")
        default: if type != .text { classes("bp-num") }
        }
        if let value = cell.value.plainDecimal { xml.attribute("data-bp-value", value) }
        if case .direction? = looks[index], let words = Self.directionWords[cell.shown] {
          element(inline: "span", ["aria-hidden": "true"], text: cell.shown)
          element(inline: "span", ["class": "bp-visually-hidden"], text: words)
        } else if cell.blocks.isEmpty {
          xml.text(cell.shown)
        } else {
          writeBlocks(cell.blocks)
        }
        xml.end()
      }
      xml.end()
      newline()
    }
    xml.end()
    newline()
  }

  private func writeFigure(_ figure: Figure) {
    start("figure")
    writeAnchor(figure.label)
    classes("bp-figure")
    xml.attribute("data-bp-kind", figure.kind.rawValue)
    newline()
    if let chart = figure.chart {
      // The chart inline, and its figures as a table for readers who cannot see it.
      ChartDrawing(chart: chart, title: figure.altText).draw(into: xml)
      newline()
      writeChartFigures(chart, caption: figure.caption.plainText)
    } else if let image = figure.image {
      element("img", ["src": image.dataURL, "alt": figure.altText])
    } else if let source = figure.source, LinkAddress.isAllowedImage(source) {
      element("img", ["src": source, "alt": figure.altText])
    } else {
      element(
        "div", ["class": "bp-placeholder", "role": "img", "aria-label": figure.altText],
        text: "\(figure.kind.rawValue.capitalized): \(figure.altText)")
    }
    if !figure.caption.isEmpty {
      start("figcaption")
      writeInlines(figure.caption)
      xml.end()
      newline()
    }
    xml.end()
    newline()
  }

  /// A chart's figures as a table, folded away under a summary.
  private func writeChartFigures(_ chart: Chart, caption: String) {
    start("details")
    classes("bp-chart-figures")
    element(inline: "summary", text: "The figures in this chart")
    start("table")
    element(
      inline: "caption",
      text: caption.isEmpty ? "The figures in the chart" : "The figures in the chart: " + caption)
    start("thead")
    start("tr")
    element(inline: "th", ["scope": "col"], text: chart.categoryHeading)
    for series in chart.series {
      element(inline: "th", ["scope": "col", "class": "bp-num"], text: series.name)
    }
    xml.end()
    xml.end()
    start("tbody")
    for (index, category) in chart.categories.enumerated() {
      start("tr")
      element(inline: "th", ["scope": "row"], text: category)
      for series in chart.series {
        element(
          inline: "td", ["class": "bp-num"],
          text: index < series.shown.count ? series.shown[index] : "")
      }
      xml.end()
    }
    xml.end()
    xml.end()
    xml.end()
    newline()
  }

  // MARK: Inlines

  private func writeInlines(_ inlines: [Inline]) {
    for inline in inlines {
      switch inline {
      case .text(let text): xml.text(text)
      case .strong(let content): wrap("strong", content)
      case .emphasis(let content): wrap("em", content)
      case .link(let url, let content) where !LinkAddress.isAllowed(url):
        // A paper read elsewhere may link anywhere; only its text is written.
        writeInlines(content)
      case .link(let url, let content):
        start("a")
        xml.attribute("href", url)
        writeInlines(content)
        xml.end()
      case .reference(let reference) where reference.target.name.isEmpty:
        // A link to nothing (a read paper's href="#") is its text.
        xml.text(reference.shown)
      case .reference(let reference):
        // A page range has no pages here: it links its target, in brackets.
        if reference.pages { xml.text("(") }
        start("a")
        classes("bp-ref")
        xml.attribute("href", "#" + anchors.name(of: reference.target))
        xml.text(reference.shown.isEmpty ? reference.target.name : reference.shown)
        xml.end()
        if reference.pages { xml.text(")") }
      case .lineBreak: element(inline: "br")
      }
    }
  }

  private func wrap(_ name: String, _ content: [Inline]) {
    start(name)
    writeInlines(content)
    xml.end()
  }

  // MARK: Helpers

  private func writeAnchor(_ label: Label?) {
    if let label { xml.attribute("id", anchors.anchor(for: label)) }
  }

  private func start(_ name: String) {
    rules |= XHTMLStylesheet.rules(forName: name)
    xml.start(name)
  }

  /// The class attribute of the element just opened.
  private func classes(_ value: String) {
    for name in value.split(separator: " ") { rules |= XHTMLStylesheet.rules(forClass: name) }
    xml.attribute("class", value)
  }

  /// A whole element within a line.
  private func element(
    inline name: String, _ attributes: KeyValuePairs<String, String> = [:], text: String? = nil
  ) {
    rules |= XHTMLStylesheet.rules(forName: name)
    for (key, value) in attributes where key == "class" {
      for name in value.split(separator: " ") { rules |= XHTMLStylesheet.rules(forClass: name) }
    }
    xml.element(name, attributes, text: text)
  }

  /// A whole element on a line of its own.
  private func element(
    _ name: String, _ attributes: KeyValuePairs<String, String> = [:], text: String? = nil
  ) {
    element(inline: name, attributes, text: text)
    newline()
  }

  /// A line break between block elements, where whitespace is insignificant, so that output diffs by line.
  private func newline() { xml.raw("\n") }

  /// "End of Report" → "bp-end-of-report".
  static func className(ofStyle style: String) -> String {
    "bp-"
      + style.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(
        separator: "-")
  }
}
