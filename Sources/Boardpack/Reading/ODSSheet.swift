import BoardpackXML
import Foundation

/// Reads one table of an OpenDocument spreadsheet (`.ods`) into a `SheetGrid`, by each cell's
/// `office:value-type`: strings from the cell's paragraphs, floats, currencies and percentages
/// from `office:value`, dates from `office:date-value`, times, booleans. Repeated rows and cells
/// (`table:number-rows-repeated`, `table:number-columns-repeated`) are kept once per repeat only
/// when they hold something, so the million empty rows LibreOffice may write cost nothing; a
/// covered cell (under a merged one) is an empty cell.
struct ODSSheet {
  private enum Namespace {
    static let office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    static let table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    static let text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    static let calcext = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"
  }

  private var grid: SheetGrid
  private var rowNumber = 1

  /// The table named `sheet` (the first when nil) of the spreadsheet in `package`.
  static func read(_ package: ZipPackage, path: String, sheet: String?) throws(BoardpackError)
    -> SheetGrid
  {
    try FODTReader.refuseEncrypted(package, file: path)
    guard let content = try package.xml("content.xml")?.root,
      let spreadsheet = content.firstElement(named: "body")?.firstElement(named: "spreadsheet")
    else {
      throw BoardpackError(
        "not a spreadsheet: the package's content.xml holds no office:spreadsheet",
        at: SourceLocation(file: path))
    }
    let tables = spreadsheet.elements.filter { $0.name == "table" }
    let (name, table) = try SpreadsheetReader.choose(
      sheet, among: tables.map { ($0.attribute("name", namespace: Namespace.table) ?? "", $0) },
      path: path)
    var reader = ODSSheet(grid: SheetGrid(name: name, path: path))
    try reader.readRows(in: table)
    return reader.grid
  }

  private init(grid: SheetGrid) { self.grid = grid }

  /// The rows of `container`: a table, or a group of its rows (header rows, row groups).
  private mutating func readRows(in container: XMLNode) throws(BoardpackError) {
    try container.forEachElement { element throws(BoardpackError) in
      switch element.name {
      case "table-row": try read(row: element)
      case "table-header-rows", "table-rows", "table-row-group": try readRows(in: element)
      default: break
      }
    }
  }

  private mutating func read(row: XMLNode) throws(BoardpackError) {
    let repeats = Self.repeats(row, "number-rows-repeated")
    var cells: [String] = []
    var column = 1
    try row.forEachElement { cell throws(BoardpackError) in
      guard cell.name == "table-cell" || cell.name == "covered-table-cell" else { return }
      let count = Self.repeats(cell, "number-columns-repeated")
      let text: String
      switch value(of: cell) {
      case .success(let value): text = value
      case .failure(let problem):
        grid.fail(row: rowNumber, column: column, problem.message)
        text = ""
      }
      if !text.isEmpty {
        try grid.check(row: rowNumber, column: column + count - 1)
        cells += repeatElement("", count: column - 1 - cells.count)
        cells += repeatElement(text, count: count)
      }
      column = min(column + count, SheetGrid.maximumColumns + 1)
    }
    try grid.append(row: rowNumber, cells, count: repeats)
    rowNumber = min(rowNumber + repeats, SheetGrid.maximumRows + 1)
  }

  /// A repeat count attribute's value, at most one past the largest sheet (a count too large for
  /// an `Int` too); 1 when absent or not a positive number.
  private static func repeats(_ element: XMLNode, _ attribute: String) -> Int {
    let limit = SheetGrid.maximumRows + 1
    guard let text = element.attribute(attribute, namespace: Namespace.table) else { return 1 }
    guard let value = Int(text) else {
      return text.allSatisfy({ ("0"..."9").contains($0) }) && !text.isEmpty ? limit : 1
    }
    return min(max(value, 1), limit)
  }

  private struct Problem: Error {
    var message: String
  }

  /// The text of `cell` by its value type; a covered cell is empty.
  private func value(of cell: XMLNode) -> Result<String, Problem> {
    guard cell.name == "table-cell" else { return .success("") }
    let stored = { (name: String) in cell.attribute(name, namespace: Namespace.office) ?? "" }
    if cell.attribute("value-type", namespace: Namespace.calcext) == "error" {
      return .failure(Problem(message: "the cell holds the error \(Self.text(of: cell))"))
    }
    let type = stored("value-type")
    switch type {
    case "float", "currency", "percentage":
      guard let number = SheetValue.decimal(stored("value")) else {
        return .failure(Problem(message: "the cell's value \"\(stored("value"))\" is not a number"))
      }
      return .success(type == "percentage" ? SheetValue.percent(number) : number.plainText)
    case "date":
      // "2026-06-25" or "2026-06-25T14:30:00"; a time of day other than midnight is kept.
      let value = stored("date-value")
      guard let date = CalendarDate(iso: String(value.prefix(10))), date.isValid, date.day != nil
      else {
        return .failure(Problem(message: "the cell's date \"\(value)\" is not a date"))
      }
      let time = value.dropFirst(11).prefix(8)
      let hasTime = !time.isEmpty && time.contains { $0 != "0" && $0 != ":" }
      return .success(date.iso + (hasTime ? " " + Self.trimmedTime(time) : ""))
    case "time":
      // An ISO duration, "PT14H30M00S".
      let parts = stored("time-value").split { !$0.isNumber && $0 != "." }
      guard parts.count >= 2, let hours = Int(parts[0]), let minutes = Int(parts[1]) else {
        return .failure(
          Problem(message: "the cell's time \"\(stored("time-value"))\" is not a time"))
      }
      let seconds = parts.count > 2 ? Int(parts[2].prefix { $0 != "." }) ?? 0 : 0
      let padded = [hours, minutes] + (seconds == 0 ? [] : [seconds])
      return .success(padded.map { $0 < 10 ? "0\($0)" : "\($0)" }.joined(separator: ":"))
    case "boolean":
      return .success(
        ["true", "1"].contains(stored("boolean-value").lowercased()) ? "TRUE" : "FALSE")
    default:
      return .success(
        cell.attribute("string-value", namespace: Namespace.office) ?? Self.text(of: cell))
    }
  }

  /// "14:30" from "14:30:00", "14:30:05" kept whole.
  private static func trimmedTime(_ time: Substring) -> String {
    time.hasSuffix(":00") ? String(time.dropLast(3)) : String(time)
  }

  /// The text of a cell's paragraphs, one line each, with `text:s`, `text:tab` and
  /// `text:line-break` as the spaces and breaks they stand for; annotations left out.
  static func text(of cell: XMLNode) -> String {
    var lines: [String] = []
    cell.forEachElement { paragraph in
      guard paragraph.name == "p" || paragraph.name == "h" else { return }
      var line = ""
      append(paragraph, to: &line)
      lines.append(line)
    }
    return lines.joined(separator: "\n")
  }

  private static func append(_ node: XMLNode, to line: inout String) {
    for child in node.children {
      if child.isText {
        line += child.text
        continue
      }
      switch child.name {
      case "s":
        let count = child.attribute("c", namespace: Namespace.text).flatMap(Int.init) ?? 1
        line += String(repeating: " ", count: min(max(count, 1), 1_000))
      case "tab": line += "\t"
      case "line-break": line += "\n"
      case "annotation", "note": break
      default: append(child, to: &line)
      }
    }
  }
}
