import BoardpackXML
import Foundation

/// Reads a Word document (`.docx`) into a `Document`, natively: the package is unzipped by
/// `ZipPackage` and its parts parsed by libxml2 with `XMLDocument`'s safeguards.
///
/// It reads what prints: list numbers are counted from `word/numbering.xml` as Word counts them
/// (`DOCXNumbering`), headings come from outline levels and heading styles, tables keep merged
/// cells (`w:gridSpan`, `w:vMerge`) as covered cells and repeated header rows (`w:tblHeader`) as
/// header rows, text boxes are read where they stand, fields print their results (a `REF` or an
/// internal `HYPERLINK` is a cross-reference), and tracked changes are read accepted (`w:ins`
/// kept, `w:del` dropped) and flagged in `Metadata.hasTrackedChanges`. Footnotes, comments,
/// headers and footers are not part of the model and are left out, as the ODF reader leaves them.
struct DOCXReader {
  private let file: String
  private var metadata = Metadata()
  private var isBoardpack = false
  private var styles = DOCXStyles()
  private var numbering = DOCXNumbering()
  /// The targets of the main part's relationships (hyperlinks, images), by id.
  private var targets: [String: String] = [:]
  /// Set once the paper's title (a paragraph of style "Title") is read.
  private var hasTitle = false
  /// The fields open in the paragraph being read, outermost first.
  private var fields: [Field] = []

  /// A complex field (`w:fldChar` begin … separate … end): its instruction, then its result.
  private struct Field {
    var instruction = ""
    var inResult = false
    var run = Run()
  }

  private init(file: String) { self.file = file }

  /// The document in the `.docx` package `package`, named `file` in locations and errors.
  static func read(_ package: ZipPackage, file: String) throws(BoardpackError) -> Document {
    guard let main = try package.xml("word/document.xml") else {
      throw BoardpackError(
        "not a Word document: the package has no word/document.xml", at: SourceLocation(file: file))
    }
    var reader = DOCXReader(file: file)
    if let styles = try package.xml("word/styles.xml") { reader.styles = DOCXStyles(styles) }
    if let numbering = try package.xml("word/numbering.xml") {
      let styles = reader.styles
      reader.numbering = DOCXNumbering(numbering, styleNumbering: { styles.numbering(ofStyle: $0) })
    }
    if let relationships = try package.xml("word/_rels/document.xml.rels")?.root {
      for relationship in relationships.elements {
        if let id = relationship.attribute("Id"), let target = relationship.attribute("Target") {
          reader.targets[id] = target
        }
      }
    }
    reader.metadata.language = reader.styles.language
    if let core = try package.xml("docProps/core.xml")?.root { reader.readCore(core) }
    if let custom = try package.xml("docProps/custom.xml")?.root { reader.readCustom(custom) }
    guard let root = main.root, root.name == "document",
      let body = root.elements.first(where: { $0.name == "body" })
    else {
      throw BoardpackError(
        "not a Word document: word/document.xml has no w:document/w:body",
        at: SourceLocation(file: file))
    }
    let blocks = try reader.blocks(of: body.elements)
    var document = Document(metadata: reader.metadata, blocks: PrintedNumbering.assemble(blocks))
    CrossReferences.showCurrentNumbers(in: &document)
    return document
  }

  // MARK: Metadata

  private mutating func readCore(_ core: XMLNode) {
    for element in core.elements {
      let text = element.text.trimmingCharacters(in: .whitespacesAndNewlines)
      if element.name == "title", !text.isEmpty { metadata.title = text }
      if element.name == "language", !text.isEmpty { metadata.language = text }
    }
  }

  /// Boardpack's `bp:` fields, which LibreOffice keeps as custom document properties.
  private mutating func readCustom(_ custom: XMLNode) {
    for property in custom.elements where property.name == "property" {
      guard let name = property.attribute("name"), name.hasPrefix("bp:") else { continue }
      isBoardpack = true
      metadata.set(field: name, to: property.text)
    }
  }

  // MARK: Blocks

  /// The blocks of sibling body elements: paragraphs, tables, and content controls around them.
  private mutating func blocks(of elements: [XMLNode]) throws(BoardpackError) -> [Block] {
    var result: [Block] = []
    var listRun: [ListEntry] = []
    var caption: (content: [Inline], label: Label?)?
    func flushList() {
      if !listRun.isEmpty { result += Self.nested(listRun[...]) }
      listRun = []
    }
    let flat = Self.flattened(elements)
    for (index, element) in flat.enumerated() {
      switch element.name {
      case "p":
        let paragraph = try read(paragraph: element)
        if let entry = paragraph.listEntry {
          listRun.append(entry)
          continue
        }
        flushList()
        let next = flat.dropFirst(index + 1).first
        if next?.name == "tbl", paragraph.isCaption {
          caption = (paragraph.content, paragraph.label)
        } else {
          place(paragraph, after: &result)
        }
      case "tbl":
        flushList()
        let table = try self.table(element, caption: caption)
        caption = nil
        _ = metadata.absorbTitleBlock(table)
        result.append(.table(table))
      default:
        break
      }
    }
    flushList()
    return result
  }

  /// Body elements with content controls, custom XML, tracked insertions and moves opened up,
  /// and deletions dropped.
  private static func flattened(_ elements: [XMLNode]) -> [XMLNode] {
    elements.flatMap { element -> [XMLNode] in
      switch element.name {
      case "p", "tbl": return [element]
      case "sdt":
        return flattened(element.elements.first { $0.name == "sdtContent" }?.elements ?? [])
      case "customXml", "ins", "moveTo", "smartTag": return flattened(element.elements)
      default: return []
      }
    }
  }

  /// A paragraph as read, before it is placed among the blocks.
  private struct ReadParagraph {
    var content: [Inline]
    var label: Label?
    var style: DOCXStyles.Style
    var frames: [Block]
    var listEntry: ListEntry?
    var location: SourceLocation?

    var isCaption: Bool {
      frames.isEmpty
        && (style.names.contains {
          ["Caption", "BP Table Caption", "Table", "caption"].contains($0)
        }
          || style.centred)
    }
  }

  private mutating func read(paragraph element: XMLNode) throws(BoardpackError) -> ReadParagraph {
    let properties = element.firstElement(named: "pPr")
    var style = styles.paragraphStyle(DOCX.value(of: "pStyle", in: properties))
    if let properties { DOCXStyles.apply(properties, to: &style) }
    let hasDeletedMark = properties?.firstElement(named: "rPr")?.firstElement(named: "del") != nil
    if hasDeletedMark { metadata.hasTrackedChanges = true }
    var run = inlines(of: element)
    for field in fields { run.append(field.run) }
    fields = []
    let content = normalised(run.content)
    let label = run.bookmarks.first.map { Label($0) }
    var frames: [Block] = []
    for frame in run.frames {
      frames += try self.blocks(ofFrame: frame, label: content.isEmpty ? label : nil)
    }
    let location = location(element.line)
    var entry: ListEntry?
    if let numId = style.numId, numId != "0", style.headingLevel == nil,
      let marker = numbering.count(numId, level: style.numLevel), marker.level.format != "none"
    {
      entry = ListEntry(
        level: style.numLevel, marker: marker, content: content, label: label, frames: frames,
        location: location)
    } else if let numId = style.numId, numId != "0" {
      // A numbered heading counts, though the model keeps its number apart from its text.
      _ = numbering.count(numId, level: style.numLevel)
    }
    return ReadParagraph(
      content: content, label: label, style: style, frames: frames,
      listEntry: entry, location: location)
  }

  /// Adds what a paragraph that is not a list item stands for: a heading, front matter (into the
  /// metadata), a page break, text boxes and figures, a quotation's paragraph, a figure's caption
  /// or a paragraph.
  private mutating func place(_ paragraph: ReadParagraph, after result: inout [Block]) {
    let names = paragraph.style.names
    let content = paragraph.content
    if names.contains("Title") && !hasTitle {
      hasTitle = true
      if metadata.title.isEmpty { metadata.title = content.plainText }
      return
    }
    // A later title opens the next paper of a pack.
    if let level = paragraph.style.headingLevel ?? (names.contains("Title") ? 1 : nil) {
      result += paragraph.frames
      guard !content.isEmpty else { return }
      result.append(
        .heading(
          Heading(
            level: level, content: content, label: paragraph.label,
            appendix: PrintedText.appendixNumber(content.plainText), location: paragraph.location)))
      return
    }
    if names.contains("BP Letterhead") {
      metadata.letterhead.append(content.plainText)
      return
    }
    if names.contains("BP Meeting Date") {
      metadata.meetingDate = metadata.meetingDate ?? Metadata.date(content.plainText)
      return
    }
    if names.contains("BP Body") {
      metadata.body = metadata.body ?? content.plainText
      return
    }
    result += paragraph.frames
    if content.isEmpty {
      if paragraph.frames.isEmpty,
        names.contains("BP Page Break") || paragraph.style.pageBreakBefore
      {
        result.append(.pageBreak)
      }
      return
    }
    if names.contains("BP Figure Caption"), case .figure(var figure) = result.last {
      figure.caption = content
      result[result.count - 1] = .figure(figure)
      return
    }
    let style = names.first { $0.hasPrefix("BP ") && !FODTReader.structuralStyles.contains($0) }
    let block = Block.paragraph(
      Paragraph(
        content: content, label: paragraph.frames.isEmpty ? paragraph.label : nil,
        style: style.map { String($0.dropFirst(3)) }, location: paragraph.location))
    guard names.contains("BP Quotation") else {
      result.append(block)
      return
    }
    if case .quotation(let quoted) = result.last {
      result[result.count - 1] = .quotation(quoted + [block])
    } else {
      result.append(.quotation([block]))
    }
  }

  // MARK: Lists

  /// A numbered or bulleted paragraph, flat as Word writes it.
  private struct ListEntry {
    var level: Int
    var marker: DOCXNumbering.Marker
    var content: [Inline]
    var label: Label?
    var frames: [Block]
    var location: SourceLocation?

    /// A level-1 decimal item: one of the report's numbered paragraphs.
    var isNumberedParagraph: Bool { level == 0 && marker.level.format == "decimal" }
  }

  /// A run of list paragraphs nested as the model holds them: the items after an item at a deeper
  /// level are its children; a numbered paragraph stands on its own, other items gather into lists.
  private static func nested(_ entries: ArraySlice<ListEntry>) -> [Block] {
    var result: [Block] = []
    var items: [ListItem] = []
    var style = List.Style.bullet
    func flush() {
      if !items.isEmpty { result.append(.list(List(style: style, items: items))) }
      items = []
    }
    var index = entries.startIndex
    while index < entries.endIndex {
      let entry = entries[index]
      let end = entries[(index + 1)...].firstIndex { $0.level <= entry.level } ?? entries.endIndex
      let children = entry.frames + nested(entries[(index + 1)..<end])
      index = end
      if entry.isNumberedParagraph {
        flush()
        result.append(
          .paragraph(
            Paragraph(
              number: entry.marker.number, content: entry.content, children: children,
              label: entry.label, location: entry.location)))
        continue
      }
      let format = entry.marker.level.format
      let itemStyle: List.Style =
        switch (entry.marker.level.isBullet, format.hasSuffix("Roman"), format.hasSuffix("Letter")) {
        case (true, _, _): .bullet
        case (_, true, _): .roman
        case (_, _, true) where entry.marker.level.text.hasPrefix("("): .clause
        default: .letter
        }
      if itemStyle != style { flush() }
      style = itemStyle
      let marker = itemStyle == .bullet || entry.marker.printed.isEmpty ? nil : entry.marker.printed
      items.append(
        ListItem(content: entry.content, children: children, marker: marker, label: entry.label))
    }
    flush()
    return result
  }

  // MARK: Tables

  private mutating func table(_ element: XMLNode, caption: (content: [Inline], label: Label?)?)
    throws(BoardpackError) -> Table
  {
    var builder = TableBuilder(
      label: caption?.label, caption: caption?.content ?? [], location: location(element.line))
    for row in Self.flattenedRows(element) {
      let properties = row.firstElement(named: "trPr")
      let gridBefore = DOCX.value(of: "gridBefore", in: properties).flatMap { Int($0) } ?? 0
      var cells = Array(
        repeating: TableBuilder.RawCell(shown: ""), count: min(max(gridBefore, 0), Self.spanLimit))
      for cell in Self.flattenedCells(row) {
        let cellProperties = cell.firstElement(named: "tcPr")
        let span = min(
          max(DOCX.value(of: "gridSpan", in: cellProperties).flatMap { Int($0) } ?? 1, 1),
          Self.spanLimit)
        let merge =
          cellProperties?.firstElement(named: "vMerge")
          ?? cellProperties?.firstElement(named: "hMerge")
        if let merge, merge.attribute("val", namespace: DOCX.w) ?? "continue" == "continue" {
          cells.append(TableBuilder.RawCell(shown: "", isCovered: true))
        } else {
          cells.append(try rawCell(cell))
        }
        cells += repeatElement(TableBuilder.RawCell(shown: "", isCovered: true), count: span - 1)
      }
      let header = properties?.firstElement(named: "tblHeader")
      let isHeader = header.map { DOCX.isOn($0.attribute("val", namespace: DOCX.w)) } ?? false
      if isHeader && builder.rows.isEmpty {
        builder.headerRows.append(cells)
      } else {
        builder.rows.append(TableBuilder.RawRow(cells: cells, location: location(row.line)))
      }
    }
    return try builder.table()
  }

  /// The most columns one cell may span: far beyond any paper's table.
  private static let spanLimit = 1_000

  private static func flattenedRows(_ table: XMLNode) -> [XMLNode] {
    table.elements.flatMap { element -> [XMLNode] in
      switch element.name {
      case "tr": return [element]
      case "sdt": return element.elements.first { $0.name == "sdtContent" }.map(flattenedRows) ?? []
      case "customXml", "ins", "moveTo": return flattenedRows(element)
      default: return []
      }
    }
  }

  private static func flattenedCells(_ row: XMLNode) -> [XMLNode] {
    row.elements.flatMap { element -> [XMLNode] in
      switch element.name {
      case "tc": return [element]
      case "sdt":
        return element.elements.first { $0.name == "sdtContent" }.map(flattenedCells) ?? []
      case "customXml", "ins", "moveTo": return flattenedCells(element)
      default: return []
      }
    }
  }

  /// A cell: its text as shown, and its blocks when it holds more than one paragraph, a list or a table.
  private mutating func rawCell(_ cell: XMLNode) throws(BoardpackError) -> TableBuilder.RawCell {
    let children = Self.flattened(cell.elements)
    let blocks = try self.blocks(of: children)
    let isRich =
      children.count > 1 || blocks.contains { if case .paragraph = $0 { false } else { true } }
    let shown = PrintedText.normalised([.text(blocks.map(Self.plainText).joined(separator: " "))])
      .plainText
    return TableBuilder.RawCell(shown: shown, blocks: isRich ? blocks : [])
  }

  /// The text of a block, without the numbers and markers a list prints (as the ODF reader reads a cell).
  private static func plainText(_ block: Block) -> String {
    switch block {
    case .heading(let heading): return heading.content.plainText
    case .paragraph(let paragraph):
      return ([paragraph.content.plainText] + paragraph.children.map(plainText)).joined(
        separator: " ")
    case .list(let list):
      return list.items.map { item in
        ([item.content.plainText] + item.children.map(plainText)).joined(separator: " ")
      }.joined(separator: " ")
    case .quotation(let blocks): return blocks.map(plainText).joined(separator: " ")
    case .table(let table):
      return (table.columns.map(\.header) + table.rows.flatMap { $0.cells.map(\.shown) }).joined(
        separator: " ")
    case .figure, .pageBreak: return ""
    }
  }

  // MARK: Frames: text boxes and pictures

  /// A drawing or VML picture: the blocks of its text box, or a figure with its alt text.
  private mutating func blocks(ofFrame frame: XMLNode, label: Label?) throws(BoardpackError)
    -> [Block]
  {
    if let textBox = Self.descendant(of: frame, named: "txbxContent") {
      return try blocks(of: textBox.elements)
    }
    let properties = Self.descendant(of: frame, named: "docPr")
    let shape = frame.name == "pict" ? frame.elements.first { $0.name == "shape" } : nil
    let alt =
      [properties?.attribute("descr"), properties?.attribute("title"), shape?.attribute("alt")]
      .compactMap { $0?.trimmingCharacters(in: .whitespacesAndNewlines) }.first { !$0.isEmpty }
      ?? ""
    let embed =
      Self.descendant(of: frame, named: "blip")?.attribute("embed", namespace: DOCX.r)
      ?? Self.descendant(of: frame, named: "imagedata")?.attribute("id", namespace: DOCX.r)
    return [
      .figure(
        Figure(
          kind: .image, altText: alt, source: embed.flatMap { targets[$0] }, label: label,
          location: location(frame.line)))
    ]
  }

  private static func descendant(of node: XMLNode, named name: String) -> XMLNode? {
    for child in node.elements {
      if child.name == name { return child }
      if let found = descendant(of: child, named: name) { return found }
    }
    return nil
  }

  // MARK: Inlines

  /// A paragraph's inline content, with the bookmarks and frames found in it.
  private struct Run {
    var content: [Inline] = []
    var bookmarks: [String] = []
    var frames: [XMLNode] = []

    mutating func append(_ other: Run) {
      content += other.content
      bookmarks += other.bookmarks
      frames += other.frames
    }
  }

  /// Adds to the innermost open field's result, or to `run` when no field is open; an open
  /// field's instruction swallows what is not instruction text.
  private mutating func add(_ inline: Inline, to run: inout Run) {
    guard !fields.isEmpty else {
      run.content.append(inline)
      return
    }
    if fields[fields.count - 1].inResult { fields[fields.count - 1].run.content.append(inline) }
  }

  private mutating func inlines(of container: XMLNode) -> Run {
    var run = Run()
    container.forEachElement { child in
      switch child.name {
      case "r":
        readRun(child, into: &run)
      case "hyperlink":
        let inner = inlines(of: child)
        run.bookmarks += inner.bookmarks
        run.frames += inner.frames
        let anchor = child.attribute("anchor", namespace: DOCX.w)
        if let id = child.attribute("id", namespace: DOCX.r), let url = targets[id] {
          add(.link(url: url + (anchor.map { "#" + $0 } ?? ""), content: inner.content), to: &run)
        } else if let anchor {
          add(reference(to: anchor, inner.content, child), to: &run)
        } else {
          for inline in inner.content { add(inline, to: &run) }
        }
      case "ins", "moveTo":
        metadata.hasTrackedChanges = true
        let inner = inlines(of: child)
        run.bookmarks += inner.bookmarks
        run.frames += inner.frames
        for inline in inner.content { add(inline, to: &run) }
      case "del", "moveFrom":
        metadata.hasTrackedChanges = true
      case "smartTag", "customXml", "fldSimple", "dir", "bdo":
        let inner = inlines(of: child)
        run.bookmarks += inner.bookmarks
        run.frames += inner.frames
        let content =
          child.name == "fldSimple"
          ? fieldResult(child.attribute("instr", namespace: DOCX.w) ?? "", inner.content, child)
          : inner.content
        for inline in content { add(inline, to: &run) }
      case "sdt":
        if let content = child.elements.first(where: { $0.name == "sdtContent" }) {
          let inner = inlines(of: content)
          run.bookmarks += inner.bookmarks
          run.frames += inner.frames
          for inline in inner.content { add(inline, to: &run) }
        }
      case "bookmarkStart":
        if let name = child.attribute("name", namespace: DOCX.w), name != "_GoBack" {
          run.bookmarks.append(name)
        }
      default:
        break
      }
    }
    return run
  }

  /// One `w:r`: its text, breaks and tabs, bold and italic, field characters and drawings.
  private mutating func readRun(_ element: XMLNode, into run: inout Run) {
    var bold = false
    var italic = false
    var hidden = false
    var pieces: [Inline] = []
    func flushPieces() {
      guard !pieces.isEmpty else { return }
      var content = pieces
      if italic { content = [.emphasis(content)] }
      if bold { content = [.strong(content)] }
      for inline in content { add(inline, to: &run) }
      pieces = []
    }
    element.forEachElement { child in
      switch child.name {
      case "rPr":
        var style = DOCXStyles.Style()
        if let id = DOCX.value(of: "rStyle", in: child), let character = styles.characterStyle(id) {
          style = character
          if character.names.contains("Strong") { style.bold = true }
          if character.names.contains("Emphasis") { style.italic = true }
        }
        DOCXStyles.apply(child, to: &style)
        bold = style.bold
        italic = style.italic
        hidden =
          child.firstElement(named: "vanish").map {
            DOCX.isOn($0.attribute("val", namespace: DOCX.w))
          }
          ?? false
      case "t" where !hidden: pieces.append(.text(child.text))
      case "tab", "ptab": if !hidden { pieces.append(.text("\t")) }
      case "br", "cr":
        if !hidden && child.attribute("type", namespace: DOCX.w) ?? "textWrapping" == "textWrapping"
        {
          pieces.append(.lineBreak)
        }
      case "noBreakHyphen": pieces.append(.text("-"))
      case "sym":
        if let code = child.attribute("char", namespace: DOCX.w).flatMap({ UInt32($0, radix: 16) }),
          let scalar = Unicode.Scalar(code >= 0xF000 ? code - 0xF000 : code)
        {
          pieces.append(.text(String(Character(scalar))))
        }
      case "instrText":
        if !fields.isEmpty && !fields[fields.count - 1].inResult {
          fields[fields.count - 1].instruction += child.text
        }
      case "fldChar":
        flushPieces()
        switch child.attribute("fldCharType", namespace: DOCX.w) {
        case "begin": fields.append(Field())
        case "separate": if !fields.isEmpty { fields[fields.count - 1].inResult = true }
        case "end":
          guard let field = fields.popLast() else { break }
          run.bookmarks += field.run.bookmarks
          run.frames += field.run.frames
          for inline in fieldResult(field.instruction, field.run.content, child) {
            add(inline, to: &run)
          }
        default: break
        }
      case "drawing", "pict":
        flushPieces()
        run.frames.append(child)
      case "AlternateContent":
        flushPieces()
        // The first choice is what Word shows; the fallback is a copy for older readers.
        if let choice = child.elements.first(where: { $0.name == "Choice" }) ?? child.elements.first
        {
          run.frames += choice.elements.filter { $0.name == "drawing" || $0.name == "pict" }
        }
      default:
        break
      }
    }
    flushPieces()
  }

  /// What a field prints: an internal `HYPERLINK \l` or a `REF` to a bookmark is a reference,
  /// every other field its result as it stands.
  private func fieldResult(_ instruction: String, _ result: [Inline], _ element: XMLNode)
    -> [Inline]
  {
    let words = Self.fieldWords(instruction)
    guard let kind = words.first?.uppercased() else { return result }
    switch kind {
    case "HYPERLINK":
      let anchor = words.firstIndex(of: "\\l").flatMap {
        $0 + 1 < words.count ? words[$0 + 1] : nil
      }
      if words.count > 1, !words[1].hasPrefix("\\") {
        return [.link(url: words[1] + (anchor.map { "#" + $0 } ?? ""), content: result)]
      }
      if let anchor { return [reference(to: anchor, result, element)] }
    case "REF" where words.count > 1:
      let isNumber = words.contains { ["\\r", "\\n", "\\w"].contains($0.lowercased()) }
      let shown = normalised(result).plainText
      return [
        .reference(
          Reference(
            target: Label(words[1]), shown: shown, hasNumberFields: isNumber,
            location: location(element.line)))
      ]
    default: break
    }
    return result
  }

  /// A field instruction's words; quoted words keep their spaces.
  private static func fieldWords(_ instruction: String) -> [String] {
    var words: [String] = []
    var current = ""
    var quoted = false
    for character in instruction {
      if character == "\"" {
        quoted.toggle()
      } else if character.isWhitespace && !quoted {
        if !current.isEmpty { words.append(current) }
        current = ""
      } else {
        current.append(character)
      }
    }
    if !current.isEmpty { words.append(current) }
    return words
  }

  private func reference(to anchor: String, _ content: [Inline], _ element: XMLNode) -> Inline {
    .reference(
      Reference(
        target: Label(anchor), shown: normalised(content).plainText,
        location: location(element.line)))
  }

  /// Inline content as shown: whitespace is layout in papers written elsewhere, content in Boardpack's.
  private func normalised(_ inlines: [Inline]) -> [Inline] {
    PrintedText.normalised(inlines, collapsing: !isBoardpack)
  }

  private func location(_ line: Int) -> SourceLocation {
    SourceLocation(file: file, line: line > 0 ? line : nil)
  }
}
