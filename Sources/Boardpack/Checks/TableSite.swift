import Foundation

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
  /// Whether each cell prints nothing, `blanks[row][column]`.
  private let blanks: [[Bool]]

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
    blanks = table.rows.map { row in
      row.cells.map { $0.shown.trimmedOfWhiteSpace.isEmpty }
    }
  }

  /// The figure in a cell; nil when it holds none or does not exist.
  public func figure(_ row: Int, _ column: Int) -> Measured? {
    figures.indices.contains(row) && figures[row].indices.contains(column)
      ? figures[row][column] : nil
  }

  /// Whether a cell is missing or prints nothing.
  public func isBlank(_ row: Int, _ column: Int) -> Bool {
    !blanks[row].indices.contains(column) || blanks[row][column]
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
      !first.shown.trimmedOfSpaces.isEmpty
    {
      return first.shown.trimmedOfWhiteSpace
    }
    return "row \(index + 1)"
  }
}
