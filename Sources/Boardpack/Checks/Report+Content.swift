import Foundation

extension Report {
  /// What a walk through the report meets, in reading order.
  enum Entry {
    case passage(Passage)
    case table(Table, paragraph: Int?)
    /// A list, with the location of the block it belongs to when known.
    case list(List, paragraph: Int?, source: SourceLocation?)
    case figure(Figure, paragraph: Int?)
    /// A numbered paragraph's number, and where it is when known.
    case numbered(Int, source: SourceLocation?)
    case reference(Reference, paragraph: Int?)
    case appendix(Int)
  }

  /// Every entry in reading order; the paragraph of an entry is the latest numbered paragraph met.
  static func entries(of blocks: [Block]) -> [Entry] {
    var result: [Entry] = []
    var paragraph: Int?
    /// The location of the latest block met that has one (a list item is its list's block's).
    var source: SourceLocation?
    func references(in content: [Inline]) {
      for inline in content {
        switch inline {
        case .reference(let reference): result.append(.reference(reference, paragraph: paragraph))
        case .strong(let inner), .emphasis(let inner), .link(_, let inner): references(in: inner)
        case .text, .lineBreak: continue
        }
      }
    }
    func text(_ content: [Inline], quoted: Bool, heading: Bool = false) {
      references(in: content)
      // A linked reference is checked by its label, not again by its text.
      let plain = Self.textWithoutReferences(content).trimmedOfWhiteSpace
      guard !plain.isEmpty else { return }
      result.append(
        .passage(
          Passage(
            text: plain, place: Place(paragraph: paragraph, source: source), quoted: quoted,
            isHeading: heading)))
    }
    func walk(_ blocks: [Block], quoted: Bool) {
      for block in blocks {
        switch block {
        case .heading(let heading):
          source = heading.location ?? source
          if let appendix = heading.appendix { result.append(.appendix(appendix)) }
          text(heading.content, quoted: quoted, heading: true)
        case .paragraph(let item):
          source = item.location ?? source
          if let number = item.number, !quoted {
            paragraph = number
            result.append(.numbered(number, source: source))
          }
          text(item.content, quoted: quoted)
          walk(item.children, quoted: quoted)
        case .list(let list):
          result.append(.list(list, paragraph: paragraph, source: source))
          for item in list.items {
            text(item.content, quoted: quoted)
            walk(item.children, quoted: quoted)
          }
        case .quotation(let inner): walk(inner, quoted: true)
        case .table(let table): result.append(.table(table, paragraph: paragraph))
        case .figure(let figure):
          result.append(.figure(figure, paragraph: paragraph))
          text(figure.caption, quoted: quoted)
        case .pageBreak: break
        }
      }
    }
    walk(blocks, quoted: false)
    return result
  }

  static func tables(in entries: [Entry]) -> [TableSite] {
    var sites: [TableSite] = []
    for (index, entry) in entries.enumerated() {
      guard case .table(let table, let paragraph) = entry else { continue }
      let before = Self.neighbour(in: entries[..<index].reversed())
      let after = Self.neighbour(in: entries[(index + 1)...])
      let number = sites.count + 1
      sites.append(
        TableSite(
          table: table, name: Self.name(of: table, number: number, before: before),
          paragraph: paragraph,
          before: before, after: after))
    }
    return sites
  }

  /// Every passage of `entries`, including the cells of `tables` (placed by table, row and column).
  static func passages(in entries: [Entry], tables: [TableSite]) -> [Passage] {
    var result: [Passage] = []
    var sites = tables.makeIterator()
    for entry in entries {
      switch entry {
      case .passage(let passage): result.append(passage)
      case .table:
        guard let site = sites.next() else { continue }
        for (columnIndex, column) in site.table.columns.enumerated() where !column.header.isEmpty {
          result.append(
            Passage(
              text: column.header, place: site.place(column: columnIndex), quoted: false,
              isHeading: false))
        }
        for (rowIndex, row) in site.table.rows.enumerated() {
          for (columnIndex, cell) in row.cells.enumerated() {
            let text =
              ([cell.shown] + Report.entries(of: cell.blocks).compactMap(\.passage).map(\.text))
              .joined(separator: " ")
            guard !text.trimmedOfSpaces.isEmpty else { continue }
            result.append(
              Passage(
                text: text, place: site.place(row: rowIndex, column: columnIndex), quoted: false,
                isHeading: false))
          }
        }
      default: continue
      }
    }
    return result
  }

  /// The numbers of the report's numbered paragraphs, in order.
  public var paragraphNumbers: [Int] {
    numberedParagraphs.map(\.number)
  }

  /// Every numbered paragraph's number in reading order, and where it is when known.
  var numberedParagraphs: [(number: Int, source: SourceLocation?)] {
    entries.compactMap { if case .numbered(let number, let source) = $0 { (number, source) } else { nil } }
  }

  private static func textWithoutReferences(_ content: [Inline]) -> String {
    content.map { inline in
      switch inline {
      case .reference: ""
      case .strong(let inner), .emphasis(let inner), .link(_, let inner):
        textWithoutReferences(inner)
      default: [inline].plainText
      }
    }.joined()
  }

  /// The internal references (links to labels), with their paragraph.
  public var references: [(Reference, paragraph: Int?)] {
    entries.compactMap {
      if case .reference(let reference, let paragraph) = $0 { (reference, paragraph) } else { nil }
    }
  }

  /// The numbers of the report's appendix headings.
  public var appendixNumbers: [Int] {
    entries.compactMap { if case .appendix(let number) = $0 { number } else { nil } }
  }

  /// The first passage met before any other table (a heading too: "Total funding: £40,474.77" may be printed as one).
  private static func neighbour<S: Sequence<Entry>>(in entries: S) -> Passage? {
    for entry in entries {
      switch entry {
      case .table: return nil
      case .passage(let passage): return passage
      default: continue
      }
    }
    return nil
  }

  private static func name(of table: Table, number: Int, before: Passage?) -> String {
    let caption = table.caption.plainText.trimmedOfWhiteSpace
    if !caption.isEmpty { return caption }
    if let label = table.label { return label.name }
    if let before, before.text.count <= 80, before.text.lowercased().hasPrefix("table ") {
      return before.text
    }
    return "table \(number)"
  }
}

extension Report.Entry {
  var passage: Passage? { if case .passage(let passage) = self { passage } else { nil } }
}
