import BoardpackXML
import Foundation

/// Reads one worksheet of an Office Open XML workbook (`.xlsx`, as Excel and LibreOffice save it)
/// into a `SheetGrid`: the workbook's list of sheets and its date system (1900, with Excel's
/// 29 February 1900 that never was, or 1904), the shared strings, the cell styles' number formats
/// (the built-in date formats and any custom format with days, months or years), then the sheet's
/// cells: shared, inline and formula strings, numbers, booleans and dates.
struct XLSXSheet {
  private let package: ZipPackage
  private let path: String
  /// The workbook's parts (`xl/…`) by relationship type, the last part of its URI ("styles").
  private var parts: [String: String] = [:]
  private var sharedStrings: [String] = []
  /// What each cell style (`s`) shows its number as.
  private var styles: [Kind] = []
  private var uses1904 = false

  /// What a number format makes of a cell's number.
  enum Kind: Equatable {
    case number, percent, date, time, dateTime
  }

  /// The sheet named `sheet` (the first when nil) of the workbook in `package`.
  static func read(_ package: ZipPackage, path: String, sheet: String?) throws(BoardpackError)
    -> SheetGrid
  {
    var reader = XLSXSheet(package: package, path: path)
    let (name, part) = try reader.readWorkbook(sheet: sheet)
    try reader.readSharedStrings()
    try reader.readStyles()
    return try reader.grid(ofPart: part, name: name)
  }

  private init(package: ZipPackage, path: String) {
    self.package = package
    self.path = path
  }

  /// The chosen sheet's name and part, and the date system; the workbook's parts by type.
  private mutating func readWorkbook(sheet wanted: String?) throws(BoardpackError) -> (
    String, String
  ) {
    guard let workbook = try package.xml("xl/workbook.xml")?.root else {
      throw BoardpackError(
        "not a spreadsheet: the package has no xl/workbook.xml", at: SourceLocation(file: path))
    }
    var targets: [String: String] = [:]
    for relationship in try package.xml("xl/_rels/workbook.xml.rels")?.root?.elements ?? [] {
      guard let id = relationship.attribute("Id"), let target = relationship.attribute("Target")
      else { continue }
      let part = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
      targets[id] = part
      if let type = relationship.attribute("Type")?.split(separator: "/").last {
        parts[String(type)] = part
      }
    }
    var sheets: [(name: String, place: String)] = []
    for element in workbook.elements {
      if element.name == "workbookPr" {
        uses1904 = ["1", "true"].contains(element.attribute("date1904") ?? "")
      }
      guard element.name == "sheets" else { continue }
      for sheet in element.elements where sheet.name == "sheet" {
        guard let name = sheet.attribute("name"),
          let id = sheet.attributes.first(where: { $0.name == "id" && $0.namespace != nil })?.value
        else { continue }
        sheets.append((name, targets[id] ?? ""))
      }
    }
    return try SpreadsheetReader.choose(wanted, among: sheets, path: path)
  }

  /// The text of each shared string, in order, read node by node (the part may be large): an
  /// item's text, or its runs' text, phonetic hints (`rPh`) left out.
  private mutating func readSharedStrings() throws(BoardpackError) {
    guard let part = try package.stream(parts["sharedStrings"] ?? "xl/sharedStrings.xml") else {
      return
    }
    let reader = part.reader
    var item: String?
    var (phonetic, inText) = (0, false)
    while try part.read() {
      switch reader.kind {
      case .element where reader.isNamed("si"):
        if reader.isEmptyElement { sharedStrings.append("") } else { item = "" }
      case .element where reader.isNamed("rPh"):
        if !reader.isEmptyElement { phonetic += 1 }
      case .element where reader.isNamed("t"):
        inText = item != nil && phonetic == 0 && !reader.isEmptyElement
      case .text where inText: item? += reader.value
      case .endElement where reader.isNamed("t"): inText = false
      case .endElement where reader.isNamed("rPh"): phonetic = max(0, phonetic - 1)
      case .endElement where reader.isNamed("si"):
        sharedStrings.append(Self.decoded(item ?? ""))
        item = nil
      default: break
      }
    }
  }

  /// A string's text with the characters Excel writes as `_xHHHH_` (those XML cannot hold, and
  /// "_" before such a code) restored where XML can hold them.
  static func decoded(_ text: String) -> String {
    guard text.contains("_x") else { return text }
    var result = text
    for (code, character) in [("000D", "\r"), ("000A", "\n"), ("0009", "\t"), ("005F", "_")] {
      result = result.replacingOccurrences(of: "_x\(code)_", with: character)
    }
    return result
  }

  /// What each cell style shows: `cellXfs` in order, each by its number format.
  private mutating func readStyles() throws(BoardpackError) {
    guard let root = try package.xml(parts["styles"] ?? "xl/styles.xml")?.root else { return }
    var custom: [Int: Kind] = [:]
    root.firstElement(named: "numFmts")?.forEachElement { format in
      if let id = format.attribute("numFmtId").flatMap(Int.init),
        let code = format.attribute("formatCode")
      {
        custom[id] = Self.kind(ofFormat: code)
      }
    }
    root.firstElement(named: "cellXfs")?.forEachElement { style in
      let id = style.attribute("numFmtId").flatMap(Int.init) ?? 0
      styles.append(custom[id] ?? Self.builtIn(id))
    }
  }

  /// What Excel's built-in number format `id` shows: percentages (9, 10), dates (14–17 and the East
  /// Asian 27–36, 50–58), times (18–21, 45–47) and a date with a time (22).
  static func builtIn(_ id: Int) -> Kind {
    switch id {
    case 9, 10: .percent
    case 14...17, 27...36, 50...58: .date
    case 18...21, 45...47: .time
    case 22: .dateTime
    default: .number
    }
  }

  /// What a custom format code shows, from its first section with quoted text, escaped and
  /// bracketed parts ("[$£-809]", "[Red]") left out: a date when it has days or years, a time when
  /// it has hours or seconds, a percentage when it has "%".
  static func kind(ofFormat code: String) -> Kind {
    var letters = ""
    var characters = code.makeIterator()
    scan: while let character = characters.next() {
      switch character {
      case ";": break scan
      case "\"": while let next = characters.next(), next != "\"" {}
      case "\\", "_", "*": _ = characters.next()
      case "[": while let next = characters.next(), next != "]" {}
      default: letters.append(Character(character.lowercased()))
      }
    }
    let hasDate = letters.contains("d") || letters.contains("y")
    let hasTime = letters.contains("h") || letters.contains("s")
    switch (hasDate, hasTime) {
    case (true, true): return .dateTime
    case (true, false): return .date
    case (false, true): return .time
    case (false, false): return letters.contains("%") ? .percent : .number
    }
  }

  // MARK: Cells

  /// The cells of the worksheet in `part` as text, read node by node, so that memory holds the
  /// cells' text and not a tree of the whole sheet.
  private func grid(ofPart part: String, name: String) throws(BoardpackError) -> SheetGrid {
    guard let stream = try package.stream(part) else {
      throw BoardpackError(
        "the workbook lists sheet \"\(name)\" at \(part), which the package does not hold",
        at: SourceLocation(file: path))
    }
    let reader = stream.reader
    var grid = SheetGrid(name: name, path: path)
    var (rowNumber, cells) = (0, [String]())
    // The cell being read: its column, type and style, its stored value and inline text.
    var cell: (column: Int, type: String, style: Int?)?
    var (stored, inline): (String?, String?) = (nil, nil)
    var (phonetic, inValue, inText) = (0, false, false)
    func finishCell() {
      defer { (cell, stored, inline, inValue, inText) = (nil, nil, nil, false, false) }
      // A second cell for one place: the first counts.
      guard let current = cell, current.column > cells.count else { return }
      cells += repeatElement("", count: current.column - 1 - cells.count)
      switch value(type: current.type, style: current.style, stored: stored, inline: inline) {
      case .success(let text): cells.append(text)
      case .failure(let problem):
        grid.fail(row: rowNumber, column: current.column, problem.message)
        cells.append("")
      }
    }
    while try stream.read() {
      switch reader.kind {
      case .element where reader.isNamed("row"):
        rowNumber = reader.attribute("r").flatMap(Int.init) ?? rowNumber + 1
        try grid.check(row: rowNumber, column: 1)
        cells = []
      case .element where reader.isNamed("c"):
        let column = reader.attribute("r").flatMap(Self.column(inReference:)) ?? cells.count + 1
        try grid.check(row: rowNumber, column: column)
        cell = (column, reader.attribute("t") ?? "n", reader.attribute("s").flatMap(Int.init))
        if reader.isEmptyElement { finishCell() }
      case .element where cell == nil: break
      case .element where reader.isNamed("v"):
        stored = stored ?? ""
        inValue = !reader.isEmptyElement
      case .element where reader.isNamed("is"): inline = inline ?? ""
      case .element where reader.isNamed("rPh"): if !reader.isEmptyElement { phonetic += 1 }
      case .element where reader.isNamed("t"):
        inText = inline != nil && phonetic == 0 && !reader.isEmptyElement
      case .text where inValue: stored? += reader.value
      case .text where inText: inline? += reader.value
      case .endElement where reader.isNamed("v"): inValue = false
      case .endElement where reader.isNamed("t"): inText = false
      case .endElement where reader.isNamed("rPh"): phonetic = max(0, phonetic - 1)
      case .endElement where reader.isNamed("c"): finishCell()
      case .endElement where reader.isNamed("row"): try grid.append(row: rowNumber, cells)
      default: break
      }
    }
    return grid
  }

  private struct Problem: Error {
    var message: String
  }

  /// The text of a cell of type `type` (`t`) holding `stored` (`v`) or `inline` (`is`), and for
  /// a number, shown by the format of its style `style` (`s`).
  private func value(type: String, style: Int?, stored: String?, inline: String?) -> Result<
    String, Problem
  > {
    switch type {
    case "s":
      guard let index = stored.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }),
        sharedStrings.indices.contains(index)
      else {
        return .failure(
          Problem(message: "the cell names a shared string the workbook does not have"))
      }
      return .success(sharedStrings[index])
    case "inlineStr": return .success(Self.decoded(inline ?? ""))
    case "str": return .success(stored ?? "")
    case "b":
      return .success(stored?.trimmingCharacters(in: .whitespaces) == "1" ? "TRUE" : "FALSE")
    case "e": return .failure(Problem(message: "the cell holds the error \(stored ?? "")"))
    case "d":
      guard let stored, let date = CalendarDate(iso: String(stored.prefix(10))), date.isValid else {
        return .failure(Problem(message: "the cell's date \"\(stored ?? "")\" is not a date"))
      }
      return .success(date.iso)
    default:
      guard let stored, !stored.isEmpty else { return .success("") }
      guard let number = SheetValue.decimal(stored) else {
        return .failure(Problem(message: "the cell's number \"\(stored)\" is not a number"))
      }
      let kind = style.flatMap { styles.indices.contains($0) ? styles[$0] : nil }
      return shown(number, as: kind ?? .number)
    }
  }

  /// A number as its format shows it: a date counted in days from the workbook's epoch, a time
  /// as a fraction of a day, a percentage, or the number itself.
  private func shown(_ number: Decimal, as kind: Kind) -> Result<String, Problem> {
    switch kind {
    case .number: return .success(number.plainText)
    case .percent: return .success(SheetValue.percent(number))
    case .time: return .success(SheetValue.time(of: number))
    case .date, .dateTime:
      // In the 1900 system day 1 is 1 January 1900 and day 60 is 29 February 1900, which Excel
      // counts (as Lotus 1-2-3 did) though 1900 was no leap year; later days count from 30 December 1899.
      let epoch =
        uses1904
        ? CalendarDate(year: 1904, month: 1, day: 1)
        : number < 60
          ? CalendarDate(year: 1899, month: 12, day: 31)
          : CalendarDate(year: 1899, month: 12, day: 30)
      if !uses1904, number >= 60, number < 61 {
        return .failure(
          Problem(
            message:
              "the cell's date is 29 February 1900, which never was (a slip Excel keeps for Lotus 1-2-3)"
          ))
      }
      guard number >= (uses1904 ? 0 : 1),
        let text = SheetValue.date(days: number, after: epoch, showsTime: kind == .dateTime)
      else {
        return .failure(
          Problem(message: "the cell's number \(number.plainText) is not a date the sheet can show")
        )
      }
      return .success(text)
    }
  }

  /// The 1-based column of a cell reference ("C7" → 3), nil when it has no letters.
  static func column(inReference reference: String) -> Int? {
    var column = 0
    for scalar in reference.unicodeScalars {
      guard ("A"..."Z").contains(scalar) else { break }
      column = column * 26 + Int(scalar.value) - 64
      if column > SheetGrid.maximumColumns { return SheetGrid.maximumColumns + 1 }
    }
    return column > 0 ? column : nil
  }
}
