import Foundation

/// A run of text in a report (a paragraph, list item, heading, caption or table cell) and where it is.
public struct Passage: Sendable, Equatable {
  public var text: String
  public var place: Place
  /// Inside a quotation, which speaks of other documents.
  public var quoted: Bool
  public var isHeading: Bool
}

/// A table in a report with its name for diagnostics and the text just before and after it.
public struct TableSite: Sendable {
  public let table: Table
  /// The caption, label or "Table One" line; else "table N" counting the report's tables from 1.
  public let name: String
  public let paragraph: Int?
  public let before: Passage?
  public let after: Passage?
  /// Every cell read as a figure once, `figures[row][column]`; nil for text and blank cells.
  public let figures: [[Measured?]]

  init(table: Table, name: String, paragraph: Int?, before: Passage?, after: Passage?) {
    self.table = table
    self.name = name
    self.paragraph = paragraph
    self.before = before
    self.after = after
    figures = table.rows.map { row in
      row.cells.indices.map { column in
        Measured(
          row.cells[column],
          header: table.columns.indices.contains(column) ? table.columns[column].header : "")
      }
    }
  }

  /// The figure in a cell; nil when it holds none or does not exist.
  public func figure(_ row: Int, _ column: Int) -> Measured? {
    figures.indices.contains(row) && figures[row].indices.contains(column)
      ? figures[row][column] : nil
  }

  /// Whether a cell is missing or prints nothing.
  public func isBlank(_ row: Int, _ column: Int) -> Bool {
    let cells = table.rows[row].cells
    return !cells.indices.contains(column)
      || cells[column].shown.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
  }

  /// The rows of `column` that hold a figure.
  public func figureCount(_ column: Int) -> Int {
    table.rows.indices.filter { figure($0, column) != nil }.count
  }

  /// The place of a cell: the row by its label (first text cell) or number, the column by its header.
  public func place(row: Int? = nil, column: Int? = nil) -> Place {
    Place(
      paragraph: paragraph, table: name, row: row.map { rowLabel($0) },
      column: column.map {
        table.columns.indices.contains($0) ? table.columns[$0].header : "column \($0 + 1)"
      })
  }

  /// The row's first cell when it is a label or a serial number ("Serial No" 83), else "row N".
  public func rowLabel(_ index: Int) -> String {
    let cells = table.rows[index].cells
    let key = table.columns.first?.header.lowercased() ?? ""
    let keyed = ["serial", "no", "ref", "id", "#", "year"].contains {
      key.split(separator: " ").contains(Substring($0))
    }
    if let first = cells.first, first.value.number == nil || keyed,
      !first.shown.trimmingCharacters(in: .whitespaces).isEmpty
    {
      return first.shown.trimmingCharacters(in: .whitespacesAndNewlines)
    }
    return "row \(index + 1)"
  }
}

extension Report {
  /// What a walk through the report meets, in reading order.
  enum Entry {
    case passage(Passage)
    case table(Table, paragraph: Int?)
    case list(List, paragraph: Int?)
    case figure(Figure, paragraph: Int?)
    case numbered(Int)
    case reference(Reference, paragraph: Int?)
    case appendix(Int)
  }

  /// Every entry in reading order; the paragraph of an entry is the latest numbered paragraph met.
  static func entries(of blocks: [Block]) -> [Entry] {
    var result: [Entry] = []
    var paragraph: Int?
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
      let plain = Self.textWithoutReferences(content).trimmingCharacters(
        in: .whitespacesAndNewlines)
      guard !plain.isEmpty else { return }
      result.append(
        .passage(
          Passage(
            text: plain, place: Place(paragraph: paragraph), quoted: quoted, isHeading: heading)))
    }
    func walk(_ blocks: [Block], quoted: Bool) {
      for block in blocks {
        switch block {
        case .heading(let heading):
          if let appendix = heading.appendix { result.append(.appendix(appendix)) }
          text(heading.content, quoted: quoted, heading: true)
        case .paragraph(let item):
          if let number = item.number, !quoted {
            paragraph = number
            result.append(.numbered(number))
          }
          text(item.content, quoted: quoted)
          walk(item.children, quoted: quoted)
        case .list(let list):
          result.append(.list(list, paragraph: paragraph))
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

  /// Every passage, including table cells (placed by table, row and column).
  public var passages: [Passage] {
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
            guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
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
    entries.compactMap { if case .numbered(let number) = $0 { number } else { nil } }
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
    let caption = table.caption.plainText.trimmingCharacters(in: .whitespacesAndNewlines)
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
