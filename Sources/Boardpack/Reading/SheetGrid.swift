import Foundation

/// One sheet of a spreadsheet as text, which both spreadsheet readers (`XLSXSheet`, `ODSSheet`)
/// build and `SpreadsheetReader` makes into records: the rows that hold anything, each with its
/// number in the sheet and its cells from column A to its last cell that holds anything.
///
/// Building it is bounded: no row past `maximumRows`, no column past `maximumColumns`, and no
/// more than `InputLimits.sheetCells` cells kept, however many a file's repeat counts ask for.
/// Cells are as a person typed them (`SheetValue`); a cell that cannot be read (a formula's error)
/// is kept as the sheet's first problem, for the reader to report with its column's header.
struct SheetGrid {
  /// The sheet's name, as its tab shows it.
  let name: String
  /// The file, for errors.
  let path: String
  private(set) var rows: [(number: Int, cells: [String])] = []
  /// The first cell, in sheet order, whose value could not be read, and why.
  private(set) var problem: (row: Int, column: Int, message: String)?
  private var cells = 0
  private let cellLimit = InputLimits.current.sheetCells

  /// Excel's and LibreOffice's largest sheet.
  static let maximumRows = 1 << 20
  static let maximumColumns = 1 << 14

  init(name: String, path: String) {
    self.name = name
    self.path = path
  }

  /// Adds row `number` (1-based) with `cells` from column A, `count` times over (a repeated row);
  /// a row of empty cells is skipped, and the empty cells after the last that holds anything are
  /// dropped.
  mutating func append(row number: Int, _ cells: [String], count: Int = 1) throws(BoardpackError) {
    guard let last = cells.lastIndex(where: { !$0.trimmedOfWhiteSpace.isEmpty }) else { return }
    let kept = Array(cells[...last])
    for offset in 0..<count {
      try check(row: number + offset, column: kept.count)
      self.cells += kept.count
      guard self.cells <= cellLimit else {
        throw BoardpackError(
          "the sheet holds more than \(cellLimit) cells, the limit; "
            + InputLimits.raise(.sheetCells),
          at: location(row: number + offset, column: nil))
      }
      rows.append((number + offset, kept))
    }
  }

  /// Notes that the cell at `row` and `column` (1-based) cannot be read, unless an earlier one could not.
  mutating func fail(row: Int, column: Int, _ message: String) {
    if problem == nil { problem = (row, column, message) }
  }

  /// An error when `row` or `column` lies past the largest sheet.
  func check(row: Int, column: Int) throws(BoardpackError) {
    if row > Self.maximumRows {
      throw BoardpackError(
        "the sheet has a row past row \(Self.maximumRows), the last a sheet may have",
        at: SourceLocation(file: path, sheet: name))
    }
    if column > Self.maximumColumns {
      throw BoardpackError(
        "the row has a cell past column \(SourceLocation.columnName(Self.maximumColumns)), the last a sheet may have",
        at: location(row: row, column: nil))
    }
  }

  /// The cell at `row` and `column` (1-based), or the row when `column` is nil.
  func location(row: Int, column: Int?) -> SourceLocation {
    SourceLocation(file: path, line: row, column: column, sheet: name)
  }
}
