import Foundation

/// Merge data from one sheet of a spreadsheet (`.xlsx` by `XLSXSheet`, `.ods` by `ODSSheet`), read
/// natively and whole: the first row that holds anything names the columns, and every later row
/// that holds anything is a record, its `line` its row in the sheet. Cells are text as a person
/// typed them (`SheetValue`), so a merge reads a sheet as it reads the same data saved as CSV.
///
/// Errors name the file, the sheet and the cell (`partners.xlsx:Sheet1!C7`) and, below the
/// header, the cell's column: a cell that cannot be read (a formula's error), a value in a column
/// with no header, a column name given twice.
public struct SpreadsheetReader: RecordReader {
  public let file: RecordFile
  public let header: [String]
  public var warning: String? { nil }
  public var estimatedCount: Int { records.count }
  private let records: [CSVRecord]

  /// Reads the sheet named `sheet` (the first when nil) of the spreadsheet at `path`.
  public init(path: String, sheet: String? = nil) throws(BoardpackError) {
    let package = try ZipPackage(
      InputFile.read(path, "spreadsheet"), name: path, kind: "a spreadsheet (.xlsx or .ods)")
    let grid: SheetGrid
    if package.contains("xl/workbook.xml") {
      grid = try XLSXSheet.read(package, path: path, sheet: sheet)
    } else if package.contains("content.xml") {
      grid = try ODSSheet.read(package, path: path, sheet: sheet)
    } else {
      throw BoardpackError(
        "not a spreadsheet: the package has neither xl/workbook.xml (.xlsx) nor content.xml (.ods)",
        at: SourceLocation(file: path))
    }
    file = RecordFile(path: path, sheet: grid.name)
    guard let first = grid.rows.first else {
      throw BoardpackError(
        "the sheet is empty; its first row must name the columns",
        at: SourceLocation(file: path, sheet: grid.name))
    }
    let names = first.cells.map { $0.trimmingCharacters(in: .whitespaces) }
    var seen = Set<String>()
    for (index, name) in names.enumerated() where !name.isEmpty && !seen.insert(name).inserted {
      throw BoardpackError(
        "column \"\(name)\" appears more than once in the header",
        at: grid.location(row: first.number, column: index + 1))
    }
    header = names
    if let problem = grid.problem {
      let column =
        problem.row > first.number && problem.column <= names.count
        ? "column \"\(names[problem.column - 1])\": " : ""
      throw BoardpackError(
        column + problem.message, at: grid.location(row: problem.row, column: problem.column))
    }
    var records: [CSVRecord] = []
    for row in grid.rows.dropFirst() {
      // The grid keeps a row's cells up to its last that holds anything.
      if let extra = row.cells.indices.dropFirst(names.count).first(where: {
        !row.cells[$0].trimmedOfWhiteSpace.isEmpty
      }) {
        throw BoardpackError(
          "the cell holds \"\(row.cells[extra])\", but its column has no header; "
            + "name the column in row \(first.number), or clear the cell",
          at: grid.location(row: row.number, column: extra + 1))
      }
      records.append(
        CSVRecord(
          fields: row.cells + repeatElement("", count: names.count - row.cells.count),
          line: row.number, row: records.count + 1))
    }
    self.records = records
  }

  public func forEachRecord(_ body: (CSVRecord) throws(BoardpackError) -> Void)
    throws(BoardpackError)
  {
    for record in records { try body(record) }
  }

  /// The sheet named `wanted` among `sheets` (each a name and where it is), or the first when
  /// `wanted` is nil; an error naming the nearest name when there is no such sheet.
  static func choose<Place>(
    _ wanted: String?, among sheets: [(name: String, place: Place)], path: String
  )
    throws(BoardpackError) -> (name: String, place: Place)
  {
    guard let wanted else {
      guard let first = sheets.first else {
        throw BoardpackError("the spreadsheet has no sheets", at: SourceLocation(file: path))
      }
      return first
    }
    if let sheet = sheets.first(where: { $0.name == wanted }) { return sheet }
    let names = sheets.map(\.name)
    throw BoardpackError(
      "the spreadsheet has no sheet \"\(wanted)\"" + Suggestion.didYouMean(wanted, among: names)
        + "; its sheets: " + names.map { "\"\($0)\"" }.joined(separator: ", "),
      at: SourceLocation(file: path))
  }
}
