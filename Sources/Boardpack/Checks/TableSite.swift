import Foundation

/// A table in a report with its name for diagnostics, the text just before and after it, what
/// the table is (`TableLayout`) and the relations between its figures: those its generator
/// declared, else those `RelationFinder` finds in it.
public struct TableSite: Sendable {
  public let table: Table
  /// The caption, label or "Table One" line; else "table N" counting the report's tables from 1.
  public let name: String
  public let paragraph: Int?
  public let before: Passage?
  public let after: Passage?
  public let layout: TableLayout
  public let relations: [TableRelation]

  init(table: Table, name: String, paragraph: Int?, before: Passage?, after: Passage?) {
    self.table = table
    self.name = name
    self.paragraph = paragraph
    self.before = before
    self.after = after
    layout = TableLayout(table, context: [before?.text, after?.text].compactMap { $0 })
    relations =
      table.relations.isEmpty
      ? RelationFinder(layout).relations()
      : table.relations.flatMap { Self.declared($0, in: table) }
  }

  /// Every cell read as a figure once, `figures[row][column]`; nil for text and blank cells.
  public var figures: [[Measured?]] { layout.figures }

  /// The figure in a cell; nil when it holds none or does not exist.
  public func figure(_ row: Int, _ column: Int) -> Measured? {
    figures.indices.contains(row) && figures[row].indices.contains(column)
      ? figures[row][column] : nil
  }

  /// Whether a cell is missing or prints nothing.
  public func isBlank(_ row: Int, _ column: Int) -> Bool {
    layout.isBlank(row, column)
  }

  /// The rows of `column` that hold a figure.
  public func figureCount(_ column: Int) -> Int {
    table.rows.indices.filter { figure($0, column) != nil }.count
  }

  /// A declared relation as the checks take it: `totalRow` becomes one row sum per total row, of
  /// the body rows since the total before it; a total printed first stands for the rows under it,
  /// and a total straight after sub-totals for them.
  private static func declared(_ relation: Relation, in table: Table) -> [TableRelation] {
    guard relation == .totalRow else { return [TableRelation(relation, basis: .declared)] }
    var result: [TableRelation] = []
    var bodyStart = 0
    for (index, row) in table.rows.enumerated() where row.isTotal {
      defer { bodyStart = index + 1 }
      var body = (bodyStart..<index).filter { !table.rows[$0].isTotal }
      if index == 0 {
        body = Array(table.rows.indices.dropFirst().prefix { !table.rows[$0].isTotal })
      } else if body.isEmpty {
        body = (0..<index).filter { table.rows[$0].isTotal }
      }
      if !body.isEmpty {
        result.append(TableRelation(.rowSum(row: index, of: body), basis: .declared))
      }
    }
    return result
  }

  /// The place of a cell: the row by its label (first text cell) or number, the column by its header.
  public func place(row: Int? = nil, column: Int? = nil) -> Place {
    Place(
      paragraph: paragraph, table: name, row: row.map { rowLabel($0) },
      column: column.map {
        table.columns.indices.contains($0) ? table.columns[$0].header : "column \($0 + 1)"
      },
      source: row.flatMap { table.rows.indices.contains($0) ? table.rows[$0].location : nil }
        ?? table.location)
  }

  /// The row's first cell when it is a label or a serial number ("Serial No" 83), else "row N".
  public func rowLabel(_ index: Int) -> String {
    let cells = table.rows[index].cells
    let key = table.columns.first?.header.lowercased() ?? ""
    let keyed = ["serial", "no", "ref", "id", "#", "year"].contains {
      key.split(separator: " ").contains(Substring($0))
    }
    if let first = cells.first, first.value.number == nil || keyed,
      !first.shown.trimmedOfSpaces.isEmpty
    {
      return first.shown.trimmedOfWhiteSpace
    }
    return "row \(index + 1)"
  }
}
