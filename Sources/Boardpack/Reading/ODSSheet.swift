import BoardpackXML
import Foundation

/// Reads one table of an OpenDocument spreadsheet (`.ods`) into a `SheetGrid`, node by node (its
/// `content.xml` holds every sheet, and may be large), by each cell's `office:value-type`: strings
/// from the cell's paragraphs, floats, currencies and percentages from `office:value`, dates from
/// `office:date-value`, times, booleans. Repeated rows and cells (`table:number-rows-repeated`,
/// `table:number-columns-repeated`) are kept once per repeat only when they hold something, so
/// the million empty rows LibreOffice may write cost nothing; a covered cell (under a merged one)
/// is an empty cell.
struct ODSSheet {
  private enum Namespace {
    static let office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    static let table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    static let text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    static let calcext = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"
  }

  /// What a cell's value is read from: its attributes, and its paragraphs' text.
  private struct Cell {
    var covered: Bool
    var attributes: [String: String] = [:]
    var isError = false
    var lines: [String] = []
    /// The paragraph being read, nil between paragraphs.
    var line: String?
  }

  private let reader: XMLStreamReader
  private let stream: ZipPackage.PartStream
  private var grid: SheetGrid
  private var rowNumber = 1
  private var cells: [String] = []
  private var column = 1
  /// How many times the row being read is repeated (`table:number-rows-repeated`).
  private var rowRepeats = 1
  private var cell: Cell?
  /// How deep the reader is inside an element whose text is no cell's (an annotation, a frame).
  private var skipped = 0

  /// The table named `sheet` (the first when nil) of the spreadsheet in `package`.
  static func read(_ package: ZipPackage, path: String, sheet: String?) throws(BoardpackError)
    -> SheetGrid
  {
    try FODTReader.refuseEncrypted(package, file: path)
    guard let stream = try package.stream("content.xml") else {
      throw BoardpackError(
        "not a spreadsheet: the package has no content.xml", at: SourceLocation(file: path))
    }
    // The tables are read past until the one wanted, their names kept for an error.
    var names: [String] = []
    while try stream.read() {
      let reader = stream.reader
      guard reader.kind == .element, reader.isNamed("table") else { continue }
      let name = reader.attribute("name", namespace: Namespace.table) ?? ""
      names.append(name)
      let isEmpty = reader.isEmptyElement
      guard sheet == nil || sheet == name else {
        if !isEmpty { try skip(stream) }
        continue
      }
      var table = ODSSheet(stream: stream, grid: SheetGrid(name: name, path: path))
      if !isEmpty { try table.readTable() }
      return table.grid
    }
    // No table, or none of that name: an error that lists the names.
    let chosen = try SpreadsheetReader.choose(sheet, among: names.map { ($0, ()) }, path: path)
    return SheetGrid(name: chosen.name, path: path)
  }

  /// Reads past the end of the element the reader is on.
  private static func skip(_ stream: ZipPackage.PartStream) throws(BoardpackError) {
    var depth = 1
    while depth > 0, try stream.read() {
      switch stream.reader.kind {
      case .element where !stream.reader.isEmptyElement: depth += 1
      case .endElement: depth -= 1
      default: break
      }
    }
  }

  private init(stream: ZipPackage.PartStream, grid: SheetGrid) {
    self.stream = stream
    self.reader = stream.reader
    self.grid = grid
  }

  /// The rows of the table, in their groups (header rows, row groups) or not, to its end.
  private mutating func readTable() throws(BoardpackError) {
    var depth = 1
    while depth > 0, try stream.read() {
      let isEmpty = reader.isEmptyElement
      switch reader.kind {
      case .element:
        if !isEmpty { depth += 1 }
        if skipped > 0 {
          if !isEmpty { skipped += 1 }
        } else {
          try start(isEmpty: isEmpty)
        }
      case .endElement:
        depth -= 1
        if skipped > 0 {
          skipped -= 1
        } else {
          try end()
        }
      case .text where skipped == 0 && cell?.line != nil: cell?.line? += reader.value
      default: break
      }
    }
  }

  /// The reader is on a start tag (`isEmpty` when it is its end too).
  private mutating func start(isEmpty: Bool) throws(BoardpackError) {
    if reader.isNamed("table-row") {
      (cells, column) = ([], 1)
      rowRepeats = Self.repeats(
        reader.attribute("number-rows-repeated", namespace: Namespace.table))
      if isEmpty { try endRow() }
    } else if reader.isNamed("table-cell") || reader.isNamed("covered-table-cell") {
      var started = Cell(covered: reader.isNamed("covered-table-cell"))
      for name in [
        "value-type", "value", "date-value", "time-value", "boolean-value", "string-value",
      ] {
        started.attributes[name] = reader.attribute(name, namespace: Namespace.office)
      }
      started.attributes["repeated"] = reader.attribute(
        "number-columns-repeated", namespace: Namespace.table)
      started.isError = reader.attribute("value-type", namespace: Namespace.calcext) == "error"
      cell = started
      if isEmpty { try endCell() }
    } else if cell != nil {
      if reader.isNamed("p") || reader.isNamed("h") {
        if cell?.line == nil { cell?.line = "" }
        if isEmpty { endParagraph() }
      } else if reader.isNamed("s") {
        let count = reader.attribute("c", namespace: Namespace.text).flatMap(Int.init) ?? 1
        cell?.line? += String(repeating: " ", count: min(max(count, 1), 1_000))
      } else if reader.isNamed("tab") {
        cell?.line? += "\t"
      } else if reader.isNamed("line-break") {
        cell?.line? += "\n"
      } else if reader.isNamed("annotation") || reader.isNamed("note") || reader.isNamed("frame") {
        if !isEmpty { skipped = 1 }
      }
    }
  }

  /// The reader is on an end tag.
  private mutating func end() throws(BoardpackError) {
    if reader.isNamed("table-row") {
      try endRow()
    } else if reader.isNamed("table-cell") || reader.isNamed("covered-table-cell") {
      try endCell()
    } else if reader.isNamed("p") || reader.isNamed("h") {
      endParagraph()
    }
  }

  private mutating func endParagraph() {
    guard let line = cell?.line else { return }
    cell?.lines.append(line)
    cell?.line = nil
  }

  private mutating func endCell() throws(BoardpackError) {
    guard let finished = cell else { return }
    cell = nil
    let count = Self.repeats(finished.attributes["repeated"])
    let text: String
    switch value(of: finished) {
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

  private mutating func endRow() throws(BoardpackError) {
    try grid.append(row: rowNumber, cells, count: rowRepeats)
    rowNumber = min(rowNumber + rowRepeats, SheetGrid.maximumRows + 1)
  }

  /// A repeat count attribute's value, at most one past the largest sheet (a count too large for
  /// an `Int` too); 1 when absent or not a positive number.
  private static func repeats(_ text: String?) -> Int {
    let limit = SheetGrid.maximumRows + 1
    guard let text else { return 1 }
    guard let value = Int(text) else {
      return text.allSatisfy({ ("0"..."9").contains($0) }) && !text.isEmpty ? limit : 1
    }
    return min(max(value, 1), limit)
  }

  private struct Problem: Error {
    var message: String
  }

  /// The text of `cell` by its value type; a covered cell is empty.
  private func value(of cell: Cell) -> Result<String, Problem> {
    guard !cell.covered else { return .success("") }
    let stored = { (name: String) in cell.attributes[name] ?? "" }
    let text = cell.lines.joined(separator: "\n")
    if cell.isError {
      return .failure(Problem(message: "the cell holds the error \(text)"))
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
      return .success(cell.attributes["string-value"] ?? text)
    }
  }

  /// "14:30" from "14:30:00", "14:30:05" kept whole.
  private static func trimmedTime(_ time: Substring) -> String {
    time.hasSuffix(":00") ? String(time.dropLast(3)) : String(time)
  }
}
