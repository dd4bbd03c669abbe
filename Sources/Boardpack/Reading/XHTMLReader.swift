import BoardpackXML
import Foundation

/// Reads an XHTML paper back into a `Document`: Boardpack's own output, whose `bp-` classes and
/// `data-bp-` attributes carry numbers, types and relations, and XHTML written elsewhere
/// (LibreOffice, a council's web page), whose numbering is recovered from the printed text.
public struct XHTMLReader {
  private let file: String
  /// Set when the head carries Boardpack's `bp:` metadata: headings are then one level down
  /// (`<h1>` is the title) and letterhead, meeting-date and title-block markup fill the metadata.
  private var isBoardpack = false
  private var metadata = Metadata()
  /// Classes the head's stylesheet centres: LibreOffice's XHTML export puts a table's caption in
  /// a centred paragraph just before the table.
  private var centredClasses: Set<String> = []
  /// Set once the paper's title (Boardpack's `<h1>`) is read.
  private var hasTitle = false
  /// The classes of the lines already read into the metadata (`bp-meeting-date`, `bp-body`): in a
  /// pack, the later papers' such lines are header lines, which the checks compare with the meeting.
  private var metadataLines: Set<String> = []
  /// The number of the last numbered paragraph read from a list.
  private var lastNumber: Int?

  private init(file: String) { self.file = file }

  /// The document in `xml`, a parsed XHTML file named `file` in locations and errors.
  public static func read(_ xml: XMLDocument, file: String) throws(BoardpackError) -> Document {
    guard let root = xml.root, root.name == "html" else {
      throw BoardpackError(
        "not an XHTML document: the root element is <\(xml.root?.name ?? "")>, not <html>",
        at: SourceLocation(file: file, line: xml.root?.line))
    }
    var reader = XHTMLReader(file: file)
    reader.metadata.language =
      root.attribute("lang", namespace: "http://www.w3.org/XML/1998/namespace")
      ?? root.attribute("lang")
    if let head = root.elements.first(where: { $0.name == "head" }) { reader.readHead(head) }
    var blocks: [Block] = []
    for body in root.elements where body.name == "body" {
      blocks += try reader.blocks(in: body)
    }
    var document = Document(metadata: reader.metadata, blocks: PrintedNumbering.assemble(blocks))
    CrossReferences.showCurrentNumbers(in: &document)
    return document
  }

  /// Reads the head's title, `bp:` metadata and centred classes. A page another program wrote
  /// from a Boardpack paper (LibreOffice's HTML export keeps the `bp:` metadata) is read as
  /// written elsewhere: its structure is that program's.
  private mutating func readHead(_ head: XMLNode) {
    defer {
      let generator = head.elements.first { $0.name == "meta" && $0.attribute("name") == "generator" }
      if let program = generator?.attribute("content"), !program.hasPrefix("Boardpack") { isBoardpack = false }
    }
    for element in head.elements {
      if element.name == "title" {
        metadata.title = Self.plain(element.text)
      } else if element.name == "meta", let name = element.attribute("name"), name.hasPrefix("bp:")
      {
        isBoardpack = true
        metadata.set(field: name, to: element.attribute("content") ?? "")
      } else if element.name == "style" {
        centredClasses.formUnion(Self.centredClasses(in: element.text))
      }
    }
  }

  /// The classes that rules of the form `.NAME { … text-align: center … }` centre.
  private static func centredClasses(in stylesheet: String) -> Set<String> {
    var result: Set<String> = []
    for rule in stylesheet.split(separator: "}") {
      let parts = rule.split(separator: "{", maxSplits: 1)
      guard parts.count == 2, parts[1].filter({ !$0.isWhitespace }).contains("text-align:center")
      else { continue }
      for selector in parts[0].split(separator: ",") {
        let name = selector.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.hasPrefix("."),
          name.dropFirst().allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" })
        {
          result.insert(String(name.dropFirst()))
        }
      }
    }
    return result
  }

  // MARK: Blocks

  /// The blocks in a container; text and inline elements directly inside it form paragraphs.
  private mutating func blocks(in container: XMLNode) throws(BoardpackError) -> [Block] {
    var result: [Block] = []
    var loose: [Inline] = []
    var looseLine: Int?
    func flush() {
      let content = normalised(loose)
      if !content.isEmpty {
        result.append(.paragraph(Paragraph(content: content, location: location(looseLine))))
      }
      loose = []
      looseLine = nil
    }
    var previous: XMLNode?
    for child in container.children {
      if child.isText || (child.isElement && Self.inlineElements.contains(child.name)) {
        loose += inlines(for: child)
        if looseLine == nil, !child.text.allSatisfy(\.isWhitespace) { looseLine = child.line }
        continue
      }
      guard child.isElement else { continue }
      flush()
      if child.name == "table", let previous, isCaption(previous),
        case .paragraph(let caption) = result.last
      {
        result.removeLast()
        result += try table(child, classes: Self.classes(of: child), caption: caption.content)
      } else {
        result += try blocks(for: child)
      }
      previous = child
    }
    flush()
    return result
  }

  private mutating func blocks(for element: XMLNode) throws(BoardpackError) -> [Block] {
    let classes = Self.classes(of: element)
    switch element.name {
    case "h1", "h2", "h3", "h4", "h5", "h6":
      return heading(element, level: Int(element.name.dropFirst()) ?? 1)
    case "p" where Self.headingLevel(ofStyleClasses: classes) != nil:
      return heading(element, level: Self.headingLevel(ofStyleClasses: classes)!)
    case "p":
      return paragraph(element, classes: classes)
    case "div" where classes.contains("bp-para"):
      return try numberedParagraph(element)
    case "ul", "ol":
      return try list(element, classes: classes)
    case "table":
      return try table(element, classes: classes, caption: [])
    case "figure":
      return [figure(element)]
    case "img":
      return [picture(element)]
    case "hr":
      return classes.contains("bp-page-break") ? [.pageBreak] : []
    case "blockquote":
      return [.quotation(try blocks(in: element))]
    case "head", "script", "style", "template", "caption", "figcaption":
      return []
    default:
      return try blocks(in: element)
    }
  }

  /// LibreOffice writes a heading that is outside its outline as a paragraph of class
  /// "Heading_20_2" (its style "Heading 2").
  private static func headingLevel(ofStyleClasses classes: Set<String>) -> Int? {
    classes.lazy.compactMap { name in
      name.hasPrefix("Heading_20_") ? Int(name.dropFirst("Heading_20_".count)) : nil
    }.first
  }

  private mutating func heading(_ element: XMLNode, level: Int) -> [Block] {
    // A style class may name any level ("Heading_20_99999"); the model's levels are 1 to 10.
    var level = min(max(level, 1), 10)
    let content = normalised(inlines(of: element))
    if isBoardpack {
      // The paper's title is metadata; a later one opens the next paper of a pack.
      if level == 1 && !hasTitle {
        hasTitle = true
        if metadata.title.isEmpty { metadata.title = content.plainText }
        return []
      }
      level = max(level - 1, 1)
    }
    let appendix =
      element.attribute("data-bp-appendix").flatMap { Int($0) }
      ?? PrintedText.appendixNumber(content.plainText)
    return [
      .heading(
        Heading(
          level: level, content: content, label: label(element), appendix: appendix,
          location: location(element.line)))
    ]
  }

  private mutating func paragraph(_ element: XMLNode, classes: Set<String>) -> [Block] {
    let content = normalised(inlines(of: element))
    if classes.contains("bp-letterhead") {
      metadata.letterhead.append(content.plainText)
      return []
    }
    if classes.contains("bp-meeting-date"), metadataLines.insert("bp-meeting-date").inserted {
      metadata.meetingDate = metadata.meetingDate ?? Metadata.date(content.plainText)
      return []
    }
    if classes.contains("bp-body"), metadataLines.insert("bp-body").inserted {
      metadata.body = metadata.body ?? content.plainText
      return []
    }
    var result = Self.descendants(of: element, named: "img").map(picture)
    if !content.isEmpty {
      let style = classes.first { $0.hasPrefix("bp-") }.map(Self.styleName(ofClass:))
      result.append(
        .paragraph(
          Paragraph(
            content: content, label: label(element), style: style, location: location(element.line))
        ))
    }
    return result
  }

  /// Boardpack's `<div class="bp-para" data-bp-number="12"><p><span class="bp-number">12.</span> …</p> children…</div>`.
  private mutating func numberedParagraph(_ element: XMLNode) throws(BoardpackError) -> [Block] {
    var inner = try blocks(in: element)
    var first = Paragraph(content: [])
    if case .paragraph(let paragraph) = inner.first {
      first = paragraph
      inner.removeFirst()
    }
    let number = element.attribute("data-bp-number").flatMap { Int($0) }
    // "p12" is the id the writer makes up for an unlabelled paragraph 12, not a label.
    let label = label(element).flatMap { number.map { "p\($0)" } == $0.name ? nil : $0 }
    return [
      .paragraph(
        Paragraph(
          number: number, content: first.content, children: inner, label: label, style: first.style,
          location: location(element.line)))
    ]
  }

  /// A list; a decimal `<ol>` written elsewhere holds numbered paragraphs, numbered as a browser would.
  private mutating func list(_ element: XMLNode, classes: Set<String>) throws(BoardpackError)
    -> [Block]
  {
    let type = element.attribute("type") ?? ""
    let listItems = element.elements.filter { $0.name == "li" }
    // LibreOffice's XHTML export prints each item's marker in a span of its own, and numbers
    // every <ol> from 1 whatever it prints.
    let printed = listItems.map { Self.printedMarker(of: $0).flatMap { PrintedText.marker(in: $0 + " x") } }
    var style: List.Style? =
      if element.name == "ul" {
        classes.contains("bp-names") ? .names : .bullet
      } else if classes.contains("bp-clause") {
        .clause
      } else if classes.contains("bp-letter") || type == "a" || type == "A" {
        .letter
      } else if classes.contains("bp-roman") || type == "i" || type == "I" { .roman } else { nil }
    switch printed.first??.marker {
    case .letter(let shown, _)? where style == nil: style = shown.hasPrefix("(") ? .clause : .letter
    case .roman? where style == nil: style = .roman
    default: break
    }
    // LibreOffice's HTML export continues a numbered list whose next item follows a nested list
    // with an <ol> that opens with that nested list and says no start.
    let continues = element.elements.first.map { $0.name == "ol" || $0.name == "ul" } ?? false
    var number =
      element.attribute("start").flatMap { Int($0) }
      ?? (continues && style == nil ? (lastNumber ?? 0) + 1 : 1)
    defer { if style == nil { lastNumber = number - 1 } }
    var items: [ListItem] = []
    var paragraphs: [Block] = []
    for (item, printed) in zip(listItems, printed) {
      if let value = item.attribute("value").flatMap({ Int($0) }) { number = value }
      if case .number(let value)? = printed?.marker { number = value }
      var children = try blocks(in: item)
      var content: [Inline] = []
      // The item's own id, else its first paragraph's (LibreOffice's HTML puts bookmarks there).
      var label = label(item)
      if case .paragraph(let first) = children.first, first.number == nil {
        content = first.content
        label = label ?? first.label
        children.removeFirst()
      }
      if style == nil {
        paragraphs.append(
          .paragraph(
            Paragraph(
              number: number, content: content, children: children, label: label,
              location: location(item.line))))
      } else {
        var marker =
          style == .bullet || isBoardpack
          ? nil
          : PrintedText.generatedMarker(
            number &- 1, format: type.isEmpty ? (style == .roman ? "i" : "a") : type)
        switch printed?.marker {
        case .letter(let shown, _)?, .roman(let shown)?: marker = shown
        default: break
        }
        items.append(
          ListItem(content: content, children: children, marker: marker, label: label))
      }
      number &+= 1
    }
    guard let style else { return paragraphs }
    return [.list(List(style: style, items: items))]
  }

  /// A table; `caption` is used when the table has no `<caption>` of its own.
  private mutating func table(_ element: XMLNode, classes: Set<String>, caption: [Inline])
    throws(BoardpackError)
    -> [Block]
  {
    let rows = Self.rows(of: element)
    var builder = TableBuilder(label: label(element), location: location(element.line))
    builder.caption =
      element.elements.first { $0.name == "caption" }.map { normalised(inlines(of: $0)) } ?? caption
    if let json = element.attribute("data-bp-relations") {
      do {
        builder.relations = try JSONDecoder().decode([Relation].self, from: Data(json.utf8))
      } catch {
        throw BoardpackError(
          "the table's data-bp-relations is not a list of relations: \(json)",
          at: location(element.line))
      }
    }
    // The header rows: those in <thead>, else the leading rows that are headers.
    let headerCount =
      rows.contains { $0.section == "thead" }
      ? rows.prefix { $0.section == "thead" }.count
      : rows.prefix { !$0.row.elements.isEmpty && Self.isHeaderRow($0.row) }.count
    for (row, _) in rows.prefix(headerCount) {
      builder.headerRows.append(try cells(of: row))
    }
    for (row, section) in rows.dropFirst(headerCount) where section != "thead" {
      builder.rows.append(
        TableBuilder.RawRow(
          cells: try cells(of: row), markedTotal: section == "tfoot", location: location(row.line),
          label: row.attribute("id").map { Label($0) }))
    }
    // A title block fills the metadata; Boardpack's own is not a block of the paper.
    let table = try builder.table()
    let isTitleBlock = metadata.absorbTitleBlock(table)
    return isTitleBlock && classes.contains("bp-title-block") ? [] : [.table(table)]
  }

  /// The cells of a row, a cell spanning columns followed by the cells it covers.
  private mutating func cells(of row: XMLNode) throws(BoardpackError) -> [TableBuilder.RawCell] {
    var cells: [TableBuilder.RawCell] = []
    for cell in row.elements where cell.name == "th" || cell.name == "td" {
      cells.append(try rawCell(cell))
      let span = min(max(cell.attribute("colspan").flatMap { Int($0) } ?? 1, 1), Self.spanLimit)
      cells += repeatElement(TableBuilder.RawCell(shown: "", isCovered: true), count: span - 1)
    }
    return cells
  }

  /// The most columns one cell may span: far beyond any paper's table.
  private static let spanLimit = 1_000

  private mutating func rawCell(_ cell: XMLNode) throws(BoardpackError) -> TableBuilder.RawCell {
    let hasBlocks =
      cell.elements.contains { $0.name == "ul" || $0.name == "ol" || $0.name == "table" }
      || cell.elements.filter({ $0.name == "p" || $0.name == "div" }).count > 1
    let blocks = hasBlocks ? try self.blocks(in: cell) : []
    let shown =
      hasBlocks ? Self.plain(cell.text) : normalised(inlines(of: cell)).plainText
    return TableBuilder.RawCell(
      shown: shown, blocks: blocks,
      declared: cell.attribute("data-bp-value").flatMap {
        Decimal(string: $0, locale: Locale(identifier: "en_US_POSIX"))
      },
      declaredType: cell.attribute("data-bp-type").flatMap { ValueType(rawValue: $0) })
  }

  /// An `<img>` outside a `<figure>`: a picture, with its alt text (empty when it has none).
  private func picture(_ image: XMLNode) -> Block {
    .figure(
      Figure(
        kind: .image, altText: image.attribute("alt") ?? "", source: image.attribute("src"),
        location: location(image.line)))
  }

  private func figure(_ element: XMLNode) -> Block {
    let image = Self.descendants(of: element, named: "img").first
    let placeholder = Self.descendants(of: element, named: "div").first {
      Self.classes(of: $0).contains("bp-placeholder")
    }
    let caption =
      element.elements.first { $0.name == "figcaption" }.map {
        normalised(inlines(of: $0))
      } ?? []
    return .figure(
      Figure(
        kind: element.attribute("data-bp-kind").flatMap { Figure.Kind(rawValue: $0) } ?? .image,
        altText: image?.attribute("alt") ?? placeholder?.attribute("aria-label")
          ?? Self.descendants(of: element, named: "svg").first?.attribute("aria-label") ?? "",
        source: image?.attribute("src"), caption: caption, label: label(element),
        location: location(element.line)))
  }

  // MARK: Inlines

  private static let inlineElements: Set<String> = [
    "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "dfn", "em", "font", "i", "kbd",
    "mark", "q", "s",
    "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr",
  ]

  private func inlines(of node: XMLNode) -> [Inline] {
    node.children.flatMap { inlines(for: $0) }
  }

  /// The inline content a node stands for: text, or an inline element with its content.
  private func inlines(for node: XMLNode) -> [Inline] {
    if node.isText { return [.text(node.text)] }
    guard node.isElement else { return [] }
    switch node.name {
    case "strong", "b": return [.strong(inlines(of: node))]
    case "em", "i": return [.emphasis(inlines(of: node))]
    case "br": return [.lineBreak]
    case "img", "script", "style", "ul", "ol", "table", "caption", "figcaption": return []
    case "span"
    where Self.classes(of: node).contains("bp-number") || Self.isPrintedMarker(node)
      // Words for screen readers only (a direction arrow's meaning) are not printed text.
      || Self.classes(of: node).contains("bp-visually-hidden"):
      return []
    case "a":
      let content = inlines(of: node)
      guard let href = node.attribute("href"), !href.isEmpty else { return content }
      guard href.hasPrefix("#") else { return [.link(url: href, content: content)] }
      let shown = normalised(content).plainText
      // LibreOffice's XHTML export writes number fields as links inside the link:
      // `<a href="#p69">paragraphs <a href="#p69">69</a> to <a href="#p79">79</a></a>`.
      let fields = content.compactMap { inline -> Label? in
        if case .reference(let field) = inline { return field.target }
        return nil
      }
      let target = Label(String(href.dropFirst()))
      return [
        .reference(
          Reference(
            target: target, through: fields.count == 2 ? fields[1] : nil, shown: shown,
            hasNumberFields: fields.first == target, location: location(node.line)))
      ]
    default: return inlines(of: node)
    }
  }

  // MARK: Helpers

  /// Inline content as shown: whitespace is layout in papers written elsewhere, content in Boardpack's.
  private func normalised(_ inlines: [Inline]) -> [Inline] {
    PrintedText.normalised(inlines, collapsing: !isBoardpack)
  }

  private func location(_ line: Int?) -> SourceLocation {
    SourceLocation(file: file, line: line.flatMap { $0 > 0 ? $0 : nil })
  }

  /// The element's id; else, as LibreOffice writes a bookmark, the first anchor at its start
  /// (`<a id="x"/>`, `<a name="x"></a>`) other than the ones its XHTML export makes up for
  /// headings ("a__Summary").
  private func label(_ element: XMLNode) -> Label? {
    if let id = element.attribute("id") { return Label(id) }
    let anchors = element.elements.drop(while: Self.isPrintedMarker)
      .prefix { $0.name == "a" && $0.attribute("href") == nil }
      .compactMap { $0.attribute("id") ?? $0.attribute("name") }
    return (anchors.first { !$0.hasPrefix("a__") } ?? anchors.first).map { Label($0) }
  }

  /// The model's paragraph style for the class the writer gives it: "bp-end-of-report" is
  /// "End of Report" (words capitalised, short joining words not).
  private static func styleName(ofClass name: String) -> String {
    let joining: Set<String> = ["a", "an", "and", "for", "in", "of", "on", "or", "the", "to"]
    let words = name.dropFirst("bp-".count).split(separator: "-").map(String.init)
    return words.enumerated().map { index, word in
      index > 0 && joining.contains(word) ? word : word.prefix(1).uppercased() + word.dropFirst()
    }.joined(separator: " ")
  }

  /// A paragraph written elsewhere that captions the table after it: a centred one (by class,
  /// style or, in HTML, `align`), or one styled as a caption, holding no image.
  private func isCaption(_ element: XMLNode) -> Bool {
    let classes = Self.classes(of: element)
    let style = (element.attribute("style") ?? "").filter { !$0.isWhitespace }
    return element.name == "p" && !isBoardpack
      && Self.descendants(of: element, named: "img").isEmpty
      && (!classes.isDisjoint(with: centredClasses) || classes.contains("Caption")
        || classes.contains("Table")
        || style.contains("text-align:center") || element.attribute("align")?.lowercased() == "center")
  }

  /// A header row: all `<th>`, or (as LibreOffice's XHTML export writes one) every cell with text
  /// holding only paragraphs, some of its "Table Heading" style and none of "Table Contents".
  private static func isHeaderRow(_ row: XMLNode) -> Bool {
    let cells = row.elements
    if cells.allSatisfy({ $0.name == "th" }) { return true }
    let filled = cells.filter { !$0.text.allSatisfy(\.isWhitespace) }
    let paragraphs = filled.flatMap(\.elements)
    let headings: Set<String> = ["Table_20_Heading", "BP_20_Table_20_Heading"]
    let contents: Set<String> = ["Table_20_Contents", "BP_20_Table_20_Contents"]
    // A cell whose paragraph has an automatic style ("P2", a heading made bold) names neither.
    return !filled.isEmpty && filled.allSatisfy { !$0.elements.isEmpty }
      && paragraphs.allSatisfy { $0.name == "p" && classes(of: $0).isDisjoint(with: contents) }
      && cells.flatMap(\.elements).contains { !classes(of: $0).isDisjoint(with: headings) }
  }

  /// LibreOffice's XHTML export of a list item's marker: `<span style="display:block;float:left;…">a.</span>`.
  private static func isPrintedMarker(_ span: XMLNode) -> Bool {
    guard let style = span.attribute("style") else { return false }
    let compact = style.filter { !$0.isWhitespace }
    return compact.contains("display:block") && compact.contains("float:left")
  }

  /// The marker an item prints in such a span at the start of its first paragraph, if any.
  private static func printedMarker(of item: XMLNode) -> String? {
    guard let paragraph = item.elements.first, paragraph.name == "p",
      let span = paragraph.elements.first, span.name == "span", isPrintedMarker(span)
    else { return nil }
    var text = Substring(plain(span.text))
    // LibreOffice 7.4 doubles a level's own prefix and suffix: "((i))" for "(i)", "a.." for "a.".
    if text.hasPrefix("((") { text = text.dropFirst() }
    if text.hasSuffix("..") || text.hasSuffix("))") { text = text.dropLast() }
    return text.isEmpty ? nil : String(text)
  }

  private static func classes(of element: XMLNode) -> Set<String> {
    Set((element.attribute("class") ?? "").split(whereSeparator: \.isWhitespace).map(String.init))
  }

  /// The table's rows in document order, each with the section it is in ("thead", "tbody", "tfoot" or "").
  private static func rows(of table: XMLNode) -> [(row: XMLNode, section: String)] {
    var result: [(XMLNode, String)] = []
    for child in table.elements {
      switch child.name {
      case "tr": result.append((child, ""))
      case "thead", "tbody", "tfoot":
        result += child.elements.filter { $0.name == "tr" }.map { ($0, child.name) }
      default: break
      }
    }
    return result
  }

  private static func descendants(of node: XMLNode, named name: String) -> [XMLNode] {
    node.elements.flatMap { $0.name == name ? [$0] : descendants(of: $0, named: name) }
  }

  private static func plain(_ text: String) -> String {
    PrintedText.normalised([.text(text)]).plainText
  }
}
