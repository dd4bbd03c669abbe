import BoardpackXML
import Foundation

/// Reads a flat ODF text document (`.fodt`) back into a `Document`: Boardpack's own output and
/// documents LibreOffice wrote itself. List numbers are recomputed as LibreOffice computes them;
/// numbers typed into the text are recovered from the printed text. Styles are consulted only to
/// tell headings, captions, bold and italic runs and numbered from bulleted lists.
public struct FODTReader {
  private enum Namespace {
    static let office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    static let style = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
    static let text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    static let table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    static let draw = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
    static let fo = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
    static let svg = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
    static let xlink = "http://www.w3.org/1999/xlink"
    static let meta = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
    static let dc = "http://purl.org/dc/elements/1.1/"
    static let xml = "http://www.w3.org/XML/1998/namespace"
  }

  /// What the reader needs to know of a paragraph or text style.
  private struct Style {
    var parent: String?
    var centred = false
    var bold = false
    var italic = false
    var breakBefore = false
    var listStyle: String?
  }

  /// The running numbers of one list and the lists that continue it, one counter per level.
  private final class Counter {
    var counts: [Int] = []

    /// Counts an item at `level` (1-based) and returns its number: `restart` when the item sets
    /// one, `first` when the level starts afresh, else one more than the last; deeper levels restart.
    func next(level: Int, restart: Int?, first: Int) -> Int {
      if counts.count < level { counts += Array(repeating: 0, count: level - counts.count) }
      counts.removeLast(counts.count - level)
      counts[level - 1] = restart ?? (counts[level - 1] == 0 ? first : counts[level - 1] &+ 1)
      return counts[level - 1]
    }
  }

  private let file: String
  private var metadata = Metadata()
  private var isBoardpack = false
  private var relations: [String: [Relation]] = [:]
  private var styles: [String: Style] = [:]
  /// Per style name, the style and its ancestors (see `chain(_:)`).
  private var chains: [String: [(name: String, style: Style?)]] = [:]
  /// How one level of a list style numbers its items.
  private struct ListLevel {
    /// "1", "a", "A", "i", "I", or "" for bullets.
    var format: String
    /// The number of the level's first item.
    var start = 1
    /// Printed before the number: "(" in "(a)".
    var prefix = ""

    /// The kind of list the level prints: bullets, romans, "(a)" clauses or letters.
    var listStyle: List.Style {
      switch format.lowercased() {
      case "": .bullet
      case "i": .roman
      default: prefix == "(" ? .clause : .letter
      }
    }
  }

  /// Per list style, its levels by level number.
  private var listLevels: [String: [Int: ListLevel]] = [:]
  private var listsByID: [String: Counter] = [:]
  private var lastListByStyle: [String: Counter] = [:]
  /// Set once the paper's title (a paragraph of style "Title") is read.
  private var hasTitle = false
  /// The styles of the lines already read into the metadata (`BP Meeting Date`, `BP Body`): in a
  /// pack, the later papers' such lines are header lines, which the checks compare with the meeting.
  private var metadataLines: Set<String> = []
  /// The rows and cells that repetition may still add to the document.
  private var repetitionBudget = 10_000

  private init(file: String) { self.file = file }

  /// The document in `xml`, a parsed `.fodt` file named `file` in locations and errors.
  public static func read(_ xml: XMLDocument, file: String) throws(BoardpackError) -> Document {
    guard let root = xml.root, root.name == "document", root.namespace == Namespace.office else {
      throw BoardpackError(
        "not a flat ODF document: the root element is <\(xml.root?.name ?? "")>, not <office:document>",
        at: SourceLocation(file: file, line: xml.root?.line))
    }
    return try read(parts: [root], file: file)
  }

  /// The document whose sections (`office:meta`, `office:styles`, `office:body`, …) lie under the
  /// roots `parts`: the one root of a flat file, or those of an `.odt` package's `meta.xml`,
  /// `styles.xml` and `content.xml`, in that order.
  static func read(parts: [XMLNode], file: String) throws(BoardpackError) -> Document {
    var reader = FODTReader(file: file)
    let sections = parts.flatMap { $0.elements.filter { $0.namespace == Namespace.office } }
    for section in sections {
      switch section.name {
      case "meta": try reader.readMeta(section)
      case "styles", "automatic-styles": reader.readStyles(section)
      default: break
      }
    }
    reader.resolveChains()
    let body = sections.first { $0.name == "body" }
    guard
      let text = body?.elements.first(where: {
        $0.name == "text" && $0.namespace == Namespace.office
      })
    else {
      throw BoardpackError(
        "not a text document: there is no office:body/office:text",
        at: SourceLocation(file: file, line: parts.last?.line))
    }
    let blocks = try reader.blocks(in: text)
    var document = Document(metadata: reader.metadata, blocks: PrintedNumbering.assemble(blocks))
    CrossReferences.showCurrentNumbers(in: &document)
    return document
  }

  // MARK: Metadata and styles

  private mutating func readMeta(_ meta: XMLNode) throws(BoardpackError) {
    for element in meta.elements {
      if element.name == "title" && element.namespace == Namespace.dc {
        metadata.title = element.text.trimmingCharacters(in: .whitespacesAndNewlines)
      }
      if element.name == "language" && element.namespace == Namespace.dc {
        metadata.language = element.text.trimmingCharacters(in: .whitespacesAndNewlines)
      }
      guard element.name == "user-defined",
        let name = element.attribute("name", namespace: Namespace.meta),
        name.hasPrefix("bp:")
      else { continue }
      isBoardpack = true
      let prefix = "bp:relations:"
      guard name.hasPrefix(prefix) else {
        metadata.set(field: name, to: element.text)
        continue
      }
      do {
        relations[String(name.dropFirst(prefix.count))] = try JSONDecoder().decode(
          [Relation].self, from: Data(element.text.utf8))
      } catch {
        throw BoardpackError(
          "\(name) is not a list of relations: \(element.text)",
          at: SourceLocation(file: file, line: element.line))
      }
    }
  }

  private mutating func readStyles(_ container: XMLNode) {
    for element in container.elements {
      if element.name == "default-style",
        element.attribute("family", namespace: Namespace.style) == "paragraph"
      {
        metadata.language = metadata.language ?? Self.language(of: element)
      }
      guard let name = element.attribute("name", namespace: Namespace.style) else { continue }
      if element.name == "list-style" {
        var levels: [Int: ListLevel] = [:]
        for level in element.elements {
          guard
            let number = level.attribute("level", namespace: Namespace.text).flatMap({ Int($0) })
          else { continue }
          levels[number] =
            level.name == "list-level-style-number"
            ? ListLevel(
              format: level.attribute("num-format", namespace: Namespace.style) ?? "1",
              start: level.attribute("start-value", namespace: Namespace.text).flatMap { Int($0) }
                ?? 1,
              prefix: level.attribute("num-prefix", namespace: Namespace.style) ?? "")
            : ListLevel(format: "")
        }
        listLevels[name] = levels
      } else if element.name == "style" {
        var style = Style(
          parent: element.attribute("parent-style-name", namespace: Namespace.style),
          listStyle: element.attribute("list-style-name", namespace: Namespace.style))
        for properties in element.elements {
          if properties.attribute("text-align", namespace: Namespace.fo) == "center" {
            style.centred = true
          }
          if properties.attribute("break-before", namespace: Namespace.fo) == "page" {
            style.breakBefore = true
          }
          if properties.attribute("font-weight", namespace: Namespace.fo) == "bold" {
            style.bold = true
          }
          if properties.attribute("font-style", namespace: Namespace.fo) == "italic" {
            style.italic = true
          }
        }
        styles[name] = style
      }
    }
  }

  /// The language a style sets for its text, as a BCP 47 tag: `fo:language="en" fo:country="GB"`
  /// is "en-GB".
  private static func language(of style: XMLNode) -> String? {
    for properties in style.elements where properties.name == "text-properties" {
      guard let language = properties.attribute("language", namespace: Namespace.fo) else {
        continue
      }
      guard let country = properties.attribute("country", namespace: Namespace.fo),
        country != "none"
      else { return language }
      return language + "-" + country
    }
    return nil
  }

  /// Each style's chain (see `chain(_:)`), worked out once when all styles are read, so that
  /// names are decoded once per style rather than once per paragraph.
  private mutating func resolveChains() {
    let decodedNames = styles.keys.reduce(into: [:]) { $0[$1] = Self.decoded($1) }
    for name in styles.keys {
      var chain: [(String, Style?)] = []
      var current: String? = name
      while let next = current, chain.count < 16 {
        let style = styles[next]
        chain.append((decodedNames[next] ?? Self.decoded(next), style))
        current = style?.parent
      }
      chains[name] = chain
    }
  }

  /// A style name as the user sees it: ODF writes "Heading 1" as `Heading_20_1`.
  private static func decoded(_ name: String) -> String {
    name.utf8.contains(UInt8(ascii: "_")) ? name.replacingOccurrences(of: "_20_", with: " ") : name
  }

  /// The style and its ancestors, nearest first, as decoded names ("Heading 1", "BP Table Caption").
  private func chain(_ name: String?) -> [(name: String, style: Style?)] {
    guard let name else { return [] }
    return chains[name] ?? [(Self.decoded(name), nil)]
  }

  private func headingLevel(_ styleName: String?) -> Int? {
    for (name, _) in chain(styleName) where name.hasPrefix("Heading ") {
      if let level = Int(name.dropFirst("Heading ".count)) { return level }
    }
    return nil
  }

  private func hasStyle(_ styleName: String?, named names: Set<String>) -> Bool {
    chain(styleName).contains { names.contains($0.name) }
  }

  // MARK: Blocks

  private mutating func blocks(in container: XMLNode) throws(BoardpackError) -> [Block] {
    try blocks(of: container.elements)
  }

  /// The blocks of sibling `elements`; a caption paragraph goes with the table after it.
  private mutating func blocks(of elements: [XMLNode]) throws(BoardpackError) -> [Block] {
    var result: [Block] = []
    var caption: (content: [Inline], label: Label?)?
    for (index, element) in elements.enumerated() {
      // A heading or table whose own style starts a new page (Boardpack folds a page break into
      // what follows it) comes after a page break.
      if element.name == "h" || element.name == "table",
        let style = element.attribute("style-name", namespace: element.namespace),
        chain(style).first?.style?.breakBefore == true
      {
        result.append(.pageBreak)
      }
      switch (element.namespace, element.name) {
      case (Namespace.text, "h"):
        result += heading(
          element,
          level: element.attribute("outline-level", namespace: Namespace.text).flatMap { Int($0) })
      case (Namespace.text, "p"):
        let next = elements.dropFirst(index + 1).first
        if next?.name == "table", next?.namespace == Namespace.table, isCaption(element) {
          let run = inlines(of: element)
          caption = (normalised(run.content), run.bookmarks.first.map { Label($0) })
        } else {
          try paragraph(element, after: &result)
        }
      case (Namespace.text, "list"):
        result += try topLevelList(element)
      case (Namespace.table, "table"):
        let table = try table(element, caption: caption)
        caption = nil
        // A title block fills the metadata; Boardpack's own (`TitleBlock`) is not a block of the paper.
        let isTitleBlock = metadata.absorbTitleBlock(table)
        let name = element.attribute("name", namespace: Namespace.table) ?? ""
        if !(isTitleBlock && name.hasPrefix("TitleBlock")) { result.append(.table(table)) }
      case (Namespace.draw, "frame"):
        result += try frame(element, label: nil)
      case (Namespace.text, "section"), (Namespace.text, "numbered-paragraph"):
        result += try blocks(in: element)
      default:
        break
      }
    }
    return result
  }

  /// A caption paragraph: a caption style, or (as LibreOffice imports an HTML `<caption>`) a centred
  /// one; never a paragraph that holds a figure, which is centred too.
  private func isCaption(_ paragraph: XMLNode) -> Bool {
    let styleName = paragraph.attribute("style-name", namespace: Namespace.text)
    guard !paragraph.elements.contains(where: { $0.name == "frame" }) else { return false }
    return hasStyle(styleName, named: ["BP Table Caption", "Caption", "Table"])
      || chain(styleName).first?.style?.centred == true
  }

  private mutating func heading(_ element: XMLNode, level: Int?) -> [Block] {
    let run = inlines(of: element)
    let content = normalised(run.content)
    guard !content.isEmpty else { return [] }
    return [
      .heading(
        Heading(
          level: min(max(level ?? 1, 1), 10), content: content,
          label: run.bookmarks.first.map { Label($0) },
          appendix: PrintedText.appendixNumber(content.plainText), location: location(element.line))
      )
    ]
  }

  /// Adds what a paragraph stands for to `result`: a heading, front matter (into the metadata), a
  /// page break, figures, a quotation's paragraph, a figure's caption or a paragraph.
  private mutating func paragraph(_ element: XMLNode, after result: inout [Block])
    throws(BoardpackError)
  {
    let styleName = element.attribute("style-name", namespace: Namespace.text)
    if let level = headingLevel(styleName) {
      result += heading(element, level: level)
      return
    }
    let run = inlines(of: element)
    let content = normalised(run.content)
    let chain = chain(styleName)
    let names = chain.map(\.name)
    let label = run.bookmarks.first.map { Label($0) }
    if names.contains("Title") && !hasTitle {
      hasTitle = true
      if metadata.title.isEmpty { metadata.title = content.plainText }
    } else if names.contains("Title") {
      // A later title opens the next paper of a pack.
      result += heading(element, level: 1)
    } else if names.contains("BP Letterhead") {
      metadata.letterhead.append(content.plainText)
    } else if names.contains("BP Meeting Date"), metadataLines.insert("BP Meeting Date").inserted {
      metadata.meetingDate = metadata.meetingDate ?? Metadata.date(content.plainText)
    } else if names.contains("BP Body"), metadataLines.insert("BP Body").inserted {
      metadata.body = metadata.body ?? content.plainText
    } else if !run.frames.isEmpty {
      for frame in run.frames {
        result += try self.frame(frame, label: content.isEmpty ? label : nil)
      }
      if !content.isEmpty {
        result.append(
          .paragraph(Paragraph(content: content, label: label, location: location(element.line))))
      }
    } else if content.isEmpty {
      if names.contains("BP Page Break") || chain.contains(where: { $0.style?.breakBefore == true })
      {
        result.append(.pageBreak)
      }
    } else if names.contains("BP Figure Caption"), case .figure(var figure) = result.last {
      figure.caption = content
      result[result.count - 1] = .figure(figure)
    } else {
      let style = names.first { $0.hasPrefix("BP ") && !Self.structuralStyles.contains($0) }
      let paragraph = Block.paragraph(
        Paragraph(
          content: content, label: label, style: style.map { String($0.dropFirst(3)) },
          location: location(element.line)))
      guard names.contains("BP Quotation") else {
        result.append(paragraph)
        return
      }
      if case .quotation(let quoted) = result.last {
        result[result.count - 1] = .quotation(quoted + [paragraph])
      } else {
        result.append(.quotation([paragraph]))
      }
    }
  }

  /// Boardpack's styles that mark structure rather than a named paragraph style of the model.
  static let structuralStyles: Set<String> = [
    "BP Numbered", "BP Text", "BP Table Heading", "BP Table Contents", "BP Table Caption",
    "BP Quotation",
    "BP Figure Caption", "BP Page Break",
  ]

  // MARK: Lists

  /// A list at the top of the text; numbered level-1 items become numbered paragraphs.
  private mutating func topLevelList(_ element: XMLNode) throws(BoardpackError) -> [Block] {
    let styleName = listStyle(of: element)
    let counter: Counter
    if let continued = element.attribute("continue-list", namespace: Namespace.text),
      let existing = listsByID[continued]
    {
      counter = existing
    } else if element.attribute("continue-numbering", namespace: Namespace.text) == "true",
      let previous = lastListByStyle[styleName ?? ""]
    {
      counter = previous
    } else {
      counter = Counter()
    }
    if let id = element.attribute("id", namespace: Namespace.xml) { listsByID[id] = counter }
    lastListByStyle[styleName ?? ""] = counter
    return try list(element, level: 1, styleName: styleName, counter: counter)
  }

  private func listStyle(of list: XMLNode) -> String? {
    if let name = list.attribute("style-name", namespace: Namespace.text) { return name }
    let firstParagraph = list.elements.first?.elements.first { $0.name == "p" || $0.name == "h" }
    return chain(firstParagraph?.attribute("style-name", namespace: Namespace.text)).lazy
      .compactMap(\.style?.listStyle).first
  }

  /// Level `level` of `styleName`; an unknown style numbers its items only when its name says so.
  private func listLevel(_ styleName: String?, level: Int) -> ListLevel {
    if let known = styleName.flatMap({ listLevels[$0]?[level] }) { return known }
    guard let styleName, styleName.contains("Numbering") || styleName.contains("Numbered") else {
      return ListLevel(format: "")
    }
    return ListLevel(format: level == 1 ? "1" : "a")
  }

  private mutating func list(_ element: XMLNode, level: Int, styleName: String?, counter: Counter)
    throws(BoardpackError) -> [Block]
  {
    let listLevel = listLevel(styleName, level: level)
    let format = listLevel.format
    let style = listLevel.listStyle
    var result: [Block] = []
    var items: [ListItem] = []
    func flushItems() {
      if !items.isEmpty { result.append(.list(List(style: style, items: items))) }
      items = []
    }
    for item in element.elements where item.namespace == Namespace.text {
      let isHeader = item.name == "list-header"
      guard isHeader || item.name == "list-item" else { continue }
      var content: [Inline]?
      var label: Label?
      var children: [Block] = []
      for child in item.elements {
        switch (child.namespace, child.name) {
        case (Namespace.text, "p") where content == nil && children.isEmpty,
          (Namespace.text, "h") where content == nil && children.isEmpty:
          let run = inlines(of: child)
          content = normalised(run.content)
          label = run.bookmarks.first.map { Label($0) }
          for frame in run.frames { children += try self.frame(frame, label: nil) }
        case (Namespace.text, "list"):
          let nestedStyle = child.attribute("style-name", namespace: Namespace.text) ?? styleName
          children += try list(child, level: level + 1, styleName: nestedStyle, counter: counter)
        default:
          children += try blocks(of: [child])
        }
      }
      // An item with no paragraph of its own (only a nested list) has no number: LibreOffice
      // prints nothing for it, and Boardpack uses one to place free-standing lettered lists.
      guard let content else {
        flushItems()
        result += children
        continue
      }
      let restart = item.attribute("start-value", namespace: Namespace.text).flatMap { Int($0) }
      let number =
        isHeader || format.isEmpty
        ? nil : counter.next(level: level, restart: restart, first: listLevel.start)
      if level == 1 && format == "1" {
        flushItems()
        result.append(
          .paragraph(
            Paragraph(
              number: number, content: content, children: children, label: label,
              location: location(item.line))))
      } else {
        let marker = number.flatMap {
          isBoardpack ? nil : PrintedText.generatedMarker($0 - 1, format: format)
        }
        items.append(ListItem(content: content, children: children, marker: marker, label: label))
      }
    }
    flushItems()
    return result
  }

  // MARK: Tables and figures

  private mutating func table(_ element: XMLNode, caption: (content: [Inline], label: Label?)?)
    throws(BoardpackError) -> Table
  {
    let name = element.attribute("name", namespace: Namespace.table) ?? ""
    let isDefaultName = name.hasPrefix("Table") && name.dropFirst(5).allSatisfy(\.isNumber)
    var builder = TableBuilder(
      label: caption?.label ?? (isDefaultName ? nil : Label(name)),
      caption: caption?.content ?? [], relations: relations[name] ?? [],
      location: location(element.line))
    for (row, isHeader) in rows(of: element) {
      let cells = try cells(of: row)
      if isHeader {
        builder.headerRows.append(cells)
      } else {
        let raw = TableBuilder.RawRow(
          cells: cells, location: location(row.line), label: Self.bookmark(openingFirstCellOf: row))
        builder.rows += repeatElement(raw, count: repetitions(of: row, "number-rows-repeated"))
      }
    }
    return try builder.table()
  }

  /// The rows in document order, each flagged when it is in `table:table-header-rows`.
  private func rows(of container: XMLNode, header: Bool = false) -> [(XMLNode, Bool)] {
    container.elements.flatMap { child -> [(XMLNode, Bool)] in
      guard child.namespace == Namespace.table else { return [] }
      switch child.name {
      case "table-row": return [(child, header)]
      case "table-header-rows": return rows(of: child, header: true)
      case "table-rows", "table-row-group": return rows(of: child, header: header)
      default: return []
      }
    }
  }

  /// The bookmark at the start of a row's first cell: the row's anchor, as Boardpack writes it.
  private static func bookmark(openingFirstCellOf row: XMLNode) -> Label? {
    let cell = row.elements.first { $0.namespace == Namespace.table && $0.name == "table-cell" }
    let paragraph = cell?.elements.first { $0.namespace == Namespace.text && $0.name == "p" }
    return paragraph?.elements.first.flatMap { first in
      first.namespace == Namespace.text
        && (first.name == "bookmark" || first.name == "bookmark-start")
        ? first.attribute("name", namespace: Namespace.text).map { Label($0) } : nil
    }
  }

  /// How many times `element` stands by its repetition `attribute`, within what is left of the
  /// document's budget, so that a hostile count stays cheap (LibreOffice repeats empty cells).
  private mutating func repetitions(of element: XMLNode, _ attribute: String) -> Int {
    let wanted = max(
      element.attribute(attribute, namespace: Namespace.table).flatMap { Int($0) } ?? 1, 1)
    let extra = min(wanted - 1, repetitionBudget)
    repetitionBudget -= extra
    return extra + 1
  }

  private mutating func cells(of row: XMLNode) throws(BoardpackError) -> [TableBuilder.RawCell] {
    var result: [TableBuilder.RawCell] = []
    for cell in row.elements where cell.namespace == Namespace.table {
      if cell.name == "covered-table-cell" {
        let covered = TableBuilder.RawCell(shown: "", isCovered: true)
        result += repeatElement(covered, count: repetitions(of: cell, "number-columns-repeated"))
        continue
      }
      guard cell.name == "table-cell" else { continue }
      let children = cell.elements
      let paragraphs = children.filter {
        $0.namespace == Namespace.text && ($0.name == "p" || $0.name == "h")
      }
      let isRich = paragraphs.count != children.count || paragraphs.count > 1
      // A cell that is not rich holds one paragraph at most.
      let shown =
        isRich
        ? PrintedText.normalised([.text(cell.text)]).plainText
        : normalised(paragraphs.first.map { inlines(of: $0).content } ?? []).plainText
      let blocks = isRich ? try self.blocks(of: children) : []
      let valueType = cell.attribute("value-type", namespace: Namespace.office)
      let rawValue = cell.attribute("value", namespace: Namespace.office).flatMap {
        Decimal(string: $0, locale: Locale(identifier: "en_US_POSIX"))
      }
      let declared =
        valueType == "percentage"
        ? rawValue.map { $0 * 100 }
        : (valueType == "currency" || valueType == "float" ? rawValue : nil)
      let declaredType: ValueType? =
        valueType == "currency" ? .money : valueType == "percentage" ? .percent : nil
      let raw = TableBuilder.RawCell(
        shown: shown, blocks: blocks, declared: declared, declaredType: declaredType)
      result += repeatElement(raw, count: repetitions(of: cell, "number-columns-repeated"))
    }
    return result
  }

  /// A frame: a figure when it has alt text or an image; otherwise a text box holding blocks
  /// (Boardpack puts a table that belongs to a list item in one).
  private mutating func frame(_ frame: XMLNode, label: Label?) throws(BoardpackError) -> [Block] {
    func child(_ name: String, _ namespace: String) -> XMLNode? {
      frame.elements.first { $0.name == name && $0.namespace == namespace }
    }
    let title = child("title", Namespace.svg)
    let image = child("image", Namespace.draw)
    let textBox = child("text-box", Namespace.draw)
    if title == nil, image == nil, let textBox { return try blocks(in: textBox) }
    let alt =
      [title?.text, child("desc", Namespace.svg)?.text]
      .compactMap { $0?.trimmingCharacters(in: .whitespacesAndNewlines) }.first { !$0.isEmpty }
      ?? ""
    // A placeholder prints "Map: ALT TEXT"; its first word is the kind.
    let placeholder =
      textBox.map { normalised(inlines(of: $0).content).plainText } ?? ""
    let kind =
      placeholder.split(separator: ":").first.flatMap { Figure.Kind(rawValue: $0.lowercased()) }
      ?? .image
    return [
      .figure(
        Figure(
          kind: kind, altText: alt, source: image?.attribute("href", namespace: Namespace.xlink),
          label: label,
          location: location(frame.line)))
    ]
  }

  // MARK: Inlines

  /// A paragraph's inline content, with the bookmarks and frames found in it.
  private struct Run {
    var content: [Inline] = []
    var bookmarks: [String] = []
    var frames: [XMLNode] = []
    /// The bookmarks named by number fields (`text:bookmark-ref`), in order.
    var numberFields: [String] = []
  }

  private func inlines(of element: XMLNode) -> Run {
    var run = Run()
    for child in element.children {
      if child.isText {
        run.content.append(.text(child.text))
        continue
      }
      guard child.isElement else { continue }
      switch (child.namespace, child.name) {
      case (Namespace.text, "span"):
        let inner = inlines(of: child)
        run.bookmarks += inner.bookmarks
        run.frames += inner.frames
        run.numberFields += inner.numberFields
        let styleChain = chain(child.attribute("style-name", namespace: Namespace.text))
        var content = inner.content
        if styleChain.contains(where: { $0.style?.italic == true || $0.name == "Emphasis" }) {
          content = [.emphasis(content)]
        }
        if styleChain.contains(where: { $0.style?.bold == true || $0.name == "Strong Emphasis" }) {
          content = [.strong(content)]
        }
        run.content += content
      case (Namespace.text, "a"):
        let inner = inlines(of: child)
        run.bookmarks += inner.bookmarks
        let href = child.attribute("href", namespace: Namespace.xlink) ?? ""
        if href.hasPrefix("#") {
          let shown = normalised(inner.content).plainText
          let fields = inner.numberFields
          run.content.append(
            .reference(
              Reference(
                target: Label(String(href.dropFirst())),
                through: fields.count == 2 ? Label(fields[1]) : nil, shown: shown,
                hasNumberFields: !fields.isEmpty && fields[0] == String(href.dropFirst()),
                location: location(child.line))))
        } else {
          run.content.append(.link(url: href, content: inner.content))
        }
      case (Namespace.text, "bookmark-ref"):
        let format = child.attribute("reference-format", namespace: Namespace.text) ?? ""
        if format.hasPrefix("number"),
          let name = child.attribute("ref-name", namespace: Namespace.text)
        {
          run.numberFields.append(name)
        }
        run.content += inlines(of: child).content
      case (Namespace.text, "bookmark"), (Namespace.text, "bookmark-start"):
        if let name = child.attribute("name", namespace: Namespace.text) {
          run.bookmarks.append(name)
        }
      case (Namespace.text, "s"):
        let count = child.attribute("c", namespace: Namespace.text).flatMap { Int($0) } ?? 1
        run.content.append(.text(String(repeating: " ", count: min(max(count, 1), 1000))))
      case (Namespace.text, "tab"):
        run.content.append(.text("\t"))
      case (Namespace.text, "line-break"):
        run.content.append(.lineBreak)
      case (Namespace.draw, "frame"):
        run.frames.append(child)
      case (Namespace.draw, "a"):
        run.frames += child.elements.filter { $0.name == "frame" && $0.namespace == Namespace.draw }
      case (Namespace.text, "note"), (Namespace.office, "annotation"),
        (Namespace.text, "bookmark-end"),
        (Namespace.text, "soft-page-break"):
        break
      default:
        let inner = inlines(of: child)
        run.content += inner.content
        run.bookmarks += inner.bookmarks
        run.frames += inner.frames
        run.numberFields += inner.numberFields
      }
    }
    return run
  }

  /// Inline content as shown: whitespace is layout in papers written elsewhere, content in Boardpack's.
  private func normalised(_ inlines: [Inline]) -> [Inline] {
    PrintedText.normalised(inlines, collapsing: !isBoardpack)
  }

  private func location(_ line: Int) -> SourceLocation {
    SourceLocation(file: file, line: line > 0 ? line : nil)
  }
}
